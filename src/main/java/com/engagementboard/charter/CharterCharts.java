package com.engagementboard.charter;

import com.engagementboard.web.ChartData;
import com.engagementboard.web.ChartData.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter's charts on the versions page: how many gaps and conflicts each version leaves, and how long each
 * function's head takes to accept the rights a submitted version gives it.
 *
 * <p>The versions shown are those the pages show the person: the newest {@value #VERSIONS} that took force, and for
 * those who {@linkplain CharterMatrixPageController#seesWorkInProgress see work in progress} the version in
 * acceptance and the chair's newest draft too (where conflicts live: a version with one cannot be submitted).
 */
@Service
@Transactional(readOnly = true)
class CharterCharts {

    /** How many versions that took force the charts go back. */
    static final int VERSIONS = 12;
    private static final double MINUTES_A_DAY = 24 * 60;

    private final CharterChartRepository reads;
    private final CharterRepository charters;
    private final AllocationRepository allocations;

    CharterCharts(CharterChartRepository reads, CharterRepository charters, AllocationRepository allocations) {
        this.reads = reads;
        this.charters = charters;
        this.allocations = allocations;
    }

    /** A version as a chart names it: its number, or what it is while it has none. */
    private record Shown(CharterVersion version, String label, String detail) {
    }

    /**
     * Gaps (rights of the organisation's touchpoints that the version gives to no function, counted against the
     * touchpoints there are today) and conflicts (rights it gives to several functions), version by version.
     * Three queries, whatever the size of the charter.
     */
    ChartData gapsAndConflicts(Authentication viewer) {
        List<Shown> shown = shown(viewer, true);
        if (shown.isEmpty()) {
            return new ChartData("bar", "rights", List.of(), List.of(), List.of(), false, noVersion(viewer));
        }
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : reads.countHeldAndConflicting(shown.stream().map(s -> s.version().getId()).toList())) {
            counts.put((Long) row[0], new long[] {((Number) row[1]).longValue(),
                    row[2] == null ? 0 : ((Number) row[2]).longValue()});
        }
        long rights = reads.countTouchpoints() * RightKind.values().length;
        List<Long> gaps = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();
        for (Shown s : shown) {
            long[] held = counts.getOrDefault(s.version().getId(), new long[2]);
            gaps.add(Math.max(0, rights - held[0]));
            conflicts.add(held[1]);
        }
        return new ChartData("bar", "rights", shown.stream().map(Shown::label).toList(),
                shown.stream().map(Shown::detail).toList(),
                List.of(new Series("gaps", "Gaps (no function holds the right)", gaps),
                        new Series("conflicts", "Conflicts (several functions claim it)", conflicts)),
                false, noVersion(viewer));
    }

    /**
     * Days from a version's submission to its head's acceptance of each right, average and median per function,
     * over the versions shown that were submitted (rights the chair upheld, the board ruled on or carried over from
     * the version in force are not the head's answer and are left out).
     */
    ChartData acceptanceLeadTime(Authentication viewer) {
        String empty = "No head has accepted rights yet: as the heads accept the rights of a submitted version, the "
                + "days each function's head took show here.";
        List<Long> ids = shown(viewer, false).stream().map(s -> s.version().getId()).toList();
        if (ids.isEmpty()) {
            return new ChartData("bar", "days", List.of(), List.of(), List.of(), false, empty);
        }
        // function name → (days, rights answered then), in the order of the names
        Map<String, List<double[]>> byFunction = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Object[] row : reads.findHeadAcceptances(ids)) {
            double days = Duration.between((Instant) row[2], (Instant) row[3]).toMinutes() / MINUTES_A_DAY;
            byFunction.computeIfAbsent((String) row[1], k -> new ArrayList<>())
                    .add(new double[] {Math.max(0, days), ((Number) row[4]).doubleValue()});
        }
        List<String> details = byFunction.values().stream()
                .map(answers -> (long) answers.stream().mapToDouble(a -> a[1]).sum() + " rights accepted").toList();
        return new ChartData("bar", "days", new ArrayList<>(byFunction.keySet()), details,
                List.of(new Series("average", "Average days to accept",
                                byFunction.values().stream().map(CharterCharts::average).toList()),
                        new Series("median", "Median days to accept",
                                byFunction.values().stream().map(CharterCharts::median).toList())),
                false, empty);
    }

    /** The versions shown, oldest first; drafts only if asked for (they have no acceptances). */
    private List<Shown> shown(Authentication viewer, boolean withDraft) {
        List<CharterVersion> numbered = new ArrayList<>(reads.findNewestNumbered(PageRequest.of(0, VERSIONS)));
        Collections.reverse(numbered);
        List<Shown> shown = new ArrayList<>(numbered.stream()
                .map(v -> new Shown(v, "Version " + v.getNumber(), v.getTitle())).toList());
        CharterMatrixPageController.Versions current = CharterMatrixPageController.versions(charters, allocations,
                viewer);
        if (current.inAcceptance() != null) {
            shown.add(new Shown(current.inAcceptance(), "In acceptance", current.inAcceptance().getTitle()));
        }
        if (withDraft && current.draft() != null) {
            shown.add(new Shown(current.draft(), "Draft", current.draft().getTitle()));
        }
        return shown;
    }

    private static String noVersion(Authentication viewer) {
        return CharterMatrixPageController.seesWorkInProgress(viewer)
                ? "No charter version yet: the chair drafts the charter and submits it for acceptance; the gaps and "
                        + "conflicts of each version show here."
                : "No charter version has taken force yet: once one has, the gaps and conflicts of each version show "
                        + "here.";
    }

    /** The average of days weighted by the rights answered at once, to a tenth of a day. */
    static double average(List<double[]> answers) {
        double weight = answers.stream().mapToDouble(a -> a[1]).sum();
        double sum = answers.stream().mapToDouble(a -> a[0] * a[1]).sum();
        return tenths(weight == 0 ? 0 : sum / weight);
    }

    /** The median of days, each answer counted once per right it accepted, to a tenth of a day. */
    static double median(List<double[]> answers) {
        List<double[]> sorted = answers.stream().sorted(Comparator.comparingDouble(a -> a[0])).toList();
        double total = sorted.stream().mapToDouble(a -> a[1]).sum();
        if (total == 0) {
            return 0;
        }
        // The middle right (or the two middle rights of an even count), 1-based positions in the sorted rights.
        double lowPosition = Math.floor((total + 1) / 2);
        double highPosition = Math.ceil((total + 1) / 2);
        return tenths((at(sorted, lowPosition) + at(sorted, highPosition)) / 2);
    }

    private static double at(List<double[]> sorted, double position) {
        double seen = 0;
        for (double[] answer : sorted) {
            seen += answer[1];
            if (seen >= position) {
                return answer[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }

    private static double tenths(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
