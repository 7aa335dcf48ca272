package com.engagementboard.engine;

import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.summit.SummitProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A release changes a process; instances started before it move to the new version when the application
 * starts, keep their tasks, and get what the release added. An old version is deployed here as it was in the
 * history (src/test/resources/migration), instances are started on it, then the current file is deployed again
 * as the newest version and the start-up hook runs.
 *
 * <p>The engine's database is shared with every test of the JVM: what a test deploys is deleted with its
 * instances afterwards, and instances of other tests that the migration moved onto the redeployed version are
 * moved back onto the application's own deployment first.
 */
@EngagementBoardTest
@ExtendWith(OutputCaptureExtension.class)
class RunningInstanceMigrationTest {

    private static final List<String> CHAIR_GROUPS = List.of("board-chair", "board-core", "board-member");
    private static final List<String> SUMMIT_FORMS = List.of("summit-endorse.form", "summit-notice.form",
            "summit-objections.form", "summit-open.form", "summit-outcome.form", "summit-plan.form",
            "summit-pre-work.form", "summit-sourcing.form", "summit-vision.form");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    RunningInstanceMigration migration;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> deployments = new ArrayList<>();
    /** Definitions deployed from the current file. */
    private final List<String> copies = new ArrayList<>();
    /** Instances the test started. */
    private final List<String> own = new ArrayList<>();
    private ProcessDefinition application;

    @BeforeEach
    void rememberTheApplicationsVersion() {
        init(engine);
        application = latestSummit();
        assertThat(repository.createDeploymentQuery().deploymentId(application.getDeploymentId()).singleResult()
                .getName()).as("the newest summit version is the application's own").isEqualTo("engagement-board");
    }

    @AfterEach
    void deleteWhatTheTestDeployed() {
        engine.getIdentityService().clearAuthentication();
        // Other tests' instances that the migration moved onto a copy of the current file go back to the
        // application's version (the same file, so every activity maps); the test's own go with the deployments.
        for (String copy : copies) {
            List<String> others = runtime.createProcessInstanceQuery().processDefinitionId(copy).list().stream()
                    .map(ProcessInstance::getId).filter(id -> !own.contains(id)).toList();
            if (!others.isEmpty()) {
                runtime.newMigration(runtime.createMigrationPlan(copy, application.getId()).mapEqualActivities()
                        .build()).processInstanceIds(others).execute();
            }
        }
        for (String deployment : deployments) {
            repository.deleteDeployment(deployment, true);
        }
        deployments.clear();
        copies.clear();
        own.clear();
        assertThat(latestSummit().getId()).isEqualTo(application.getId());
    }

    // --- helpers -------------------------------------------------------------------------------

