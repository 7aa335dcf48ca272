package com.engagementboard.charter;

import static com.engagementboard.charter.CharterDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.StatementCount;
import com.engagementboard.organisation.FunctionRequest;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of the versions page's charts: gaps and conflicts by version, and the days each function's head
 * took to accept. The database is shared: the assertions read the version, draft and function this class makes.
 */
@EngagementBoardTest
class CharterChartsTest {

    private static final String GAPS = "/charts/charter/gaps-and-conflicts.json";
    private static final String LEAD_TIME = "/charts/charter/acceptance-lead-time.json";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CharterDrafts drafts;

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
    CharterOverview overview;

    @Autowired
    EntityManagerFactory persistence;

    private String tag;

    @Autowired
    CharterRepository charters;

    private CharterDriver charter;

    @BeforeEach
    void ownTouchpoint() {
        charter = new CharterDriver(mvc, json, runtime, management, charters);
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        tag = "ch" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Test
    void eachVersionShowsItsGapsAndConflictsAndTheChairsDraftOnlyToThoseWhoSeeWorkInProgress() throws Exception {
        String code = touchpoint("gaps");
        charter.inForce("Charts " + tag, code, "brand", "operations", "operations", "brand");
        int number = charter.number();
        long draft = charter.draft("Charts draft " + tag, false, String.join(",", line(code, "DESIGN", "brand"),
                line(code, "DESIGN", "marketing"), line(code, "BUILD", "operations")));
        try {
            long rights = 4 * jdbc.queryForObject("select count(*) from touchpoint", Long.class);

            JsonNode chair = chart("cmo", GAPS);
            assertThat(chair.get("type").asText()).isEqualTo("bar");
            assertThat(texts(chair.get("datasets"), "key")).containsExactly("gaps", "conflicts");
            int version = texts(chair.get("labels"), null).indexOf("Version " + number);
            assertThat(version).as("version %s in %s", number, chair.get("labels")).isNotNegative();
            assertThat(chair.get("details").get(version).asText()).isEqualTo("Charts " + tag);
            // The version gives the four rights of its touchpoint (and carries over those of the version it
            // followed), each to one function.
            long held = held(versionId(number));
            assertThat(held).isGreaterThanOrEqualTo(4);
            assertThat(value(chair, "gaps", version)).isEqualTo(rights - held);
            assertThat(value(chair, "conflicts", version)).isZero();
            // The chair's newest draft comes last: two rights held, one of them claimed by two functions.
            int last = chair.get("labels").size() - 1;
            assertThat(chair.get("labels").get(last).asText()).isEqualTo("Draft");
            assertThat(chair.get("details").get(last).asText()).isEqualTo("Charts draft " + tag);
            assertThat(value(chair, "gaps", last)).isEqualTo(rights - held(draft));
            assertThat(held(draft)).isGreaterThanOrEqualTo(2);
            assertThat(value(chair, "conflicts", last)).isEqualTo(1);
            // The home page counts the same draft alike: gaps in its touchpoints plus the rights of those it leaves
            // out are the rights nobody holds.
            CharterOverview.WorkInProgress work = overview.workInProgress().orElseThrow();
            assertThat(work.title()).isEqualTo("Charts draft " + tag);
            assertThat(work.conflicts()).isEqualTo(1);
            assertThat(work.gaps() + 4 * work.uncovered()).isEqualTo(rights - held(draft));

            // Everyone else reads the versions that took force, as the matrix shows them: no draft.
            JsonNode employee = chart("employee", GAPS);
            assertThat(texts(employee.get("labels"), null)).contains("Version " + number).doesNotContain("Draft");
            assertThat(value(employee, "gaps", texts(employee.get("labels"), null).indexOf("Version " + number)))
                    .isEqualTo(rights - held);
        } finally {
            mvc.perform(delete("/api/charter/drafts/" + draft).with(httpBasic("cmo", "demo")))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void theDaysToAcceptAreTheAverageAndMedianOfEachRightFromTheVersionsSubmissionToItsHeadsAcceptance()
            throws Exception {
        String function = tag + "-fn";
        String name = "Charts " + tag;
        functions.create(new FunctionRequest(function, name, null, "digital.lead"));
        String code = touchpoint("lead");
        long id = charter.draft("Charts lead time " + tag, false, String.join(",", line(code, "DESIGN", function),
                line(code, "BUILD", function), line(code, "OPERATE", function), line(code, "RENEW", function)));
        charter.submit(id);
        charter.accept(id, "digital.lead");
        // The head answered 1, 2, 2 and 7 days after the submission: on average 3 days, the median 2.
        String[][] answers = {{"DESIGN", "1"}, {"BUILD", "2"}, {"OPERATE", "2"}, {"RENEW", "7"}};
        Instant submitted = jdbc.queryForObject("select submitted_at from charter_version where id = ?",
                Timestamp.class, id).toInstant();
        for (String[] answer : answers) {
            jdbc.update("update charter_allocation set decided_at = ? where charter_version_id = ? and right_kind = ?",
                    Timestamp.from(submitted.plus(Integer.parseInt(answer[1]), ChronoUnit.DAYS)), id, answer[0]);
        }

        JsonNode chart = chart("employee", LEAD_TIME);
        assertThat(texts(chart.get("datasets"), "key")).containsExactly("average", "median");
        int row = texts(chart.get("labels"), null).indexOf(name);
        assertThat(row).as("%s in %s", name, chart.get("labels")).isNotNegative();
        assertThat(chart.get("unit").asText()).isEqualTo("days");
        assertThat(chart.get("details").get(row).asText()).isEqualTo("4 rights accepted");
        assertThat(chart.get("datasets").get(0).get("data").get(row).asDouble()).isEqualTo(3.0);
        assertThat(chart.get("datasets").get(1).get("data").get(row).asDouble()).isEqualTo(2.0);
    }

    @Test
    void aVersionInAcceptanceIsChartedForTheChairTheCoreGroupAndAdministratorsOnly() throws Exception {
        String code = touchpoint("acceptance");
        long id = charter.draft("Charts in acceptance " + tag, false, String.join(",", line(code, "DESIGN", "brand"),
                line(code, "BUILD", "brand"), line(code, "OPERATE", "brand"), line(code, "RENEW", "brand")));
        charter.submit(id);
        try {
            for (String follower : List.of("cmo", "retail.head", "admin")) {
                assertThat(texts(chart(follower, GAPS).get("details"), null)).as(follower)
                        .contains("Charts in acceptance " + tag);
            }
            for (String other : List.of("employee", "brand.head", "ceo")) {
                assertThat(texts(chart(other, GAPS).get("labels"), null)).as(other).doesNotContain("In acceptance");
                assertThat(texts(chart(other, GAPS).get("details"), null)).as(other)
                        .doesNotContain("Charts in acceptance " + tag);
            }
        } finally {
            CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleRights() {
        assertThat(CharterCharts.median(List.of(new double[] {1, 1}, new double[] {4, 1}))).isEqualTo(2.5);
        assertThat(CharterCharts.median(List.of(new double[] {5, 3}, new double[] {1, 1}))).isEqualTo(5.0);
        assertThat(CharterCharts.average(List.of(new double[] {5, 3}, new double[] {1, 1}))).isEqualTo(4.0);
    }

    @Test
    void theChartsAreAFewQueriesWhateverTheNumberOfVersions() throws Exception {
        for (String url : List.of(GAPS, LEAD_TIME)) {
            long statements = StatementCount.of(persistence, () -> chart("cmo", url));
            assertThat(statements).as(url).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void nobodyLoggedOutReadsThem() throws Exception {
        for (String url : List.of(GAPS, LEAD_TIME)) {
            mvc.perform(get(url).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    private long versionId(int number) {
        return jdbc.queryForObject("select id from charter_version where number = ?", Long.class, number);
    }

    /** How many rights (touchpoint and right) a version gives to some function, counted apart from the chart. */
    private long held(long versionId) {
        return jdbc.queryForObject("select count(*) from (select distinct touchpoint_id, right_kind "
                + "from charter_allocation where charter_version_id = ?) h", Long.class, versionId);
    }

    private JsonNode chart(String user, String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static long value(JsonNode chart, String key, int index) {
        for (JsonNode series : chart.get("datasets")) {
            if (series.get("key").asText().equals(key)) {
                return series.get("data").get(index).asLong();
            }
        }
        throw new AssertionError("no series " + key + " in " + chart);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }

    private String touchpoint(String suffix) {
        String code = tag + "-" + suffix;
        touchpoints.create(new TouchpointRequest(code, "Charts " + code, "A touchpoint of the charts test",
                TouchpointKind.INTERNAL, "Test", JourneyStage.BUY, 3));
        return code;
    }

}
