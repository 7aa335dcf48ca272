package com.engagementboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's first start with the story on: the board is alive, as its pages and its API show, and was made so by
 * the processes; a second run changes nothing. A context of its own, so an integration test in a JVM of its own (the
 * other tests start without the story), always on a fresh in-memory database: the story is a first start's, and
 * the PostgreSQL run of the integration tests shares one database between them.
 */
@SpringBootTest(properties = { "engagement-board.demo-story=true", "engagement-board.demo-board=true",
        "spring.datasource.url=jdbc:h2:mem:demo-story-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=" })
@AutoConfigureMockMvc
class DemoStoryIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoStory story;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    private JsonNode api(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static List<JsonNode> list(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false).toList();
    }

    @Test
    void theEngineClockIsBackToTheWallClockAfterTheStory() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void lastYearsSummitClosedAndFoundedTheBoard() throws Exception {
        List<JsonNode> summits = list(api("/api/summits"));
        assertThat(summits).singleElement().satisfies(summit -> {
            assertThat(summit.path("status").asText()).isEqualTo("CLOSED");
            assertThat(summit.path("outcome").asText()).isEqualTo("FOUND_BOARD");
            assertThat(ZonedDateTime.parse(summit.path("at").asText()).withZoneSameInstant(clock.getZone()).getYear())
                    .isEqualTo(ZonedDateTime.now(clock).getYear() - 1);
        });
        JsonNode report = api("/api/summits/" + summits.get(0).path("id").asText());
        assertThat(report.toString()).contains("Customers trust us to know them").contains("Northwind Analytics")
                .contains("Brief the front line before every launch");
        assertThat(page("/summits", "employee")).contains("Customer engagement summit");
    }

    @Test
    void theFirstCharterVersionIsInForceForEveryDemoTouchpointAcceptedByTheHeads() throws Exception {
        List<JsonNode> versions = list(api("/api/charter/versions").path("content"));
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.path("number").asInt()).isEqualTo(1);
            assertThat(v.path("status").asText()).isEqualTo("EFFECTIVE");
        });
        JsonNode first = api("/api/charter/versions/1?size=500");
        List<JsonNode> rights = list(first.path("matrix").path("content"));
        assertThat(first.toString()).contains("HEAD_ACCEPTED").doesNotContain("\"PENDING\"");
        assertThat(page("/charter", "employee")).contains("Call-centre script").contains("Customer-insight report");
        assertThat(rights).isNotEmpty();
    }

    @Test
    void anAmendmentIsInAcceptanceWithADeclinedRightAndHeadsStillToAnswer() throws Exception {
        ProcessInstance amendment = runtime.createProcessInstanceQuery().processDefinitionKey(
                TouchpointCharterProcess.KEY).list().stream().filter(p -> tasks.createTaskQuery()
                        .processInstanceId(p.getId()).taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS)
                        .count() > 0).findFirst().orElseThrow();
        List<Task> waiting = tasks.createTaskQuery().processInstanceId(amendment.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).list();
        assertThat(waiting).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("head-it", "head-marketing");
        long charterId = ((Number) runtime.getVariable(amendment.getId(),
                TouchpointCharterProcess.Variables.CHARTER_ID)).longValue();
        JsonNode draft = api("/api/charter/drafts/" + charterId + "?size=500");
        assertThat(draft.path("status").asText()).isEqualTo("IN_ACCEPTANCE");
        List<JsonNode> allocations = list(draft.path("allocations").path("content"));
        assertThat(allocations).filteredOn(a -> a.path("status").asText().equals("DECLINED")).singleElement()
                .satisfies(a -> {
                    assertThat(a.path("touchpoint").asText()).isEqualTo("sms-alerts");
                    assertThat(a.path("function").asText()).isEqualTo("operations");
                });
        assertThat(allocations).filteredOn(a -> a.path("status").asText().equals("PENDING")).isNotEmpty();
        assertThat(page("/", "cmo")).contains("IT").contains("Marketing")
                // The declined right is not settled yet: the chair is told it comes once every head has answered.
                .contains("declined right(s) of the version in acceptance: once every head")
                .doesNotContain("No dispute is open");
    }

    @Test
    void threePastMeetingsDecidedWithVotesATieAndAnEscalationAndTheNextIsScheduled() throws Exception {
        List<JsonNode> meetings = list(api("/api/board/meetings?size=20").path("content"));
        List<JsonNode> closed = meetings.stream().filter(m -> m.path("status").asText().equals("CLOSED")).toList();
        assertThat(closed).hasSize(3).allSatisfy(m -> assertThat(list(m.path("agenda")))
                .isNotEmpty().allSatisfy(item -> assertThat(item.path("result").asText()).isEqualTo("DECIDED")));
        assertThat(closed).allSatisfy(m -> assertThat(Instant.parse(m.path("scheduledAt").asText()))
                .isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofDays(29))));
        assertThat(meetings).as("no meeting but the three past ones, the next and the one after")
                .hasSizeLessThanOrEqualTo(5);
        // The next meeting is ahead; a meeting in session is today's (the story told the meeting before it as the
        // last), with the item waiting on its agenda: while the demo's Monday meeting is in session, exactly one.
        Instant now = Instant.now();
        assertThat(meetings).anySatisfy(m -> {
            assertThat(m.path("status").asText()).isIn("SCHEDULED", "AGENDA_CLOSED", "AGENDA_PUBLISHED");
            assertThat(Instant.parse(m.path("scheduledAt").asText())).isAfter(now);
        });
        List<JsonNode> inSession = meetings.stream().filter(m -> m.path("status").asText().equals("IN_SESSION"))
                .toList();
        assertThat(inSession).allSatisfy(m -> {
            assertThat(Instant.parse(m.path("scheduledAt").asText())).isBefore(now)
                    .isAfter(now.minus(Duration.ofHours(2)));
            assertThat(m.path("agenda").toString()).contains("A shorter monthly statement letter");
        });
        ZonedDateTime amsterdam = now.atZone(java.time.ZoneId.of("Europe/Amsterdam"));
        boolean duringTheMondayMeeting = amsterdam.getDayOfWeek() == java.time.DayOfWeek.MONDAY
                && !amsterdam.toLocalTime().isBefore(java.time.LocalTime.of(9, 1))
                && amsterdam.toLocalTime().isBefore(java.time.LocalTime.of(10, 59));
        if (duringTheMondayMeeting) {
            assertThat(inSession).as("today's meeting, in session").hasSize(1);
        }
        assertThat(page("/", "cmo")).as("the item waiting, under the next meeting on the chair's home page")
                .contains("A shorter monthly statement letter");

        List<JsonNode> decisions = list(api("/api/board/decisions?size=50").path("content"));
        assertThat(decisions).hasSizeGreaterThanOrEqualTo(9);
        assertThat(decisions).filteredOn(d -> d.path("escalated").asBoolean()).singleElement().satisfies(d -> {
            assertThat(d.path("title").asText()).isEqualTo(BoardScript.ESCALATED_ITEM);
            assertThat(d.path("ceoDecision").asText()).isEqualTo("APPROVE");
        });
        assertThat(decisions).anySatisfy(d -> assertThat(d.path("outcome").asText()).isEqualTo("REJECTED"));
        assertThat(decisions).anySatisfy(d -> assertThat(d.path("tieBrokenBy").asText()).isEqualTo("cmo"));
        assertThat(decisions).filteredOn(d -> !d.path("escalated").asBoolean())
                .allSatisfy(d -> assertThat(d.path("votes").asText()).contains("cmo: "));
        assertThat(page("/board/decisions", "employee")).contains(BoardScript.ESCALATED_ITEM);
        String calendar = page("/board/meetings", "employee");
        assertThat(calendar.split("<td>closed</td>", -1)).as("three closed meetings on the page").hasSize(4);
        assertThat(calendar).containsAnyOf("Next meeting:", "In session now:");
    }

    @Test
    void actionsAreOpenDoneAndOneIsOverdue() throws Exception {
        List<JsonNode> actions = list(api("/api/board/actions?size=50").path("content"));
        assertThat(actions).filteredOn(a -> a.path("overdue").asBoolean()).singleElement().satisfies(a -> {
            assertThat(a.path("description").asText()).isEqualTo(BoardScript.OVERDUE_ACTION);
            assertThat(a.path("status").asText()).isEqualTo("OPEN");
        });
        assertThat(actions).filteredOn(a -> a.path("status").asText().equals("DONE")).singleElement()
                .satisfies(a -> assertThat(a.path("description").asText()).isEqualTo(BoardScript.DONE_ACTION));
        assertThat(actions).filteredOn(a -> a.path("status").asText().equals("OPEN")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Autowired
    StoryGate gate;

    @Test
    void whileTheStoryIsToldEveryRequestButTheHealthCheckIsAskedToComeBackLater() throws Exception {
        assertThat(gate.isClosed()).as("open once the story is told").isFalse();
        gate.close();
        try {
            mvc.perform(get("/api/charter").with(httpBasic("cmo", "demo")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Retry-After", StoryGate.RETRY_AFTER_SECONDS))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("try again in a few seconds")));
            mvc.perform(get("/login")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        } finally {
            gate.open();
        }
        mvc.perform(get("/api/charter").with(httpBasic("cmo", "demo"))).andExpect(status().isOk());
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        Map<String, Object> before = state();
        story.run(new DefaultApplicationArguments());
        assertThat(state()).isEqualTo(before);
    }

    private Map<String, Object> state() throws Exception {
        List<Object> tasksOpen = new ArrayList<>(tasks.createTaskQuery().list().stream().map(Task::getId).toList());
        return Map.of("processes", history.createHistoricProcessInstanceQuery().count(),
                "tasks", tasksOpen,
                "meetings", api("/api/board/meetings?size=50").path("totalElements").asLong(),
                "decisions", api("/api/board/decisions?size=50").path("totalElements").asLong(),
                "versions", api("/api/charter/versions").path("totalElements").asLong());
    }
}