    private ProcessDefinition latestSummit() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(SummitProcess.KEY).withoutTenantId()
                .latestVersion().singleResult();
    }

    /** Deploys the BPMN (as engagement-summit.bpmn) with the summit's forms; the summit's newest version. */
    private ProcessDefinition deploy(String name, String bpmn) throws IOException {
        DeploymentBuilder builder = repository.createDeployment().name(name);
        try (InputStream process = resource(bpmn)) {
            builder.addInputStream("engagement-summit.bpmn", process);
            List<InputStream> forms = new ArrayList<>();
            try {
                for (String form : SUMMIT_FORMS) {
                    InputStream content = resource(form);
                    forms.add(content);
                    builder.addInputStream(form, content);
                }
                String id = builder.deploy().getId();
                deployments.add(id);
            } finally {
                for (InputStream form : forms) {
                    form.close();
                }
            }
        }
        ProcessDefinition deployed = latestSummit();
        assertThat(deployed.getDeploymentId()).isEqualTo(deployments.get(deployments.size() - 1));
        if (bpmn.equals("engagement-summit.bpmn")) {
            copies.add(deployed.getId());
        }
        return deployed;
    }

    private InputStream resource(String path) {
        InputStream content = getClass().getClassLoader().getResourceAsStream(path);
        assertThat(content).as(path).isNotNull();
        return content;
    }

    /** Convenes a summit through the API as the chair; its instance starts on the newest version. */
    private long convene(String title) throws Exception {
        String body = "{\"title\": \"" + title + " " + System.nanoTime() + "\", \"at\": \""
                + Instant.now().plus(7, ChronoUnit.DAYS) + "\", \"participants\": [\"marketing.head\"]}";
        String response = mvc.perform(post("/api/summits").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic("cmo", "demo"))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    private ProcessInstance instance(long summitId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(summitId)).singleResult();
        if (instance != null && !own.contains(instance.getId())) {
            own.add(instance.getId());
        }
        return instance;
    }

    private org.springframework.test.web.servlet.ResultActions cancel(long summitId) throws Exception {
        return mvc.perform(post("/api/summits/" + summitId + "/cancel").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"The merger takes the leadership team this month.\"}")
                .with(httpBasic("cmo", "demo")));
    }

    // --- the cases ------------------------------------------------------------------------------

    @Test
    void anInstanceOfAnOldVersionMovesToTheNewestKeepsItsTaskAndCanBeCancelled(CapturedOutput output)
            throws Exception {
        ProcessDefinition old = deploy("migration-test: summit as of 469654d",
                "migration/engagement-summit-469654d.bpmn");
        // One summit still in its pre-work, one the chair opened: both on the old version, which has no
        // cancellation yet.
        long inPreWork = convene("Old, in pre-work");
        long opened = convene("Old, opened");
        completeAs("cmo", CHAIR_GROUPS, task(instance(opened), SummitProcess.Elements.OPEN_SUMMIT), Map.of());
        Task draft = task(instance(opened), SummitProcess.Elements.DRAFT_VISION);
        tasks.claim(draft.getId(), "cmo");
        assertThat(instance(opened).getProcessDefinitionId()).isEqualTo(old.getId());
        assertThat(instance(inPreWork).getProcessDefinitionId()).isEqualTo(old.getId());
        cancel(opened).andExpect(status().isConflict());

        // The release: the current file deployed as the newest version, and the application starting.
        ProcessDefinition current = deploy("migration-test: summit as now", "engagement-summit.bpmn");
        events.publishEvent(new PostDeployEvent(engine));

        ProcessInstance moved = instance(opened);
        assertThat(moved.getProcessDefinitionId()).as("on the newest version").isEqualTo(current.getId());
        Task same = task(moved, SummitProcess.Elements.DRAFT_VISION);
        assertThat(same.getId()).as("the same task").isEqualTo(draft.getId());
        assertThat(same.getAssignee()).isEqualTo("cmo");
        assertThat(same.getProcessDefinitionId()).isEqualTo(current.getId());
        // What the new version added at the process's level exists for the moved instance: the cancellation's
        // message subscription and the two timers (counted from the migration).
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(moved.getId())
                .eventName(SummitProcess.Messages.CANCELLED).count()).isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(moved.getId())
                .activityId(SummitProcess.Elements.CHAIR_OVERDUE).count()).isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(moved.getId())
                .activityId(SummitProcess.Elements.SUMMIT_LAPSES).count()).isEqualTo(1);

        // The summit in its pre-work cannot move: its participants' tasks sit directly in the pre-work in the old
        // version, inside a multi-instance subprocess of their own in the new one.
        assertThat(instance(inPreWork).getProcessDefinitionId()).as("left alone").isEqualTo(old.getId());
        assertThat(output.getOut()).containsPattern("WARN .*1 instance\\(s\\) of process engagement-summit stay on "
                + "version " + old.getVersion() + ", not migrated to version " + current.getVersion() + ": "
                + ".*Task_AssessJourney");
        assertThat(output.getOut()).contains("Migrated 1 instance(s) of process engagement-summit from version "
                + old.getVersion() + " to version " + current.getVersion());

        // The new feature works on the moved instance; the one left behind still answers 409.
        cancel(opened).andExpect(status().isOk());
        assertThat(task(instance(opened), SummitProcess.Elements.DRAFT_VISION)).as("the chair's step ended").isNull();
        assertThat(tasks.createTaskQuery().processInstanceId(moved.getId())
                .taskDefinitionKey(SummitProcess.Elements.READ_CANCELLATION).list()).extracting(Task::getAssignee)
                .containsExactly("marketing.head");
        cancel(inPreWork).andExpect(status().isConflict());
    }

    @Test
    void instancesInAnActivityThatChangedItsTypeAreLeftAloneAndNamedInOneWarning(CapturedOutput output)
            throws Exception {
        ProcessDefinition unmappable = deploy("migration-test: summit with a receive task",
                "migration/engagement-summit-unmappable.bpmn");
        ProcessInstance waiting = runtime.startProcessInstanceById(unmappable.getId(), "migration-test-unmappable");
        own.add(waiting.getId());
        ProcessDefinition current = deploy("migration-test: summit as now", "engagement-summit.bpmn");

        List<RunningInstanceMigration.Outcome> outcomes = migration.migrate(SummitProcess.KEY);

        // Camunda leaves the receive task (and its multi-instance body) out of the plan: the plan validates, the
        // instance waiting there cannot move.
        assertThat(definitionOf(waiting)).isEqualTo(unmappable.getId());
        assertThat(outcomes).filteredOn(o -> o.sourceVersion() == unmappable.getVersion()).singleElement()
                .satisfies(o -> {
                    assertThat(o.migrated()).isZero();
                    assertThat(o.left()).isEqualTo(1);
                    assertThat(o.targetVersion()).isEqualTo(current.getVersion());
                    assertThat(o.blocking()).startsWith("Task_EndorseVision: 1 waiting there");
                });
        assertThat(output.getOut()).containsPattern("WARN .*1 instance\\(s\\) of process engagement-summit stay on "
                + "version " + unmappable.getVersion() + ", not migrated to version " + current.getVersion()
                + ": Task_EndorseVision: 1 waiting there");
    }

    @Test
    void aPlanThatDoesNotValidateLeavesTheVersionAloneWithOneWarningAndTheStartGoesOn(CapturedOutput output)
            throws Exception {
        ProcessDefinition unmappable = deploy("migration-test: summit with a receive task",
                "migration/engagement-summit-unmappable.bpmn");
        ProcessInstance waiting = runtime.startProcessInstanceById(unmappable.getId(), "migration-test-unmappable");
        own.add(waiting.getId());
        ProcessDefinition current = deploy("migration-test: summit as now", "engagement-summit.bpmn");
        // A plan with an explicit instruction Camunda refuses: the receive task onto the user task.
        RunningInstanceMigration withAnInvalidPlan = new RunningInstanceMigration(repository, runtime) {
            @Override
            MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
                return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                        .mapActivities(SummitProcess.Elements.ENDORSE_VISION, SummitProcess.Elements.ENDORSE_VISION)
                        .build();
            }
        };

        List<RunningInstanceMigration.Outcome> outcomes = withAnInvalidPlan.migrate(SummitProcess.KEY);

        assertThat(definitionOf(waiting)).isEqualTo(unmappable.getId());
        assertThat(outcomes).filteredOn(o -> o.sourceVersion() == unmappable.getVersion()).singleElement()
                .satisfies(o -> {
                    assertThat(o.migrated()).isZero();
                    assertThat(o.left()).isEqualTo(1);
                    assertThat(o.blocking()).contains("Task_EndorseVision -> Task_EndorseVision: ")
                            .contains("Activities have incompatible types");
                });
        assertThat(output.getOut()).containsPattern("WARN .*1 instance\\(s\\) of process engagement-summit stay on "
                + "version " + unmappable.getVersion() + ": no migration plan to version " + current.getVersion()
                + " validates \\(Task_EndorseVision -> Task_EndorseVision: .*Activities have incompatible types");
    }

    /**
     * Two nodes of a cluster start at once and both migrate: here two migrators on two threads against the same
     * database. Whichever commits a chunk first wins; the other gets an optimistic locking exception (or finds
     * nothing left), logs it and goes on. Every instance moves once, keeps its task, and neither start fails.
     */
    @Test
    void twoNodesMigratingAtOnceMoveEveryInstanceOnceAndBothFinish(CapturedOutput output) throws Exception {
        ProcessDefinition old = deploy("migration-test: summit as of 469654d",
                "migration/engagement-summit-469654d.bpmn");
        long summit = convene("Old, many");
        Map<String, Object> variables = runtime.getVariables(instance(summit).getId());
        int count = 3 * RunningInstanceMigration.CHUNK + 17;
        for (int i = 0; i < count; i++) {
            own.add(runtime.createProcessInstanceById(old.getId()).businessKey("migration-test-load-" + i)
                    .startBeforeActivity(SummitProcess.Elements.DRAFT_VISION).setVariables(variables)
                    .execute(true, true).getId());
        }
        List<String> tasksBefore = tasks.createTaskQuery().processDefinitionId(old.getId())
                .taskDefinitionKey(SummitProcess.Elements.DRAFT_VISION).list().stream().map(Task::getId).sorted()
                .toList();
        assertThat(tasksBefore).hasSize(count);
        ProcessDefinition current = deploy("migration-test: summit as now", "engagement-summit.bpmn");

        RunningInstanceMigration[] nodes = { new RunningInstanceMigration(repository, runtime),
                new RunningInstanceMigration(repository, runtime) };
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<RunningInstanceMigration.Outcome>>> results = new ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        long began = System.nanoTime();
        try {
            for (RunningInstanceMigration node : nodes) {
                results.add(threads.submit(() -> {
                    start.await();
                    return node.migrate(SummitProcess.KEY);
                }));
            }
            start.countDown();
            int migrated = 0;
            for (var result : results) {
                migrated += result.get(5, java.util.concurrent.TimeUnit.MINUTES).stream()
                        .filter(o -> o.sourceVersion() == old.getVersion()).mapToInt(RunningInstanceMigration.Outcome::migrated)
                        .sum();
            }
            long ms = (System.nanoTime() - began) / 1_000_000;
            System.out.println("MEASURED: two migrators moved " + count + " summit instances (Task_DraftVision) from "
                    + "version " + old.getVersion() + " to " + current.getVersion() + " in " + ms + " ms");
            assertThat(migrated).as("each instance counted once, by the node that moved it").isEqualTo(count);
        } finally {
            threads.shutdownNow();
        }

        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).list())
                .extracting(ProcessInstance::getBusinessKey).as("only the summit in its pre-work stays")
                .containsExactly(SummitProcess.businessKey(summit));
        assertThat(tasks.createTaskQuery().processDefinitionId(current.getId())
                .taskDefinitionKey(SummitProcess.Elements.DRAFT_VISION).list().stream().map(Task::getId).sorted()
                .toList()).isEqualTo(tasksBefore);
        assertThat(runtime.createEventSubscriptionQuery().eventName(SummitProcess.Messages.CANCELLED)
                .processInstanceId(own.get(own.size() - 1)).count()).isEqualTo(1);
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
    }
}
