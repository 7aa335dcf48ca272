package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * No dead ends for a person in a browser: an unknown page, an unknown id, a refused page or a bad address
 * answer the product's own page, in words, with the way home; the API doors keep their problem details.
 * And the shell around every page: one navigation marking the current page, the person by name, a favicon,
 * the list of summits.
 */
@EngagementBoardTest
class PagesNoDeadEndsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    private ResultActions page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    /** The product's look: its header with the person by name, a way home, and no JSON or Spring page. */
    private static void isTheProductsPage(String html, String name) {
        isTheProductsPage(html);
        assertThat(html).contains("class=\"who\">" + name + "</span>");
    }

    private static void isTheProductsPage(String html) {
        assertThat(html).contains("<header class=\"top\">", "Skip to content", "href=\"/\"", "Back to the start page");
        assertThat(html).doesNotContain("Whitelabel", "\"status\":", "\"detail\":", "Exception", "at com.");
    }

    @Test
    void anUnknownPageIsTheProducts404InWords() throws Exception {
        String html = body(page("/no-such-page/here", "cmo")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
        isTheProductsPage(html, "Clara Martens");
        assertThat(html).contains("Page not found", "There is no page at this address.",
                "<code>/no-such-page/here</code>");
    }

    @Test
    void anUnknownSummitOrMeetingIsA404PageNamingWhatWasNotFound() throws Exception {
        String summit = body(page("/summits/999999", "employee")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
        isTheProductsPage(summit, "Eddie Walsh");
        assertThat(summit).contains("Summit not found", "There is no summit &#39;999999&#39;.");

        String minutes = body(page("/board/meetings/999999/minutes", "employee")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
        isTheProductsPage(minutes, "Eddie Walsh");
        assertThat(minutes).contains("Meeting not found", "There is no meeting &#39;999999&#39;.");
    }

    @Test
    void aBadAddressIsA4xxPageSayingWhatIsWrong() throws Exception {
        String html = body(page("/board/decisions/last-week", "employee")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
        isTheProductsPage(html, "Eddie Walsh");
        assertThat(html).contains("Error 400", "Invalid request",
                "id: &#39;last-week&#39; is not accepted; expected a whole number");
    }

    @Test
    void whatReachesSpringBootsErrorPageIsTheProductsPageToo() throws Exception {
        // A failure outside the controllers (a filter, the container) ends at /error: the same pages, no Whitelabel.
        String gone = body(mvc.perform(get("/error").with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/gone"))
                .andExpect(status().isNotFound()));
        isTheProductsPage(gone);
        assertThat(gone).contains("Page not found", "<code>/gone</code>");
        String failed = body(mvc.perform(get("/error").with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("select secret"))
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/broken"))
                .andExpect(status().isServiceUnavailable()));
        isTheProductsPage(failed);
        assertThat(failed).contains("Something went wrong on the server", "Error 503", "the time it happened")
                .doesNotContain("select secret", "IllegalState");
    }

    @Test
    void theApiAndTheEngineDoorsKeepTheirProblemDetails() throws Exception {
        mvc.perform(get("/api/summits/999999").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Summit not found"))
                .andExpect(jsonPath("$.detail").value("There is no summit '999999'."));
        mvc.perform(get("/api/summits/999999").with(httpBasic("employee", "demo")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(jsonPath("$.title").value("Summit not found"));
        mvc.perform(get("/api/no-such-thing").with(httpBasic("employee", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<html"))));
        // Refused at the API door, even for a client that would take HTML: problem details.
        mvc.perform(post("/api/summits").with(httpBasic("employee", "demo")).accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(get("/actuator/metrics").with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPageTheirGroupsDoNotAllowIsThe403Page() throws Exception {
        String html = body(page("/camunda/app/cockpit/default/", "employee")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
        isTheProductsPage(html, "Eddie Walsh");
        assertThat(html).contains("Not allowed", "Your groups do not allow this page.");
        // A client that does not ask for HTML keeps the problem details.
        mvc.perform(get("/camunda/app/cockpit/default/").with(httpBasic("employee", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void theFaviconIsServedToEveryoneAndLinkedFromEveryPage() throws Exception {
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).startsWith(new byte[] {0, 0, 1, 0}));
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
        assertThat(body(page("/organisation", "employee").andExpect(status().isOk())))
                .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">")
                .doesNotContain("href=\"data:,\"");
    }

    @Test
    void theNavigationLinksEverySectionAndMarksTheCurrentOne() throws Exception {
        String html = body(page("/organisation", "employee").andExpect(status().isOk()));
        String nav = html.substring(html.indexOf("<nav class=\"main-nav\""), html.indexOf("</nav>"));
        assertThat(nav).containsSubsequence(">At a glance<", "href=\"/charter\"", "href=\"/board/decisions\"",
                "href=\"/board/meetings\"", "href=\"/board/actions\"", "href=\"/summits\"", "href=\"/organisation\"",
                ">Tasklist<", ">API<");
        assertThat(nav).contains("href=\"/organisation\" aria-current=\"page\">Organisation<");
        assertThat(nav.split("aria-current", -1)).hasSize(2);
        assertThat(nav).doesNotContain(">Cockpit<", ">Admin<");
        assertThat(body(page("/organisation", "admin").andExpect(status().isOk()))).contains(">Cockpit<", ">Admin<",
                "class=\"who\">Ada Admin</span>");
    }

    private long convene(String title, Instant at) throws Exception {
        String created = mvc.perform(post("/api/summits").with(httpBasic("cmo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", title, "at", at.toString(),
                                "participants", List.of("marketing.head")))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private void cancel(long id) throws Exception {
        mvc.perform(post("/api/summits/" + id + "/cancel").with(httpBasic("cmo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Only a test of the pages.\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theSummitsListShowsEachSummitNewestFirstEscapedAndPaged() throws Exception {
        // Ten years ahead: no other test's summit comes before these in the newest-first list.
        Instant at = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        long id = convene("<script>alert(1)</script> Summit of the pages test", at);
        long earlier = convene("The pages test's earlier summit", at.minus(1, ChronoUnit.DAYS));
        try {
            String html = body(page("/summits", "employee")
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
            String when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(clock.getZone())
                    .format(at);
            assertThat(html).contains("class=\"who\">Eddie Walsh</span>",
                    "href=\"/summits\" aria-current=\"page\">Summits<",
                    "<a href=\"/summits/" + id + "\">&lt;script&gt;alert(1)&lt;/script&gt; Summit of the pages test</a>",
                    when, "Convened: pre-work under way", "Clara Martens")
                    .doesNotContain("<script>alert(1)</script>");
            assertThat(html).containsSubsequence("/summits/" + id + "\"", "/summits/" + earlier + "\"");

            // A page at a time: the first page of one row holds the newest, the next one moves on.
            String first = body(page("/summits?size=1", "employee").andExpect(status().isOk()));
            assertThat(first).contains("/summits/" + id + "\"", "Page 1 of ", "href=\"/summits?page=1&amp;size=1\"")
                    .doesNotContain("/summits/" + earlier + "\"");
            assertThat(first.split("<tr>", -1)).hasSize(3); // the header row and one summit
            assertThat(body(page("/summits?page=1&size=1", "employee").andExpect(status().isOk())))
                    .contains("/summits/" + earlier + "\"").doesNotContain("/summits/" + id + "\"");
            // A page holds at most a hundred rows: more is cut to a hundred; an edited address is never an error.
            assertThat(body(page("/summits?size=300", "employee").andExpect(status().isOk())))
                    .contains("/summits/" + id + "\"");
            assertThat(body(page("/summits?size=1000&page=-3", "employee").andExpect(status().isOk())))
                    .contains("/summits/" + id + "\"");
            assertThat(body(page("/summits?size=lots&page=x", "employee").andExpect(status().isOk())))
                    .contains("/summits/" + id + "\"");
        } finally {
            cancel(id);
            cancel(earlier);
        }
        assertThat(body(page("/summits?size=2", "employee"))).contains("Cancelled").doesNotContain("Convened:");
    }
}
