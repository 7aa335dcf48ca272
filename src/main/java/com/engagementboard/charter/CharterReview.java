package com.engagementboard.charter;

import com.engagementboard.organisation.BusinessFunction;
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

/**
 * What one RENEW owner answered when an effective charter came up for review, or that they did not answer
 * before the review closed ({@link #NO_ANSWER}).
 */
@Entity
@Table(name = "charter_review")
class CharterReview {

    /** The decision recorded for a RENEW owner who had not answered when the review closed. */
    static final String NO_ANSWER = "NO_ANSWER";

    /** Who "decided" a {@link #NO_ANSWER}: nobody did. */
    static final String NOBODY = "nobody";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "charter_version_id", nullable = false)
    private Long charterId;

    @Column(name = "review_round", nullable = false)
    private int round;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "function_id")
    private BusinessFunction function;

    @Column(nullable = false, length = 20)
    private String decision;

    @Column(length = 4000)
    private String proposal;

    @Column(name = "decided_by", nullable = false, length = 64)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CharterReview() {
    }

    CharterReview(long charterId, int round, BusinessFunction function, String decision, String proposal,
            String decidedBy, Instant decidedAt) {
        this.charterId = charterId;
        this.round = round;
        this.function = function;
        this.decision = decision;
        this.proposal = proposal;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    BusinessFunction getFunction() {
        return function;
    }

    String getDecision() {
        return decision;
    }

    String getProposal() {
        return proposal;
    }

    String getDecidedBy() {
        return decidedBy;
    }
}
