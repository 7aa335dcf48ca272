package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The pages' charts in a real browser under the pages' Content-Security-Policy: Chart.js from its webjar and
 * {@code js/charts.js} draw the canvas of a chart with figures, put a sentence where there are none, and the
 * browser's console stays free of errors.
 */
class ChartsBrowserIT extends TasklistBrowserSupport {

    /** A drawn chart: Chart.js holds it, and the canvas differs from a blank one of its size. */
    private static final String DRAWN = """
            const canvas = arguments[0];
            const blank = document.createElement('canvas');
            blank.width = canvas.width;
            blank.height = canvas.height;
            return window.Chart.getChart(canvas) !== undefined && canvas.width > 0
                && canvas.toDataURL() !== blank.toDataURL();""";

    @Test
    void theChairSeesTheVersionsChartDrawnAndASentenceWhereThereIsNothingToDraw() throws Exception {
        // A version in acceptance: the chair's gaps-and-conflicts chart has a bar; nobody accepted anything yet.
        submittedCharter("Charted " + UUID.randomUUID());
        long summit = summit();
        try {
            logIn("cmo");
            driver.get(base() + "/charter/versions");
            WebElement gaps = wait.until(d -> d.findElement(By.cssSelector(
                    "canvas[data-chart$='/charts/charter/gaps-and-conflicts.json'][data-chart-state='drawn']")));
            assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(DRAWN, gaps)).as("drawn").isTrue();
            assertThat(gaps.getAttribute("aria-label")).contains("gaps and conflicts");
            // The figures follow as a table: the version in acceptance is a row of it.
            WebElement figures = driver.findElement(By.cssSelector(".chart-figures"));
            figures.findElement(By.tagName("summary")).click();
            assertThat(figures.findElement(By.tagName("table")).getText()).contains("In acceptance").contains("Gaps");
            // The lead-time chart: while no head has accepted a right (this test's own database), a sentence in its
            // place; where other tests' heads have (the PostgreSQL run shares one database), drawn.
            WebElement leadTime = wait.until(d -> d.findElements(By.cssSelector("p.chart-empty[data-chart-state='empty'],"
                    + " canvas[data-chart$='acceptance-lead-time.json'][data-chart-state='drawn']")).stream().findFirst()
                    .orElse(null));
            if (leadTime.getTagName().equals("p")) {
                assertThat(leadTime.getText()).startsWith("No head has accepted rights yet");
                assertThat(driver.findElements(By.cssSelector("canvas[data-chart$='acceptance-lead-time.json']")))
                        .isEmpty();
            } else {
                assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(DRAWN, leadTime)).as("drawn").isTrue();
            }
            screenshot("charts-charter-versions");
            assertNoErrors("/charter/versions");

            // The meetings page and a summit's page: each chart ends drawn or as its sentence, never failed.
            driver.get(base() + "/board/meetings");
            assertSettled();
            assertNoErrors("/board/meetings");
            driver.get(base() + "/summits/" + summit);
            WebElement sourcing = wait.until(d -> d.findElement(By.cssSelector("p.chart-empty[data-chart-state]")));
            assertThat(sourcing.getAttribute("data-chart-state")).isEqualTo("empty");
            assertThat(sourcing.getText()).contains("has not decided its ecosystem sourcing yet");
            assertNoErrors("/summits/" + summit);
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        } finally {
            call("POST", "/api/summits/" + summit + "/cancel", "cmo", "application/json",
                    "{\"reason\": \"The charts test is over.\"}");
        }
    }

    private long summit() throws Exception {
        HttpResponse<String> created = call("POST", "/api/summits", "cmo", "application/json",
                "{\"title\": \"Charted summit\", \"at\": \"" + Instant.now().plus(7, ChronoUnit.DAYS)
                        + "\", \"participants\": [\"marketing.head\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    /** Every chart of the page drawn or replaced by its sentence (what there is not, what to do). */
    private void assertSettled() {
        wait.until(d -> d.findElements(By.cssSelector("canvas[data-chart]:not([data-chart-state])")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("[data-chart-state='failed']"))).isEmpty();
        for (WebElement canvas : driver.findElements(By.cssSelector("canvas[data-chart-state='drawn']"))) {
            assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(DRAWN, canvas)).isTrue();
        }
    }

    /** No error in the console: no refused script or style (CSP), no failed load, no script error. */
    private void assertNoErrors(String where) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on " + where).isEmpty();
    }
}
