package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator relies on: health groups, metrics for administrators, logs naming the case, history clean-up. */
@EngagementBoardTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    HealthEndpointGroups groups;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;

    @Test
    void readinessWaitsForTheDatabaseEngineAndJobExecutorWhileLivenessLeavesTheDatabaseOut() throws Exception {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("processEngine")).isTrue();
        assertThat(groups.get("readiness").isMember("jobExecutor")).isTrue();
        assertThat(groups.get("liveness").isMember("jobExecutor")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).as("a database outage must not restart every node").isFalse();

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.livenessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db").doesNotExist());
    }

    @Test
    void metricsAreForAdministratorsAndCountTheEnginesOpenWork() throws Exception {
        // Spring Boot's tests leave the Prometheus registry out; the nodes of the integration tests have it.
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.names", hasItems("engagement.tasks.open", "engagement.cases.open",
                        "engagement.incidents.open", "engagement.jobs.failed", "engagement.jobs.due")));
        long open = tasks.createTaskQuery().count();
        mvc.perform(get("/actuator/metrics/engagement.tasks.open").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value((double) open));
        mvc.perform(get("/actuator/metrics/engagement.cases.open").with(httpBasic("employee", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void historyIsCleanedUpAtNightAndEveryProcessHasATimeToLive() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(engine.isHistoryCleanupEnabled()).isTrue();
        assertThat(engine.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        assertThat(engine.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as("historyTimeToLive of %s", definition.getKey()).isNotNull().isPositive());
        assertThat(history.findHistoryCleanupJobs()).as("the engine schedules its clean-up at start").isNotEmpty();
    }

    @Test
    void everyLogLineOfACaseNamesItsBusinessKeyAndProcessInstance(CapturedOutput output) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("operations-log-check").camundaHistoryTimeToLive(1)
                .name("Log check").startEvent().userTask("Task_Check").name("Check the log")
                .camundaCandidateGroups("board-chair").endEvent().done();
        Deployment deployment = repository.createDeployment().name("OperationsTest")
                .addModelInstance("operations-log-check.bpmn", model).deploy();
        try {
            String key = "log-" + UUID.randomUUID();
            ProcessInstance instance = runtime.startProcessInstanceByKey("operations-log-check", key);
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            identity.setAuthentication("cmo", java.util.List.of("board-chair"));
            try {
                tasks.complete(task.getId());
            } finally {
                identity.clearAuthentication();
            }
            String context = "[" + key + " " + instance.getId() + "]";
            assertThat(output.getOut()).contains("Case operations-log-check started by the system: business key "
                    + key + ", process instance " + instance.getId());
            assertThat(output.getOut().lines().filter(line -> line.contains(context)))
                    .anySatisfy(line -> assertThat(line)
                            .contains("Task 'Check the log' (Task_Check) waits for group(s) board-chair"))
                    .anySatisfy(line -> assertThat(line).contains("Task 'Check the log' (Task_Check) completed by cmo"))
                    .anySatisfy(line -> assertThat(line).contains("Case operations-log-check ended"));
            assertThat(output.getOut().lines().filter(line -> line.contains("Demo board set up")
                    || line.contains("Started EngagementBoard"))).allSatisfy(line -> assertThat(line).doesNotContain("[ ]"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
