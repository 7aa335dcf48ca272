package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import com.engagementboard.BrowserSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's authorizations decide who sees and completes a task, whichever door a person uses: the
 * engine REST API with HTTP Basic, or the Tasklist's own API with a browser session. A task for the
 * candidate group {@code head-marketing} is invisible to the head of Sales and cannot be completed by
 * them; the head of Marketing sees it, also through the shared Tasklist filters, and completes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskAuthorizationIT {

    private static final String PROCESS = "AuthorizationProbe";
    private static final String TASK = "Task_AcceptRights";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    private static final List<String> SHARED_FILTERS = List.of("All my tasks", "Assigned to me",
            "My groups' open tasks", "Overdue");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService taskService;

    private String instanceId;
    private String taskId;

    @BeforeAll
    void deployTheProbe() {
        repository.createDeployment().name("authorization-probe (TaskAuthorizationIT)")
                .addClasspathResource("it/authorization-probe.bpmn").enableDuplicateFiltering(true).deploy();
    }

    /** Started by the system (no authenticated user), as a process step or a timer would. */
    @BeforeEach
    void startAnInstance() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, "it-" + UUID.randomUUID());
        instanceId = instance.getId();
        List<Task> open = taskService.createTaskQuery().processInstanceId(instanceId).list();
        assertThat(open).as("the probe's user task").singleElement()
                .satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo(TASK));
        taskId = open.get(0).getId();
    }

    @AfterEach
    void removeTheInstanceIfStillRunning() {
        if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
            runtime.deleteProcessInstance(instanceId, "TaskAuthorizationIT clean-up");
        }
    }

    @Test
    void headOfSalesNeitherSeesNorCompletesTheMarketingTaskThroughEngineRest() throws Exception {
        HttpResponse<String> tasks = basicGet("sales.head", "/engine-rest/task?processInstanceId=" + instanceId);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).isArray()).isTrue();
        assertThat(json.readTree(tasks.body())).isEmpty();

        HttpResponse<String> complete = basicPost("sales.head", "/engine-rest/task/" + taskId + "/complete", "{}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
        assertThat(json.readTree(complete.body()).path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(complete.body()).contains("sales.head");
        assertThat(taskIsOpen()).isTrue();
    }

    @Test
    void headOfSalesNeitherSeesNorCompletesTheMarketingTaskInTheTasklist() throws Exception {
        BrowserSession session = new BrowserSession(port);
        session.login("sales.head", "demo");

        HttpResponse<String> tasks = session.get(TASKLIST_API + "/task?processInstanceId=" + instanceId);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(json.readTree(tasks.body()).isArray()).isTrue();
        assertThat(json.readTree(tasks.body())).isEmpty();

        String xsrf = session.cookie("XSRF-TOKEN");
        assertThat(xsrf).as("Camunda's XSRF-TOKEN cookie").isNotBlank();
        HttpResponse<String> complete = session.postJson(TASKLIST_API + "/task/" + taskId + "/complete", "{}", xsrf);
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
        // Refused by the engine's authorizations, not by the CSRF filter:
        assertThat(json.readTree(complete.body()).path("type").asText()).isEqualTo("AuthorizationException");
        assertThat(complete.body()).contains("sales.head");
        assertThat(taskIsOpen()).isTrue();

        // The session survived (a CSRF refusal would have ended it) and still is sales.head's.
        HttpResponse<String> me = session.get("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("userId").asText()).isEqualTo("sales.head");
    }

    @Test
    void headOfMarketingSeesExactlyTheTaskAndCompletesIt() throws Exception {
        HttpResponse<String> tasks = basicGet("marketing.head", "/engine-rest/task?processInstanceId=" + instanceId);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode list = json.readTree(tasks.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo(taskId);
        assertThat(list.get(0).path("taskDefinitionKey").asText()).isEqualTo(TASK);

        HttpResponse<String> complete = basicPost("marketing.head", "/engine-rest/task/" + taskId + "/complete", "{}");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

        assertThat(taskIsOpen()).isFalse();
        HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        assertThat(finished).isNotNull();
        assertThat(finished.getEndTime()).as("the instance has ended").isNotNull();
        assertThat(finished.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    }

    @Test
    void headOfMarketingCompletesTheTaskInTheTasklist() throws Exception {
        BrowserSession session = new BrowserSession(port);
        session.login("marketing.head", "demo");

        HttpResponse<String> tasks = session.get(TASKLIST_API + "/task?processInstanceId=" + instanceId);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(json.readTree(tasks.body())).hasSize(1);
        assertThat(json.readTree(tasks.body()).get(0).path("id").asText()).isEqualTo(taskId);

        // A browser session calling /engine-rest directly is held to Spring's CSRF token.
        HttpResponse<String> forged = session.postJson("/engine-rest/task/" + taskId + "/complete", "{}", null);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(taskIsOpen()).isTrue();

        HttpResponse<String> complete = session.postJson(TASKLIST_API + "/task/" + taskId + "/complete", "{}",
                session.cookie("XSRF-TOKEN"));
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);
        assertThat(taskIsOpen()).isFalse();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    }

    @Test
    void sharedTasklistFiltersShowTheTaskToItsGroupOnly() throws Exception {
        HttpResponse<String> response = basicGet("marketing.head", "/engine-rest/filter");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        String allMyTasks = null;
        for (JsonNode filter : json.readTree(response.body())) {
            names.add(filter.path("name").asText());
            if ("All my tasks".equals(filter.path("name").asText())) {
                allMyTasks = filter.path("id").asText();
            }
        }
        // Each exactly once: the bootstrap that makes them runs at every start, on a database that may be reused.
        assertThat(names).filteredOn(SHARED_FILTERS::contains).containsExactlyInAnyOrderElementsOf(SHARED_FILTERS);
        if (!onPostgres()) {
            assertThat(names).containsExactlyInAnyOrderElementsOf(SHARED_FILTERS);
        }

        HttpResponse<String> count = basicGet("marketing.head", "/engine-rest/filter/" + allMyTasks + "/count");
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(json.readTree(count.body()).path("count").asLong()).isGreaterThanOrEqualTo(1);

        // The filter's query narrowed to this instance: exact, whatever other tests left on the database.
        String narrowed = "{\"processInstanceId\":\"" + instanceId + "\"}";
        assertThat(countOf("marketing.head", allMyTasks, narrowed)).isEqualTo(1);
        assertThat(countOf("sales.head", allMyTasks, narrowed)).isZero();

        HttpResponse<String> salesFilters = basicGet("sales.head", "/engine-rest/filter");
        assertThat(salesFilters.statusCode()).isEqualTo(200);
        List<String> salesNames = new ArrayList<>();
        json.readTree(salesFilters.body()).forEach(filter -> salesNames.add(filter.path("name").asText()));
        assertThat(salesNames).containsAll(SHARED_FILTERS);
        if (!onPostgres()) {
            HttpResponse<String> salesCount = basicGet("sales.head", "/engine-rest/filter/" + allMyTasks + "/count");
            assertThat(json.readTree(salesCount.body()).path("count").asLong()).isZero();
        }
    }

    @Test
    void anonymousCallsToEngineRestAreRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/task")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(taskId);

        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(uri("/engine-rest/task"))
                .header("Authorization", basic("no-such-user-" + UUID.randomUUID(), "demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    private long countOf(String user, String filterId, String query) throws Exception {
        HttpResponse<String> count = basicPost(user, "/engine-rest/filter/" + filterId + "/count", query);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        return json.readTree(count.body()).path("count").asLong();
    }

    private boolean taskIsOpen() {
        return taskService.createTaskQuery().taskId(taskId).count() == 1;
    }

    private static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private HttpResponse<String> basicGet(String user, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "demo"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basicPost(String user, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "demo"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A browser session: form login, cookies kept, no redirects followed. */
}
