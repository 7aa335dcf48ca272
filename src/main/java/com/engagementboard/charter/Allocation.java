package com.engagementboard.charter;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One right over one touchpoint, given to one function, and what its head made of it. */
@Entity
@Table(name = "charter_allocation")
public class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "charter_version_id")
    private CharterVersion charter;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @Enumerated(EnumType.STRING)
    @Column(name = "right_kind", nullable = false, length = 10)
    private RightKind right;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "function_id")
    private BusinessFunction function;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AllocationStatus status = AllocationStatus.PENDING;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 2000)
    private String decisionNote;

    protected Allocation() {
    }

    Allocation(CharterVersion charter, Touchpoint touchpoint, RightKind right, BusinessFunction function) {
        this.charter = charter;
        this.touchpoint = touchpoint;
        this.right = right;
        this.function = function;
    }

    /** A copy for another version; an unchanged right keeps its acceptance. */
    Allocation copyFor(CharterVersion other) {
        Allocation copy = new Allocation(other, touchpoint, right, function);
        copy.status = status;
        copy.decidedBy = decidedBy;
        copy.decidedAt = decidedAt;
        copy.decisionNote = decisionNote;
        return copy;
    }

    void accept(String userId, Instant when, String note) {
        decide(AllocationStatus.ACCEPTED, userId, when, note);
    }

    void decline(String userId, Instant when, String reason) {
        decide(AllocationStatus.DECLINED, userId, when, reason);
    }

    void reallocate(BusinessFunction newOwner) {
        this.function = newOwner;
        this.status = AllocationStatus.PENDING;
        this.decidedBy = null;
        this.decidedAt = null;
        this.decisionNote = null;
    }

    void changeOwner(BusinessFunction newOwner) {
        if (!newOwner.getId().equals(function.getId())) {
            reallocate(newOwner);
        }
    }

    private void decide(AllocationStatus decision, String userId, Instant when, String note) {
        this.status = decision;
        this.decidedBy = userId;
        this.decidedAt = when;
        this.decisionNote = note;
    }

    public Long getId() {
        return id;
    }

    public CharterVersion getCharter() {
        return charter;
    }

    public Touchpoint getTouchpoint() {
        return touchpoint;
    }

    public RightKind getRight() {
        return right;
    }

    public BusinessFunction getFunction() {
        return function;
    }

    public AllocationStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    boolean sameRight(Allocation other) {
        return touchpoint.getId().equals(other.touchpoint.getId()) && right == other.right;
    }

    boolean sameAs(Allocation other) {
        return sameRight(other) && function.getId().equals(other.function.getId());
    }
}
