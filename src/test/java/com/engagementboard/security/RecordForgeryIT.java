package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.BrowserSession;
import com.engagementboard.DemoApi;
import com.engagementboard.board.AgendaItemProcess;
import com.engagementboard.charter.AcceptanceFanOut;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on the record, over real HTTP, through every door a person has: the Tasklist's own engine
 * API (session + Camunda's XSRF header), {@code /engine-rest} and {@code /api} (HTTP Basic). Each forged
 * write must be refused with the right status and leave the charter, the process's variables and its
 * open tasks exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class RecordForgeryIT {

    private static final String CSV = """
            touchpoint,right,function
            card-packaging,DESIGN,brand
            card-packaging,BUILD,operations
            card-packaging,OPERATE,operations
            card-packaging,RENEW,brand
            """;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    com.engagementboard.charter.CharterDrafts charterDrafts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws Exception {
        return new DemoApi(port).call(method, path, user, contentType, body);
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return call("POST", path, user, "application/json", body);
    }

    /** A charter in acceptance: Brand and Operations each have an acceptance task. */
    private ProcessInstance charterInAcceptance() throws Exception {
        String title = "Forgery IT " + UUID.randomUUID();
        // One version is in acceptance at a time: the chair withdraws what an earlier test left out there.
        com.engagementboard.charter.CharterFixtures.noVersionInAcceptance(charterDrafts, jdbcTemplate);
        HttpResponse<String> created = call("POST", "/api/charter/drafts?title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), "cmo", "text/csv", CSV);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long charterId = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> submitted = call("POST", "/api/charter/drafts/" + charterId + "/submit", "cmo", null, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        ProcessInstance instance = AcceptanceFanOut.askHeads(runtime, management, charterId);
        assertThat(acceptanceTask(instance, "head-brand")).isNotNull();
        assertThat(acceptanceTask(instance, "head-operations")).isNotNull();
        return instance;
    }

    private Task acceptanceTask(ProcessInstance instance, String group) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(group).singleResult();
    }

    /** Everything a forgery could touch: the draft's allocations, the instance's variables, its open tasks. */
    private Map<String, Object> snapshot(ProcessInstance instance) throws Exception {
        Map<String, Object> state = new TreeMap<>();
        long charterId = TouchpointCharterProcess.charterId(instance.getBusinessKey());
        state.put("draft", json.readTree(call("GET", "/api/charter/drafts/" + charterId, "cmo", null, null).body()));
        state.put("variables", new TreeMap<>(runtime.getVariables(instance.getId())).toString());
        runtime.createExecutionQuery().processInstanceId(instance.getId()).list().forEach(execution ->
                state.put("local " + execution.getId(), new TreeMap<>(runtime.getVariablesLocal(execution.getId()))
                        .toString()));
        state.put("tasks", tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(t -> t.getId() + " " + t.getName() + " " + t.getAssignee() + " " + t.getDueDate() + " "
                        + tasks.getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId() + "/"
                                + l.getUserId() + "/" + l.getType()).sorted().toList())
                .sorted().toList());
        // Not one line more in the audit trail: no domain record was written.
        state.put("audit lines", json.readTree(call("GET", "/api/audit?size=1", "admin", null, null).body())
                .path("totalElements").asLong(-1));
        return state;
    }

    private static String forgedAcceptance() {
        return "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"},"
                + " \"functionCode\": {\"value\": \"operations\", \"type\": \"String\"}}}";
    }

    private static void refusedNaming(HttpResponse<String> response, String variable) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(variable).doesNotContain("at org.").doesNotContain("Exception:");
    }

    @Test
    void aHeadCannotAcceptForAnotherFunctionThroughAnyDoor() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        String brandTask = acceptanceTask(instance, "head-brand").getId();
        Map<String, Object> before = snapshot(instance);

        // /api: the attack of the issue, word for word.
        refusedNaming(post("/api/charter/tasks/" + brandTask + "/complete", "brand.head",
                "{\"decision\": \"ACCEPT_ALL\", \"functionCode\": \"operations\"}"), "functionCode");
        // /engine-rest: complete and submit-form.
        refusedNaming(post("/engine-rest/task/" + brandTask + "/complete", "brand.head", forgedAcceptance()),
                "functionCode");
        refusedNaming(post("/engine-rest/task/" + brandTask + "/submit-form", "brand.head", forgedAcceptance()),
                "functionCode");
        // The Tasklist's own engine API, with a real login and Camunda's XSRF token.
        BrowserSession brand = new BrowserSession(port).login("brand.head", "demo");
        refusedNaming(brand.tasklistPost("/task/" + brandTask + "/submit-form", forgedAcceptance()), "functionCode");

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void theChairsRowsCarryNeitherForeignFieldsNorRightsThatAreNotDisputedThroughAnyDoor() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        long charterId = TouchpointCharterProcess.charterId(instance.getBusinessKey());
        assertThat(post("/api/charter/tasks/" + acceptanceTask(instance, "head-brand").getId() + "/complete",
                "brand.head", "{\"decision\": \"ACCEPT_ALL\"}").statusCode()).isEqualTo(204);
        assertThat(post("/api/charter/tasks/" + acceptanceTask(instance, "head-operations").getId() + "/complete",
                "operations.head", "{\"decision\": \"DECLINE_SOME\", \"declinedLines\": \"card-packaging,OPERATE\","
                        + " \"declineReason\": \"Brand runs the line.\"}").statusCode()).isEqualTo(204);
        // The answers are recorded after their save point, as the job executor would.
        for (int round = 0; round < 10; round++) {
            management.createJobQuery().processInstanceId(instance.getId()).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        String dispute = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.RESOLVE_DISPUTE).singleResult().getId();
        String operate = null;
        String design = null;
        for (JsonNode allocation : json.readTree(call("GET", "/api/charter/drafts/" + charterId, "cmo", null, null)
                .body()).path("allocations").path("content")) {
            if ("OPERATE".equals(allocation.path("right").asText())) {
                operate = allocation.path("id").asText();
            } else if ("DESIGN".equals(allocation.path("right").asText())) {
                design = allocation.path("id").asText();
            }
        }
        assertThat(operate).isNotNull();
        assertThat(design).isNotNull();
        Map<String, Object> before = snapshot(instance);

        // A row with a field the form does not have, a new owner the form does not offer, and a right that is not
        // disputed (the row's right is read-only in the form: forged here): each refused, naming the list as the
        // form names it, and nothing written.
        List<String> forgeries = List.of(
                "[{\"right\": \"" + operate + "\", \"function\": \"brand\", \"allocationId\": \"" + design + "\"}]",
                "[{\"right\": \"" + operate + "\", \"function\": \"no-such-function\"}]",
                "[{\"right\": \"" + design + "\", \"function\": \"operations\"}]");
        BrowserSession chair = new BrowserSession(port).login("cmo", "demo");
        for (String rows : forgeries) {
            String body = "{\"variables\": {\"resolution\": {\"value\": \"REALLOCATE\"}, \"resolutionNote\": "
                    + "{\"value\": \"Forged\"}, \"reallocations\": {\"value\": " + json.writeValueAsString(rows)
                    + ", \"type\": \"Json\"}}}";
            for (HttpResponse<String> refused : List.of(post("/engine-rest/task/" + dispute + "/complete", "cmo", body),
                    chair.tasklistPost("/task/" + dispute + "/submit-form", body))) {
                refusedNaming(refused, "reallocations");
                assertThat(json.readTree(refused.body()).path("label").asText())
                        .startsWith("New owner of each disputed right");
                assertThat(json.readTree(refused.body()).path("row").asInt()).isEqualTo(1);
            }
        }
        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void variablesAreNeverWrittenOnTheirOwnThroughTheEngineApis() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        String brandTask = acceptanceTask(instance, "head-brand").getId();
        Map<String, Object> before = snapshot(instance);
        String operations = "{\"value\": \"operations\", \"type\": \"String\"}";

        refusedNaming(call("PUT", "/engine-rest/task/" + brandTask + "/variables/functionCode", "brand.head",
                "application/json", operations), "functionCode");
        refusedNaming(post("/engine-rest/task/" + brandTask + "/localVariables", "brand.head",
                "{\"modifications\": {\"functionCode\": " + operations + "}}"), "functionCode");
        refusedNaming(call("PUT", "/engine-rest/process-instance/" + instance.getId() + "/variables/functionCode",
                "cmo", "application/json", operations), "functionCode");
        refusedNaming(post("/engine-rest/process-instance/" + instance.getId() + "/variables", "cmo",
                "{\"modifications\": {\"charterId\": {\"value\": 1, \"type\": \"Long\"}}}"), "charterId");
        refusedNaming(call("DELETE", "/engine-rest/process-instance/" + instance.getId() + "/variables/charterId",
                "cmo", null, null), "charterId");
        BrowserSession chair = new BrowserSession(port).login("cmo", "demo");
        refusedNaming(chair.tasklistPost("/process-instance/" + instance.getId() + "/variables",
                "{\"modifications\": {\"functionCode\": " + operations + "}}"), "functionCode");
        // A message carrying variables: refused even to the chair.
        refusedNaming(post("/engine-rest/message", "cmo", "{\"messageName\": \""
                + TouchpointCharterProcess.MESSAGE_CHARTER_SUPERSEDED + "\", \"businessKey\": \""
                + instance.getBusinessKey() + "\", \"processVariables\": {\"reviewDue\": " + operations + "}}"),
                "reviewDue");

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void aCandidateWorksOnATaskButCannotRewriteItsDueDateOrCandidates() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        String brandTask = acceptanceTask(instance, "head-brand").getId();
        Map<String, Object> before = snapshot(instance);

        // TASK_WORK, not UPDATE: no new due date, no extra candidate group, no other assignee.
        HttpResponse<String> task = call("GET", "/engine-rest/task/" + brandTask, "brand.head", null, null);
        assertThat(task.statusCode()).isEqualTo(200);
        HttpResponse<String> rescheduled = call("PUT", "/engine-rest/task/" + brandTask, "brand.head",
                "application/json", "{\"name\": \"" + json.readTree(task.body()).get("name").asText()
                        + "\", \"priority\": 50, \"due\": \"2099-01-01T00:00:00.000+0000\"}");
        assertThat(rescheduled.statusCode()).as(rescheduled.body()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + brandTask + "/identity-links", "brand.head",
                "{\"groupId\": \"head-operations\", \"type\": \"candidate\"}").statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + brandTask + "/assignee", "brand.head",
                "{\"userId\": \"operations.head\"}").statusCode()).isEqualTo(403);

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void anotherFunctionsTaskIsNeitherCompletedNorReadNorIsAnyonesHistory() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        String brandTask = acceptanceTask(instance, "head-brand").getId();
        Map<String, Object> before = snapshot(instance);

        assertThat(post("/api/charter/tasks/" + brandTask + "/complete", "operations.head",
                "{\"decision\": \"ACCEPT_ALL\"}").statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + brandTask + "/complete", "operations.head",
                "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}").statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/engine-rest/task/" + brandTask + "/variables", "operations.head", null, null)
                .statusCode()).isIn(403, 404);
        assertThat(call("GET", "/engine-rest/task/" + brandTask + "/variables", "employee", null, null)
                .statusCode()).isIn(403, 404);

        // An employee reads the charter through /api, not the engine's raw history or variables.
        for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + instance.getId(),
                "/engine-rest/history/variable-instance", "/engine-rest/history/process-instance",
                "/engine-rest/history/task", "/engine-rest/history/detail", "/engine-rest/variable-instance")) {
            HttpResponse<String> read = call("GET", path, "employee", null, null);
            assertThat(read.statusCode()).as(path).isIn(200, 403);
            if (read.statusCode() == 200) {
                assertThat(json.readTree(read.body())).as(path).isEmpty();
            }
        }
        // The history of a task: for those who take part in it, not for another function's head.
        assertThat(json.readTree(call("GET", "/engine-rest/history/task?taskId=" + brandTask, "brand.head", null,
                null).body())).hasSize(1);
        assertThat(json.readTree(call("GET", "/engine-rest/history/task?taskId=" + brandTask, "operations.head", null,
                null).body())).isEmpty();
        HttpResponse<String> charterRead = call("GET", "/api/charter/versions", "employee", null, null);
        assertThat(charterRead.statusCode()).isEqualTo(200);

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void aBrowserPostWithoutItsCsrfTokenIsRefused() throws Exception {
        ProcessInstance instance = charterInAcceptance();
        String brandTask = acceptanceTask(instance, "head-brand").getId();
        Map<String, Object> before = snapshot(instance);
        BrowserSession brand = new BrowserSession(port).login("brand.head", "demo");

        assertThat(brand.postJson("/api/charter/tasks/" + brandTask + "/complete", "{\"decision\": \"ACCEPT_ALL\"}",
                null).statusCode()).isEqualTo(403);
        assertThat(brand.postJson("/engine-rest/task/" + brandTask + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}", null)
                .statusCode()).isEqualTo(403);
        // Last: Camunda's own CSRF filter also ends the session it refuses.
        assertThat(brand.postJson("/camunda/api/engine/engine/default/task/" + brandTask + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}", null)
                .statusCode()).isEqualTo(403);

        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void nobodyStartsAProcessWithAnotherPersonsIdsOrOneThatIsNotTheirsToStart() throws Exception {
        long itemsBefore = runtime.createProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count();
        String title = "Forged author " + UUID.randomUUID();
        String fields = "\"title\": {\"value\": \"" + title + "\", \"type\": \"String\"},"
                + " \"decisionAsked\": {\"value\": \"Decide it\", \"type\": \"String\"},"
                + " \"factBehaviour\": {\"value\": \"Callers hang up\", \"type\": \"String\"}";
        String forgedAuthor = "{\"variables\": {" + fields + ", \"author\": {\"value\": \"cmo\", \"type\": \"String\"}}}";

        refusedNaming(post("/engine-rest/process-definition/key/agenda-item/start", "sales.head", forgedAuthor),
                "author");
        refusedNaming(post("/engine-rest/process-definition/key/agenda-item/submit-form", "sales.head", forgedAuthor),
                "author");
        refusedNaming(post("/engine-rest/process-definition/key/agenda-item/start", "sales.head",
                "{\"variables\": {" + fields + ", \"itemId\": {\"value\": 1, \"type\": \"Long\"}}}"), "itemId");
        refusedNaming(post("/engine-rest/process-definition/key/agenda-item/start", "sales.head",
                "{\"businessKey\": \"item-1\", \"variables\": {" + fields + "}}"), "businessKey");
        BrowserSession sales = new BrowserSession(port).login("sales.head", "demo");
        refusedNaming(sales.tasklistPost("/process-definition/key/agenda-item/submit-form", forgedAuthor), "author");
        // Processes the application starts itself are not the chair's to start by hand.
        assertThat(post("/engine-rest/process-definition/key/touchpoint-charter/start", "cmo",
                "{}").statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/process-definition/key/board-meeting/start", "cmo", "{}").statusCode())
                .isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count())
                .isEqualTo(itemsBefore);

        // The start form itself works, and the author is whoever is logged in.
        HttpResponse<String> started = sales.tasklistPost("/process-definition/key/agenda-item/submit-form",
                "{\"variables\": {" + fields + "}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName(AgendaItemProcess.Variables.AUTHOR).singleResult().getValue()).isEqualTo("sales.head");
        JsonNode startable = json.readTree(call("GET", "/engine-rest/process-definition?startableInTasklist=true"
                + "&latestVersion=true", "cmo", null, null).body());
        // What a person may start in the Tasklist: an agenda item and a touchpoint change, nothing else.
        assertThat(startable.findValuesAsText("key")).containsExactlyInAnyOrder(AgendaItemProcess.KEY,
                com.engagementboard.change.TouchpointChangeProcess.KEY);
    }
}
