package com.engagementboard.change;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.Transitions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A change someone proposed at a touchpoint, how the charter routed it, and who decided, built and confirmed it. */
@Entity
@Table(name = "touchpoint_change")
class TouchpointChange {

    static final int MAX_WHAT = 2000;
    static final int MAX_WHY = 2000;
    static final int MAX_EVIDENCE = 4000;
    static final int MAX_NOTE = 2000;

    enum Urgency { LOW, MEDIUM, HIGH }

    /**
     * {@code touchpoint-change.bpmn}: proposed, then in design (the DESIGN owner's head decides), at the board, or
     * straight in build (a standing permission); the head may ask the proposer (more information, then back in
     * design, or withdrawn when they do not answer in 30 days); approved changes are built, then confirmed live or
     * sent back to build. Rejected (by the head), closed (by the board), withdrawn and live are final.
     */
    enum Status implements Transitions<Status> {
        PROPOSED, IN_DESIGN, MORE_INFO, AT_BOARD, IN_BUILD, BUILT, LIVE, REJECTED, CLOSED, WITHDRAWN;

        @Override
        public boolean canMoveTo(Status next) {
            return switch (this) {
                case PROPOSED -> next == IN_DESIGN || next == AT_BOARD || next == IN_BUILD || next == WITHDRAWN;
                case IN_DESIGN -> next == MORE_INFO || next == IN_BUILD || next == REJECTED;
                case MORE_INFO -> next == IN_DESIGN || next == WITHDRAWN;
                case AT_BOARD -> next == IN_BUILD || next == CLOSED;
                case IN_BUILD -> next == BUILT;
                case BUILT -> next == LIVE || next == IN_BUILD;
                case LIVE, REJECTED, CLOSED, WITHDRAWN -> false;
            };
        }

