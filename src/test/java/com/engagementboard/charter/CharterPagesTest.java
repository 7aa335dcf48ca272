package com.engagementboard.charter;

import static com.engagementboard.charter.CharterDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.StatementCount;
import com.engagementboard.organisation.FunctionRequest;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charter's pages: the matrix (owners' names by state, gaps, conflicts, filters, paging), the versions and
 * their changes, and a touchpoint's page. The database is shared: every assertion is about touchpoints this class
 * creates, tagged with a code of its own.
 */
@EngagementBoardTest
class CharterPagesTest {

    private static final String BRAND = "Brand &amp; Reputation";
    private static final String OPERATIONS = "Operations";
    private static final String PRODUCT = "Product Management";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    CharterRepository charters;

    @Autowired
    CharterProcessStarter processes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    FunctionService functions;

    @Autowired
    EntityManagerFactory persistence;

    /** This test's own tag: every touchpoint it creates has it in its code. */
    private String tag;

    private CharterDriver charter;

    @BeforeEach
    void ownTouchpoints() {
        charter = new CharterDriver(mvc, json, runtime, management, charters);
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        tag = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private String touchpoint(String suffix, String name, TouchpointKind kind, int priority) {
        String code = tag + "-" + suffix;
        touchpoints.create(new TouchpointRequest(code, name, "A touchpoint of the pages test", kind, "Test",
                JourneyStage.BUY, priority));
        return code;
    }

    @Test
    void theMatrixShowsOwnersByStateFiltersPagesAndLinksEachTouchpointToItsPage() throws Exception {
        String app = touchpoint("app", "Pages app " + tag, TouchpointKind.EXTERNAL_DIRECT, 5);
        String gap = touchpoint("gap", "Pages gap " + tag, TouchpointKind.INTERNAL, 2);
        int first = inForceNumber("Pages " + tag, app, "brand", "operations", "operations", "brand");

        String matrix = page("/charter?q=" + tag);
        assertThat(matrix).contains("Version " + first).contains("href=\"/api/charter.csv\"");
        assertThat(cell(matrix, app, "Design")).contains("data-state=\"effective\"").contains(BRAND).contains("In force");
        assertThat(cell(matrix, app, "Build")).contains("data-state=\"effective\"").contains(OPERATIONS);
        for (String right : List.of("Design", "Build", "Operate", "Renew")) {
            assertThat(cell(matrix, gap, right)).as(right).contains("data-state=\"gap\"").contains("Gap");
        }
        assertThat(row(matrix, app)).contains("href=\"/touchpoints/" + app + "\"").contains("Pages app " + tag)
                .contains("External, direct").contains("Group-wide");

        // An amendment in acceptance: the right it moves is pending (the new owner's name), the rest in force.
        long amendment = charter.draft("Pages " + tag + " amended", true, line(app, "RENEW", "product"));
        charter.submit(amendment);
        String pending = page("/charter?q=" + tag);
        assertThat(pending).contains("Out for acceptance").contains("Pages " + tag + " amended");
        assertThat(cell(pending, app, "Renew")).contains("data-state=\"pending\"").contains(PRODUCT);
        assertThat(cell(pending, app, "Design")).contains("data-state=\"effective\"").contains(BRAND);
        // An employee reads the version in force only, as /api/charter answers them: no work in progress.
        String employees = pageAs("employee", "/charter?q=" + tag);
        assertThat(employees).doesNotContain("Out for acceptance").doesNotContain("Pages " + tag + " amended");
        assertThat(cell(employees, app, "Renew")).doesNotContain("data-state=\"pending\"").doesNotContain(PRODUCT);
        assertThat(pageAs("employee", "/touchpoints/" + app)).doesNotContain("Pages " + tag + " amended");
        // The touchpoint's page shows the right moving to its new owner, and says who holds it in force meanwhile:
        // brand's acceptance is not read as product's.
        String moving = part(between(page("/touchpoints/" + app), "<table class=\"owners\">", "</table>"),
                "data-right=\"Renew\"", "</tr>");
        assertThat(moving).contains(PRODUCT).contains("In force now with " + BRAND + ": accepted");
        charter.accept(amendment, "product.head");
        int second = charter.number();
        assertThat(second).isEqualTo(first + 1);
        String amended = page("/charter?q=" + tag);
        assertThat(amended).contains("Version " + second).doesNotContain("Out for acceptance");
        assertThat(cell(amended, app, "Renew")).contains("data-state=\"effective\"").contains(PRODUCT);

        // Filters by the function owning any right, by kind, by journey stage and priority; the search by name.
        assertThat(rows(page("/charter?q=" + tag + "&function=product"))).containsExactly(app);
        assertThat(rows(page("/charter?q=" + tag + "&function=sales"))).isEmpty();
        assertThat(page("/charter?q=" + tag + "&function=sales")).contains("No touchpoint matches these filters");
        assertThat(rows(page("/charter?q=" + tag + "&kind=INTERNAL"))).containsExactly(gap);
        assertThat(rows(page("/charter?q=" + tag + "&kind=EXTERNAL_DIRECT&priority=5"))).containsExactly(app);
        assertThat(rows(page("/charter?q=" + tag + "&stage=BOND"))).isEmpty();
        assertThat(rows(page("/charter?q={q}", "PAGES gap " + tag))).containsExactly(gap);
        // The selects offer names, and keep what was chosen.
        assertThat(page("/charter?function=product"))
                .contains("<option value=\"product\" selected=\"selected\">Product Management</option>")
                .contains("<option value=\"retail-banking\">Retail Banking</option>");

        // One touchpoint a page, highest priority first, with a link to the next page.
        String one = page("/charter?q=" + tag + "&size=1");
        assertThat(rows(one)).containsExactly(app);
        assertThat(one).contains("rel=\"next\"").contains("page=1").contains("Touchpoints 1 to 1 of 2");
        String next = page("/charter?q=" + tag + "&size=1&page=1");
        assertThat(rows(next)).containsExactly(gap);
        assertThat(next).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

        // A page is the same few queries whatever its size: the rights of its touchpoints come in one query.
        // (Both pages are full, so both count the rows.)
        long small = StatementCount.of(persistence, () -> page("/charter?q=" + tag + "&size=1"));
        long large = StatementCount.of(persistence, () -> page("/charter?q=" + tag + "&size=2"));
        assertThat(large).isEqualTo(small);

        // The touchpoint's page: attributes, owners in force, history across both versions.
        String page = page("/touchpoints/" + app);
        assertThat(page).contains("<h1>Pages app " + tag + "</h1>").contains("External, direct")
                .contains("Accepted by its head");
        assertThat(between(page, "<table class=\"owners\">", "</table>"))
                .contains(BRAND).contains(PRODUCT).contains(OPERATIONS).doesNotContain("Nobody");
        String history = between(page, "<table class=\"history\">", "</table>");
        assertThat(part(history, "data-version=\"" + first + "\"", "</tr>")).contains(BRAND).doesNotContain(PRODUCT);
        assertThat(part(history, "data-version=\"" + second + "\"", "</tr>")).contains(PRODUCT)
                .contains("changed");
        assertThat(page).contains("The board has not decided anything about this touchpoint");
        assertThat(page("/touchpoints/" + gap)).contains("No version of the charter has given a right over this");

        // The versions, newest first, each linked to what changed from the one before.
        String versions = page("/charter/versions");
        assertThat(part(versions, "data-version=\"" + second + "\"", "</tr>")).contains("Pages " + tag + " amended")
                .contains("In force").contains("href=\"/charter/versions/" + first + "/diff/" + second + "\"");
        assertThat(part(versions, "data-version=\"" + first + "\"", "</tr>")).contains("Superseded");
        String diff = page("/charter/versions/" + first + "/diff/" + second);
        assertThat(diff).contains("What changed from version " + first + " to version " + second)
                .contains("Changes 1 to 1 of 1");
        assertThat(part(diff, "data-touchpoint=\"" + app + "\"", "</tr>")).contains("Pages app " + tag)
                .contains("Renew").contains(BRAND).contains(PRODUCT);
        mvc.perform(get("/charter/versions/" + first + "/diff/999999").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());

        // A head declines the right an amendment gives her function: declined, with her function's name.
        long declined = charter.draft("Pages " + tag + " declined", true, line(app, "DESIGN", "sales"));
        charter.submit(declined);
        mvc.perform(post("/api/charter/tasks/" + charter.taskOf("sales.head", declined) + "/complete")
                .with(httpBasic("sales.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"DECLINE_SOME\", \"declinedLines\": \"" + app + ",DESIGN\", "
                        + "\"declineReason\": \"Sales does not design apps\"}"))
                .andExpect(status().isNoContent());
        charter.runDueJobs();
        String disputed = page("/charter?q=" + tag);
        assertThat(cell(disputed, app, "Design")).contains("data-state=\"declined\"").contains("Sales")
                .contains("Declined");
        // The cell's title says who holds it in force meanwhile.
        assertThat(row(disputed, app)).contains("Its head declined it").contains("In force: " + BRAND);
        assertThat(cell(disputed, app, "Renew")).contains("data-state=\"effective\"").contains(PRODUCT);
        drafts.withdraw(declined, "The pages test is done with it", "cmo");

        // Other test classes count the organisation's gaps: a touchpoint outside the charter does not outlive this one.
        touchpoints.delete(gap);
    }

    @Test
    void aDraftGivingARightToSeveralFunctionsIsAConflictAndNamesAreEscaped() throws Exception {
        String script = touchpoint("script", "<script>alert('" + tag + "')</script>", TouchpointKind.INTERNAL, 3);
        String fn = tag + "-fn";
        functions.create(new FunctionRequest(fn, "<script>alert(1)</script> " + tag, null, null));
        long draft = charter.draft("Pages conflict " + tag, false, line(script, "DESIGN", fn) + ","
                + line(script, "DESIGN", "marketing"));
        try {
            String matrix = page("/charter?q=" + tag);
            assertThat(matrix).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;" + tag);
            assertThat(cell(matrix, script, "Design")).contains("data-state=\"conflict\"")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; " + tag).contains("Marketing")
                    .contains("Conflict");
            assertThat(cell(matrix, script, "Build")).contains("data-state=\"gap\"");
            // The chair's draft is hers (and the core group's): an employee sees no conflict and no draft.
            String employees = pageAs("employee", "/charter?q=" + tag);
            assertThat(cell(employees, script, "Design")).contains("data-state=\"gap\"")
                    .doesNotContain("Marketing");
            assertThat(employees).doesNotContain("Pages conflict " + tag);
            String page = page("/touchpoints/" + script);
            assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;" + tag);
            assertThat(page("/charter?function=" + fn)).doesNotContain("<script>alert(1)");
        } finally {
            drafts.delete(draft);
            touchpoints.delete(script);
            functions.delete(fn);
        }
    }

    @Test
    void withNoVersionInForceTheMatrixSaysWhatToDoAndShowsEveryRightAsAGap() throws Exception {
        CharterFixtures.noVersionInForce(charters, processes, transaction);
        String app = touchpoint("none", "Pages nothing in force " + tag, TouchpointKind.EXTERNAL_INDIRECT, 1);
        String matrix = page("/charter?q=" + tag);
        assertThat(matrix).contains("No charter is in force yet").contains("href=\"/camunda/app/tasklist/default/\"")
                .doesNotContain("href=\"/api/charter.csv\"");
        for (String right : List.of("Design", "Build", "Operate", "Renew")) {
            assertThat(cell(matrix, app, right)).contains("data-state=\"gap\"");
        }
        assertThat(page("/touchpoints/" + app)).contains("No charter is in force yet");
        touchpoints.delete(app);
    }

    @Test
    void aPageHoldsAtMostAHundredTouchpoints() throws Exception {
        List<String> codes = new ArrayList<>();
        try {
            for (int i = 0; i < 101; i++) {
                codes.add(touchpoint(String.format("bulk-%03d", i), "Bulk " + tag + " " + i, TouchpointKind.INTERNAL, 1));
            }
            String page = page("/charter?q=" + tag + "-bulk&size=1000");
            assertThat(rows(page)).hasSize(100);
            assertThat(page).contains("Touchpoints 1 to 100 of 101").contains("rel=\"next\"").contains("size=100");
            assertThat(rows(page("/charter?q=" + tag + "-bulk"))).hasSize(50);
            assertThat(rows(page("/charter?q=" + tag + "-bulk&size=100&page=1"))).hasSize(1);
            // A page past the end is empty, a bad page or size the default.
            String past = page("/charter?q=" + tag + "-bulk&page=9");
            assertThat(rows(past)).isEmpty();
            assertThat(past).contains("No touchpoint on this page").contains("rel=\"prev\"");
            assertThat(rows(page("/charter?q=" + tag + "-bulk&size=lots&page=-3"))).hasSize(50);
        } finally {
            // Other test classes count the organisation's gaps: the bulk does not outlive this test.
            codes.forEach(touchpoints::delete);
        }
    }

    @Test
    void anUnknownTouchpointIsNotFound() throws Exception {
        mvc.perform(get("/touchpoints/" + tag + "-nowhere").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/charter")).andExpect(status().is3xxRedirection());
    }

    // ---- fixtures ----

    /** A version of the touchpoint's four rights, in force; its number. */
    private int inForceNumber(String title, String touchpoint, String design, String build, String operate,
            String renew) throws Exception {
        charter.inForce(title, touchpoint, design, build, operate, renew);
        return charter.number();
    }

    /** The page as the chair reads it: the version in force and the work in progress. */
    private String page(String url, Object... variables) throws Exception {
        return pageAs("cmo", url, variables);
    }

    private String pageAs(String user, String url, Object... variables) throws Exception {
        return mvc.perform(get(url, variables).with(httpBasic(user, "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The codes of the matrix's rows, in their order. */
    private static List<String> rows(String html) {
        List<String> codes = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-touchpoint=\"([^\"]+)\"").matcher(html);
        while (row.find()) {
            codes.add(row.group(1));
        }
        return codes;
    }

    private static String row(String html, String touchpoint) {
        return part(html, "<tr data-touchpoint=\"" + touchpoint + "\"", "</tr>");
    }

    /** One cell of a row: from its right's attribute to the end of the cell. */
    private static String cell(String html, String touchpoint, String right) {
        return part(row(html, touchpoint), "data-right=\"" + right + "\"", "</td>");
    }

    /** The text from the first occurrence of {@code start} to the next {@code end}. */
    private static String part(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        int to = html.indexOf(end, from);
        assertThat(to).as("%s after %s", end, start).isPositive();
        return html.substring(from, to);
    }

    private static String between(String html, String start, String end) {
        return part(html, start, end);
    }
}
