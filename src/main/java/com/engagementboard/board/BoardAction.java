package com.engagementboard.board;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.Transitions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;

/** An action a decision created at a touchpoint, for the function that operates (or builds) it. */
@Entity
@Table(name = "board_action", indexes = {
        @jakarta.persistence.Index(name = "ix_board_action_status_due", columnList = "status, due_at, id"),
        @jakarta.persistence.Index(name = "ix_board_action_decision", columnList = "decision_id") })
class BoardAction {

    /**
     * {@code board-action.bpmn}: the owner carries the action out and it is closed as done, for good; or the
     * owner reports it blocked and the chair gives it back (open again, with more time) or cancels it; the chair
     * may also cancel an open action at any time. Done and cancelled are final.
     */
    enum Status implements Transitions<Status> {
        OPEN, DONE, BLOCKED, CANCELLED;

        @Override
        public boolean canMoveTo(Status next) {
            return switch (this) {
                case OPEN -> next == DONE || next == BLOCKED || next == CANCELLED;
                case BLOCKED -> next == OPEN || next == CANCELLED;
                case DONE, CANCELLED -> false;
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "decision_id", nullable = false)
    private Long decisionId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "function_id")
    private BusinessFunction function;

    @Column(name = "owner_group", nullable = false, length = 64)
    private String ownerGroup;

    @Column(name = "right_kind", nullable = false, length = 10)
    private String right;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status = Status.OPEN;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(length = 4000)
    private String report;

    @Column(name = "done_by", length = 64)
    private String doneBy;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "blocked_by", length = 64)
    private String blockedBy;

    @Column(name = "blocked_at")
    private Instant blockedAt;

    @Column(name = "cancelled_by", length = 64)
    private String cancelledBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    static final int MAX_NOTE = 2000;

    /** The chair's reason for cancelling it, or her note when she gave it back. */
    @Column(name = "chair_note", length = MAX_NOTE)
    private String chairNote;

    protected BoardAction() {
    }

    BoardAction(long decisionId, Touchpoint touchpoint, BusinessFunction function, String ownerGroup, String right,
            String description, Instant dueAt) {
        this.decisionId = decisionId;
        this.touchpoint = touchpoint;
        this.function = function;
        this.ownerGroup = ownerGroup;
        this.right = right;
        this.description = description;
        this.dueAt = dueAt;
    }

    /** Overdue: the owner was reminded. Only an open action is. */
    void reminded(Instant when) {
        if (status != Status.OPEN) {
            throw new IllegalTransitionException("Action " + id, status, "reminded", EnumSet.of(Status.OPEN));
        }
        this.remindedAt = when;
    }

    /** The owner reports what was done: the action closes, once. */
    void done(String userId, String text, Instant when) {
        Transitions.check("Action " + id, status, Status.DONE, "closed as done");
        this.status = Status.DONE;
        this.doneBy = userId;
        this.report = text;
        this.doneAt = when;
    }

    /** The owner cannot carry it out: what blocks it is the report; the chair decides. */
    void blocked(String userId, String whatBlocksIt, Instant when) {
        Transitions.check("Action " + id, status, Status.BLOCKED, "reported blocked");
        this.status = Status.BLOCKED;
        this.blockedBy = userId;
        this.blockedAt = when;
        this.report = whatBlocksIt;
    }

    /** The chair gives a blocked action back to its owner, due later. */
    void resumed(String note, Instant newDue) {
        Transitions.check("Action " + id, status, Status.OPEN, "given back to its owner");
        this.status = Status.OPEN;
        this.chairNote = note;
        this.dueAt = newDue;
        this.remindedAt = null;
    }

    /** The chair cancels the action, open or blocked, with her reason. */
    void cancel(String userId, String reason, Instant when) {
        Transitions.check("Action " + id, status, Status.CANCELLED, "cancelled");
        this.status = Status.CANCELLED;
        this.cancelledBy = userId;
        this.cancelledAt = when;
        this.chairNote = reason;
    }

    boolean overdue(Instant now) {
        return status == Status.OPEN && dueAt.isBefore(now);
    }

    Long getId() {
        return id;
    }

    Long getDecisionId() {
        return decisionId;
    }

    Touchpoint getTouchpoint() {
        return touchpoint;
    }

    BusinessFunction getFunction() {
        return function;
    }

    String getOwnerGroup() {
        return ownerGroup;
    }

    String getRight() {
        return right;
    }

    String getDescription() {
        return description;
    }

    Instant getDueAt() {
        return dueAt;
    }

    Status getStatus() {
        return status;
    }

    Instant getRemindedAt() {
        return remindedAt;
    }

    String getReport() {
        return report;
    }

    String getDoneBy() {
        return doneBy;
    }

    String getBlockedBy() {
        return blockedBy;
    }

    Instant getBlockedAt() {
        return blockedAt;
    }

    String getCancelledBy() {
        return cancelledBy;
    }

    Instant getCancelledAt() {
        return cancelledAt;
    }

    String getChairNote() {
        return chairNote;
    }

    Instant getDoneAt() {
        return doneAt;
    }
}
