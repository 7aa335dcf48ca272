package com.engagementboard.charter;

import static com.engagementboard.ProcessTestSupport.completeAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A charter larger than 150 touchpoints used to fail at submission: the text listing a head's rights
 * outgrew Camunda's 4,000-character variable column (a 500). 400 touchpoints over the eight demo
 * functions (200 rights a head) now go through submission and every head's acceptance to an effective
 * version; each form's list is bounded and links to the whole list. A correctness test at size, with no
 * timing in it (the benchmark measures time). An integration test: it runs in a JVM and an
 * in-memory database of its own, so its 400 touchpoints do not change what the other tests count.
 */
@EngagementBoardTest
class CharterScaleIT {

    private static final int TOUCHPOINTS = 400;
    private static final List<String> FUNCTIONS = List.of("marketing", "communications", "sales", "service",
            "operations", "product", "it", "brand");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    CharterRepository charters;

    @Autowired
    CharterProcessStarter processes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @BeforeEach
    void noVersionInForce() {
        CharterFixtures.noVersionInForce(charters, processes, transaction);
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    @Test
    void aCharterOfHundredsOfTouchpointsIsSubmittedAcceptedByEveryHeadAndTakesForce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("touchpoint,right,function\n");
        for (int i = 0; i < TOUCHPOINTS; i++) {
            String code = "scale-" + run + "-" + i;
            touchpoints.create(new TouchpointRequest(code, "Scale touchpoint " + i + " of run " + run, null,
                    TouchpointKind.EXTERNAL_DIRECT, "Branch", JourneyStage.EXPERIENCE, 1 + i % 5));
            for (RightKind right : RightKind.values()) {
                csv.append(code).append(',').append(right).append(',')
                        .append(FUNCTIONS.get((i * 4 + right.ordinal()) % FUNCTIONS.size())).append('\n');
            }
        }
        String created = mvc.perform(post("/api/charter/drafts").param("title", "Scale " + run)
                .with(httpBasic("cmo", "demo")).contentType("text/csv").content(csv.toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long charterId = json.readTree(created).get("id").asLong();
        mvc.perform(post("/api/charter/drafts/" + charterId + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
        runJobs(instance);
        List<Task> acceptances = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).list();
        assertThat(acceptances).hasSize(FUNCTIONS.size());
        for (Task task : acceptances) {
            String summary = (String) tasks.getVariable(task.getId(), TouchpointCharterProcess.Variables.RIGHTS_SUMMARY);
            assertThat(summary.length()).isLessThanOrEqualTo(4_000);
            assertThat(task.getName()).startsWith("Accept 200 rights for ");
            String function = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .map(link -> link.getGroupId()).filter(g -> g != null && g.startsWith("head-")).findFirst()
                    .orElseThrow().substring("head-".length());
            assertThat(summary).contains("more: [see all 200](" + CharterPageController.rightsPage(charterId, function) + ")");
            completeAs(function + ".head", List.of("head-" + function), task,
                    Map.of(TouchpointCharterProcess.Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
            runJobs(instance);
        }
        runJobs(instance);
        transaction.executeWithoutResult(status ->
                assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE));

        // The whole list, one click away from the form: for the function's head and the chair, not for others.
        mvc.perform(get(CharterPageController.rightsPage(charterId, "marketing")).with(httpBasic("marketing.head", "demo")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "200 rights for marketing")));
        mvc.perform(get(CharterPageController.rightsPage(charterId, "marketing")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        mvc.perform(get(CharterPageController.rightsPage(charterId, "marketing")).with(httpBasic("sales.head", "demo")))
                .andExpect(status().isForbidden());
    }
}
