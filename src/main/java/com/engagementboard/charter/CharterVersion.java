package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    @Column(length = 8000)
    private String notes;

    @ManyToMany
    @JoinTable(name = "charter_scope", joinColumns = @JoinColumn(name = "charter_version_id"),
            inverseJoinColumns = @JoinColumn(name = "touchpoint_id"))
    private Set<Touchpoint> scope = new LinkedHashSet<>();

    @OneToMany(mappedBy = "charter", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Allocation> allocations = new ArrayList<>();

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
        this.title = newTitle;
    }

    void addNote(String note) {
        this.notes = notes == null ? note : notes + "\n" + note;
    }

    void submit(Instant when) {
        this.status = CharterStatus.IN_ACCEPTANCE;
        this.submittedAt = when;
    }

    void becomeEffective(int versionNumber, Instant when, LocalDate firstReview) {
        this.status = CharterStatus.EFFECTIVE;
        this.number = versionNumber;
        this.effectiveAt = when;
        this.reviewDate = firstReview;
    }

    void supersede(Instant when) {
        this.status = CharterStatus.SUPERSEDED;
        this.supersededAt = when;
    }

    void scheduleReview(LocalDate date) {
        this.reviewDate = date;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
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

    public boolean isDraft() {
        return status == CharterStatus.DRAFT;
    }
}
