package com.engagementboard.board;

import com.engagementboard.web.ChartData;
import com.engagementboard.web.ChartData.Series;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The board's chart on the meetings page: the decisions each of the last meetings took, by outcome. */
@Service
@Transactional(readOnly = true)
class BoardCharts {

    /** How many meetings the chart goes back. */
    static final int MEETINGS = 12;

    private final BoardChartRepository reads;
    private final BoardPages pages;

    BoardCharts(BoardChartRepository reads, BoardPages pages) {
        this.reads = reads;
        this.pages = pages;
    }

    /**
     * The newest {@value #MEETINGS} meetings that met, oldest first, each with its decisions stacked by outcome
     * (approved, rejected, ...): two queries. A meeting that took no decision shows as nothing, not left out.
     */
    ChartData decisionsPerMeeting() {
        String empty = "The board has not met yet: once a meeting opens and decides its agenda, its decisions show "
                + "here. Members submit agenda items in the Tasklist.";
        List<Meeting> held = new ArrayList<>(reads.findNewestHeld(PageRequest.of(0, MEETINGS)));
        if (held.isEmpty()) {
            return new ChartData("bar", "decisions", List.of(), List.of(), List.of(), true, empty);
        }
        Collections.reverse(held);
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        // Approved first, then rejected, then any other outcome by name: the same order on every page.
        TreeSet<String> outcomes = new TreeSet<>((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b));
        for (Object[] row : reads.countOutcomes(held.stream().map(Meeting::getId).toList())) {
            String outcome = (String) row[1];
            outcomes.add(outcome);
            counts.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put(outcome, ((Number) row[2]).longValue());
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(pages.zone());
        List<Series> series = outcomes.stream().map(outcome -> new Series(outcome.toLowerCase(Locale.ROOT),
                capitalised(BoardPages.words(outcome)), held.stream()
                        .map(m -> counts.getOrDefault(m.getId(), Map.of()).getOrDefault(outcome, 0L)).toList()))
                .toList();
        return new ChartData("bar", "decisions", held.stream().map(m -> day.format(m.getScheduledAt())).toList(),
                held.stream().map(m -> BoardPages.kindWords(m.getKind().name()) + " meeting").toList(), series, true,
                empty);
    }

    private static int rank(String outcome) {
        return BoardMeetingProcess.APPROVED.equals(outcome) ? 0 : BoardMeetingProcess.REJECTED.equals(outcome) ? 1 : 2;
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
