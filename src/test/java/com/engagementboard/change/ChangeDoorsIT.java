package com.engagementboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.BrowserSession;
import com.engagementboard.DemoApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Attacks on a touchpoint change over real HTTP, through every door a person has: the Tasklist's own engine API
 * (session and Camunda's XSRF header), {@code /engine-rest} and {@code /api} (HTTP Basic). A forged route, owner
 * group or decision is refused naming it, the wrong person is kept out, the builder cannot confirm; and the
 * change, its variables and its tasks stay exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
class ChangeDoorsIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void charter() throws Exception {
        ChangeFixtures.charterInForce(context);
    }

    @AfterEach
    void noBorrowedMemberships() {
        identity.deleteMembership("service.head", "head-operations");
        identity.deleteMembership("operations.head", "head-service");
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return new DemoApi(port).json(method, path, user, body);
    }

    /** The employee proposes a change within Brand alone: the Brand head decides it. */
    private JsonNode propose() throws Exception {
        HttpResponse<String> created = call("POST", "/api/changes", "employee", """
                {"touchpoint": "%s", "whatChange": "Doors %s", "why": "Customers ask for it", "urgency": "LOW",
                 "estimatedCost": 100, "functionsAffected": ["brand"]}""".formatted(ChangeFixtures.OWNED,
                UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private ProcessInstance instanceOf(long changeId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                TouchpointChangeProcess.businessKey(changeId)).singleResult();
    }

    private String taskAt(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult()
                .getId();
    }

    /** Everything a forgery could touch: the change as the API shows it, the variables, the open tasks. */
    private Map<String, Object> snapshot(long changeId, ProcessInstance instance) throws Exception {
        Map<String, Object> state = new TreeMap<>();
        state.put("change", json.readTree(call("GET", "/api/changes/" + changeId, "cmo", null).body()));
        state.put("variables", new TreeMap<>(runtime.getVariables(instance.getId())).toString());
        state.put("tasks", tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(t -> t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + tasks.getIdentityLinksForTask(
                        t.getId()).stream().map(l -> l.getGroupId() + "/" + l.getUserId()).sorted().toList())
                .sorted().toList());
        return state;
    }

    private static void refusedNaming(HttpResponse<String> response, String variable) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).contains(variable).doesNotContain("at org.").doesNotContain("Exception:");
    }

    /** Refused by the start form's latest version (the application's, with the choices): the field named. */
    private void notOffered(HttpResponse<String> response) throws Exception {
        refusedNaming(response, "ouchpoint");
        assertThat(json.readTree(response.body()).path("detail").asText()).as(response.body())
                .startsWith("Touchpoint: ").contains("is not one of the choices offered");
    }

    private static String variables(String... nameValuePairs) {
        StringBuilder body = new StringBuilder("{\"variables\": {");
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            body.append(i == 0 ? "" : ", ").append('"').append(nameValuePairs[i]).append("\": {\"value\": \"")
                    .append(nameValuePairs[i + 1]).append("\", \"type\": \"String\"}");
        }
        return body.append("}}").toString();
    }

    @Test
    void nobodyForgesARouteAnOwnerOrADecisionThroughAnyDoor() throws Exception {
        long id = propose().get("id").asLong();
        ProcessInstance instance = instanceOf(id);
        String decide = taskAt(instance, TouchpointChangeProcess.Elements.DECIDE_DESIGN);
        Map<String, Object> before = snapshot(id, instance);

        // The Brand head approves and tries to send the build elsewhere, or to skip it.
        refusedNaming(call("POST", "/engine-rest/task/" + decide + "/complete", "brand.head", variables(
                "designDecision", "APPROVE", "buildWeeks", "2", "buildGroup", "head-brand")), "buildGroup");
        refusedNaming(call("POST", "/engine-rest/task/" + decide + "/submit-form", "brand.head", variables(
                "designDecision", "APPROVE", "buildWeeks", "2", "route", "STANDING")), "route");
        BrowserSession brand = new BrowserSession(port).login("brand.head", "demo");
        refusedNaming(brand.tasklistPost("/task/" + decide + "/complete", variables("designDecision", "APPROVE",
                "buildWeeks", "2", "liveOutcome", "LIVE")), "liveOutcome");
        refusedNaming(brand.tasklistPost("/task/" + decide + "/complete", variables("designDecision",
                "SKIP_TO_LIVE")), "designDecision");
        // The proposer is not the one who decides: the task is not theirs to see or complete.
        HttpResponse<String> proposer = call("POST", "/engine-rest/task/" + decide + "/complete", "employee",
                variables("designDecision", "APPROVE", "buildWeeks", "2"));
        assertThat(proposer.statusCode()).as(proposer.body()).isIn(403, 404);
        // Nobody starts a change with its route or owners decided, or names its record.
        refusedNaming(call("POST", "/engine-rest/process-definition/key/touchpoint-change/start", "employee",
                variables("whatChange", "x", "why", "y", "urgency", "LOW", "route", "STANDING")), "route");
        // Nor at a touchpoint its start form does not offer, through the REST API or the Tasklist's own.
        notOffered(call("POST", "/engine-rest/process-definition/key/touchpoint-change/submit-form", "employee",
                variables("whatChange", "x", "why", "y", "urgency", "LOW", "touchpoint", "no-such-place")));
        notOffered(new BrowserSession(port).login("employee", "demo").tasklistPost(
                "/process-definition/key/touchpoint-change/submit-form", variables("whatChange", "x", "why", "y",
                        "urgency", "LOW", "touchpoint", "<script>alert(1)</script>")));
        HttpResponse<String> midway = call("POST", "/engine-rest/process-definition/key/touchpoint-change/start",
                "employee", "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \""
                        + TouchpointChangeProcess.Elements.RECORD_LIVE + "\"}]}");
        refusedNaming(midway, "startInstructions");
        HttpResponse<String> keyed = call("POST", "/engine-rest/process-definition/key/touchpoint-change/start",
                "employee", "{\"businessKey\": \"change-" + id + "\", \"variables\": {}}");
        assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(400);
        // The board's decision cannot be announced by hand: nothing waits for it here, nothing moves.
        HttpResponse<String> message = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + TouchpointChangeProcess.MESSAGE_BOARD_DECIDED + "\", \"businessKey\": \"change-" + id + "\"}");
        assertThat(message.statusCode()).as(message.body()).isBetween(400, 499);

        assertThat(snapshot(id, instance)).isEqualTo(before);
        assertThat(call("POST", "/engine-rest/task/" + decide + "/complete", "brand.head", variables(
                "designDecision", "APPROVE", "buildWeeks", "2")).statusCode()).isEqualTo(204);
        assertThat(json.readTree(call("GET", "/api/changes/" + id, "employee", null).body()).get("status").asText())
                .isEqualTo("IN_BUILD");
    }

    @Test
    void aBoardDecisionAnnouncedByHandIsAConflictAndMovesNothing() throws Exception {
        HttpResponse<String> created = call("POST", "/api/changes", "employee", """
                {"touchpoint": "%s", "whatChange": "Board by hand %s", "why": "Customers ask", "urgency": "LOW",
                 "estimatedCost": 100, "functionsAffected": ["brand", "service"]}""".formatted(ChangeFixtures.OWNED,
                UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        ProcessInstance instance = instanceOf(id);
        Map<String, Object> before = snapshot(id, instance);
        assertThat(before.get("change").toString()).contains("\"status\":\"AT_BOARD\"");

        HttpResponse<String> message = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + TouchpointChangeProcess.MESSAGE_BOARD_DECIDED + "\", \"businessKey\": \"change-" + id + "\"}");
        assertThat(message.statusCode()).as(message.body()).isEqualTo(409);
        assertThat(message.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(message.body()).contains("waits for the board's decision").doesNotContain("at org.");
        assertThat(snapshot(id, instance)).isEqualTo(before);
    }

    @Test
    void whoeverBuiltAChangeCannotConfirmItThroughAnyDoor() throws Exception {
        // Sofia heads Customer Service and lends a hand in Operations; Oliver heads Operations and Customer Service.
        identity.createMembership("service.head", "head-operations");
        identity.createMembership("operations.head", "head-service");
        long id = propose().get("id").asLong();
        ProcessInstance instance = instanceOf(id);
        assertThat(call("POST", "/engine-rest/task/" + taskAt(instance, TouchpointChangeProcess.Elements
                .DECIDE_DESIGN) + "/complete", "brand.head", variables("designDecision", "APPROVE", "buildWeeks", "2"))
                .statusCode()).isEqualTo(204);
        assertThat(call("POST", "/engine-rest/task/" + taskAt(instance, TouchpointChangeProcess.Elements.BUILD)
                + "/complete", "service.head", variables("buildReport", "Done")).statusCode()).isEqualTo(204);
        String confirm = taskAt(instance, TouchpointChangeProcess.Elements.CONFIRM_LIVE);
        Map<String, Object> before = snapshot(id, instance);

        HttpResponse<String> rest = call("POST", "/engine-rest/task/" + confirm + "/complete", "service.head",
                variables("liveOutcome", "LIVE"));
        refusedNaming(rest, "liveOutcome");
        assertThat(rest.body()).contains("four eyes");
        refusedNaming(new BrowserSession(port).login("service.head", "demo").tasklistPost("/task/" + confirm
                + "/submit-form", variables("liveOutcome", "LIVE")), "liveOutcome");
        assertThat(snapshot(id, instance)).isEqualTo(before);

        assertThat(call("POST", "/engine-rest/task/" + confirm + "/complete", "operations.head",
                variables("liveOutcome", "LIVE")).statusCode()).isEqualTo(204);
        JsonNode live = json.readTree(call("GET", "/api/changes/" + id, "employee", null).body());
        assertThat(live.get("status").asText()).isEqualTo("LIVE");
        assertThat(live.get("builtBy").asText()).isEqualTo("service.head");
        assertThat(live.get("confirmedBy").asText()).isEqualTo("operations.head");
    }
}
