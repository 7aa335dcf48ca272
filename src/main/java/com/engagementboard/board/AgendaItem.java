package com.engagementboard.board;

import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.Transitions;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Something the board is asked to decide: the decision asked, the touchpoints concerned and its fact
 * base (touchpoint priority, customer behaviour, competitors' moves).
 */
@Entity
@Table(name = "agenda_item")
class AgendaItem {

    enum Kind { MEMBER, CHARTER_DISPUTE, CHANGE }

    /** The longest reason an author may give for withdrawing an item (the chair reads it). */
    static final int MAX_WITHDRAWAL_REASON = 2000;

    /**
     * Where an item stands, and where it may go next. The moves are those of {@code agenda-item.bpmn}
     * (submitted, returned for facts, resubmitted, withdrawn, queued) and {@code board-meeting.bpmn} (put
     * on an agenda when it closes, deferred by the chair, carried over without quorum or returned by the
     * CEO, decided). A decided or withdrawn item moves no more.
     */
    enum Status implements Transitions<Status> {
        SUBMITTED, RETURNED, QUEUED, ON_AGENDA, DEFERRED, CARRIED_OVER, DECIDED, WITHDRAWN;

        Set<Status> next() {
            return switch (this) {
                case SUBMITTED -> EnumSet.of(QUEUED, RETURNED, WITHDRAWN);
                case RETURNED -> EnumSet.of(SUBMITTED, WITHDRAWN);
                case QUEUED, DEFERRED, CARRIED_OVER -> EnumSet.of(ON_AGENDA, WITHDRAWN);
                // Withdrawn from an agenda only until the chair publishes it (AgendaItems.withdrawByAuthor).
                case ON_AGENDA -> EnumSet.of(DEFERRED, CARRIED_OVER, DECIDED, WITHDRAWN);
                case DECIDED, WITHDRAWN -> EnumSet.noneOf(Status.class);
            };
        }

        @Override
        public boolean canMoveTo(Status next) {
            return next().contains(next);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "decision_asked", nullable = false, length = 2000)
    private String decisionAsked;

    @Column(nullable = false, length = 64)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.SUBMITTED;

    @Column(name = "fact_priority", length = 4000)
    private String factPriority;

    @Column(name = "fact_behaviour", length = 4000)
    private String factBehaviour;

    @Column(name = "fact_competitors", length = 4000)
    private String factCompetitors;

    @Column(name = "return_reason", length = 2000)
    private String returnReason;

    @Column(name = "ceo_question", length = 4000)
    private String ceoQuestion;

    @Column(name = "charter_version_id")
    private Long charterVersionId;

    /** The touchpoint change that brought it (kind CHANGE): the board's decision goes back to it. */
    @Column(name = "change_id")
    private Long changeId;

    @Column(name = "charter_proposal", length = 4000)
    private String charterProposal;

    /** The board ruled on this dispute while no charter process waited: the chair is yet to be told. */
    @Column(name = "late_ruling_pending", nullable = false)
    private boolean lateRulingPending;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "agenda_item_touchpoint", joinColumns = @JoinColumn(name = "item_id"),
            inverseJoinColumns = @JoinColumn(name = "touchpoint_id"))
    private Set<Touchpoint> touchpoints = new LinkedHashSet<>();

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ProposedAction> actions = new ArrayList<>();

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawal_reason", length = MAX_WITHDRAWAL_REASON)
    private String withdrawalReason;

    @Version
    private long version;

    protected AgendaItem() {
    }

    AgendaItem(Kind kind, String title, String decisionAsked, String author, Instant createdAt) {
        this.kind = kind;
        this.title = title;
        this.decisionAsked = decisionAsked;
        this.author = author;
        this.createdAt = createdAt;
    }

    /** The fact base, given when the item is submitted (or resubmitted), before it is checked. */
    void facts(String priority, String behaviour, String competitors) {
        if (status != Status.SUBMITTED) {
            throw new IllegalTransitionException("Agenda item " + id, status, "given a new fact base",
                    EnumSet.of(Status.SUBMITTED));
        }
        this.factPriority = blankToNull(priority);
        this.factBehaviour = blankToNull(behaviour);
        this.factCompetitors = blankToNull(competitors);
    }

    boolean hasFactBase() {
        return factPriority != null || factBehaviour != null || factCompetitors != null;
    }

    /** The check found no fact base: back to the author, with the reason. */
    void returnToAuthor(String reason) {
        moveTo(Status.RETURNED, "returned to its author");
        this.returnReason = reason;
    }

    /** The author resubmits a returned item with (new) facts, to be checked again. */
    void resubmit(String priority, String behaviour, String competitors) {
        moveTo(Status.SUBMITTED, "resubmitted");
        this.returnReason = null;
        facts(priority, behaviour, competitors);
    }

    /** Its author withdraws it, with the reason, while it waits for an agenda or the chair prepares one. */
    void withdraw(Instant when, String why) {
        moveTo(Status.WITHDRAWN, "withdrawn");
        this.withdrawnAt = when;
        this.withdrawalReason = why;
    }

    /** The author withdraws a returned item. */
    void withdraw() {
        moveTo(Status.WITHDRAWN, "withdrawn");
    }

    /** The board's decision on this dispute found no charter process waiting: its own process tells the chair. */
    void lateRuling() {
        if (status != Status.DECIDED || kind != Kind.CHARTER_DISPUTE) {
            throw new IllegalTransitionException("Agenda item " + id, status, "ruled on late",
                    EnumSet.of(Status.DECIDED));
        }
        this.lateRulingPending = true;
    }

    /**
     * The late ruling is recorded with the charter and told to the chair, once: refused (409, nothing written)
     * when no late ruling is pending, so a message sent through the engine's API cannot invent or repeat one.
     */
    void lateRulingRecorded() {
        if (!lateRulingPending || status != Status.DECIDED || kind != Kind.CHARTER_DISPUTE) {
            throw new LateRulingNotPendingException(id, status);
        }
        this.lateRulingPending = false;
    }

    /** Its process ends it as withdrawn only when the record says so (409 otherwise, nothing written). */
    void requireWithdrawn() {
        if (status != Status.WITHDRAWN) {
            throw new IllegalTransitionException("Agenda item " + id, status, "ended as withdrawn",
                    EnumSet.of(Status.WITHDRAWN));
        }
    }

    /** It brings a fact base: it waits for the next agenda to close. */
    void queue() {
        moveTo(Status.QUEUED, "queued");
    }

    /** The next meeting's agenda closed with the item on it. */
    void putOnAgenda() {
        moveTo(Status.ON_AGENDA, "put on an agenda");
    }

    /** The chair deferred it to a later meeting. */
    void defer() {
        moveTo(Status.DEFERRED, "deferred");
    }

    /** No quorum: it goes on the next agenda. */
    void carryOver() {
        moveTo(Status.CARRIED_OVER, "carried over");
    }

    /** The CEO returned it with a question: it goes on the next agenda, the question with it. */
    void returnedByCeo(String question) {
        moveTo(Status.CARRIED_OVER, "returned to the board");
        this.ceoQuestion = question;
    }

    /** The board (or the CEO) decided it: final. */
    void decide() {
        moveTo(Status.DECIDED, "decided");
    }

    private void moveTo(Status next, String action) {
        Transitions.check("Agenda item " + id, status, next, action);
        this.status = next;
    }

    void change(long changeId) {
        this.changeId = changeId;
    }

    Long getChangeId() {
        return changeId;
    }

    void charterDispute(long charterVersionId, String proposal) {
        this.charterVersionId = charterVersionId;
        this.charterProposal = proposal;
    }

    /** The fact base as markdown. */
    String factBase() {
        StringBuilder facts = new StringBuilder();
        append(facts, "Touchpoint priority", factPriority);
        append(facts, "Customer behaviour", factBehaviour);
        append(facts, "Competitors' moves", factCompetitors);
        append(facts, "The CEO asks", ceoQuestion);
        return facts.toString().strip();
    }

    private static void append(StringBuilder facts, String label, String value) {
        if (value != null) {
            facts.append("- **").append(label).append(":** ").append(value).append('\n');
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    Long getId() {
        return id;
    }

    Kind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    String getDecisionAsked() {
        return decisionAsked;
    }

    String getAuthor() {
        return author;
    }

    Status getStatus() {
        return status;
    }

    String getFactPriority() {
        return factPriority;
    }

    String getFactBehaviour() {
        return factBehaviour;
    }

    String getFactCompetitors() {
        return factCompetitors;
    }

    String getReturnReason() {
        return returnReason;
    }

    String getCeoQuestion() {
        return ceoQuestion;
    }

    Long getCharterVersionId() {
        return charterVersionId;
    }

    String getCharterProposal() {
        return charterProposal;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Touchpoint> getTouchpoints() {
        return touchpoints;
    }

    List<ProposedAction> getActions() {
        return actions;
    }

    Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    String getWithdrawalReason() {
        return withdrawalReason;
    }
}
