package com.engagementboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.StatementCount;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.Groups;
import com.engagementboard.web.Csv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The board API: set-up and its validation, meetings, agenda items, register and actions, per role. */
@EngagementBoardTest
class BoardApiTest {

    static final String DEMO_SETUP = """
            {"chair": "cmo",
             "members": ["cmo", "retail.head", "business.head", "wealth.head", "marketing.head",
               "communications.head", "sales.head", "service.head", "operations.head", "product.head", "it.head",
               "brand.head", "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead"],
             "core": ["cmo", "retail.head", "business.head", "wealth.head"],
             "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"},
             "quorum": 3, "agendaCutoffHours": 24, "meetingMinutes": 120}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    BoardMemberRepository members;

    @Autowired
    AgendaItemRepository items;

    @Autowired
    AgendaItems agendaItems;

    @Autowired
    MeetingRepository meetings;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    BoardActionRepository actions;

    @Autowired
    MeetingItemRepository agenda;

    @Autowired
    EntityManagerFactory persistence;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    FunctionService functions;

    @Autowired
    ObjectMapper json;

    private ResultActions putBoard(String user, String body) throws Exception {
        return mvc.perform(put("/api/board").with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void restoreTheDemoBoard() throws Exception {
        putBoard("admin", DEMO_SETUP).andExpect(status().isOk());
    }

    @Test
    void everyoneReadsTheBoardOfSeventeenWithItsCoreGroupOfFour() throws Exception {
        mvc.perform(get("/api/board").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chair").value("cmo"))
                .andExpect(jsonPath("$.members", hasSize(17)))
                .andExpect(jsonPath("$.core", hasSize(4)))
                .andExpect(jsonPath("$.cadence.type").value("WEEKLY"))
                .andExpect(jsonPath("$.quorum").value(3))
                .andExpect(jsonPath("$.decisionRule", containsString("tie")));
    }

    @Test
    void changingTheMembersUpdatesTheCamundaGroups() throws Exception {
        putBoard("cmo", DEMO_SETUP.replace("\"people.lead\"", "\"people.lead\", \"employee\"")
                .replace("\"core\": [\"cmo\", \"retail.head\", \"business.head\", \"wealth.head\"]",
                        "\"core\": [\"cmo\", \"retail.head\", \"business.head\", \"wealth.head\", \"insight.lead\"]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members", hasSize(18)))
                .andExpect(jsonPath("$.core", hasItem("insight.lead")));
        assertThat(people.membersOf(Groups.BOARD_MEMBER)).hasSize(18).contains("employee");
        assertThat(people.membersOf(Groups.BOARD_CORE)).hasSize(5).contains("insight.lead");
    }

    @Test
    void aMonthlyCadenceMovesTheNextRegularMeeting() throws Exception {
        putBoard("cmo", DEMO_SETUP.replace("\"type\": \"WEEKLY\", \"dayOfWeek\": \"MONDAY\"",
                "\"type\": \"MONTHLY\", \"dayOfMonth\": 15")).andExpect(status().isOk());
        String body = mvc.perform(get("/api/board/meetings").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"kind\":\"REGULAR\"").contains("\"status\":\"SCHEDULED\"");
        mvc.perform(get("/api/board").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.cadence.type").value("MONTHLY"))
                .andExpect(jsonPath("$.cadence.dayOfMonth").value(15));
    }

    @Test
    void invalidSetUpsAreRefusedAndChangeNothing() throws Exception {
        putBoard("cmo", DEMO_SETUP.replace("\"core\": [\"cmo\"", "\"core\": [\"cmo\", \"ceo\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("core"))
                .andExpect(jsonPath("$.errors[0].message", containsString("'ceo' is in the core group but not a member")));
        putBoard("cmo", DEMO_SETUP.replace("\"quorum\": 3", "\"quorum\": 5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quorum"));
        putBoard("cmo", DEMO_SETUP.replace("\"people.lead\"]", "\"people.lead\", \"nobody\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("there is no user 'nobody'"));
        putBoard("cmo", DEMO_SETUP.replace("Europe/Amsterdam", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cadence.timeZone"));
        putBoard("cmo", DEMO_SETUP.replace("\"dayOfWeek\": \"MONDAY\", ", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cadence.dayOfWeek"));
        putBoard("cmo", DEMO_SETUP.replace("\"09:00\"", "\"9 o'clock\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cadence.time"));
        putBoard("cmo", DEMO_SETUP.replace("\"WEEKLY\"", "\"DAILY\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cadence.type"));
        assertThat(members.count()).isEqualTo(17);
        assertThat(people.membersOf(Groups.BOARD_CORE)).hasSize(4);
    }

    @Test
    void onlyTheChairOrAnAdministratorSetsTheBoardUpAndOnlyTheChairCallsMeetings() throws Exception {
        putBoard("retail.head", DEMO_SETUP).andExpect(status().isForbidden());
        putBoard("employee", DEMO_SETUP).andExpect(status().isForbidden());
        String meeting = "{\"at\": \"" + Instant.now().plus(3, ChronoUnit.DAYS) + "\", \"reason\": \"Card crisis\"}";
        mvc.perform(post("/api/board/meetings").with(httpBasic("retail.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(meeting)).andExpect(status().isForbidden());
        mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(meeting))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("EXTRAORDINARY"))
                .andExpect(jsonPath("$.calledBy").value("cmo"));
        mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"at\": \"2001-01-01T09:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"));
        mvc.perform(get("/api/board/meetings")).andExpect(status().isUnauthorized());
    }

    @Test
    void membersSubmitItemsAndAnItemWithoutFactsIsReturnedToItsAuthor() throws Exception {
        mvc.perform(post("/api/board/agenda-items").with(httpBasic("employee", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\", \"decisionAsked\": \"y\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Shorter call-centre script", "decisionAsked": "Cut the script to three questions",
                         "touchpoints": ["call-centre-script"],
                         "facts": {"customerBehaviour": "40% hang up before question five"},
                         "actions": [{"touchpoint": "call-centre-script", "description": "Rewrite the script",
                                      "dueInDays": 10}]}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.touchpoints[0]").value("call-centre-script"))
                .andExpect(jsonPath("$.factBase", containsString("40% hang up")));
        mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "A hunch", "decisionAsked": "Change the branch greeting"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason", containsString("no fact base")));
        mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "", "decisionAsked": "x", "touchpoints": ["nowhere"]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "t", "decisionAsked": "x", "touchpoints": ["nowhere"]}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints[0]"));
    }

    @Test
    void theRegisterAndTheActionsAreReadableAndFilterable() throws Exception {
        mvc.perform(get("/api/board/decisions?outcome=APPROVED&escalated=false&from=2020-01-01&to=2099-12-31")
                .with(httpBasic("employee", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/board/decisions?outcome=MAYBE").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        mvc.perform(get("/api/board/decisions?from=yesterday").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/board/decisions.csv").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id,decided_at,meeting,item,outcome")));
        mvc.perform(get("/api/board/actions?status=OPEN").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/board/meetings/999999").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRegisterComesOnePageAtATimeNewestFirstAndFilteredInTheDatabase() throws Exception {
        // Codes of their own, so that the filters find these decisions and no other test's.
        String touchpoint = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        String function = "fn-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long meetingId = closedMeeting(now, "Paging test");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Two decided at the same moment: the id keeps them in one order from page to page.
            ids.add(decision(meetingId, "Paged " + i, touchpoint + ",call-centre-script",
                    i == 0 ? function : "operations", i == 0 ? now.minusSeconds(60) : now));
        }

        String filtered = "/api/board/decisions?touchpoint=" + touchpoint;
        mvc.perform(get(filtered).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(3)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(1));
        mvc.perform(get(filtered + "&size=2").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].id").value(contains(ids.get(2).intValue(), ids.get(1).intValue())))
                .andExpect(jsonPath("$.content[0].touchpoints").value(contains(touchpoint, "call-centre-script")))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get(filtered + "&page=1&size=2").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].id").value(contains(ids.get(0).intValue())))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get(filtered + "&size=500").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content", hasSize(3)))
                .andExpect(jsonPath("$.size").value(500));
        mvc.perform(get("/api/board/decisions?function=" + function).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].id").value(contains(ids.get(0).intValue())));
        mvc.perform(get(filtered + "&function=operations&outcome=APPROVED").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.totalElements").value(2));
        // A code is matched whole, never as a part of another code.
        mvc.perform(get("/api/board/decisions?touchpoint=" + touchpoint.substring(0, 9)).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.totalElements").value(0));
        // The download stays whole.
        String csv = mvc.perform(get("/api/board/decisions.csv?touchpoint=" + touchpoint + "&size=1")
                .with(httpBasic("employee", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Csv.read(csv)).hasSize(4);
    }

    @Test
    void actionsComeOnePageAtATimeOpenOnesByDueDateBeforeDoneOnes() throws Exception {
        Instant now = Instant.now();
        long decision = decision(closedMeeting(now, "Actions paging test"), "Actions", "call-centre-script",
                "operations", now);
        BoardAction done = new BoardAction(decision, touchpoints.get("call-centre-script"), functions.get("operations"),
                "head-operations", "OPERATE", "Done already", now.minus(9, ChronoUnit.DAYS));
        done.done("operations.head", "Done.", now);
        actions.saveAndFlush(done);
        actions.saveAndFlush(new BoardAction(decision, touchpoints.get("call-centre-script"), null, "head-operations",
                "OPERATE", "Overdue", now.minus(2, ChronoUnit.DAYS)));
        actions.saveAndFlush(new BoardAction(decision, touchpoints.get("call-centre-script"), functions.get("operations"),
                "head-operations", "OPERATE", "Due next week", now.plus(7, ChronoUnit.DAYS)));

        JsonNode all = page("/api/board/actions?size=500");
        List<String> statuses = all.path("content").findValuesAsText("status");
        assertThat(statuses).hasSize(all.path("totalElements").asInt()).contains("OPEN", "DONE");
        assertThat(statuses.indexOf("DONE")).as("open ones first").isGreaterThan(statuses.lastIndexOf("OPEN"));
        List<Boolean> overdue = new java.util.ArrayList<>();
        all.path("content").forEach(a -> overdue.add(a.path("overdue").asBoolean()));
        assertThat(overdue.indexOf(false)).as("overdue ones first").isGreaterThan(overdue.lastIndexOf(true));
        List<String> openDue = new java.util.ArrayList<>();
        all.path("content").forEach(a -> {
            if (a.path("status").asText().equals("OPEN")) {
                openDue.add(a.path("dueAt").asText());
            }
        });
        assertThat(openDue.stream().map(Instant::parse).toList()).isSorted();

        JsonNode second = page("/api/board/actions?page=1&size=1");
        assertThat(second.path("content")).hasSize(1);
        assertThat(second.path("content").get(0).path("id").asLong())
                .isEqualTo(all.path("content").get(1).path("id").asLong());
        assertThat(second.path("totalPages").asInt()).isEqualTo(all.path("totalElements").asInt());
        JsonNode doneOnly = page("/api/board/actions?status=DONE&size=500");
        assertThat(doneOnly.path("content").findValuesAsText("status")).isNotEmpty().containsOnly("DONE");
        JsonNode firstPage = page("/api/board/actions");
        assertThat(firstPage.path("size").asInt()).isEqualTo(50);
        assertThat(firstPage.path("page").asInt()).isZero();
    }

    @Test
    void meetingsComeOnePageAtATimeNewestFirst() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        closedMeeting(now.plus(3650, ChronoUnit.DAYS), "Far future A");
        closedMeeting(now.plus(3651, ChronoUnit.DAYS), "Far future B");
        mvc.perform(get("/api/board/meetings?size=1").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].reason").value("Far future B"))
                .andExpect(jsonPath("$.content[0].agenda").isArray())
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalElements").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get("/api/board/meetings?page=1&size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[0].reason").value("Far future A"))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/board/meetings").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.size").value(50));
    }

    @Test
    void aPageOfMeetingsWithTheirAgendasOrOfActionsIsAFewQueriesWhateverItsSize() throws Exception {
        Instant now = Instant.now();
        long meetingId = closedMeeting(now, "Query count test");
        long other = closedMeeting(now.minusSeconds(1), "Query count test, earlier");
        for (long meeting : List.of(meetingId, other)) {
            AgendaItem item = agendaItems.create(AgendaItem.Kind.MEMBER, new AgendaItemRequest("On the agenda",
                    "Decide it", List.of("call-centre-script"), new AgendaItemRequest.FactBase("Priority 5", null, null),
                    List.of()), "sales.head");
            agenda.saveAndFlush(new MeetingItem(meeting, item.getId(), 1));
        }
        for (String path : List.of("/api/board/meetings", "/api/board/actions", "/api/board/decisions")) {
            long one = StatementCount.of(persistence, () -> mvc.perform(get(path + "?size=1")
                    .with(httpBasic("employee", "demo"))).andExpect(status().isOk()));
            long three = StatementCount.of(persistence, () -> mvc.perform(get(path + "?size=3")
                    .with(httpBasic("employee", "demo"))).andExpect(status().isOk()));
            // The page, its count, and for meetings their agendas and the titles on them: never one more per row.
            assertThat(one).as("statements for a page of one row of %s", path).isLessThanOrEqualTo(4);
            assertThat(three).as("statements for a page of three rows of %s", path).isLessThanOrEqualTo(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/board/decisions", "/api/board/actions", "/api/board/meetings" })
    void aBadPageOrSizeIsNamedWithWhatIsAccepted(String path) throws Exception {
        for (String query : List.of("size=0", "size=501", "page=-1", "page=x")) {
            String field = query.substring(0, query.indexOf('='));
            mvc.perform(get(path + "?" + query).with(httpBasic("employee", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message", containsString(field.equals("size") ? "1 to 500"
                            : "0 or more")));
        }
    }

    /** A closed extraordinary meeting at the given moment; its id. */
    private long closedMeeting(Instant at, String reason) {
        Meeting meeting = new Meeting(Meeting.Kind.EXTRAORDINARY, at, at, at, "cmo", reason);
        meeting.closeAgenda(1, at);
        meeting.publishAgenda();
        meeting.open(at);
        meeting.close(at);
        return meetings.saveAndFlush(meeting).getId();
    }

    /** A decision on a new item, written straight into the register; its id. */
    private long decision(long meetingId, String title, String touchpointCodes, String functionCodes, Instant at) {
        AgendaItem item = agendaItems.create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(title, "Decide it",
                List.of("call-centre-script"), new AgendaItemRequest.FactBase("Priority 5", null, null), List.of()),
                "sales.head");
        item.queue();
        item.putOnAgenda();
        item.decide();
        items.saveAndFlush(item);
        return decisions.saveAndFlush(new Decision(meetingId, item, "APPROVED", "cmo: APPROVE", null, false, null,
                null, null, null, touchpointCodes, functionCodes, null, at)).getId();
    }

    private JsonNode page(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theRegisterAsCsvQuotesTitlesAndKeepsFormulasFromRunningInASpreadsheet() throws Exception {
        // Each title, and how it reads back from the export: formulas as text, with a leading apostrophe.
        Map<String, String> readBack = Map.of("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")",
                "+1+1", "'+1+1", "@SUM(A1)", "'@SUM(A1)", "Cards, debit and \"credit\"", "Cards, debit and \"credit\"");
        Instant now = Instant.now();
        Meeting meeting = new Meeting(Meeting.Kind.EXTRAORDINARY, now, now, now, "cmo", "CSV export test");
        meeting.closeAgenda(readBack.size(), now);
        meeting.publishAgenda();
        meeting.open(now);
        meeting.close(now);
        long meetingId = meetings.saveAndFlush(meeting).getId();
        Map<Long, String> titleOf = new HashMap<>();
        for (String title : readBack.keySet()) {
            AgendaItem item = agendaItems.create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(title, "Decide it",
                    List.of("call-centre-script"), new AgendaItemRequest.FactBase("Priority 5", null, null), List.of()),
                    "sales.head");
            item.queue();
            item.putOnAgenda();
            item.decide();
            items.saveAndFlush(item);
            Decision decision = decisions.saveAndFlush(new Decision(meetingId, item, "APPROVED", "cmo: APPROVE", null,
                    false, null, null, null, null, "call-centre-script", "operations", null, now));
            titleOf.put(decision.getId(), title);
        }

        String csv = mvc.perform(get("/api/board/decisions.csv").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", ",'+1+1,", ",'@SUM(A1),",
                ",\"Cards, debit and \"\"credit\"\"\",");
        List<Csv.Row> rows = Csv.read(csv);
        assertThat(rows.get(0).cells()).containsExactly("id", "decided_at", "meeting", "item", "outcome", "escalated",
                "title", "touchpoints", "functions", "votes");
        Map<Long, String> exported = new HashMap<>();
        rows.subList(1, rows.size()).stream().filter(r -> titleOf.containsKey(Long.valueOf(r.get(0))))
                .forEach(r -> exported.put(Long.valueOf(r.get(0)), r.get(6)));
        assertThat(exported).hasSameSizeAs(titleOf);
        titleOf.forEach((id, title) -> assertThat(exported.get(id)).isEqualTo(readBack.get(title)));
    }

    private org.springframework.test.web.servlet.ResultActions callOff(String user, Object meetingId, String body)
            throws Exception {
        var request = post("/api/board/meetings/" + meetingId + "/call-off").contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return mvc.perform(user == null ? request : request.with(httpBasic(user, "demo")));
    }

    @Test
    void onlyTheChairCallsAMeetingOffWithAReasonAndOnlyBeforeItOpens() throws Exception {
        String called = mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"at\": \"" + Instant.now().plus(5, ChronoUnit.DAYS) + "\", \"reason\": \"Card crisis\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(called).get("id").asLong();
        callOff(null, id, "{\"reason\": \"No\"}").andExpect(status().isUnauthorized());
        callOff("retail.head", id, "{\"reason\": \"No\"}").andExpect(status().isForbidden());
        callOff("cmo", id, "{}").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        callOff("cmo", id, "{\"reason\": ").andExpect(status().isBadRequest());
        callOff("cmo", 987654321, "{\"reason\": \"Nothing\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/board/meetings/" + id).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.status").value("SCHEDULED"));

        callOff("cmo", id, "{\"reason\": \"The card crisis is over.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.calledOff.by").value("cmo"))
                .andExpect(jsonPath("$.calledOff.reason").value("The card crisis is over."));
        callOff("cmo", id, "{\"reason\": \"Again\"}").andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("CANCELLED")));
        callOff("cmo", closedMeeting(Instant.now().minus(1, ChronoUnit.DAYS), "Closed"), "{\"reason\": \"Late\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void theChairCallsAMeetingOffFromItsPageLinkedFromHerAgendaTask() throws Exception {
        String called = mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"at\": \"" + Instant.now().plus(6, ChronoUnit.DAYS) + "\", \"reason\": \"Pricing\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(called).get("id").asLong();
        String page = "/board/meetings/" + id + "/call-off";
        mvc.perform(get(page).with(httpBasic("retail.head", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Call the meeting off")))
                .andExpect(content().string(containsString("Its agenda has not closed yet")));
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("say why the meeting is called off")));
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf()).param("reason", "Pricing waits a week"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pricing waits a week")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Call the meeting off</button>"))));
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf()).param("reason", "Again"))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyItsAuthorWithdrawsAnItemWithAReasonAndOnlyOnce() throws Exception {
        String created = mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Withdrawn by its author", "decisionAsked": "Shorter forms",
                         "facts": {"customerBehaviour": "Half the applicants give up on page three"}}
                        """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        String path = "/api/board/agenda-items/" + id + "/withdraw";
        String body = "{\"reason\": \"Settled with service directly.\"}";
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(path).with(httpBasic("marketing.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post(path).with(httpBasic("sales.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/board/agenda-items/987654321/withdraw").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post(path).with(httpBasic("sales.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawalReason").value("Settled with service directly."));
        mvc.perform(post(path).with(httpBasic("sales.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
