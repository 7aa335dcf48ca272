package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.BrowserSession;
import com.engagementboard.board.BoardActionProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the engine doors keep between requests (issue 9): one JSON mapper ({@link EngineJsonMapper})
 * instead of a new one a request, dates still written as Camunda writes them; and the process
 * definitions the Tasklist's HAL task lists embed ({@link HalDefinitionCache}), never users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineApiCachesIT {

    private static final String CAMUNDA_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Test
    void theTasklistsEngineApiAndEngineRestAskTheSharedMapper() throws Exception {
        Task task = tasks.newTask();
        task.setName("Mapper probe");
        task.setAssignee("cmo");
        tasks.saveTask(task);
        try {
            BrowserSession cmo = new BrowserSession(port).login("cmo", "demo");

            long before = EngineJsonMapper.lookups();
            HttpResponse<String> rest = cmo.get("/engine-rest/task/" + task.getId());
            assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
            assertThat(EngineJsonMapper.lookups()).as("/engine-rest asked the shared mapper").isGreaterThan(before);
            assertThat(json.readTree(rest.body()).path("created").asText()).matches(CAMUNDA_DATE);

            before = EngineJsonMapper.lookups();
            HttpResponse<String> tasklist = cmo.tasklistPost("/task", "{\"assignee\":\"cmo\",\"nameLike\":\"Mapper%\"}");
            assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
            assertThat(EngineJsonMapper.lookups()).as("the Tasklist's engine API asked the shared mapper")
                    .isGreaterThan(before);
            JsonNode found = json.readTree(tasklist.body());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("id").asText()).isEqualTo(task.getId());
            assertThat(found.get(0).path("created").asText()).matches(CAMUNDA_DATE);
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void theTasklistsHalListKeepsTheProcessDefinitionButNoUser() throws Exception {
        ProcessInstance instance = com.engagementboard.ProcessTestSupport.actionWithoutRecord(runtime,
                Long.MAX_VALUE - 2, "HAL cache probe");
        try {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            tasks.setAssignee(task.getId(), "cmo");
            BrowserSession cmo = new BrowserSession(port).login("cmo", "demo");
            HttpResponse<String> hal = cmo.get("/camunda/api/engine/engine/default/task?processInstanceId="
                    + instance.getId(), "application/hal+json");
            assertThat(hal.statusCode()).as(hal.body()).isEqualTo(200);
            JsonNode definitions = json.readTree(hal.body()).path("_embedded").path("processDefinition");
            assertThat(definitions).as(hal.body()).hasSize(1);
            assertThat(definitions.get(0).path("id").asText()).isEqualTo(instance.getProcessDefinitionId());

            assertThat(Hal.getInstance().getHalRelationCache(HalProcessDefinition.class)).isNotNull()
                    .satisfies(cache -> assertThat(cache.get(instance.getProcessDefinitionId()))
                            .as("the definition the list embedded is kept").isNotNull());
            assertThat(Hal.getInstance().getHalRelationCache(HalUser.class)).as("users are never cached").isNull();
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "EngineApiCachesIT: clean-up");
        }
    }
}
