package com.engagementboard.audit;

import com.engagementboard.audit.AuditEntry.Action;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A change to one record, collected during a transaction. Changes to the same record in the same
 * transaction fold into one line: what it was before the transaction, what it is at its end (no one
 * outside the transaction ever saw the states in between).
 */
final class PendingChange {

    final Instant at;
    final String actor;
    final String entityType;
    final String entityId;
    final Action action;
    final Map<String, Object> before;
    final Map<String, Object> after;

    PendingChange(Instant at, String actor, String entityType, String entityId, Action action,
            Map<String, Object> before, Map<String, Object> after) {
        this.at = at;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.before = before == null ? null : new LinkedHashMap<>(before);
        this.after = after == null ? null : new LinkedHashMap<>(after);
    }

    /** Which record changed: the key under which changes of one transaction fold together. */
    Record record() {
        return new Record(entityType, entityId);
    }

    record Record(String entityType, String entityId) {
    }

    /** A later update of the same record in the same transaction; false if it cannot fold in. */
    boolean absorb(PendingChange update) {
        if (update.action != Action.UPDATED || action == Action.DELETED || !actor.equals(update.actor)) {
            return false;
        }
        if (action == Action.UPDATED) {
            update.before.forEach(before::putIfAbsent);
        }
        after.putAll(update.after);
        return true;
    }

    /** For an update, the properties that really differ at the end; empty if nothing does. */
    PendingChange settled() {
        if (action == Action.UPDATED) {
            before.keySet().removeIf(name -> Objects.equals(before.get(name), after.get(name)));
            after.keySet().retainAll(before.keySet());
        }
        return this;
    }

    boolean isEmpty() {
        return action == Action.UPDATED && before.isEmpty();
    }
}
