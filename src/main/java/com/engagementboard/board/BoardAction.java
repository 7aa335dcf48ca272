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

    /** {@code board-action.bpmn}: the owner carries the action out and it is closed as done, for good. */
    enum Status implements Transitions<Status> {
        OPEN, DONE;

        @Override
        public boolean canMoveTo(Status next) {
            return this == OPEN && next == DONE;
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

    Instant getDoneAt() {
        return doneAt;
    }
}
