package com.engagementboard.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail: a record of the domain was created, changed or removed, by whom, when,
 * and what its persistent properties were before and after (JSON; for a change only the properties
 * that changed). Written once, in the transaction of the change, and never changed: Hibernate ignores
 * changes to an {@code @Immutable} entity, and nothing in the application updates or deletes the table.
 */
@Entity
@Immutable
@Table(name = "audit_entry", indexes = @jakarta.persistence.Index(name = "ix_audit_entry_occurred_at",
        columnList = "occurred_at, id"))
class AuditEntry {

    /** What happened to the record. */
    enum Action { CREATED, UPDATED, DELETED }

    /** The actor of changes that no logged-in person made (start-up, timers, jobs). */
    static final String SYSTEM = "system";

    static final int MAX_STATE_LENGTH = 30_000;
    static final int MAX_ACTOR_LENGTH = 64;
    static final int MAX_ENTITY_ID_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, length = MAX_ACTOR_LENGTH, updatable = false)
    private String actor;

    @Column(name = "entity_type", nullable = false, length = 60, updatable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = MAX_ENTITY_ID_LENGTH, updatable = false)
    private String entityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Action action;

    @Column(name = "state_before", length = MAX_STATE_LENGTH, updatable = false)
    private String before;

    @Column(name = "state_after", length = MAX_STATE_LENGTH, updatable = false)
    private String after;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, String entityType, String entityId, Action action, String before,
            String after) {
        this.at = at;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.before = before;
        this.after = after;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public Action getAction() {
        return action;
    }

    /** The properties before the change as a JSON object, or null for a creation. */
    public String getBefore() {
        return before;
    }

    /** The properties after the change as a JSON object, or null for a removal. */
    public String getAfter() {
        return after;
    }
}
