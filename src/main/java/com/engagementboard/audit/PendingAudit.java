package com.engagementboard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
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
    private static final int BATCH = 500;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final String INSERT = "insert into audit_entry (occurred_at, actor, entity_type, entity_id, "
            + "action, state_before, state_after) values (?, ?, ?, ?, ?, ?, ?)";

    private final Consumer<SharedSessionContractImplementor> release;
    private final List<PendingChange> changes = new ArrayList<>();
    private final Map<PendingChange.Record, PendingChange> latest = new HashMap<>();

    PendingAudit(Consumer<SharedSessionContractImplementor> release) {
        this.release = release;
    }

    synchronized void add(PendingChange change) {
        // The record's latest change in this transaction, found by key: a charter's thousands of rights
        // are thousands of changes, and looking back through the list for each was quadratic.
        PendingChange.Record record = change.record();
        PendingChange earlier = latest.get(record);
        if (earlier != null && earlier.absorb(change)) {
            return;
        }
        changes.add(change);
        latest.put(record, change);
    }

    @Override
    public synchronized void doBeforeTransactionCompletion(SessionImplementor session) {
        // Changes made from here on (by another completion process) open a new batch, which runs after this one.
        release.accept(session);
        List<AuditEntry> entries = changes.stream().map(PendingChange::settled).filter(change -> !change.isEmpty())
                .map(PendingAudit::entry).toList();
        changes.clear();
        latest.clear();
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try {
            insert(connection, entries);
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not write the audit trail",
                    INSERT);
        }
    }

    /**
     * One JDBC batch per {@value #BATCH} lines: a charter's 8,000 rights are 8,000 lines, and written one
     * statement at a time (the ids are the database's identity) they were a good part of a charter's import.
     * The instant is bound in UTC, as Hibernate binds the entity's {@code Instant}.
     */
    private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (AuditEntry entry : entries) {
                insert.setTimestamp(1, Timestamp.from(entry.getAt()), Calendar.getInstance(UTC));
                insert.setString(2, entry.getActor());
                insert.setString(3, entry.getEntityType());
                insert.setString(4, entry.getEntityId());
                insert.setString(5, entry.getAction().name());
                insert.setString(6, entry.getBefore());
                insert.setString(7, entry.getAfter());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    @Override
    public synchronized void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
        release.accept(session);
        changes.clear();
        latest.clear();
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
