package com.engagementboard.board;

import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.Transitions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** One meeting of the board, regular (on the cadence) or extraordinary (called by the chair). */
@Entity
@Table(name = "board_meeting", indexes = @jakarta.persistence.Index(name = "ix_board_meeting_scheduled_at",
        columnList = "scheduled_at, id"))
class Meeting {

    enum Kind { REGULAR, EXTRAORDINARY }

    /**
     * Where a meeting stands, and where it may go next: the path of {@code board-meeting.bpmn}. Its agenda
     * closes at the cut-off (or the meeting closes at once with nothing to decide), the chair publishes
     * it, the meeting opens at its time and closes when every item is dealt with. A closed meeting never
     * reopens. The chair may call it off ({@code CANCELLED}) until it opens.
     */
    enum Status implements Transitions<Status> {
        SCHEDULED, AGENDA_CLOSED, AGENDA_PUBLISHED, IN_SESSION, CLOSED, CANCELLED;

        Set<Status> next() {
            return switch (this) {
                case SCHEDULED -> EnumSet.of(AGENDA_CLOSED, CLOSED, CANCELLED);
                case AGENDA_CLOSED -> EnumSet.of(AGENDA_PUBLISHED, CANCELLED);
                case AGENDA_PUBLISHED -> EnumSet.of(IN_SESSION, CANCELLED);
                case IN_SESSION -> EnumSet.of(CLOSED);
                case CLOSED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }

        @Override
        public boolean canMoveTo(Status next) {
            return next().contains(next);
        }
    }

    /** The longest reason the chair may give for calling a meeting off (the members read it). */
    static final int MAX_REASON = 2000;

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

    @Column(name = "called_off_at")
    private Instant calledOffAt;

    @Column(name = "called_off_by", length = 64)
    private String calledOffBy;

    @Column(name = "call_off_reason", length = MAX_REASON)
    private String callOffReason;

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

    /** A new cadence moves a meeting whose agenda is still open. */
    void reschedule(Instant at, Instant cutoff, Instant ends) {
        require(Status.SCHEDULED, "rescheduled");
        this.scheduledAt = at;
        this.agendaCutoff = cutoff;
        this.endsAt = ends;
    }

    /** The cut-off: with items the chair prepares the agenda; without, the meeting closes, nothing to decide. */
    void closeAgenda(int items, Instant when) {
        require(Status.SCHEDULED, "given a closed agenda");
        if (items == 0) {
            moveTo(Status.CLOSED, "closed with nothing to decide");
            this.closedAt = when;
        } else {
            moveTo(Status.AGENDA_CLOSED, "given a closed agenda");
        }
    }

    /** The chair published the agenda (ordered, some items perhaps deferred). */
    void publishAgenda() {
        moveTo(Status.AGENDA_PUBLISHED, "given a published agenda");
    }

    void open(Instant when) {
        moveTo(Status.IN_SESSION, "opened");
        this.openedAt = when;
    }

    /** Every item is dealt with: the minutes are written. */
    void close(Instant when) {
        require(Status.IN_SESSION, "closed after its session");
        moveTo(Status.CLOSED, "closed");
        this.closedAt = when;
    }

    /**
     * The chair calls the meeting off before it opens, with her reason: it is CANCELLED and writes no minutes.
     * Once in session it can only close (its minutes say what was left open).
     */
    void callOff(Instant when, String by, String why) {
        moveTo(Status.CANCELLED, "called off");
        this.calledOffAt = when;
        this.calledOffBy = by;
        this.callOffReason = why;
    }

    /** Votes, decisions, carry-overs and the CEO's answers belong to a meeting in session. */
    void requireInSession(String action) {
        require(Status.IN_SESSION, action);
    }

    /** Its process ends it as called off only when the record says so (409 otherwise, nothing written). */
    void requireCalledOff() {
        require(Status.CANCELLED, "ended as called off");
    }

    private void require(Status expected, String action) {
        if (status != expected) {
            throw new IllegalTransitionException("Meeting " + id, status, action, EnumSet.of(expected));
        }
    }

    private void moveTo(Status next, String action) {
        Transitions.check("Meeting " + id, status, next, action);
        this.status = next;
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

    Instant getCalledOffAt() {
        return calledOffAt;
    }

    String getCalledOffBy() {
        return calledOffBy;
    }

    String getCallOffReason() {
        return callOffReason;
    }
}
