package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the charter API answers with. */
final class CharterViews {

    private CharterViews() {
    }

    /**
     * One right and the record of how it was settled: by whom, in the name of which group, carried over
     * from which version, and, for a right the chair or the board moved, from which function and by whom.
     */
    record AllocationView(Long id, String touchpoint, RightKind right, String function, AllocationStatus status,
            String decidedBy, Instant decidedAt, String note, Settlement settlement, String settledGroup,
            Integer carriedFromVersion, String reallocatedFrom, String reallocatedBy) {

        static AllocationView of(Allocation a) {
            return new AllocationView(a.getId(), a.getTouchpoint().getCode(), a.getRight(), a.getFunction().getCode(),
                    a.getStatus(), a.getDecidedBy(), a.getDecidedAt(), a.getDecisionNote(), a.getSettlement(),
                    a.getSettledGroup(), a.getCarriedFrom(), a.getReallocatedFrom(), a.getReallocatedBy());
        }
    }

    record DraftView(Long id, String title, CharterStatus status, Integer amendsVersion, String createdBy,
            Instant createdAt, Instant submittedAt, List<String> scope, PageView<AllocationView> allocations,
            List<CharterChecks.Gap> gaps, List<CharterChecks.Conflict> conflicts, List<CharterChecks.Warning> warnings,
            CharterChecks.Counts counts, String notes) {

        /**
         * The draft with one page of its allocations (a charter's draft has thousands) and the first
         * {@link CharterChecks#LISTED} gaps (blocking ones first), conflicts and warnings, with how many
         * there are of each.
         */
        static DraftView of(CharterVersion v, CharterChecks checks, Paging paging) {
            return new DraftView(v.getId(), v.getTitle(), v.getStatus(),
                    v.getAmends() == null ? null : v.getAmends().getNumber(), v.getCreatedBy(), v.getCreatedAt(),
                    v.getSubmittedAt(), List.copyOf(owners(v).keySet()),
                    PageView.of(v.getAllocations().stream().sorted(ORDER).toList(), paging).map(AllocationView::of),
                    CharterChecks.listed(checks.gaps()), CharterChecks.listed(checks.conflicts()),
                    CharterChecks.listed(checks.warnings()), checks.counts(), v.getNotes());
        }
    }

    /** One touchpoint's owners, one per right. */
    record MatrixRow(String touchpoint, String name, String design, String build, String operate, String renew) {
    }

    record VersionSummary(int number, String title, CharterStatus status, Instant effectiveAt, Instant supersededAt,
            LocalDate reviewDate) {

        static VersionSummary of(CharterVersion v) {
            return new VersionSummary(v.getNumber(), v.getTitle(), v.getStatus(), v.getEffectiveAt(),
                    v.getSupersededAt(), v.getReviewDate());
        }
    }

    /**
     * A numbered version: its header, one page of its matrix (one row per touchpoint, in code order), and
     * who accepted what and when for the touchpoints on that page. A version can hold 2,000 touchpoints
     * and four rights each; the page keeps the answer (and the queries behind it) small.
     */
    record VersionView(int number, String title, CharterStatus status, Instant effectiveAt, Instant supersededAt,
            LocalDate reviewDate, Integer amendsVersion, PageView<MatrixRow> matrix, List<AllocationView> acceptances) {

        static VersionView of(CharterVersion v, PageView<MatrixRow> matrix, List<AllocationView> acceptances) {
            return new VersionView(v.getNumber(), v.getTitle(), v.getStatus(), v.getEffectiveAt(), v.getSupersededAt(),
                    v.getReviewDate(), v.getAmends() == null ? null : v.getAmends().getNumber(), matrix, acceptances);
        }
    }

    /** The whole matrix of the effective version, for the CSV download. */
    record WholeMatrix(int number, List<MatrixRow> rows) {
    }

    record Change(String touchpoint, RightKind right, String before, String after) {
    }

    /** What changed between two versions: one page of the changed rights, by touchpoint code and right. */
    record Diff(int from, int to, PageView<Change> changes) {
    }

    record Ownership(String touchpoint, String name, RightKind right) {
    }

    record Owners(String touchpoint, Integer charterVersion, Map<RightKind, String> owners) {
    }

    static final Comparator<Allocation> ORDER = Comparator.<Allocation, String>comparing(a -> a.getTouchpoint().getCode())
            .thenComparing(Allocation::getRight).thenComparing(a -> a.getFunction().getCode());

    /**
     * The rows of the given touchpoints (in their order) from the allocations among them: a touchpoint
     * without an allocation has a row with no owners.
     */
    static List<MatrixRow> matrix(List<Touchpoint> touchpoints, List<Allocation> allocations) {
        Map<Long, Map<RightKind, String>> owners = new java.util.HashMap<>();
        allocations.forEach(a -> owners.computeIfAbsent(a.getTouchpoint().getId(), k -> new EnumMap<>(RightKind.class))
                .put(a.getRight(), a.getFunction().getCode()));
        return touchpoints.stream().map(t -> {
            Map<RightKind, String> of = owners.getOrDefault(t.getId(), Map.of());
            return new MatrixRow(t.getCode(), t.getName(), of.get(RightKind.DESIGN), of.get(RightKind.BUILD),
                    of.get(RightKind.OPERATE), of.get(RightKind.RENEW));
        }).toList();
    }

    /** touchpoint code → right → owner function code, touchpoints in code order. */
    static Map<String, Map<RightKind, String>> owners(CharterVersion v) {
        Map<String, Map<RightKind, String>> owners = new java.util.TreeMap<>();
        v.getScope().forEach(t -> owners.computeIfAbsent(t.getCode(), k -> new EnumMap<>(RightKind.class)));
        v.getAllocations().forEach(a -> owners.computeIfAbsent(a.getTouchpoint().getCode(),
                k -> new EnumMap<>(RightKind.class)).put(a.getRight(), a.getFunction().getCode()));
        return owners;
    }
}
