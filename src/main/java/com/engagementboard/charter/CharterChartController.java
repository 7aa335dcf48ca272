package com.engagementboard.charter;

import com.engagementboard.web.ChartData;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures behind the charts of the versions page ({@code /charter/versions}), for {@code static/js/charts.js}.
 * Whoever opens that page reads them; the work in progress in them only those who see it on the matrix.
 */
@RestController
class CharterChartController {

    private final CharterCharts charts;

    CharterChartController(CharterCharts charts) {
        this.charts = charts;
    }

    @GetMapping("/charts/charter/gaps-and-conflicts.json")
    ChartData gapsAndConflicts(Authentication viewer) {
        return charts.gapsAndConflicts(viewer);
    }

    @GetMapping("/charts/charter/acceptance-lead-time.json")
    ChartData acceptanceLeadTime(Authentication viewer) {
        return charts.acceptanceLeadTime(viewer);
    }
}
