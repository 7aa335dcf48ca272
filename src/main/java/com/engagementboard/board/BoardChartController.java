package com.engagementboard.board;

import com.engagementboard.web.ChartData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures behind the chart of the meetings page ({@code /board/meetings}), for {@code static/js/charts.js}:
 * read, like the board's pages, by every logged-in person.
 */
@RestController
class BoardChartController {

    private final BoardCharts charts;

    BoardChartController(BoardCharts charts) {
        this.charts = charts;
    }

    @GetMapping("/charts/board/decisions-per-meeting.json")
    ChartData decisionsPerMeeting() {
        return charts.decisionsPerMeeting();
    }
}
