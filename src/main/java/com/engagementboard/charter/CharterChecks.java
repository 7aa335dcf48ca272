package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a draft leaves open and what keeps it from being submitted. Gaps: every right of every
 * touchpoint of the organisation that no function holds in the draft; those of the touchpoints the
 * draft covers (its scope and the touchpoints it allocates) block the submission, the others show
 * what the charter does not cover yet. Conflicts: a right given to two functions (blocks). Warnings:
 * an owner with no head, and a right the version in force gives an owner that this draft takes away.
 */
record CharterChecks(List<Gap> gaps, List<Conflict> conflicts, List<Warning> warnings) {

    record Gap(String touchpoint, RightKind right, boolean blocksSubmission) {
    }

    record Conflict(String touchpoint, RightKind right, Set<String> functions) {
    }

    /** About a function (touchpoint null) or a touchpoint (function null). */
    record Warning(String function, String touchpoint, String message) {
    }

    /**
     * How many of each list a draft's answer and a refused submission carry (blocking gaps first): a
     * draft of a few touchpoints in an organisation of thousands has thousands of gaps. The whole lists
     * are paged at {@code /api/charter/drafts/{id}/gaps}, {@code /conflicts} and {@code /warnings}.
     */
    static final int LISTED = 200;

    /** The sizes of the lists, whatever part of them is listed. */
    record Counts(int gaps, int blockingGaps, int conflicts, int warnings) {
    }

    Counts counts() {
        return new Counts(gaps.size(), blockingGaps().size(), conflicts.size(), warnings.size());
    }

    /** The first {@link #LISTED} of a list. */
    static <T> List<T> listed(List<T> all) {
        return List.copyOf(all.subList(0, Math.min(LISTED, all.size())));
    }

    boolean blocksSubmission() {
        return !blockingGaps().isEmpty() || !conflicts.isEmpty();
    }

    List<Gap> blockingGaps() {
        return gaps.stream().filter(Gap::blocksSubmission).toList();
    }

    static CharterChecks of(CharterVersion draft, Collection<Touchpoint> organisation) {
        Map<String, Map<RightKind, Set<String>>> owners = new TreeMap<>();
        draft.getScope().forEach(t -> owners.put(t.getCode(), new EnumMap<>(RightKind.class)));
        List<Warning> warnings = new ArrayList<>();
        Set<String> warned = new TreeSet<>();
        for (Allocation allocation : draft.getAllocations()) {
            owners.computeIfAbsent(allocation.getTouchpoint().getCode(), k -> new EnumMap<>(RightKind.class))
                    .computeIfAbsent(allocation.getRight(), k -> new TreeSet<>())
                    .add(allocation.getFunction().getCode());
            if (allocation.getFunction().getHeadUserId() == null && warned.add(allocation.getFunction().getCode())) {
                warnings.add(new Warning(allocation.getFunction().getCode(), null,
                        "has no head user: nobody can accept its rights until one is set"));
            }
        }
        warnings.addAll(lostOwners(draft));
        List<Gap> gaps = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        owners.forEach((touchpoint, rights) -> {
            for (RightKind right : RightKind.values()) {
                Set<String> functions = rights.get(right);
                if (functions == null || functions.isEmpty()) {
                    gaps.add(new Gap(touchpoint, right, true));
                } else if (functions.size() > 1) {
                    conflicts.add(new Conflict(touchpoint, right, functions));
                }
            }
        });
        organisation.stream().map(Touchpoint::getCode).filter(code -> !owners.containsKey(code)).sorted()
                .forEach(code -> {
                    for (RightKind right : RightKind.values()) {
                        gaps.add(new Gap(code, right, false));
                    }
                });
        return new CharterChecks(gaps, conflicts, warnings);
    }

    /** One warning per touchpoint whose rights in the version the draft is based on lose their owner in it. */
    private static List<Warning> lostOwners(CharterVersion draft) {
        CharterVersion base = draft.getAmends();
        if (base == null) {
            return List.of();
        }
        Set<Allocation.RightKey> stated = draft.statedRights();
        Map<String, List<Allocation>> lost = base.getAllocations().stream()
                .filter(held -> !stated.contains(held.rightKey()))
                .collect(Collectors.groupingBy(a -> a.getTouchpoint().getCode(), TreeMap::new, Collectors.toList()));
        List<Warning> warnings = new ArrayList<>();
        lost.forEach((touchpoint, rights) -> warnings.add(new Warning(null, touchpoint, "loses its owner of "
                + rights.stream().sorted(CharterViews.ORDER).map(a -> a.getRight() + " (" + a.getFunction().getCode()
                        + ")").collect(Collectors.joining(", "))
                + " held in version " + base.getNumber() + ": this draft leaves "
                + (rights.size() == 1 ? "it" : "them") + " without an owner")));
        return warnings;
    }
}
