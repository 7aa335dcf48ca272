package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One meeting of the board, regular (on the cadence) or extraordinary (called by the chair). */
@Entity
@Table(name = "board_meeting")
class Meeting {

    enum Kind { REGULAR, EXTRAORDINARY }

    enum Status { SCHEDULED, AGENDA_CLOSED, AGENDA_PUBLISHED, IN_SESSION, CLOSED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 15)
    private Kind kind;

    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;

    @Column(name = "agenda_cutoff", nullable = false)
    private Instant agendaCutoff;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.SCHEDULED;

    @Column(name = "called_by", length = 64)
    private String calledBy;

    @Column(length = 2000)
    private String reason;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Meeting() {
    }

    Meeting(Kind kind, Instant scheduledAt, Instant agendaCutoff, Instant endsAt, String calledBy, String reason) {
        this.kind = kind;
        this.scheduledAt = scheduledAt;
        this.agendaCutoff = agendaCutoff;
        this.endsAt = endsAt;
        this.calledBy = calledBy;
        this.reason = reason;
    }

    void reschedule(Instant at, Instant cutoff, Instant ends) {
        this.scheduledAt = at;
        this.agendaCutoff = cutoff;
        this.endsAt = ends;
    }

    void status(Status next) {
        this.status = next;
    }

    void open(Instant when) {
        this.status = Status.IN_SESSION;
        this.openedAt = when;
    }

    void close(Instant when) {
        this.status = Status.CLOSED;
        this.closedAt = when;
    }

    Long getId() {
        return id;
    }

    Kind getKind() {
        return kind;
    }

    Instant getScheduledAt() {
        return scheduledAt;
    }

    Instant getAgendaCutoff() {
        return agendaCutoff;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    Status getStatus() {
        return status;
    }

    String getCalledBy() {
        return calledBy;
    }

    String getReason() {
        return reason;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
