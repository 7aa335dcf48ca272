package com.engagementboard.charter;

import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_ESCALATED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_OVERDUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPT_RIGHTS;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.AWAIT_REVIEW;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.CHASE_ACCEPTANCE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.MAKE_EFFECTIVE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.RESOLVE_DISPUTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_CHARTER;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.SUPERSEDED_END;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.TAKE_UP_AMENDMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/touchpoint-charter.bpmn, driven through the engine as the people would. */
@EngagementBoardTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class TouchpointCharterProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    CharterRepository charters;

    @Autowired
    AllocationRepository allocations;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    private static java.util.Date classStarted;

    @org.junit.jupiter.api.BeforeAll
    static void startCoverage() {
        classStarted = com.engagementboard.ProcessCoverage.start();
    }

    @org.junit.jupiter.api.AfterAll
    static void everyFlowNodeDriven() {
        com.engagementboard.ProcessCoverage.assertEveryFlowNodeDriven(TouchpointCharterProcess.KEY, classStarted);
    }

    @BeforeEach
    void engine() {
        init(engine);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    /** Two touchpoints, four functions: marketing designs and renews, sales and others build and operate. */
    private ProcessInstance submitCharter() {
        List<AllocationLine> lines = new ArrayList<>();
        lines.add(new AllocationLine("call-centre-script", "DESIGN", "marketing"));
        lines.add(new AllocationLine("call-centre-script", "BUILD", "sales"));
        lines.add(new AllocationLine("call-centre-script", "OPERATE", "sales"));
        lines.add(new AllocationLine("call-centre-script", "RENEW", "marketing"));
        lines.add(new AllocationLine("branch-greeting", "DESIGN", "marketing"));
        lines.add(new AllocationLine("branch-greeting", "BUILD", "operations"));
        lines.add(new AllocationLine("branch-greeting", "OPERATE", "service"));
        lines.add(new AllocationLine("branch-greeting", "RENEW", "marketing"));
        CharterVersion draft = drafts.create(new DraftRequest("Charter for the call centre and branches", null, lines),
                false, "cmo", i -> "allocations[" + i + "]");
        drafts.submit(draft.getId());
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(draft.getId())).singleResult();
    }

    private long charterId(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), Variables.CHARTER_ID)).longValue();
    }

    private Task acceptanceTask(ProcessInstance instance, String function) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS)
                .taskCandidateGroup("head-" + function).singleResult();
    }

    private void runJobs(ProcessInstance instance, String activityId) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list()) {
            execute(job);
        }
    }

    /** Acts as a person with their groups, as the login would set them up for the engine. */
    private void as(String userId, String... groups) {
        identity.setAuthentication(userId, List.of(groups));
    }

    private void accept(ProcessInstance instance, String function) {
        String task = acceptanceTask(instance, function).getId();
        as(function + ".head", "head-" + function);
        tasks.complete(task, Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
        identity.clearAuthentication();
        runJobs(instance, ACCEPT_RIGHTS);
    }

    private Allocation allocation(long charterId, String touchpoint, RightKind right) {
        return allocations.findByCharterIdAndRight(charterId, right).stream()
                .filter(a -> a.getTouchpoint().getCode().equals(touchpoint)).findFirst().orElseThrow();
    }

    private void decline(ProcessInstance instance, String function, Allocation right, String reason) {
        String task = acceptanceTask(instance, function).getId();
        as(function + ".head", "head-" + function);
        tasks.complete(task, Map.of(
                Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_RIGHTS, List.of(right.getId().toString()),
                Variables.DECLINE_REASON, reason));
        identity.clearAuthentication();
        runJobs(instance, ACCEPT_RIGHTS);
    }

    private void makeEffective(ProcessInstance instance) {
        List.of("marketing", "operations", "sales", "service").forEach(f -> accept(instance, f));
        runJobs(instance, MAKE_EFFECTIVE);
    }

    @Test
    void everyHeadAcceptsAndTheVersionBecomesEffective() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);

        Task marketing = acceptanceTask(instance, "marketing");
        assertThat(marketing.getName()).isEqualTo("Accept 4 rights for Marketing");
        assertThat(marketing.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(acceptanceTask(instance, "sales").getName()).isEqualTo("Accept 2 rights for Sales");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(4);

        makeEffective(instance);

        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        CharterVersion version = charters.findById(charterId).orElseThrow();
        assertThat(version.getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
        assertThat(version.getNumber()).isPositive();
        assertThat(version.getReviewDate()).isEqualTo(LocalDate.now(ZoneId.systemDefault()).plusMonths(12));
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getDecidedBy()).isEqualTo("sales.head");
        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED)).hasSize(8);
    }

    @Test
    void aDeclinedRightIsReallocatedAndOnlyItsNewOwnerIsAsked() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);

        accept(instance, "marketing");
        accept(instance, "operations");
        accept(instance, "service");
        decline(instance, "sales", build, "Operations builds every script, not sales.");

        assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
        Task resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .taskCandidateGroup("board-chair").singleResult();
        assertThat((String) runtime.getVariable(instance.getId(), Variables.DISPUTE_SUMMARY))
                .contains("call-centre-script").contains("declined by sales.head").contains("Operations builds");
        assertThat(runtime.getVariable(instance.getId(), Variables.REALLOCATIONS)).isEqualTo("call-centre-script,BUILD,");

        as("cmo", "board-chair");
        tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "call-centre-script,BUILD,operations",
                Variables.RESOLUTION_NOTE, "Operations builds all scripts."));
        identity.clearAuthentication();

        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS).list())
                .singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("Accept 1 right for Operations"));
        assertThat(allocation(charterId, "call-centre-script", RightKind.OPERATE).getStatus())
                .isEqualTo(AllocationStatus.ACCEPTED);
        accept(instance, "operations");
        runJobs(instance, MAKE_EFFECTIVE);

        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getFunction().getCode())
                .isEqualTo("operations");
        assertThat(charters.findById(charterId).orElseThrow().getNotes()).contains("from sales to operations by cmo");
    }

    @Test
    void theChairUpholdsADeclinedRightAndHerDecisionIsFinal() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        Allocation operate = allocation(charterId, "branch-greeting", RightKind.OPERATE);
        accept(instance, "marketing");
        accept(instance, "operations");
        accept(instance, "sales");
        decline(instance, "service", operate, "Branches greet, not the service centre.");

        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId();
        as("cmo", "board-chair");
        tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD,
                        Variables.RESOLUTION_NOTE, "Service owns the greeting script across branches."));
        identity.clearAuthentication();
        runJobs(instance, MAKE_EFFECTIVE);

        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        Allocation upheld = allocation(charterId, "branch-greeting", RightKind.OPERATE);
        assertThat(upheld.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
        assertThat(upheld.getFunction().getCode()).isEqualTo("service");
        assertThat(upheld.getDecidedBy()).isEqualTo("cmo");
        assertThat(upheld.getDecisionNote()).contains("Upheld by the chair").contains("Branches greet");
    }

    @Test
    void anOverdueAcceptanceIsMarkedAndSortsFirst() {
        ProcessInstance instance = submitCharter();
        Task sales = acceptanceTask(instance, "sales");
        assertThat(sales.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);

        runJobs(instance, ACCEPTANCE_OVERDUE);

        Task reminded = acceptanceTask(instance, "sales");
        assertThat(reminded.getPriority()).isEqualTo(CharterDelegates.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(reminded.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).startsWith("Reminder: this acceptance was due"));
        assertThat(acceptanceTask(instance, "marketing").getPriority()).isEqualTo(CharterDelegates.OVERDUE_PRIORITY);
        assertThat(instance).isWaitingAt(ACCEPT_RIGHTS);
    }

    @Test
    void anUnansweredAcceptanceGoesToTheChairWhoChasesIt() {
        ProcessInstance instance = submitCharter();
        runJobs(instance, ACCEPTANCE_ESCALATED);

        List<Task> chases = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CHASE_ACCEPTANCE)
                .taskCandidateGroup("board-chair").orderByTaskName().asc().list();
        assertThat(chases).extracting(Task::getName).containsExactly("Chase Customer Service: acceptance overdue",
                "Chase Marketing: acceptance overdue", "Chase Operations: acceptance overdue",
                "Chase Sales: acceptance overdue");
        assertThatThrownBy(() -> tasks.complete(chases.get(0).getId(), Map.of(Variables.CHASE_NOTE, " ")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("chaseNote");
        tasks.complete(chases.get(0).getId(), Map.of(Variables.CHASE_NOTE, "Called Sofia; she answers today."));

        // A head who answers while the chair still has the chase open ends that chase too.
        accept(instance, "marketing");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CHASE_ACCEPTANCE)
                .list()).extracting(Task::getName).containsExactly("Chase Operations: acceptance overdue",
                        "Chase Sales: acceptance overdue");
        List.of("operations", "sales", "service").forEach(f -> accept(instance, f));
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
    }

    @Test
    void atTheReviewDateTheRenewOwnersConfirmAndTheNextReviewIsScheduled() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        makeEffective(instance);
        ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.now().plusMonths(12).plusDays(1)
                .atStartOfDay(ZoneId.systemDefault()).toInstant()));

        runJobs(instance, REVIEW_DUE);

        Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CHARTER)
                .singleResult();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("head-marketing").count())
                .isOne();
        assertThat((String) tasks.getVariableLocal(review.getId(), Variables.RIGHTS_SUMMARY))
                .contains("Call-centre script").contains("Branch greeting");
        as("marketing.head", "head-marketing");
        tasks.complete(review.getId(), Map.of(Variables.REVIEW_DECISION, TouchpointCharterProcess.CONFIRM));
        identity.clearAuthentication();

        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        assertThat(charters.findById(charterId).orElseThrow().getReviewDate())
                .isEqualTo(LocalDate.now().plusMonths(24).plusDays(1));
        assertThat(runtime.getVariable(instance.getId(), Variables.CHANGES_PROPOSED)).isEqualTo(false);
    }

    @Test
    void aProposedChangeAtReviewOpensAnAmendmentDraftForTheChair() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        makeEffective(instance);
        runJobs(instance, REVIEW_DUE);

        String review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CHARTER)
                .singleResult().getId();
        as("marketing.head", "head-marketing");
        tasks.complete(review, Map.of(Variables.REVIEW_DECISION, TouchpointCharterProcess.PROPOSE_CHANGES,
                        Variables.PROPOSAL, "Digital should renew the call-centre script."));
        identity.clearAuthentication();

        assertThat(instance).isWaitingAt(TAKE_UP_AMENDMENT);
        long amendmentId = ((Number) runtime.getVariable(instance.getId(), Variables.AMENDMENT_ID)).longValue();
        CharterVersion amendment = drafts.get(amendmentId);
        assertThat(amendment.getStatus()).isEqualTo(CharterStatus.DRAFT);
        assertThat(amendment.getAmends().getId()).isEqualTo(charterId);
        assertThat(amendment.getAllocations()).hasSize(8);
        assertThat(amendment.getNotes()).contains("marketing proposes: Digital should renew the call-centre script.");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TAKE_UP_AMENDMENT)
                .singleResult().getId());
        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
    }

    @Test
    void aNewerEffectiveVersionSupersedesTheOldOneAndEndsItsProcess() {
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        makeEffective(first);
        ProcessInstance second = submitCharter();
        long secondId = charterId(second);
        makeEffective(second);

        assertThat(first).hasPassed(SUPERSEDED_END).isEnded();
        assertThat(charters.findById(secondId).orElseThrow().getNumber())
                .isEqualTo(charters.findById(firstId).orElseThrow().getNumber() + 1);
        assertThat(charters.findById(firstId).orElseThrow().getStatus()).isEqualTo(CharterStatus.SUPERSEDED);
        assertThat(charters.findById(firstId).orElseThrow().getSupersededAt()).isNotNull();
        assertThat(second).isWaitingAt(AWAIT_REVIEW);
    }

    @Test
    void theFormsAreCheckedOnTheServerAndABadAnswerCompletesNothing() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        String sales = acceptanceTask(instance, "sales").getId();
        Allocation marketingRight = allocation(charterId, "call-centre-script", RightKind.DESIGN);

        assertThatThrownBy(() -> tasks.complete(sales, Map.of(Variables.DECISION, "MAYBE")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("decision");
        assertThatThrownBy(() -> tasks.complete(sales, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_RIGHTS, List.of(allocation(charterId, "call-centre-script", RightKind.BUILD).getId()))))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("declineReason");
        assertThatThrownBy(() -> tasks.complete(sales, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_RIGHTS, List.of(marketingRight.getId()), Variables.DECLINE_REASON, "Not ours")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not among the rights");
        assertThat(acceptanceTask(instance, "sales")).isNotNull();

        decline(instance, "sales", allocation(charterId, "call-centre-script", RightKind.BUILD), "Not ours");
        List.of("marketing", "operations", "service").forEach(f -> accept(instance, f));
        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId();
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "call-centre-script,BUILD,sales", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("sales declined this right");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "call-centre-script,DESIGN,it", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not a disputed right");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("resolutionNote");
        assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
    }
}
