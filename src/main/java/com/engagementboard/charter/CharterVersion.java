package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the charter: all rights over the touchpoints in its scope. It is drafted, goes out
 * for acceptance, and becomes effective (with a number) when every right in it is accepted.
 */
@Entity
@Table(name = "charter_version")
public class CharterVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CharterStatus status = CharterStatus.DRAFT;

    private Integer number;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "amends_id")
    private CharterVersion amends;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "effective_at")
    private Instant effectiveAt;

    @Column(name = "review_date")
    private LocalDate reviewDate;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /**
     * TRUE while the version is in acceptance, otherwise null. The column is unique, so the database itself
     * lets only one version be in acceptance at a time, whichever door a submission comes through.
     */
    @Column(name = "in_acceptance")
    private Boolean inAcceptance;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    static final int MAX_WITHDRAWAL_REASON = 2000;

    @Column(name = "withdrawal_reason", length = MAX_WITHDRAWAL_REASON)
    private String withdrawalReason;

    static final int MAX_NOTES = 8000;

    @Column(length = MAX_NOTES)
    private String notes;

    @ManyToMany
    @JoinTable(name = "charter_scope", joinColumns = @JoinColumn(name = "charter_version_id"),
            inverseJoinColumns = @JoinColumn(name = "touchpoint_id"))
    private Set<Touchpoint> scope = new LinkedHashSet<>();

    @OneToMany(mappedBy = "charter", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Allocation> allocations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "charter_dropped_right", joinColumns = @JoinColumn(name = "charter_version_id"))
    private List<DroppedRight> dropped = new ArrayList<>();

    @Version
    private long version;

    protected CharterVersion() {
    }

    CharterVersion(String title, String createdBy, Instant createdAt, CharterVersion amends) {
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.amends = amends;
    }

    void retitle(String newTitle) {
        requireStatus("retitled", CharterStatus.DRAFT);
        this.title = newTitle;
    }

    void addNote(String note) {
        requireStatus("annotated", CharterStatus.DRAFT, CharterStatus.IN_ACCEPTANCE);
        String all = notes == null ? note : notes + "\n" + note;
        // The column holds MAX_NOTES characters: the oldest notes give way (each right keeps its own record
        // of how it was settled, and the audit trail every change).
        this.notes = all.length() <= MAX_NOTES ? all : "..." + all.substring(all.length() - MAX_NOTES + 3);
    }

    void submit(Instant when) {
        requireStatus("submitted", CharterStatus.DRAFT);
        this.status = CharterStatus.IN_ACCEPTANCE;
        this.inAcceptance = Boolean.TRUE;
        this.submittedAt = when;
    }

    /**
     * The version takes force: only from acceptance, and only when every right in it is accepted with
     * a record of how (by its head, the chair, the board, or carried over). Refuses before changing anything.
     */
    void becomeEffective(int versionNumber, Instant when, LocalDate firstReview) {
        requireReadyToTakeForce();
        this.status = CharterStatus.EFFECTIVE;
        this.inAcceptance = null;
        this.number = versionNumber;
        this.effectiveAt = when;
        this.reviewDate = firstReview;
    }

    /** Refuses (409) unless the version is out for acceptance and every right in it is settled. */
    void requireReadyToTakeForce() {
        requireStatus("made effective", CharterStatus.IN_ACCEPTANCE);
        List<String> unsettled = unsettled();
        if (allocations.isEmpty() || !unsettled.isEmpty()) {
            throw new ConflictException("Rights not accepted", "Charter version " + id + " cannot take force: "
                    + (allocations.isEmpty() ? "it allocates no rights." : unsettled.size()
                            + " right(s) are not accepted by their head, the chair or the board: "
                            + String.join("; ", unsettled.subList(0, Math.min(unsettled.size(), 20)))))
                    .with("unsettled", unsettled);
        }
    }

    /** The rights not (yet) accepted with a record of how, described for a person. */
    List<String> unsettled() {
        return allocations.stream().filter(a -> !a.isSettled()).map(a -> a.describe() + " is " + a.getStatus())
                .toList();
    }

    void supersede(Instant when) {
        requireStatus("superseded", CharterStatus.EFFECTIVE);
        this.status = CharterStatus.SUPERSEDED;
        this.supersededAt = when;
    }

    /**
     * The chair takes the version back while it is in acceptance: it never takes force, and the version in
     * force stays as it is. Refused (409) once it is effective: past that point a newer version replaces it.
     */
    void withdraw(Instant when, String by, String reason) {
        requireStatus("withdrawn", CharterStatus.IN_ACCEPTANCE);
        this.status = CharterStatus.WITHDRAWN;
        this.inAcceptance = null;
        this.withdrawnAt = when;
        this.withdrawnBy = by;
        this.withdrawalReason = reason;
    }

    void scheduleReview(LocalDate date) {
        requireStatus("scheduled for review", CharterStatus.EFFECTIVE);
        this.reviewDate = date;
    }

    /**
     * Bases this version on the version in force: every right of that version which this one neither
     * states nor drops comes over as it is, accepted already. Rights carried from an older base are
     * replaced, so a draft started under one version and accepted under the next loses nothing.
     */
    void carryOver(CharterVersion inForce) {
        requireStatus("based on the version in force", CharterStatus.DRAFT, CharterStatus.IN_ACCEPTANCE);
        // The other version may be a lazy proxy: read it through its getters, never its fields.
        if (inForce.getStatus() != CharterStatus.EFFECTIVE) {
            throw new ConflictException("Not in force", "Charter version " + inForce.getId() + " is "
                    + inForce.getStatus() + "; only the effective version is carried over.");
        }
        allocations.removeIf(a -> a.isCarriedOver() && !inForce.getNumber().equals(a.getCarriedFrom()));
        // The rights this version states, by touchpoint and right: a set, not a scan of every allocation
        // for each of the thousands in force.
        Set<Allocation.RightKey> stated = statedRights();
        for (Allocation held : inForce.getAllocations()) {
            if (stated.add(held.rightKey()) && !isDropped(held.getTouchpoint(), held.getRight())) {
                allocations.add(Allocation.carriedOver(this, held));
            }
        }
        this.amends = inForce;
    }

    /** The rights this version gives to some function, by {@link Allocation.RightKey}. */
    Set<Allocation.RightKey> statedRights() {
        return allocations.stream().map(Allocation::rightKey).collect(Collectors.toCollection(HashSet::new));
    }

    /** Whether this version was based on a version other than the one in force now (or on none). */
    boolean basedOnOtherThan(CharterVersion inForce) {
        return amends == null || !amends.getId().equals(inForce.getId());
    }

    /** Removes a right from the draft on purpose: it is not carried over, and shows as losing its owner. */
    void drop(Touchpoint touchpoint, RightKind right) {
        requireStatus("changed", CharterStatus.DRAFT);
        allocations.removeIf(a -> a.getTouchpoint().getId().equals(touchpoint.getId()) && a.getRight() == right);
        if (!isDropped(touchpoint, right)) {
            dropped.add(new DroppedRight(touchpoint, right));
        }
    }

    /** A line states the right again: it is no longer dropped. */
    void undrop(Touchpoint touchpoint, RightKind right) {
        dropped.removeIf(d -> d.is(touchpoint, right));
    }

    /** Starts the draft's content over: no allocations, no scope, nothing dropped, no base. */
    void clearContent() {
        requireStatus("changed", CharterStatus.DRAFT);
        allocations.clear();
        scope.clear();
        dropped.clear();
        amends = null;
    }

    boolean isDropped(Touchpoint touchpoint, RightKind right) {
        return dropped.stream().anyMatch(d -> d.is(touchpoint, right));
    }

    /** The unique constraint that lets only one version be in acceptance (V15). */
    static final String ACCEPTANCE_SLOT = "uq_charter_version_in_acceptance";

    /** Whether a refused write was refused because another version holds the one acceptance slot. */
    static boolean holdsAcceptanceSlot(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(ACCEPTANCE_SLOT)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses (409), naming the version and its status, unless it is in one of the statuses allowed. */
    void requireStatus(String what, CharterStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ConflictException("Charter version is " + status, "Charter version " + id + " is " + status
                    + "; it cannot be " + what + " (only a version that is " + List.of(allowed) + ").");
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawnBy() {
        return withdrawnBy;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public CharterStatus getStatus() {
        return status;
    }

    public Integer getNumber() {
        return number;
    }

    public CharterVersion getAmends() {
        return amends;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public LocalDate getReviewDate() {
        return reviewDate;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public String getNotes() {
        return notes;
    }

    public Set<Touchpoint> getScope() {
        return scope;
    }

    public List<Allocation> getAllocations() {
        return allocations;
    }

    List<DroppedRight> getDropped() {
        return dropped;
    }

    public boolean isDraft() {
        return status == CharterStatus.DRAFT;
    }
}