        boolean open() {
            return this != LIVE && this != REJECTED && this != CLOSED && this != WITHDRAWN;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @Column(nullable = false, length = 64)
    private String proposer;

    @Column(name = "what_change", nullable = false, length = MAX_WHAT)
    private String whatChange;

    @Column(nullable = false, length = MAX_WHY)
    private String why;

    @Column(length = MAX_EVIDENCE)
    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Urgency urgency;

    @Column(name = "estimated_cost", nullable = false)
    private long estimatedCost;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PROPOSED;

    @Column(length = 10)
    private String route;

    @Column(name = "route_reason", length = 400)
    private String routeReason;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "standing_permission_id")
    private StandingPermission standingPermission;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "design_function_id")
    private BusinessFunction designFunction;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "build_function_id")
    private BusinessFunction buildFunction;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "operate_function_id")
    private BusinessFunction operateFunction;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "touchpoint_change_function", joinColumns = @JoinColumn(name = "change_id"),
            inverseJoinColumns = @JoinColumn(name = "function_id"))
    private Set<BusinessFunction> functionsAffected = new LinkedHashSet<>();

    @Column(name = "charter_gap", nullable = false)
    private boolean charterGap;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decision_note", length = MAX_NOTE)
    private String decisionNote;

    @Column(name = "build_due")
    private Instant buildDue;

    @Column(name = "built_by", length = 64)
    private String builtBy;

    @Column(name = "built_at")
    private Instant builtAt;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    @Column(name = "live_at")
    private Instant liveAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TouchpointChange() {
    }

    TouchpointChange(Touchpoint touchpoint, String proposer, String whatChange, String why, String evidence,
            Urgency urgency, long estimatedCost, Instant when) {
        this.touchpoint = touchpoint;
        this.proposer = proposer;
        this.whatChange = whatChange;
        this.why = why;
        this.evidence = evidence;
        this.urgency = urgency;
        this.estimatedCost = estimatedCost;
        this.createdAt = when;
        this.updatedAt = when;
    }

    /** What the proposer names after starting in the Tasklist: the touchpoint, the functions, the permission. */
    void details(Touchpoint touchpoint, Set<BusinessFunction> functions, StandingPermission permission, Instant when) {
        if (status != Status.PROPOSED) {
            throw new IllegalTransitionException("Change " + id, status, "given its touchpoint",
                    java.util.EnumSet.of(Status.PROPOSED));
        }
        this.touchpoint = touchpoint;
        this.functionsAffected.clear();
        this.functionsAffected.addAll(functions);
        this.standingPermission = permission;
        this.updatedAt = when;
    }

    /** The charter's owners of its touchpoint when it was routed, and the route the table chose. */
    void routed(String route, String reason, BusinessFunction design, BusinessFunction build,
            BusinessFunction operate, boolean gap, Instant when) {
        Status next = switch (route) {
            case TouchpointChangeProcess.OWNER -> Status.IN_DESIGN;
            case TouchpointChangeProcess.BOARD -> Status.AT_BOARD;
            case TouchpointChangeProcess.STANDING -> Status.IN_BUILD;
            default -> throw new IllegalArgumentException("No such route: " + route);
        };
        move(next, "routed", when);
        this.route = route;
        this.routeReason = reason.length() > 400 ? reason.substring(0, 397) + "..." : reason;
        this.designFunction = design;
        this.buildFunction = build;
        this.operateFunction = operate;
        this.charterGap = gap;
        if (!TouchpointChangeProcess.STANDING.equals(route)) {
            this.standingPermission = null;
        }
    }

    void onAgenda(long itemId) {
        this.agendaItemId = itemId;
    }

    void approved(String userId, String note, Instant buildDue, Instant when) {
        move(Status.IN_BUILD, "approved", when);
        this.decidedBy = userId;
        this.decisionNote = note;
        this.buildDue = buildDue;
    }

    void rejected(String userId, String reason, Instant when) {
        move(Status.REJECTED, "rejected", when);
        this.decidedBy = userId;
        this.decisionNote = reason;
    }

    void asked(String userId, String question, Instant when) {
        move(Status.MORE_INFO, "sent back to its proposer", when);
        this.decidedBy = userId;
        this.decisionNote = question;
    }

    void answered(Instant when) {
        move(Status.IN_DESIGN, "answered", when);
    }

    void withdrawnUnanswered(Instant when) {
        move(Status.WITHDRAWN, "withdrawn", when);
    }

    void withdrawnUnplaced(Instant when) {
        move(Status.WITHDRAWN, "withdrawn", when);
    }

    void closedByBoard(String note, Instant when) {
        move(Status.CLOSED, "closed", when);
        this.decisionNote = note;
    }

    void dueBy(Instant buildDue) {
        this.buildDue = buildDue;
    }

    void built(String userId, Instant when) {
        move(Status.BUILT, "built", when);
        this.builtBy = userId;
        this.builtAt = when;
    }

    void live(String userId, Instant when) {
        move(Status.LIVE, "confirmed live", when);
        this.confirmedBy = userId;
        this.liveAt = when;
    }

    void sentBack(Instant buildDue, Instant when) {
        move(Status.IN_BUILD, "sent back to build", when);
        this.buildDue = buildDue;
    }

    private void move(Status next, String action, Instant when) {
        Transitions.check("Change " + id, status, next, action);
        this.status = next;
        this.updatedAt = when;
    }

    /** The change in a line: its first words, for task names and lists. */
    String title() {
        String line = whatChange.strip().lines().findFirst().orElse("");
        String where = touchpoint == null ? "" : touchpoint.getName() + ": ";
        String title = where + line;
        return title.length() > 120 ? title.substring(0, 117) + "..." : title;
    }

    Long getId() {
        return id;
    }

    Touchpoint getTouchpoint() {
        return touchpoint;
    }

    String getProposer() {
        return proposer;
    }

    String getWhatChange() {
        return whatChange;
    }

    String getWhy() {
        return why;
    }

    String getEvidence() {
        return evidence;
    }

    Urgency getUrgency() {
        return urgency;
    }

    long getEstimatedCost() {
        return estimatedCost;
    }

    Status getStatus() {
        return status;
    }

    String getRoute() {
        return route;
    }

    String getRouteReason() {
        return routeReason;
    }

    StandingPermission getStandingPermission() {
        return standingPermission;
    }

    BusinessFunction getDesignFunction() {
        return designFunction;
    }

    BusinessFunction getBuildFunction() {
        return buildFunction;
    }

    BusinessFunction getOperateFunction() {
        return operateFunction;
    }

    Set<BusinessFunction> getFunctionsAffected() {
        return functionsAffected;
    }

    boolean isCharterGap() {
        return charterGap;
    }

    Long getAgendaItemId() {
        return agendaItemId;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    String getDecisionNote() {
        return decisionNote;
    }

    Instant getBuildDue() {
        return buildDue;
    }

    String getBuiltBy() {
        return builtBy;
    }

    Instant getBuiltAt() {
        return builtAt;
    }

    String getConfirmedBy() {
        return confirmedBy;
    }

    Instant getLiveAt() {
        return liveAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
