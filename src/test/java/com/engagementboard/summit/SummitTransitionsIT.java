package com.engagementboard.summit;

import com.engagementboard.DemoApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A closed summit stays closed, over real HTTP: neither the chair's out-of-date task nor an
 * administrator's process instance modification through {@code /engine-rest} reopens it or changes its
 * report. Each refusal is a 409 with its reason, and writes nothing. The same context as the board's
 * ITs (job executor off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class SummitTransitionsIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> started = new ArrayList<>();

    @AfterEach
    void endOwnInstances() {
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "SummitTransitionsIT done", true, true);
            }
        }
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return new DemoApi(port).json(method, path, user, body);
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, "admin", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode chairsTask(ProcessInstance instance, String activityId) throws Exception {
        HttpResponse<String> response = call("GET", "/engine-rest/task?processInstanceId=" + instance.getId()
                + "&taskDefinitionKey=" + activityId, "cmo", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tasks = json.readTree(response.body());
        assertThat(tasks).as("the chair's %s tasks", activityId).hasSize(1);
        return tasks.get(0);
    }

    private HttpResponse<String> complete(JsonNode task, String variables) throws Exception {
        return call("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", "cmo",
                "{\"variables\": {" + variables + "}}");
    }

    private HttpResponse<String> startBefore(ProcessInstance instance, String activityId) throws Exception {
        return call("POST", "/engine-rest/process-instance/" + instance.getId() + "/modification", "admin",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"" + activityId + "\"}]}");
    }

    private void assertRefused(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("IllegalTransitionException");
        assertThat(body.get("message").asText()).isEqualTo(reason);
    }

    private JsonNode tokens(ProcessInstance instance) throws Exception {
        return read("/engine-rest/process-instance/" + instance.getId() + "/activity-instances");
    }

    @Test
    void aClosedSummitIsNeitherReopenedNorGivenAVision() throws Exception {
        HttpResponse<String> convened = call("POST", "/api/summits", "cmo", """
                {"title": "Transitions IT summit", "at": "%s", "participants": ["marketing.head", "retail.head"]}
                """.formatted(Instant.now().plus(Duration.ofDays(7))));
        assertThat(convened.statusCode()).as(convened.body()).isEqualTo(201);
        long id = json.readTree(convened.body()).get("id").asLong();
        String report = "/api/summits/" + id;
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(id)).singleResult();
        started.add(instance.getId());

        // The chair opens it; an administrator then closes it by hand (a legal move: it is in session).
        HttpResponse<String> opened = complete(chairsTask(instance, SummitProcess.Elements.OPEN_SUMMIT), "");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(204);
        JsonNode draftVision = chairsTask(instance, SummitProcess.Elements.DRAFT_VISION);
        HttpResponse<String> closing = startBefore(instance, SummitProcess.Elements.CLOSE_SUMMIT);
        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(204);
        JsonNode closed = read(report);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

        // The chair's vision comes too late.
        JsonNode tokens = tokens(instance);
        assertRefused(complete(draftVision, "\"" + SummitProcess.Variables.VISION
                + "\": {\"value\": \"Customers choose us for advice\", \"type\": \"String\"}"),
                "Summit " + id + " is CLOSED, so it cannot be given a vision; that is possible only when it is "
                        + "IN_SESSION.");
        assertThat(read(report)).isEqualTo(closed);
        assertThat(tokens(instance)).isEqualTo(tokens);

        // An administrator puts the opening task back; the chair completing it does not reopen the summit.
        HttpResponse<String> reopening = startBefore(instance, SummitProcess.Elements.OPEN_SUMMIT);
        assertThat(reopening.statusCode()).as(reopening.body()).isEqualTo(204);
        JsonNode openAgain = chairsTask(instance, SummitProcess.Elements.OPEN_SUMMIT);
        tokens = tokens(instance);
        assertRefused(complete(openAgain, ""), "Summit " + id + " is CLOSED, so it cannot be opened; that is possible "
                + "only when it is CONVENED.");
        assertThat(read(report)).isEqualTo(closed);
        assertThat(tokens(instance)).isEqualTo(tokens);
    }
}
