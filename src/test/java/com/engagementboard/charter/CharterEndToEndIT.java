package com.engagementboard.charter;

import com.engagementboard.DemoApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole charter flow as the people run it, over real HTTP with the job executor on: the chair
 * posts a CSV draft and submits it; each head finds their task through /engine-rest and completes it
 * with the form's fields; everyone then reads the effective charter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=500" })
class CharterEndToEndIT {

    private static final String CSV = CharterFixtures.THREE_FUNCTIONS_CSV;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws Exception {
        return new DemoApi(port).call(method, path, user, contentType, body);
    }

    private JsonNode tasksOf(String user, long charterId) throws Exception {
        HttpResponse<String> response = call("GET", "/engine-rest/task?processInstanceBusinessKey="
                + TouchpointCharterProcess.businessKey(charterId), user, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode awaitTasksOf(String user, long charterId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode tasks = tasksOf(user, charterId);
        while (tasks.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            tasks = tasksOf(user, charterId);
        }
        assertThat(tasks).as("%s's tasks for charter %d within a minute of its submission", user, charterId)
                .isNotEmpty();
        return tasks;
    }

    private static String completion(String decision) {
        return "{\"variables\": {\"decision\": {\"value\": \"" + decision + "\", \"type\": \"String\"}}}";
    }

    @Test
    void theChairDraftsTheHeadsAcceptAndEveryoneReadsTheEffectiveCharter() throws Exception {
        String title = "Complaints and social care " + UUID.randomUUID();
        HttpResponse<String> created = call("POST", "/api/charter/drafts?title="
                + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8), "cmo", "text/csv", CSV);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long charterId = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> submitted = call("POST", "/api/charter/drafts/" + charterId + "/submit", "cmo", null, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        Map<String, String> heads = new LinkedHashMap<>();
        heads.put("service.head", "Accept 4 rights for Customer Service");
        heads.put("it.head", "Accept 2 rights for IT");
        heads.put("communications.head", "Accept 2 rights for Communications");

        // The request ends at the save point after the start; the job executor asks the heads a moment later.
        String itTask = awaitTasksOf("it.head", charterId).get(0).get("id").asText();

        // Someone else's task cannot be completed through the engine's REST API.
        assertThat(tasksOf("sales.head", charterId)).isEmpty();
        assertThat(call("POST", "/engine-rest/task/" + itTask + "/complete", "sales.head", "application/json",
                completion("ACCEPT_ALL")).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = call("POST", "/engine-rest/task/" + itTask + "/complete", "it.head",
                "application/json", completion("DECLINE_SOME"));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("declinedRights");

        // Two clicks on one task at the same time: one wins, the other gets a clear conflict.
        String serviceTask = tasksOf("service.head", charterId).get(0).get("id").asText();
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Callable<Integer> click = () -> call("POST", "/api/charter/tasks/" + serviceTask
                + "/complete", "service.head", "application/json", "{\"decision\": \"ACCEPT_ALL\"}").statusCode();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : clicks.invokeAll(java.util.List.of(click, click))) {
            statuses.add(f.get());
        }
        clicks.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        heads.remove("service.head");

        for (Map.Entry<String, String> head : heads.entrySet()) {
            JsonNode tasks = tasksOf(head.getKey(), charterId);
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("name").asText()).isEqualTo(head.getValue());
            assertThat(tasks.get(0).get("due").isNull()).isFalse();
            HttpResponse<String> form = call("GET", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                    + "/form-variables", head.getKey(), null, null);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("rightOptions").contains("rightsSummary");
            // The Tasklist submits the picker (taglist) with the variable's current type: it must be Json, not Null.
            assertThat(json.readTree(form.body()).get("declinedRights").get("type").asText()).isEqualTo("Json");
            HttpResponse<String> done = call("POST", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                    + "/complete", head.getKey(), "application/json", completion("ACCEPT_ALL"));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        }

        JsonNode charter = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = call("GET", "/api/charter?size=500", "employee", null, null);
            if (response.statusCode() == 200 && json.readTree(response.body()).get("title").asText().equals(title)) {
                charter = json.readTree(response.body());
                break;
            }
            Thread.sleep(250);
        }
        assertThat(charter).as("the charter became effective within a minute").isNotNull();
        assertThat(charter.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(charter.get("reviewDate").asText()).isNotBlank();
        JsonNode complaints = null;
        for (JsonNode row : charter.get("matrix").get("content")) {
            if (row.get("touchpoint").asText().equals("complaint-handling")) {
                complaints = row;
            }
        }
        assertThat(complaints).isNotNull();
        assertThat(complaints.get("design").asText()).isEqualTo("service");
        assertThat(complaints.get("build").asText()).isEqualTo("it");
        HttpResponse<String> owners = call("GET", "/api/touchpoints/social-media-care/owners", "employee", null, null);
        assertThat(json.readTree(owners.body()).get("owners").get("RENEW").asText()).isEqualTo("communications");
    }
}
