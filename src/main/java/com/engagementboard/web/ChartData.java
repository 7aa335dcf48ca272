package com.engagementboard.web;

import java.util.List;

/**
 * What {@code static/js/charts.js} draws on a page's {@code <canvas data-chart="...">}: the kind of chart, the
 * labels along its axis, one or more series of numbers, and the sentence shown instead when there is nothing to
 * draw. Each capability builds its own from its own records; the script knows nothing of charters or meetings.
 *
 * @param type Chart.js's chart type: {@code bar}, {@code line} or {@code doughnut}
 * @param unit what the numbers count, for the axis and the table of figures ("rights", "days", ...)
 * @param labels one per point (a version, a meeting, a function), oldest first where time runs along the axis
 * @param details for each label a line of words that the table of figures and the tooltip add, or empty
 * @param datasets the series; {@code key} picks the series' colour in the script (gaps, approved, in-house, ...)
 * @param stacked whether the series of a bar chart stack
 * @param empty what the page says instead of the chart when there are no labels: what there is not, and what to do
 */
public record ChartData(String type, String unit, List<String> labels, List<String> details, List<Series> datasets,
        boolean stacked, String empty) {

    /**
     * One series: a key for its colour, its name in the legend, one number per label; for a doughnut, whose slices
     * are the labels, a key per slice ({@code pointKeys}) colours each slice instead.
     */
    public record Series(String key, String label, List<? extends Number> data, List<String> pointKeys) {

        public Series {
            data = List.copyOf(data);
            pointKeys = List.copyOf(pointKeys);
        }

        public Series(String key, String label, List<? extends Number> data) {
            this(key, label, data, List.of());
        }
    }

    public ChartData {
        labels = List.copyOf(labels);
        details = List.copyOf(details);
        datasets = List.copyOf(datasets);
    }
}
