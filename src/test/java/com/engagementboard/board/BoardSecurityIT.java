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
 * Who may do what at the board, over real HTTP with Basic auth, through both doors: the engine REST API
 * (Camunda's authorizations on the meeting's tasks) and the board API (Spring Security on its roles).
 * The job executor is off: the test fires the meeting's timers itself. On PostgreSQL the database is
 * shared with other runs, so the test names its items uniquely and looks only at its own meeting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class BoardSecurityIT {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    BoardSetupService board;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void theDemoBoard() {
        // The demo board (cmo chairs; core cmo, retail.head, business.head, wealth.head); a no-op if it is set up so.
        board.update(BoardSetupRequestFixtures.weekly());
    }

    @AfterEach
    void endOwnMeetings() {
        // Leave no waiting meeting behind in a shared database: an executor of a later run would pick it up.
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "BoardSecurityIT done", true, true);
            }
        }
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return new DemoApi(port).json(method, path, user, body);
    }

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

    private int complete(String user, JsonNode task, String variables) throws Exception {
        HttpResponse<String> response = call("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", user,
                "{\"variables\": {" + variables + "}}");
        return response.statusCode();
    }

    private static String string(String name, String value) {
        return "\"" + name + "\": {\"value\": " + quote(value) + ", \"type\": \"String\"}";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private long submitItem(String title) throws Exception {
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", """
                {"title": %s, "decisionAsked": "Decide: %s", "touchpoints": ["call-centre-script"],
                 "facts": {"customerBehaviour": "Callers hang up after 90 seconds"}}
                """.formatted(quote(title), title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode item = json.readTree(created.body());
        assertThat(item.get("status").asText()).isEqualTo("QUEUED");
        return item.get("id").asLong();
    }

    /** The chair calls an extraordinary meeting in two days through the board API: its instance, ended after the test. */
    private ProcessInstance callMeeting(String reason) throws Exception {
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": " + quote(reason) + "}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        ProcessInstance meeting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                BoardMeetingProcess.businessKey(json.readTree(called.body()).get("id").asLong())).singleResult();
        started.add(meeting.getId());
        return meeting;
    }

    private void fire(ProcessInstance instance, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
        assertThat(jobs).as("jobs of %s", activityId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }

    @Test
    void theMeetingsTasksAreDoneOnlyByThoseWhoseTasksTheyAre() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String voteTitle = "Security IT vote " + run;
        String escalateTitle = "Security IT escalation " + run;
        long voteItem = submitItem(voteTitle);
        long escalateItem = submitItem(escalateTitle);

        ProcessInstance meeting = callMeeting("BoardSecurityIT " + run);
        fire(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);

        // The agenda: the chair's task, which another core member neither sees nor completes.
        assertThat(tasks("retail.head", meeting.getId(), BoardMeetingProcess.Elements.PREPARE_AGENDA)).isEmpty();
        JsonNode prepare = onlyTask("cmo", meeting.getId(), BoardMeetingProcess.Elements.PREPARE_AGENDA);
        // Items other runs left waiting are on this agenda too: the chair defers them.
        List<String> others = new ArrayList<>();
        // The chair's form lists every item on the agenda as a row, with its place.
        for (java.util.Map<String, Object> row : com.engagementboard.web.FormValues.rows(
                runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.AGENDA_ORDER))) {
            String id = String.valueOf(row.get("item"));
            if (!id.equals(String.valueOf(voteItem)) && !id.equals(String.valueOf(escalateItem))) {
                others.add("\"" + id + "\"");
            }
        }
        String agenda = string(BoardMeetingProcess.Variables.AGENDA_ORDER, voteItem + "\n" + escalateItem) + ", \""
                + BoardMeetingProcess.Variables.DEFERRED_ITEMS + "\": {\"value\": " + quote("[" + String.join(",", others)
                + "]") + ", \"type\": \"Json\"}";
        assertThat(complete("retail.head", prepare, agenda)).isEqualTo(403);
        assertThat(complete("cmo", prepare, agenda)).isEqualTo(204);

        fire(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        JsonNode presented = tasks("cmo", meeting.getId(), BoardMeetingProcess.Elements.PRESENT_ITEM);
        assertThat(presented).hasSize(2);
        JsonNode presentVote = null;
        JsonNode presentEscalation = null;
        for (JsonNode task : presented) {
            if (task.get("name").asText().endsWith(voteTitle)) {
                presentVote = task;
            } else if (task.get("name").asText().endsWith(escalateTitle)) {
                presentEscalation = task;
            }
        }
        assertThat(presentVote).isNotNull();
        assertThat(presentEscalation).isNotNull();
        assertThat(complete("retail.head", presentVote, string(BoardMeetingProcess.Variables.ITEM_ACTION,
                BoardMeetingProcess.VOTE_ACTION))).isEqualTo(403);
        assertThat(complete("cmo", presentVote, string(BoardMeetingProcess.Variables.ITEM_ACTION,
                BoardMeetingProcess.VOTE_ACTION))).isEqualTo(204);
        assertThat(complete("cmo", presentEscalation, string(BoardMeetingProcess.Variables.ITEM_ACTION,
                BoardMeetingProcess.ESCALATE) + ", " + string(BoardMeetingProcess.Variables.RECOMMENDATION,
                        "Approve it: the facts are clear."))).isEqualTo(204);

        // The votes: each core member sees their own; a member outside the core group sees none and casts none.
        assertThat(tasks("marketing.head", meeting.getId(), BoardMeetingProcess.Elements.VOTE)).isEmpty();
        JsonNode retailVote = onlyTask("retail.head", meeting.getId(), BoardMeetingProcess.Elements.VOTE);
        assertThat(retailVote.get("assignee").asText()).isEqualTo("retail.head");
        assertThat(onlyTask("cmo", meeting.getId(), BoardMeetingProcess.Elements.VOTE).get("assignee").asText())
                .isEqualTo("cmo");
        String approve = string(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE);
        // Forged variables: an item id inside a vote, the chair writing the outcome or the tie-break herself.
        String variablesBefore = new java.util.TreeMap<>(runtime.getVariables(meeting.getId())).toString();
        HttpResponse<String> forgedVote = call("POST", "/engine-rest/task/" + retailVote.get("id").asText()
                + "/complete", "retail.head", "{\"variables\": {" + approve + ", \""
                + BoardMeetingProcess.Variables.ITEM_ID + "\": {\"value\": " + escalateItem + ", \"type\": \"Long\"}}}");
        assertThat(forgedVote.statusCode()).as(forgedVote.body()).isEqualTo(400);
        assertThat(forgedVote.body()).contains(BoardMeetingProcess.Variables.ITEM_ID);
        for (String variable : List.of(BoardMeetingProcess.Variables.VOTE_OUTCOME, BoardMeetingProcess.Variables.TIE_BREAK)) {
            HttpResponse<String> rewritten = call("PUT", "/engine-rest/process-instance/" + meeting.getId()
                    + "/variables/" + variable, "cmo", "{\"value\": \"APPROVED\", \"type\": \"String\"}");
            assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
            assertThat(rewritten.body()).contains(variable);
        }
        assertThat(new java.util.TreeMap<>(runtime.getVariables(meeting.getId())).toString()).isEqualTo(variablesBefore);
        assertThat(onlyTask("retail.head", meeting.getId(), BoardMeetingProcess.Elements.VOTE).get("id").asText())
                .isEqualTo(retailVote.get("id").asText());

        assertThat(complete("marketing.head", retailVote, approve)).isEqualTo(403);
        assertThat(complete("wealth.head", retailVote, approve)).isEqualTo(403);
        assertThat(complete("retail.head", retailVote, approve)).isEqualTo(204);

        // The escalation: the CEO's alone.
        assertThat(tasks("cmo", meeting.getId(), BoardMeetingProcess.Elements.DECIDE_ESCALATION)).isEmpty();
        JsonNode escalation = onlyTask("ceo", meeting.getId(), BoardMeetingProcess.Elements.DECIDE_ESCALATION);
        String ceoDecision = string(BoardMeetingProcess.Variables.CEO_DECISION, BoardMeetingProcess.APPROVE) + ", "
                + string(BoardMeetingProcess.Variables.CEO_COMMENT, "Agreed.");
        assertThat(complete("cmo", escalation, ceoDecision)).isEqualTo(403);
        assertThat(complete("retail.head", escalation, ceoDecision)).isEqualTo(403);
        assertThat(complete("ceo", escalation, ceoDecision)).isEqualTo(204);
        assertThat(tasks("ceo", meeting.getId(), BoardMeetingProcess.Elements.DECIDE_ESCALATION)).isEmpty();
    }

    @Test
    void theBoardApiRefusesThoseWithoutTheRole() throws Exception {
        String title = "Security IT refused " + UUID.randomUUID();
        HttpResponse<String> item = call("POST", "/api/board/agenda-items", "employee", """
                {"title": %s, "decisionAsked": "Decide it", "facts": {"customerBehaviour": "Some"}}
                """.formatted(quote(title)));
        assertThat(item.statusCode()).as(item.body()).isEqualTo(403);

        HttpResponse<String> meeting = call("POST", "/api/board/meetings", "retail.head",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(3)) + "\", \"reason\": \"Not mine to call\"}");
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(403);

        HttpResponse<String> current = call("GET", "/api/board", "sales.head", null);
        assertThat(current.statusCode()).isEqualTo(200);
        HttpResponse<String> setUp = call("PUT", "/api/board", "sales.head", current.body());
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(403);

        // Nothing was written: no item with that title was started, the chair is still the chair.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY)
                .variableValueEquals(AgendaItemProcess.Variables.TITLE, title).count()).isZero();
        assertThat(json.readTree(call("GET", "/api/board", "employee", null).body()).get("chair").asText())
                .isEqualTo("cmo");
    }

    /**
     * A call-off or a withdrawal is the board API's to make: the message alone, sent through the engine's API by
     * an administrator (who may correlate messages), finds a record that says nothing of it, is refused with 409
     * and ends nothing.
     */
    @Test
    void aCallOffOrAWithdrawalSentOnlyThroughTheEngineApiIsRefusedAndEndsNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance meeting = callMeeting("Forged call-off " + run);
        long meetingId = BoardMeetingProcess.meetingId(meeting.getBusinessKey());

        HttpResponse<String> callOff = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + BoardMeetingProcess.Messages.CALLED_OFF + "\", \"businessKey\": \""
                + BoardMeetingProcess.businessKey(meetingId) + "\", \"all\": true}");
        assertThat(callOff.statusCode()).as(callOff.body()).isEqualTo(409);
        assertThat(callOff.body()).contains("Meeting " + meetingId + " is SCHEDULED");
        assertThat(json.readTree(call("GET", "/api/board/meetings/" + meetingId, "cmo", null).body())
                .get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(management.createJobQuery().processInstanceId(meeting.getId())
                .activityId(BoardMeetingProcess.Elements.AGENDA_CUTOFF).count()).as("its clock runs on").isOne();

        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", """
                {"title": "Forged withdrawal %s", "decisionAsked": "Decide it", "touchpoints": ["call-centre-script"]}
                """.formatted(run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long itemId = json.readTree(created.body()).get("id").asLong();
        ProcessInstance item = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId).singleResult();
        started.add(item.getId());

        HttpResponse<String> withdrawal = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + AgendaItemProcess.Messages.WITHDRAWN + "\", \"businessKey\": \""
                + AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId + "\", \"all\": true}");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(409);
        assertThat(withdrawal.body()).contains("Agenda item " + itemId + " is RETURNED");
        assertThat(onlyTask("sales.head", item.getId(), AgendaItemProcess.Elements.COMPLETE_FACT_BASE)).isNotNull();

        // A charter's take-back of a dispute, sent by hand without the version it names: 400 naming what is
        // missing, not a server error; no agenda item process is started.
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count();
        HttpResponse<String> takeBack = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + AgendaItemProcess.Messages.DISPUTE_TAKEN_BACK + "\", \"businessKey\": \"forged-" + run + "\"}");
        assertThat(takeBack.statusCode()).as(takeBack.body()).isEqualTo(400);
        assertThat(takeBack.body()).contains(AgendaItemProcess.Variables.CHARTER_VERSION_ID).contains("missing")
                .doesNotContain("Exception:").doesNotContain("at com.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count())
                .isEqualTo(before);
    }
}
