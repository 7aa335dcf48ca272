package com.engagementboard.summit;

import com.engagementboard.web.ChartData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures behind the sourcing picture of a summit's page ({@code /summits/{id}}), for
 * {@code static/js/charts.js}: read, like the summit's report, by every logged-in person.
 */
@RestController
class SummitChartController {

    private final SummitCharts charts;

    SummitChartController(SummitCharts charts) {
        this.charts = charts;
    }

    @GetMapping("/charts/summits/{id}/sourcing.json")
    ChartData sourcing(@PathVariable long id) {
        return charts.sourcing(id);
    }
}
