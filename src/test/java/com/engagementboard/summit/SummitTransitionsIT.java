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

        // Closing ends the whole instance (a terminate end): no task of a closed summit is left to act on. The
        // chair's vision comes too late, and an administrator cannot put the opening task back.
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        HttpResponse<String> late = complete(draftVision, "\"" + SummitProcess.Variables.VISION
                + "\": {\"value\": \"Customers choose us for advice\", \"type\": \"String\"}");
        assertThat(late.statusCode()).as(late.body()).isBetween(400, 499);
        HttpResponse<String> reopening = startBefore(instance, SummitProcess.Elements.OPEN_SUMMIT);
        assertThat(reopening.statusCode()).as(reopening.body()).isBetween(400, 499);
        assertThat(read(report)).isEqualTo(closed);
    }

    /**
     * A postponement is the summit API's to make: the message alone, sent through the engine's API by an
     * administrator (who may correlate messages), finds no postponement pending on the record, is refused with
     * 409 and its reason, and moves nothing (the same tasks, nobody told).
     */
    @Test
    void aPostponementSentOnlyThroughTheEngineApiIsRefusedAndMovesNothing() throws Exception {
        HttpResponse<String> convened = call("POST", "/api/summits", "cmo", """
                {"title": "Forged postponement IT", "at": "%s", "participants": ["marketing.head"]}
                """.formatted(Instant.now().plus(Duration.ofDays(7))));
        assertThat(convened.statusCode()).as(convened.body()).isEqualTo(201);
        long id = json.readTree(convened.body()).get("id").asLong();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(id)).singleResult();
        started.add(instance.getId());
        JsonNode before = read("/api/summits/" + id);
        String openTask = chairsTask(instance, SummitProcess.Elements.OPEN_SUMMIT).get("id").asText();

        HttpResponse<String> forged = call("POST", "/engine-rest/message", "admin", "{\"messageName\": \""
                + SummitProcess.Messages.POSTPONED + "\", \"businessKey\": \"" + SummitProcess.businessKey(id)
                + "\", \"all\": true}");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(409);
        assertThat(json.readTree(forged.body()).get("message").asText())
                .contains("Summit " + id + " has no postponement by its chair").contains("Nothing was changed");
        assertThat(read("/api/summits/" + id)).isEqualTo(before);
        assertThat(chairsTask(instance, SummitProcess.Elements.OPEN_SUMMIT).get("id").asText())
                .as("the chair's task is the same one").isEqualTo(openTask);
    }
}
