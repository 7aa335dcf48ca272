package com.engagementboard.charter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
            Instant createdAt, Instant submittedAt, List<String> scope, List<AllocationView> allocations,
            List<CharterChecks.Gap> gaps, List<CharterChecks.Conflict> conflicts, List<CharterChecks.Warning> warnings,
            String notes) {

        static DraftView of(CharterVersion v, CharterChecks checks) {
            return new DraftView(v.getId(), v.getTitle(), v.getStatus(),
                    v.getAmends() == null ? null : v.getAmends().getNumber(), v.getCreatedBy(), v.getCreatedAt(),
                    v.getSubmittedAt(), List.copyOf(owners(v).keySet()),
                    v.getAllocations().stream().sorted(ORDER).map(AllocationView::of).toList(), checks.gaps(),
                    checks.conflicts(), checks.warnings(), v.getNotes());
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

    /** A numbered version: its matrix, and who accepted what and when. */
    record VersionView(int number, String title, CharterStatus status, Instant effectiveAt, Instant supersededAt,
            LocalDate reviewDate, Integer amendsVersion, List<MatrixRow> matrix, List<AllocationView> acceptances) {

        static VersionView of(CharterVersion v) {
            return new VersionView(v.getNumber(), v.getTitle(), v.getStatus(), v.getEffectiveAt(), v.getSupersededAt(),
                    v.getReviewDate(), v.getAmends() == null ? null : v.getAmends().getNumber(), CharterViews.matrix(v),
                    v.getAllocations().stream().sorted(ORDER).map(AllocationView::of).toList());
        }
    }

    record Change(String touchpoint, RightKind right, String before, String after) {
    }

    record Diff(int from, int to, List<Change> changes) {
    }

    record Ownership(String touchpoint, String name, RightKind right) {
    }

    record Owners(String touchpoint, Integer charterVersion, Map<RightKind, String> owners) {
    }

    static final Comparator<Allocation> ORDER = Comparator.<Allocation, String>comparing(a -> a.getTouchpoint().getCode())
            .thenComparing(Allocation::getRight).thenComparing(a -> a.getFunction().getCode());

    static List<MatrixRow> matrix(CharterVersion v) {
        Map<String, Map<RightKind, String>> owners = owners(v);
        Map<String, String> names = new LinkedHashMap<>();
        v.getScope().forEach(t -> names.put(t.getCode(), t.getName()));
        v.getAllocations().forEach(a -> names.put(a.getTouchpoint().getCode(), a.getTouchpoint().getName()));
        return owners.entrySet().stream().map(e -> new MatrixRow(e.getKey(), names.get(e.getKey()),
                e.getValue().get(RightKind.DESIGN), e.getValue().get(RightKind.BUILD),
                e.getValue().get(RightKind.OPERATE), e.getValue().get(RightKind.RENEW))).toList();
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
