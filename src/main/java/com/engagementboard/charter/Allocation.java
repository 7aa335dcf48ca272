package com.engagementboard.charter;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.security.Groups;
import com.engagementboard.web.ConflictException;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One right over one touchpoint, given to one function, and what its head made of it. */
@Entity
@Table(name = "charter_allocation", indexes = {
        // Created by Flyway (V2, V7); listed here so the entity says which reads they serve.
        @jakarta.persistence.Index(name = "ix_charter_allocation_version_function",
                columnList = "charter_version_id, function_id"),
        @jakarta.persistence.Index(name = "ix_charter_allocation_version_touchpoint",
                columnList = "charter_version_id, touchpoint_id"),
        @jakarta.persistence.Index(name = "ix_charter_allocation_function", columnList = "function_id"),
        @jakarta.persistence.Index(name = "ix_charter_allocation_touchpoint", columnList = "touchpoint_id") })
public class Allocation {

    /** Who settles a right by the board's decision. */
    static final String BOARD = "board";

    private static final int NOTE_LENGTH = 2000;
    /** How the note of a right the board ruled on begins; the ruling's words follow. */
    static final String RULED_BY_BOARD = "Ruled by the board: ";

    /** From a sequence drawn 50 at a time (V8): a charter's rights are inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charter_allocation_seq")
    @SequenceGenerator(name = "charter_allocation_seq", sequenceName = "charter_allocation_seq", allocationSize = 50)
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

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Settlement settlement;

    /** The group in whose name it was settled: the function's head group, or the chair's. */
    @Column(name = "settled_group", length = 64)
    private String settledGroup;

    /** The number of the version in force it was carried over from. */
    @Column(name = "carried_from")
    private Integer carriedFrom;

    /** The code of the function that declined it before the chair or the board moved it. */
    @Column(name = "reallocated_from", length = 40)
    private String reallocatedFrom;

    @Column(name = "reallocated_by", length = 64)
    private String reallocatedBy;

    protected Allocation() {
    }

    Allocation(CharterVersion charter, Touchpoint touchpoint, RightKind right, BusinessFunction function) {
        this.charter = charter;
        this.touchpoint = touchpoint;
        this.right = right;
        this.function = function;
    }

    /**
     * The right as the version in force holds it, carried into a newer version: accepted already,
     * recorded as carried over from that version, with who accepted it there and when.
     */
    static Allocation carriedOver(CharterVersion into, Allocation inForce) {
        if (inForce.status != AllocationStatus.ACCEPTED || inForce.charter.getStatus() != CharterStatus.EFFECTIVE) {
            throw conflict("Not in force", inForce.describe() + " is not an accepted right of the version in force; "
                    + "only those are carried over.");
        }
        Allocation copy = new Allocation(into, inForce.touchpoint, inForce.right, inForce.function);
        copy.status = AllocationStatus.ACCEPTED;
        copy.settlement = Settlement.CARRIED_OVER;
        copy.carriedFrom = inForce.charter.getNumber();
        copy.settledGroup = inForce.settledGroup;
        copy.decidedBy = inForce.decidedBy;
        copy.decidedAt = inForce.decidedAt;
        copy.decisionNote = inForce.decisionNote;
        copy.reallocatedFrom = inForce.reallocatedFrom;
        copy.reallocatedBy = inForce.reallocatedBy;
        return copy;
    }

    /**
     * A member of the function's head group accepts the right. Whether the user is a member is the
     * caller's to check (in Camunda's identity service); the group must be this function's head group.
     */
    void acceptAsHead(String userId, String headGroup, Instant when) {
        requireAsked("accepted");
        if (!function.getHeadGroup().equals(headGroup)) {
            throw conflict("Not this function's head", describe() + " is accepted by " + function.getHeadGroup()
                    + ", not by " + headGroup + ".");
        }
        settle(Settlement.HEAD_ACCEPTED, userId, headGroup, when, null);
    }

    void decline(String userId, Instant when, String reason) {
        requireAsked("declined");
        this.status = AllocationStatus.DECLINED;
        this.decidedBy = userId;
        this.decidedAt = when;
        this.decisionNote = reason;
    }

