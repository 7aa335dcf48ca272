package com.engagementboard.summit;

import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.Transitions;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** One customer engagement summit: who was invited, what they brought, and what it decided and founded. */
@Entity
@Table(name = "summit")
class Summit {

    /**
     * Where a summit stands: {@code engagement-summit.bpmn} convenes it (pre-work), the chair opens it
     * (vision, plan, sourcing, outcome) and it closes with its report. The chair may cancel it until it
     * closes (a postponed summit stays CONVENED, at its new date). A closed or cancelled summit never reopens.
     */
    enum Status implements Transitions<Status> {
        CONVENED, IN_SESSION, CLOSED, CANCELLED;

        @Override
        public boolean canMoveTo(Status next) {
            return this == CONVENED && next == IN_SESSION || this == IN_SESSION && next == CLOSED
                    || (this == CONVENED || this == IN_SESSION) && next == CANCELLED;
        }
    }

    /** A participant who gave no answer before the endorsement round closed (neither endorsed nor objected). */
    static final String NO_ANSWER = "NO_ANSWER";
    /** The longest reason the chair may give for cancelling or postponing (the participants read it). */
    static final int MAX_REASON = 2000;

    @Embeddable
    static class PlanActivity {
        @ManyToOne(fetch = FetchType.EAGER)
        @JoinColumn(name = "touchpoint_id")
        Touchpoint touchpoint;
        @Column(length = 2000)
        String activity;
        @Column(length = 500)
        String functions;
        @Column(name = "depends_on", length = 500)
        String dependsOn;
        @Column(name = "design_owner", length = 40)
        String design;
        @Column(name = "build_owner", length = 40)
        String build;
        @Column(name = "operate_owner", length = 40)
        String operate;
        @Column(name = "renew_owner", length = 40)
        String renew;

        protected PlanActivity() {
        }

        PlanActivity(Touchpoint touchpoint, String activity, String functions, String dependsOn, String design,
                String build, String operate, String renew) {
            this.touchpoint = touchpoint;
            this.activity = activity;
            this.functions = functions;
            this.dependsOn = dependsOn;
            this.design = design;
            this.build = build;
            this.operate = operate;
            this.renew = renew;
        }
    }

    @Embeddable
    static class Sourcing {
        @Enumerated(EnumType.STRING)
        @Column(length = 30)
        SourcingElement element;
        @Column(length = 10)
        String mode;
        @Column(length = 500)
        String partners;
        @Column(length = 2000)
        String reason;

        protected Sourcing() {
        }

        Sourcing(SourcingElement element, String mode, String partners, String reason) {
            this.element = element;
            this.mode = mode;
            this.partners = partners;
            this.reason = reason;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "summit_at", nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String chair;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.CONVENED;

    @Column(length = 4000)
    private String vision;

    @Column(name = "vision_rounds", nullable = false)
    private int visionRounds;

    @Column(length = 8000)
    private String dissent;

    @Column(length = 8000)
    private String silos;

    @Column(length = 20)
    private String outcome;

    @Column(name = "existing_body", length = 200)
    private String existingBody;

    @Column(name = "charter_draft_id")
    private Long charterDraftId;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by", length = 64)
    private String cancelledBy;

    @Column(name = "cancellation_reason", length = MAX_REASON)
    private String cancellationReason;

    /** When the summit was to meet before its last postponement. */
    @Column(name = "postponed_from")
    private Instant postponedFrom;

    @Column(name = "postponed_at")
    private Instant postponedAt;

    @Column(name = "postponed_by", length = 64)
    private String postponedBy;

    @Column(name = "postponement_reason", length = MAX_REASON)
    private String postponementReason;

    /** The chair postponed the summit and its process has not moved it yet. */
    @Column(name = "postponement_pending", nullable = false)
    private boolean postponementPending;

    /** Each participant is a record of their own: their answers never change the summit's version. */
    @OneToMany(mappedBy = "summit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("key.userId")
    private List<SummitParticipant> participants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "summit_plan_activity", joinColumns = @JoinColumn(name = "summit_id"))
    private List<PlanActivity> plan = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "summit_sourcing", joinColumns = @JoinColumn(name = "summit_id"))
    private List<Sourcing> sourcing = new ArrayList<>();

    @Version
    private long version;

    protected Summit() {
    }

    Summit(String title, Instant at, String chair, List<String> invited, Instant createdAt) {
        this.title = title;
        this.at = at;
        this.chair = chair;
        this.createdAt = createdAt;
        invited.forEach(user -> participants.add(new SummitParticipant(this, user)));
    }

