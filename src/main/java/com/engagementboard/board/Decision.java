package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An entry of the decision register. Written once and never changed: a later decision can supersede
 * it (and names it), never edit it. Holds a copy of the item, its fact base and every vote as they
 * were when decided.
 */
@Entity
@Immutable
@Table(name = "board_decision")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(nullable = false, length = 10)
    private String outcome;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "decision_asked", nullable = false, length = 2000)
    private String decisionAsked;

    @Column(name = "fact_base", length = 12000)
    private String factBase;

    @Column(nullable = false, length = 4000)
    private String votes;

    @Column(name = "tie_broken_by", length = 64)
    private String tieBrokenBy;

    @Column(nullable = false)
    private boolean escalated;

    @Column(length = 4000)
    private String recommendation;

    @Column(name = "ceo_decision", length = 10)
    private String ceoDecision;

    @Column(name = "ceo_comment", length = 4000)
    private String ceoComment;

    /** The charter version in force when the decision was taken (null: no charter was in force). */
    @Column(name = "charter_version_id")
    private Long charterVersionId;

    /** Comma-separated touchpoint codes (for search). */
    @Column(length = 2000)
    private String touchpoints;

    /** Comma-separated function codes the decision concerns (owners of its touchpoints, actions). */
    @Column(length = 2000)
    private String functions;

    @Column(name = "supersedes_id")
    private Long supersedesId;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Decision() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    Decision(long meetingId, AgendaItem item, String outcome, String votes, String tieBrokenBy, boolean escalated,
            String recommendation, String ceoDecision, String ceoComment, Long charterVersionId, String touchpoints,
            String functions, Long supersedesId, Instant decidedAt) {
        this.meetingId = meetingId;
        this.itemId = item.getId();
        this.outcome = outcome;
        this.title = item.getTitle();
        this.decisionAsked = item.getDecisionAsked();
        this.factBase = item.factBase();
        this.votes = votes;
        this.tieBrokenBy = tieBrokenBy;
        this.escalated = escalated;
        this.recommendation = recommendation;
        this.ceoDecision = ceoDecision;
        this.ceoComment = ceoComment;
        this.charterVersionId = charterVersionId;
        this.touchpoints = touchpoints;
        this.functions = functions;
        this.supersedesId = supersedesId;
        this.decidedAt = decidedAt;
    }

    Long getId() {
        return id;
    }

    Long getMeetingId() {
        return meetingId;
    }

    Long getItemId() {
        return itemId;
    }

    String getOutcome() {
        return outcome;
    }

    String getTitle() {
        return title;
    }

    String getDecisionAsked() {
        return decisionAsked;
    }

    String getFactBase() {
        return factBase;
    }

    String getVotes() {
        return votes;
    }

    String getTieBrokenBy() {
        return tieBrokenBy;
    }

    boolean isEscalated() {
        return escalated;
    }

    String getRecommendation() {
        return recommendation;
    }

    String getCeoDecision() {
        return ceoDecision;
    }

    String getCeoComment() {
        return ceoComment;
    }

    Long getCharterVersionId() {
        return charterVersionId;
    }

    String getTouchpoints() {
        return touchpoints;
    }

    String getFunctions() {
        return functions;
    }

    Long getSupersedesId() {
        return supersedesId;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }
}
