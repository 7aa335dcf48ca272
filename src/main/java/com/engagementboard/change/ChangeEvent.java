package com.engagementboard.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a change's history: who did what, when, and what they said. */
@Entity
@Table(name = "touchpoint_change_event")
class ChangeEvent {

    static final int MAX_NOTE = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "change_id", nullable = false)
    private Long changeId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(length = MAX_NOTE)
    private String note;

    protected ChangeEvent() {
    }

    ChangeEvent(long changeId, Instant at, String actor, String kind, String note) {
        this.changeId = changeId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 3) + "...";
    }

    Long getId() {
        return id;
    }

    Long getChangeId() {
        return changeId;
    }

    Instant getAt() {
        return at;
    }

    String getActor() {
        return actor;
    }

    String getKind() {
        return kind;
    }

    String getNote() {
        return note;
    }
}
