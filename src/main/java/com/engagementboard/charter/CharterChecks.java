package com.engagementboard.charter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What keeps a draft from being submitted: gaps (a right of an in-scope touchpoint that no function
 * holds) and conflicts (a right given to two functions); and warnings (an owner with no head).
 */
record CharterChecks(List<Gap> gaps, List<Conflict> conflicts, List<Warning> warnings) {

    record Gap(String touchpoint, RightKind right) {
    }

    record Conflict(String touchpoint, RightKind right, Set<String> functions) {
    }

    record Warning(String function, String message) {
    }

    boolean blocksSubmission() {
        return !gaps.isEmpty() || !conflicts.isEmpty();
    }

    static CharterChecks of(CharterVersion draft) {
        Map<String, Map<RightKind, Set<String>>> owners = new LinkedHashMap<>();
        draft.getScope().stream().map(t -> t.getCode()).sorted()
                .forEach(code -> owners.put(code, new EnumMap<>(RightKind.class)));
        List<Warning> warnings = new ArrayList<>();
        Set<String> warned = new TreeSet<>();
        for (Allocation allocation : draft.getAllocations()) {
            owners.computeIfAbsent(allocation.getTouchpoint().getCode(), k -> new EnumMap<>(RightKind.class))
                    .computeIfAbsent(allocation.getRight(), k -> new TreeSet<>())
                    .add(allocation.getFunction().getCode());
            if (allocation.getFunction().getHeadUserId() == null && warned.add(allocation.getFunction().getCode())) {
                warnings.add(new Warning(allocation.getFunction().getCode(),
                        "has no head user: nobody can accept its rights until one is set"));
            }
        }
        List<Gap> gaps = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        owners.forEach((touchpoint, rights) -> {
            for (RightKind right : RightKind.values()) {
                Set<String> functions = rights.get(right);
                if (functions == null || functions.isEmpty()) {
                    gaps.add(new Gap(touchpoint, right));
                } else if (functions.size() > 1) {
                    conflicts.add(new Conflict(touchpoint, right, functions));
                }
            }
        });
        return new CharterChecks(gaps, conflicts, warnings);
    }
}