    Optional<SummitParticipant> participant(String userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    /** A participant's pre-work (their assessments replace any earlier ones), before the summit opens. */
    void preWork(String userId, List<SummitParticipant.Assessment> answers, Instant when) {
        require(Status.CONVENED, "given pre-work");
        participant(userId).ifPresent(p -> p.preWork(answers, when));
    }

    void open(Instant when) {
        moveTo(Status.IN_SESSION, "opened");
        openedAt = when;
    }

    /** A new vision (or a revision) opens a new round of endorsements. */
    void vision(String text) {
        require(Status.IN_SESSION, "given a vision");
        vision = text;
        visionRounds++;
        participants.forEach(SummitParticipant::newRound);
    }

    /** A participant endorses the vision or objects to it (with the reason). */
    void endorse(String userId, String endorsement, String objection) {
        require(Status.IN_SESSION, "given an endorsement");
        participant(userId).ifPresent(p -> p.answer(endorsement, objection));
    }

    void dissent(String text) {
        require(Status.IN_SESSION, "given a dissent");
        dissent = dissent == null ? text : dissent + "\n" + text;
    }

    /** The coordinated touchpoint plan, replacing any earlier one. */
    void plan(List<PlanActivity> activities) {
        require(Status.IN_SESSION, "given a plan");
        plan.clear();
        plan.addAll(activities);
    }

    void silos(String text) {
        require(Status.IN_SESSION, "given its silos");
        silos = text;
    }

    /** The ecosystem sourcing, replacing any earlier decisions. */
    void sourcing(List<Sourcing> decisions) {
        require(Status.IN_SESSION, "given a sourcing decision");
        sourcing.clear();
        sourcing.addAll(decisions);
    }

    void outcome(String value, String body) {
        require(Status.IN_SESSION, "given an outcome");
        outcome = value;
        existingBody = body;
    }

    void charterDraft(long id) {
        require(Status.IN_SESSION, "given a charter draft");
        charterDraftId = id;
    }

    void close(Instant when) {
        moveTo(Status.CLOSED, "closed");
        closedAt = when;
    }

    /** The endorsement round closed: whoever had not answered is recorded as not answering. */
    void closeEndorsement() {
        require(Status.IN_SESSION, "closed an endorsement round");
        participants.forEach(SummitParticipant::noAnswer);
    }

    /** The chair cancels the summit, with her reason: it never closes with a report. */
    void cancel(Instant when, String by, String reason) {
        moveTo(Status.CANCELLED, "cancelled");
        cancelledAt = when;
        cancelledBy = by;
        cancellationReason = reason;
    }

    /**
     * Nothing was recorded for the summit long after its day: it ends as cancelled by nobody, with the reason.
     * A summit that has closed or was cancelled already does not lapse.
     */
    void lapse(Instant when, String reason) {
        moveTo(Status.CANCELLED, "lapsed");
        cancelledAt = when;
        cancelledBy = null;
        cancellationReason = reason;
    }

    /**
     * The chair moves the summit to a later date before it opens, with her reason; the pre-work given so
     * far is kept.
     */
    void postpone(Instant newAt, Instant when, String by, String reason) {
        require(Status.CONVENED, "postponed");
        postponedFrom = at;
        at = newAt;
        postponedAt = when;
        postponedBy = by;
        postponementReason = reason;
        postponementPending = true;
    }

    /**
     * What the process checks before it moves the summit: the chair's postponement is pending (a
     * {@code SummitPostponed} message without one, or sent a second time, is refused).
     */
    void requirePostponementPending() {
        if (!postponementPending || status != Status.CONVENED) {
            throw new SummitNotPostponedException(id, status);
        }
    }

    /** The process has moved the summit to its new date: the postponement is carried out. */
    void postponementCarriedOut() {
        requirePostponementPending();
        postponementPending = false;
    }

    /** The record says the summit was cancelled: what its process checks before it ends anything. */
    void requireCancelled() {
        require(Status.CANCELLED, "ended as cancelled");
    }

    /** The session's work (vision, plan, sourcing, what it founds) is done while the summit is in session. */
    void requireInSession(String action) {
        require(Status.IN_SESSION, action);
    }

    private void require(Status expected, String action) {
        if (status != expected) {
            throw new IllegalTransitionException("Summit " + id, status, action, EnumSet.of(expected));
        }
    }

    private void moveTo(Status next, String action) {
        Transitions.check("Summit " + id, status, next, action);
        status = next;
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    Instant getAt() {
        return at;
    }

    Instant getCancelledAt() {
        return cancelledAt;
    }

    String getCancelledBy() {
        return cancelledBy;
    }

    String getCancellationReason() {
        return cancellationReason;
    }

    Instant getPostponedFrom() {
        return postponedFrom;
    }

    Instant getPostponedAt() {
        return postponedAt;
    }

    String getPostponedBy() {
        return postponedBy;
    }

    String getPostponementReason() {
        return postponementReason;
    }

    String getChair() {
        return chair;
    }

    Status getStatus() {
        return status;
    }

    String getVision() {
        return vision;
    }

    int getVisionRounds() {
        return visionRounds;
    }

    String getDissent() {
        return dissent;
    }

    String getSilos() {
        return silos;
    }

    String getOutcome() {
        return outcome;
    }

    String getExistingBody() {
        return existingBody;
    }

    Long getCharterDraftId() {
        return charterDraftId;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    List<SummitParticipant> getParticipants() {
        return Collections.unmodifiableList(participants);
    }

    List<PlanActivity> getPlan() {
        return Collections.unmodifiableList(plan);
    }

    List<Sourcing> getSourcing() {
        return Collections.unmodifiableList(sourcing);
    }
}
