package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The charts' place in the pages: Chart.js served from this server (its webjar, at an address without its
 * version), and each page's canvas naming its figures, labelled, with the two scripts and no inline script.
 */
@EngagementBoardTest
class ChartPagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

    @Autowired
    MockMvc mvc;

    @Test
    void chartJsIsServedFromThisServerToWhoeverIsLoggedIn() throws Exception {
        String library = mvc.perform(get("/webjars/chart.js/dist/chart.umd.js").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(library).startsWith("/*!\n * Chart.js v4.");
    }

    @Test
    void theVersionsAndMeetingsPagesCarryTheirLabelledChartsAndLoadTheScriptsFromThisServer() throws Exception {
        String versions = page("/charter/versions");
        assertThat(versions).contains("data-chart=\"/charts/charter/gaps-and-conflicts.json\"")
                .contains("data-chart=\"/charts/charter/acceptance-lead-time.json\"")
                .contains("aria-label=\"Bar chart of the gaps and conflicts of each charter version\"");
        scriptsOnly(versions);
        String meetings = page("/board/meetings");
        assertThat(meetings).contains("data-chart=\"/charts/board/decisions-per-meeting.json\"")
                .contains("aria-label=\"Stacked bar chart of the decisions of each of the last meetings, by outcome\"");
        scriptsOnly(meetings);
    }

    /** Chart.js, then charts.js, each from a file: no inline script (the pages' CSP would refuse it). */
    private static void scriptsOnly(String html) {
        Matcher script = SCRIPT.matcher(html);
        assertThat(script.find()).isTrue();
        // The page names the library without its version; Spring's resource chain writes the webjar's version in.
        assertThat(script.group(1)).matches(" src=\"/webjars/chart\\.js/(\\d+\\.\\d+\\.\\d+/)?dist/chart\\.umd\\.js\" defer");
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).contains("src=\"/js/charts.js\"").contains("defer");
        assertThat(script.find()).as("no other script").isFalse();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
