package com.engagementboard.board;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.Immutable;

/**
 * An entry of the decision register. Written once and never changed: a later decision can supersede
 * it (and names it), never edit it. Holds a copy of the item, its fact base and every vote as they
 * were when decided.
 */
@Entity
@Immutable
@Table(name = "board_decision", indexes = @Index(name = "ix_board_decision_decided_at", columnList = "decided_at, id"))
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

    /** Comma-separated touchpoint codes, as the register shows and exports them. */
    @Column(length = 2000)
    private String touchpoints;

    /** Comma-separated function codes the decision concerns (owners of its touchpoints, actions). */
    @Column(length = 2000)
    private String functions;

    /**
     * The same touchpoint codes, one row each: what the register is searched by. A LIKE over the
     * comma-separated column reads every decision; these rows have an index led by the code. The schema
     * (and the rows of decisions written before them) come from Flyway, V7 and V7_1.
     */
    @ElementCollection
    @CollectionTable(name = "board_decision_touchpoint", joinColumns = @JoinColumn(name = "decision_id"),
            indexes = @Index(name = "ix_board_decision_touchpoint_code", columnList = "touchpoint_code, decision_id"))
    @Column(name = "touchpoint_code", length = 60, nullable = false)
    private Set<String> touchpointCodes = new LinkedHashSet<>();

    /** The function codes, one row each, for the same reason. */
    @ElementCollection
    @CollectionTable(name = "board_decision_function", joinColumns = @JoinColumn(name = "decision_id"),
            indexes = @Index(name = "ix_board_decision_function_code", columnList = "function_code, decision_id"))
    @Column(name = "function_code", length = 40, nullable = false)
    private Set<String> functionCodes = new LinkedHashSet<>();

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
        this.touchpointCodes = codes(touchpoints);
        this.functionCodes = codes(functions);
        this.supersedesId = supersedesId;
        this.decidedAt = decidedAt;
    }

    /** The codes of a comma-separated column (codes never hold a comma: see organisation's Codes). */
    private static Set<String> codes(String commaSeparated) {
        return commaSeparated == null ? new LinkedHashSet<>() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
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
