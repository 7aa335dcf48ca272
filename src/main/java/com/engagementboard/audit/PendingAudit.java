package com.engagementboard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.StatelessSession;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The changes of one transaction, written as audit lines right before the transaction commits (after
 * Hibernate's last flush), on the transaction's own connection: they commit with the change or not
 * at all. A rolled-back transaction drops them.
 */
final class PendingAudit implements BeforeTransactionCompletionProcess, AfterTransactionCompletionProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<SharedSessionContractImplementor> release;
    private final List<PendingChange> changes = new ArrayList<>();

    PendingAudit(Consumer<SharedSessionContractImplementor> release) {
        this.release = release;
    }

    synchronized void add(PendingChange change) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            PendingChange earlier = changes.get(i);
            if (earlier.sameRecord(change)) {
                if (earlier.absorb(change)) {
                    return;
                }
                break;
            }
        }
        changes.add(change);
    }

    @Override
    public synchronized void doBeforeTransactionCompletion(SessionImplementor session) {
        // Changes made from here on (by another completion process) open a new batch, which runs after this one.
        release.accept(session);
        List<AuditEntry> entries = changes.stream().map(PendingChange::settled).filter(change -> !change.isEmpty())
                .map(PendingAudit::entry).toList();
        changes.clear();
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try (StatelessSession writer = session.getFactory().openStatelessSession(connection)) {
            entries.forEach(writer::insert);
        }
    }

    @Override
    public synchronized void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
        release.accept(session);
        changes.clear();
    }

    private static AuditEntry entry(PendingChange change) {
        return new AuditEntry(change.at, StateRenderer.truncate(change.actor, AuditEntry.MAX_ACTOR_LENGTH - 20),
                change.entityType, StateRenderer.truncate(change.entityId, AuditEntry.MAX_ENTITY_ID_LENGTH - 30),
                change.action, json(change.before), json(change.after));
    }

    /** The state as a JSON object that fits its column: long texts and lists shrink further if need be. */
    static String json(Map<String, Object> state) {
        if (state == null) {
            return null;
        }
        String text = write(state);
        if (text.length() > AuditEntry.MAX_STATE_LENGTH) {
            text = write(shrink(state));
        }
        if (text.length() > AuditEntry.MAX_STATE_LENGTH) {
            text = write(Map.of("truncated", StateRenderer.truncate(text, AuditEntry.MAX_STATE_LENGTH / 3)));
        }
        return text;
    }

    private static Object shrink(Object value) {
        if (value instanceof String text) {
            return StateRenderer.truncate(text, 100);
        }
        if (value instanceof List<?> list) {
            List<Object> shrunk = new ArrayList<>(list.stream().limit(10).map(PendingAudit::shrink).toList());
            if (list.size() > 10) {
                shrunk.add("… " + (list.size() - 10) + " more");
            }
            return shrunk;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> shrunk = new LinkedHashMap<>();
            map.forEach((key, item) -> shrunk.put(key, shrink(item)));
            return shrunk;
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit state as JSON", e);
        }
    }
}
