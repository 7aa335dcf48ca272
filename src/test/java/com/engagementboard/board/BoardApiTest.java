package com.engagementboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.web.Csv;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
}