    /** The chair's ruling is final: the declined right stays with its function, accepted in her name. */
    void upholdByChair(String userId, Instant when, String note) {
        requireDisputed("upheld");
        settle(Settlement.CHAIR_UPHELD, userId, Groups.BOARD_CHAIR, when, "Upheld by the chair over the head's "
                + "objection (" + decisionNote + "): " + note);
    }

    /** The board decided the dispute: the right goes to the function it approved, accepted by its ruling. */
    void ruleByBoard(BusinessFunction owner, Instant when, String ruling) {
        requireDisputed("ruled on");
        if (!owner.getId().equals(function.getId())) {
            this.reallocatedFrom = function.getCode();
            this.reallocatedBy = BOARD;
            this.function = owner;
        }
        settle(Settlement.BOARD_RULED, BOARD, null, when, RULED_BY_BOARD + ruling);
    }

    /** The chair gives a declined right to another function, whose head is asked next. */
    void reallocate(BusinessFunction newOwner, String userId) {
        requireDisputed("re-allocated");
        if (newOwner.getId().equals(function.getId())) {
            throw conflict("Same function", describe() + " was declined by " + function.getCode()
                    + "; re-allocate it to another function or uphold it.");
        }
        this.reallocatedFrom = function.getCode();
        this.reallocatedBy = userId;
        this.function = newOwner;
        this.status = AllocationStatus.PENDING;
        this.decidedBy = null;
        this.decidedAt = null;
        this.decisionNote = null;
    }

    /** Accepted, with the record of how. */
    boolean isSettled() {
        return status == AllocationStatus.ACCEPTED && settlement != null;
    }

    boolean isCarriedOver() {
        return settlement == Settlement.CARRIED_OVER;
    }

    String describe() {
        return right + " of " + touchpoint.getCode() + " (" + function.getCode() + ")";
    }

    private void settle(Settlement how, String userId, String group, Instant when, String note) {
        this.status = AllocationStatus.ACCEPTED;
        this.settlement = how;
        this.settledGroup = group;
        this.decidedBy = userId;
        this.decidedAt = when;
        this.decisionNote = note == null || note.length() <= NOTE_LENGTH ? note
                : note.substring(0, NOTE_LENGTH - 3) + "...";
    }

    /** Only a right its head is being asked about (pending, in a version out for acceptance) can be answered. */
    private void requireAsked(String what) {
        requireInAcceptance(what);
        if (status != AllocationStatus.PENDING) {
            throw conflict("Right already " + status.name().toLowerCase(java.util.Locale.ROOT), describe() + " is "
                    + status + " (" + (decidedBy == null ? "" : "by " + decidedBy) + "); it cannot be " + what
                    + " again.");
        }
    }

    private void requireDisputed(String what) {
        requireInAcceptance(what);
        if (status != AllocationStatus.DECLINED) {
            throw conflict("Right not disputed", describe() + " is " + status + "; only a declined right can be "
                    + what + ".");
        }
    }

    private void requireInAcceptance(String what) {
        if (charter.getStatus() != CharterStatus.IN_ACCEPTANCE) {
            throw conflict("Version not in acceptance", describe() + " belongs to a version that is "
                    + charter.getStatus() + "; rights can only be " + what + " while their version is out for "
                    + "acceptance.");
        }
    }

    private static ConflictException conflict(String title, String detail) {
        return new ConflictException(title, detail);
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

    public Settlement getSettlement() {
        return settlement;
    }

    public String getSettledGroup() {
        return settledGroup;
    }

    public Integer getCarriedFrom() {
        return carriedFrom;
    }

    public String getReallocatedFrom() {
        return reallocatedFrom;
    }

    public String getReallocatedBy() {
        return reallocatedBy;
    }

    /** A right over a touchpoint, whoever holds it: the key for sets of a charter's thousands of rights. */
    record RightKey(Long touchpointId, RightKind right) {

        static RightKey of(Touchpoint touchpoint, RightKind right) {
            return new RightKey(touchpoint.getId(), right);
        }
    }

    /** A right and the function holding it. */
    record Holding(RightKey right, Long functionId) {
    }

    RightKey rightKey() {
        return RightKey.of(touchpoint, right);
    }

    Holding holding() {
        return new Holding(rightKey(), function.getId());
    }
}
