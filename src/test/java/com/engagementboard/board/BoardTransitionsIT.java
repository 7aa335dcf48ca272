package com.engagementboard.board;

import com.engagementboard.DemoApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Moves the board's transition tables forbid, tried over real HTTP through the doors a person or an
 * administrator has: completing a task that is out of date, and modifying a process instance through
 * {@code /engine-rest}. Each is refused with 409 and a reason, and writes nothing: the domain rows and
 * the process instance are as they were. The same context as {@link BoardSecurityIT} (job executor off:
 * the test fires timers and async steps itself).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class BoardTransitionsIT {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    BoardSetupService board;

    @Autowired
    BoardActionRepository actions;

    @Autowired
    VoteRepository votes;

    @Autowired
    DecisionRepository decisions;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void theDemoBoard() {
        board.update(BoardSetupRequestFixtures.weekly());
    }

    @AfterEach
    void endOwnInstances() {
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "BoardTransitionsIT done", true, true);
            }
        }
    }

    // --- over HTTP ---------------------------------------------------------------------------------

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return new DemoApi(port).json(method, path, user, body);
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, "admin", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The tasks of the instance at the element that the user sees (the engine's authorizations decide). */
    private JsonNode tasks(String user, String instanceId, String taskDefinitionKey) throws Exception {
        HttpResponse<String> response = call("GET", "/engine-rest/task?processInstanceId=" + instanceId
                + "&taskDefinitionKey=" + taskDefinitionKey, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode onlyTask(String user, String instanceId, String taskDefinitionKey) throws Exception {
        JsonNode tasks = tasks(user, instanceId, taskDefinitionKey);
        assertThat(tasks).as("%s's %s tasks", user, taskDefinitionKey).hasSize(1);
        return tasks.get(0);
    }

    private HttpResponse<String> complete(String user, JsonNode task, String variables) throws Exception {
        return call("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                "{\"variables\": {" + variables + "}}");
    }

    /** What an administrator can do in the engine: start a step of a running instance out of order. */
    private HttpResponse<String> startBefore(String instanceId, String activityId, String variables) throws Exception {
        return call("POST", "/engine-rest/process-instance/" + instanceId + "/modification", "admin",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"" + activityId + "\""
                        + (variables == null ? "" : ", \"variables\": {" + variables + "}") + "}]}");
    }

    private static String string(String name, String value) {
        return "\"" + name + "\": {\"value\": " + quote(value) + ", \"type\": \"String\"}";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A refusal of the engine REST API for a move the domain forbids: 409 with the reason. */
    private void assertRefused(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("IllegalTransitionException");
        assertThat(body.get("message").asText()).isEqualTo(reason);
    }

    private void fire(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
        assertThat(jobs).as("jobs of %s", activityId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    private ProcessInstance instance(String businessKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        started.add(instance.getId());
        return instance;
    }

    /** Where the instance's tokens are, activity by activity: unchanged by a refusal. */
    private JsonNode tokens(ProcessInstance instance) throws Exception {
        return read("/engine-rest/process-instance/" + instance.getId() + "/activity-instances");
    }

    // --- the meeting, up to its session ------------------------------------------------------------

    private long submit(String title, boolean withFacts, boolean withAction) throws Exception {
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", """
                {"title": %s, "decisionAsked": "Decide: %s", "touchpoints": ["call-centre-script"]%s%s}
                """.formatted(quote(title), title,
                withFacts ? ", \"facts\": {\"customerBehaviour\": \"Callers hang up after 90 seconds\"}" : "",
                withAction ? ", \"actions\": [{\"touchpoint\": \"call-centre-script\", \"description\": "
                        + "\"Shorten the script\", \"build\": false, \"dueInDays\": 10}]" : ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    /** An extraordinary meeting whose agenda the chair publishes with this one item (others deferred), opened. */
    private ProcessInstance meetingInSessionWith(long itemId, String run) throws Exception {
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"BoardTransitionsIT " + run
                        + "\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).get("id").asLong();
        ProcessInstance meeting = instance(BoardMeetingProcess.businessKey(meetingId));
        fire(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);

        // Items other runs left waiting are on this agenda too: the chair defers them.
        List<String> others = new ArrayList<>();
        // The chair's form lists every item on the agenda as a row, with its place.
        for (java.util.Map<String, Object> row : com.engagementboard.web.FormValues.rows(
                runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.AGENDA_ORDER))) {
            String id = String.valueOf(row.get("item"));
            if (!id.equals(String.valueOf(itemId))) {
                others.add("\"" + id + "\"");
            }
        }
        HttpResponse<String> published = complete("cmo",
                onlyTask("cmo", meeting.getId(), BoardMeetingProcess.Elements.PREPARE_AGENDA),
                string(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId)) + ", \""
                        + BoardMeetingProcess.Variables.DEFERRED_ITEMS + "\": {\"value\": "
                        + quote("[" + String.join(",", others) + "]") + ", \"type\": \"Json\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(204);
        fire(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        assertThat(read("/api/board/meetings/" + meetingId).get("status").asText()).isEqualTo("IN_SESSION");
        return meeting;
    }

    /** The chair puts the item to the vote and three of the four core members approve: it is decided. */
    private void approve(ProcessInstance meeting) throws Exception {
        HttpResponse<String> presented = complete("cmo",
                onlyTask("cmo", meeting.getId(), BoardMeetingProcess.Elements.PRESENT_ITEM),
                string(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        assertThat(presented.statusCode()).as(presented.body()).isEqualTo(204);
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            HttpResponse<String> voted = complete(voter, onlyTask(voter, meeting.getId(),
                    BoardMeetingProcess.Elements.VOTE), string(BoardMeetingProcess.Variables.VOTE,
                            BoardMeetingProcess.APPROVE));
            assertThat(voted.statusCode()).as(voted.body()).isEqualTo(204);
            fire(meeting, BoardMeetingProcess.Elements.VOTE);
        }
        fire(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
    }

    private JsonNode actionView(long actionId) throws Exception {
        for (JsonNode action : read("/api/board/actions?size=500").path("content")) {
            if (action.get("id").asLong() == actionId) {
                return action;
            }
        }
        throw new AssertionError("no action " + actionId);
    }

    // --- the tests ---------------------------------------------------------------------------------

    @Test
    void anItemAndItsMeetingTakeNoStepOutOfOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long itemId = submit("Transitions IT item " + run, false, false);
        String itemPath = "/api/board/agenda-items/" + itemId;
        ProcessInstance item = instance(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId);
        JsonNode returned = read(itemPath);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        JsonNode authorsTask = onlyTask("sales.head", item.getId(), AgendaItemProcess.Elements.COMPLETE_FACT_BASE);

        // An administrator cannot queue a returned item past the fact-base check.
        JsonNode tokens = tokens(item);
        assertRefused(startBefore(item.getId(), AgendaItemProcess.Elements.QUEUE_ITEM, null), "Agenda item " + itemId
                + " is RETURNED, so it cannot be queued; that is possible only when it is SUBMITTED.");
        assertThat(read(itemPath)).isEqualTo(returned);
        assertThat(tokens(item)).isEqualTo(tokens);

        // Nor check it again without its author resubmitting it. Resubmitting it with facts is a legal path,
        // even started by hand: it is checked and queued, while the author's task, now out of date, stays open.
        assertRefused(startBefore(item.getId(), AgendaItemProcess.Elements.CHECK_FACT_BASE, null), "Agenda item "
                + itemId + " is RETURNED, so it cannot be returned to its author; that is possible only when it is "
                + "SUBMITTED.");
        assertThat(read(itemPath)).isEqualTo(returned);
        // Through the engine's doors a modification carries no variables, not even an administrator's (the
        // facts are a form's fields): refused, nothing changed. On the server, the system may.
        HttpResponse<String> withFacts = startBefore(item.getId(), AgendaItemProcess.Elements.UPDATE_FACTS,
                string(AgendaItemProcess.Variables.FACT_BEHAVIOUR, "Callers hang up after 90 seconds"));
        assertThat(withFacts.statusCode()).as(withFacts.body()).isEqualTo(400);
        assertThat(withFacts.body()).contains(AgendaItemProcess.Variables.FACT_BEHAVIOUR);
        assertThat(read(itemPath)).isEqualTo(returned);
        assertThat(tokens(item)).isEqualTo(tokens);
        runtime.createProcessInstanceModification(item.getId())
                .startBeforeActivity(AgendaItemProcess.Elements.UPDATE_FACTS)
                .setVariable(AgendaItemProcess.Variables.FACT_BEHAVIOUR, "Callers hang up after 90 seconds")
                .execute();
        assertThat(read(itemPath).get("status").asText()).isEqualTo("QUEUED");

        // The meeting takes it; once in session, its agenda is not published again (no item deferred now).
        ProcessInstance meeting = meetingInSessionWith(itemId, run);
        long meetingId = ((Number) runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.MEETING_ID))
                .longValue();
        String meetingPath = "/api/board/meetings/" + meetingId;
        JsonNode inSession = read(meetingPath);
        JsonNode onAgenda = read(itemPath);
        JsonNode meetingTokens = tokens(meeting);
        assertRefused(startBefore(meeting.getId(), BoardMeetingProcess.Elements.PUBLISH_AGENDA, null), "Meeting "
                + meetingId + " is IN_SESSION, so it cannot be given a published agenda; that is possible only "
                + "when it is AGENDA_CLOSED.");
        assertThat(read(meetingPath)).isEqualTo(inSession);
        assertThat(read(itemPath)).isEqualTo(onAgenda);
        assertThat(tokens(meeting)).isEqualTo(meetingTokens);

        // Decided, the item is not withdrawn by the author's old task.
        approve(meeting);
        JsonNode decided = read(itemPath);
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertRefused(complete("sales.head", authorsTask, string(AgendaItemProcess.Variables.FACT_ACTION,
                AgendaItemProcess.WITHDRAW)), "Agenda item " + itemId + " is DECIDED, so it cannot be withdrawn; that "
                        + "is possible only when it is SUBMITTED or RETURNED or QUEUED or ON_AGENDA or DEFERRED or "
                        + "CARRIED_OVER.");
        assertThat(read(itemPath)).isEqualTo(decided);
        assertThat(tasks("sales.head", item.getId(), AgendaItemProcess.Elements.COMPLETE_FACT_BASE)).hasSize(1);
    }

    @Test
    void aVoteIsNotCastInAMeetingThatClosed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long itemId = submit("Transitions IT late vote " + run, true, false);
        ProcessInstance meeting = meetingInSessionWith(itemId, run);
        long meetingId = ((Number) runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.MEETING_ID))
                .longValue();
        HttpResponse<String> presented = complete("cmo",
                onlyTask("cmo", meeting.getId(), BoardMeetingProcess.Elements.PRESENT_ITEM),
                string(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        assertThat(presented.statusCode()).as(presented.body()).isEqualTo(204);

        // An administrator closes the meeting while the votes are out (a legal move: it is in session).
        HttpResponse<String> closing = startBefore(meeting.getId(), BoardMeetingProcess.Elements.CLOSE_MEETING, null);
        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(204);
        fire(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        String meetingPath = "/api/board/meetings/" + meetingId;
        JsonNode closed = read(meetingPath);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

        // A core member's vote now comes too late, and a closed meeting is not opened again.
        JsonNode meetingTokens = tokens(meeting);
        assertRefused(complete("retail.head", onlyTask("retail.head", meeting.getId(),
                BoardMeetingProcess.Elements.VOTE), string(BoardMeetingProcess.Variables.VOTE,
                        BoardMeetingProcess.APPROVE)), "Meeting " + meetingId + " is CLOSED, so it cannot be given a "
                                + "vote; that is possible only when it is IN_SESSION.");
        assertRefused(startBefore(meeting.getId(), BoardMeetingProcess.Elements.OPEN_MEETING, null), "Meeting "
                + meetingId + " is CLOSED, so it cannot be opened; that is possible only when it is AGENDA_PUBLISHED.");
        assertThat(read(meetingPath)).isEqualTo(closed);
        assertThat(votes.findByMeetingIdAndItemIdOrderByCastAt(meetingId, itemId)).isEmpty();
        assertThat(tokens(meeting)).isEqualTo(meetingTokens);
    }

    @Test
    void aDoneActionIsNotCompletedAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long itemId = submit("Transitions IT action " + run, true, true);
        approve(meetingInSessionWith(itemId, run));
        long decisionId = decisions.findFirstByItemIdOrderByIdDesc(itemId).orElseThrow().getId();
        BoardAction action = actions.findByDecisionIdIn(List.of(decisionId)).get(0);
        ProcessInstance process = instance(BoardActionProcess.BUSINESS_KEY_PREFIX + action.getId());
        String owner = identity.createUserQuery().memberOfGroup(action.getOwnerGroup()).list().get(0).getId();
        JsonNode ownersTask = onlyTask(owner, process.getId(), BoardActionProcess.Elements.CARRY_OUT);

        // An administrator closes the action by hand; the owner's task is still open.
        HttpResponse<String> closed = startBefore(process.getId(), BoardActionProcess.Elements.CLOSE_ACTION, null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        JsonNode done = actionView(action.getId());
        assertThat(done.get("doneBy").asText()).isEqualTo("admin");

        JsonNode tokens = tokens(process);
        assertRefused(complete(owner, ownersTask, string(BoardActionProcess.Variables.ACTION_REPORT, "Shortened")),
                "Action " + action.getId() + " is DONE, so it cannot be closed as done; that is possible only when it "
                        + "is OPEN.");
        assertThat(actionView(action.getId())).isEqualTo(done);
        assertThat(tokens(process)).isEqualTo(tokens);
        assertThat(tasks(owner, process.getId(), BoardActionProcess.Elements.CARRY_OUT)).hasSize(1);
    }
}
