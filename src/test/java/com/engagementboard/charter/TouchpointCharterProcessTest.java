package com.engagementboard.charter;

import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_ESCALATED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_OVERDUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPT_RIGHTS;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.APPLY_BOARD_RULING;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.AWAIT_BOARD_RULING;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.BOARD_APPROVED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.BOARD_RULED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.CHASE_ACCEPTANCE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.DISPUTE_TO_BOARD;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.MAKE_EFFECTIVE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.READ_BOARD_RULING;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.RESOLVE_DISPUTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_CHARTER;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.START;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.SUPERSEDED_END;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.TAKE_UP_AMENDMENT;
import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.formText;
import static com.engagementboard.ProcessTestSupport.task;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.engagementboard.ProcessTestSupport.refusedFor;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.engagementboard.web.ConflictException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of processes/touchpoint-charter.bpmn, driven through the engine as the people would. */
@EngagementBoardTest
@ProcessCoverage(TouchpointCharterProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class TouchpointCharterProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Clock clock;

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

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CharterAcceptance acceptance;

    @Autowired
    CharterReading reading;

    @Autowired
    CharterProcessStarter processes;

    @Autowired
    TransactionTemplate transaction;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void engine() {
        init(engine);
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        CharterFixtures.noVersionInForce(charters, processes, transaction);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    /** Two touchpoints, four functions: marketing designs and renews, sales and others build and operate. */
    private ProcessInstance submitCharter() {
        CharterVersion draft = draftCharter("Charter for the call centre and branches");
        drafts.submit(draft.getId());
        ProcessInstance instance = instanceOf(draft.getId());
        runJobs(instance, START);
        return instance;
    }

    /** The draft {@link #submitCharter()} submits, not submitted yet. */
    private CharterVersion draftCharter(String title) {
        List<AllocationLine> lines = new ArrayList<>();
        lines.add(new AllocationLine("call-centre-script", "DESIGN", "marketing"));
        lines.add(new AllocationLine("call-centre-script", "BUILD", "sales"));
        lines.add(new AllocationLine("call-centre-script", "OPERATE", "sales"));
        lines.add(new AllocationLine("call-centre-script", "RENEW", "marketing"));
        lines.add(new AllocationLine("branch-greeting", "DESIGN", "marketing"));
        lines.add(new AllocationLine("branch-greeting", "BUILD", "operations"));
        lines.add(new AllocationLine("branch-greeting", "OPERATE", "service"));
        lines.add(new AllocationLine("branch-greeting", "RENEW", "marketing"));
        return drafts.create(new DraftRequest(title, null, lines), false, "cmo", i -> "allocations[" + i + "]");
    }

    private long charterId(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), Variables.CHARTER_ID)).longValue();
    }

    private Task acceptanceTask(ProcessInstance instance, String function) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS)
                .taskCandidateGroup("head-" + function).singleResult();
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

        assertThat(instance).isWaitingAt(REVIEW_DUE);
        CharterVersion version = charters.findById(charterId).orElseThrow();
        assertThat(version.getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
        assertThat(version.getNumber()).isPositive();
        assertThat(version.getReviewDate()).isEqualTo(LocalDate.now(clock).plusMonths(12));
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(build.getDecidedBy()).isEqualTo("sales.head");
        assertThat(build.getSettlement()).isEqualTo(Settlement.HEAD_ACCEPTED);
        assertThat(build.getSettledGroup()).isEqualTo("head-sales");
        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED)).hasSize(8)
                .allSatisfy(a -> assertThat(a.getSettledGroup()).isEqualTo(a.getFunction().getHeadGroup()));
        // What the summit's silos ask in one query: which touchpoints the version in force gives an owner.
        List<String> asked = new ArrayList<>(List.of("call-centre-script", "no-such-touchpoint"));
        java.util.stream.IntStream.range(0, 2500).forEach(i -> asked.add("not-a-touchpoint-" + i));
        asked.add("branch-greeting");
        assertThat(reading.covered(asked)).as("across chunks of a thousand codes")
                .containsExactlyInAnyOrder("call-centre-script", "branch-greeting");
    }

    @Test
    void aFailureAfterTheLastAcceptanceIsRetriedLaterAndTheHeadsAnswersStay() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        List.of("marketing", "operations", "sales", "service").forEach(f -> accept(instance, f));
        // The step after the save point fails: a right is found unsettled when the version should take force.
        Allocation greeting = allocation(charterId, "branch-greeting", RightKind.OPERATE);
        jdbc.update("update charter_allocation set status = 'PENDING', settlement = null, settled_group = null "
                + "where id = ?", greeting.getId());
        Job makeEffective = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(MAKE_EFFECTIVE).singleResult();

        assertThat(catchThrowable(() -> management.executeJob(makeEffective.getId()))).isNotNull();

        Job retried = management.createJobQuery().jobId(makeEffective.getId()).singleResult();
        assertThat(retried.getRetries()).as("R3/PT5M: two more tries").isEqualTo(2);
        assertThat(retried.getDuedate()).as("five minutes later")
                .isAfter(Date.from(Instant.now().plus(Duration.ofMinutes(4))));
        assertThat(retried.getExceptionMessage()).contains("cannot take force");
        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED))
                .as("the heads' acceptances were not rolled back").hasSize(7);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);

        // Put right, the retry makes the version effective.
        jdbc.update("update charter_allocation set status = 'ACCEPTED', settlement = 'HEAD_ACCEPTED', "
                + "settled_group = 'head-service' where id = ?", greeting.getId());
        management.executeJob(makeEffective.getId());
        assertThat(instance).isWaitingAt(REVIEW_DUE);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
    }

    @Test
    void theSubmissionEndsAtASavePointAndTheJobAfterItAsksEveryHead() {
        CharterVersion draft = drafts.create(new DraftRequest("Charter asked after the save point", null, List.of(
                new AllocationLine("call-centre-script", "DESIGN", "marketing"),
                new AllocationLine("call-centre-script", "BUILD", "sales"),
                new AllocationLine("call-centre-script", "OPERATE", "sales"),
                new AllocationLine("call-centre-script", "RENEW", "marketing"))), false, "cmo",
                i -> "allocations[" + i + "]");
        drafts.submit(draft.getId());

        ProcessInstance instance = instanceOf(draft.getId());
        assertThat(charters.findById(draft.getId()).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);
        assertThat(instance).isWaitingAt(START);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

        runJobs(instance, START);

        assertThat(instance).isWaitingAt(ACCEPT_RIGHTS);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS).list())
                .extracting(Task::getName)
                .containsExactlyInAnyOrder("Accept 2 rights for Marketing", "Accept 2 rights for Sales");
    }

    @Test
    void aHeadsReasonShowsAsTypedInTheChairsForm() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        accept(instance, "marketing");
        accept(instance, "operations");
        accept(instance, "service");
        decline(instance, "sales", build, "**Never** [click](http://x) ![p](http://y/p.gif)");

        // People's words never become emphasis, a link or an image the browser would load.
        assertThat(formText(task(instance, RESOLVE_DISPUTE), Variables.DISPUTE_SUMMARY))
                .contains("for Sales: \\*\\*Never\\*\\* \\[click\\]\\(http\\://x\\) \\!\\[p\\]\\(http\\://y/p.gif\\)")
                .doesNotContain("**Never**");
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
        // Texts for people are rendered from the register when the form is read, never stored in the engine.
        assertThat(runtime.getVariable(instance.getId(), Variables.DISPUTE_SUMMARY)).isNull();
        assertThat(formText(resolve, Variables.DISPUTE_SUMMARY))
                .contains("**Call-centre script: build**: declined by Sanjay Patel for Sales: Operations builds");
        // The chair's form: a row per disputed right, named in words, the new owner to pick among the functions.
        assertThat(runtime.getVariable(instance.getId(), Variables.REALLOCATIONS).toString())
                .isEqualTo("[{\"right\":\"" + build.getId() + "\",\"function\":null}]");
        assertThat(runtime.getVariable(instance.getId(), Variables.DISPUTED_OPTIONS).toString())
                .contains("Call-centre script: build (declined by Sales)");
        assertThat(runtime.getVariable(instance.getId(), Variables.FUNCTION_OPTIONS).toString())
                .contains("{\"value\":\"operations\",\"label\":\"Operations\"}");
        // Both option lists are typed Json values (stored as bytes, read by the form's pickers).
        assertThat(runtime.getVariableTyped(instance.getId(), Variables.DISPUTED_OPTIONS).getType().getName())
                .isEqualTo("json");
        assertThat(runtime.getVariableTyped(instance.getId(), Variables.FUNCTION_OPTIONS).getType().getName())
                .isEqualTo("json");

        as("cmo", "board-chair");
        Allocation accepted = allocation(charterId, "call-centre-script", RightKind.OPERATE);
        // A row about a right nobody disputed, or giving the right back to the function that declined it: refused.
        refusedFor(catchThrowable(() -> tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION,
                TouchpointCharterProcess.REALLOCATE, Variables.REALLOCATIONS, rows(accepted.getId(), "operations"),
                Variables.RESOLUTION_NOTE, "x"))), Variables.REALLOCATIONS);
        refusedFor(catchThrowable(() -> tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION,
                TouchpointCharterProcess.REALLOCATE, Variables.REALLOCATIONS, rows(build.getId(), null),
                Variables.EVERY_OTHER_TO, "sales", Variables.RESOLUTION_NOTE, "x"))), Variables.EVERY_OTHER_TO);
        refusedFor(catchThrowable(() -> tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION,
                TouchpointCharterProcess.REALLOCATE, Variables.REALLOCATIONS, rows(build.getId(), null),
                Variables.RESOLUTION_NOTE, "x"))), Variables.REALLOCATIONS);
        // As the Tasklist submits the form: the rows as a Json variable.
        tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, rows(build.getId(), "operations"),
                Variables.RESOLUTION_NOTE, "Operations builds all scripts."));
        identity.clearAuthentication();

        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS).list())
                .singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("Accept 1 right for Operations"));
        assertThat(allocation(charterId, "call-centre-script", RightKind.OPERATE).getStatus())
                .isEqualTo(AllocationStatus.ACCEPTED);
        accept(instance, "operations");
        runJobs(instance, MAKE_EFFECTIVE);

        assertThat(instance).isWaitingAt(REVIEW_DUE);
        Allocation moved = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(moved.getFunction().getCode()).isEqualTo("operations");
        assertThat(moved.getSettlement()).isEqualTo(Settlement.HEAD_ACCEPTED);
        assertThat(moved.getDecidedBy()).isEqualTo("operations.head");
        assertThat(moved.getReallocatedFrom()).isEqualTo("sales");
        assertThat(moved.getReallocatedBy()).isEqualTo("cmo");
        assertThat(charters.findById(charterId).orElseThrow().getNotes()).contains("from sales to operations by cmo");
        // Sales is told how the right it declined was settled; the notice held nothing back.
        readSettlement(instance, "sales", "Sales", "Call-centre script: build**: now goes to Operations",
                "Operations builds all scripts.");
    }

    /** The head of the function reads how its declined rights were settled, by name and in words, and closes it. */
    private void readSettlement(ProcessInstance instance, String function, String name, String how, String why) {
        Task notice = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_SETTLEMENT).taskCandidateGroup("head-" + function)
                .singleResult();
        assertThat(notice.getName()).isEqualTo("How your declined rights were settled");
        assertThat(tasks.getVariable(notice.getId(), Variables.SETTLEMENT_SUMMARY)).isNull();
        assertThat(formText(notice, Variables.FUNCTION_NAME)).isEqualTo(name);
        assertThat(formText(notice, Variables.SETTLEMENT_SUMMARY))
                .startsWith("The chair, Clara Martens, settled the rights " + name + " declined in charter version")
                .contains(how).contains("Clara Martens's reasoning:** " + why).doesNotContain("cmo");
        as(function + ".head", "head-" + function);
        tasks.complete(notice.getId());
        identity.clearAuthentication();
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.SETTLEMENT_READ);
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

        assertThat(instance).isWaitingAt(REVIEW_DUE);
        Allocation upheld = allocation(charterId, "branch-greeting", RightKind.OPERATE);
        assertThat(upheld.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
        assertThat(upheld.getFunction().getCode()).isEqualTo("service");
        assertThat(upheld.getDecidedBy()).isEqualTo("cmo");
        assertThat(upheld.getDecisionNote()).contains("Upheld by the chair").contains("Branches greet");
        assertThat(upheld.getSettlement()).isEqualTo(Settlement.CHAIR_UPHELD);
        assertThat(upheld.getSettledGroup()).isEqualTo("board-chair");
        readSettlement(instance, "service", "Customer Service", "Branch greeting: operate**: stays with your function",
                "Service owns the greeting script across branches.");
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
        // Whom to chase by name, for which version, with a due date of its own.
        assertThat(tasks.getVariable(chases.get(1).getId(), Variables.CHASE_CONTEXT)).isNull();
        assertThat(formText(chases.get(1), Variables.CHASE_CONTEXT))
                .contains("**Mira Hoffmann**, head of Marketing").contains("rights of charter version")
                .doesNotContain("marketing.head");
        assertThat(chases).allSatisfy(chase -> assertThat(chase.getDueDate()).isNotNull());
        assertThatThrownBy(() -> tasks.complete(chases.get(0).getId(), Map.of(Variables.CHASE_NOTE, " ")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "chaseNote");
        tasks.complete(chases.get(0).getId(), Map.of(Variables.CHASE_NOTE, "Called Sofia; she answers today."));

        // A head who answers while the chair still has the chase open ends that chase too.
        accept(instance, "marketing");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CHASE_ACCEPTANCE)
                .list()).extracting(Task::getName).containsExactly("Chase Operations: acceptance overdue",
                        "Chase Sales: acceptance overdue");
        List.of("operations", "sales", "service").forEach(f -> accept(instance, f));
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(REVIEW_DUE);
    }

    @Test
    void atTheReviewDateTheRenewOwnersConfirmAndTheNextReviewIsScheduled() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        makeEffective(instance);
        LocalDate today = LocalDate.now(clock);
        ClockUtil.setCurrentTime(java.util.Date.from(today.plusMonths(12).plusDays(1)
                .atStartOfDay(clock.getZone()).toInstant()));

        runJobs(instance, REVIEW_DUE);

        Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CHARTER)
                .singleResult();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("head-marketing").count())
                .isOne();
        assertThat(tasks.getVariable(review.getId(), Variables.RIGHTS_SUMMARY)).isNull();
        assertThat(formText(review, Variables.RIGHTS_SUMMARY))
                .contains("Call-centre script").contains("Branch greeting");
        as("marketing.head", "head-marketing");
        tasks.complete(review.getId(), Map.of(Variables.REVIEW_DECISION, TouchpointCharterProcess.CONFIRM));
        identity.clearAuthentication();

        assertThat(instance).isWaitingAt(REVIEW_DUE);
        assertThat(charters.findById(charterId).orElseThrow().getReviewDate())
                .isEqualTo(today.plusMonths(24).plusDays(1));
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
        Task takeUp = task(instance, TAKE_UP_AMENDMENT);
        assertThat(runtime.getVariable(instance.getId(), Variables.PROPOSALS_SUMMARY)).isNull();
        assertThat(formText(takeUp, Variables.PROPOSALS_SUMMARY))
                .startsWith("- **Marketing**: Digital should renew the call-centre script. (").doesNotContain("marketing.head");
        long amendmentId = ((Number) runtime.getVariable(instance.getId(), Variables.AMENDMENT_ID)).longValue();
        CharterVersion amendment = drafts.get(amendmentId);
        assertThat(amendment.getStatus()).isEqualTo(CharterStatus.DRAFT);
        assertThat(amendment.getAmends().getId()).isEqualTo(charterId);
        assertThat(amendment.getAllocations()).hasSize(8);
        assertThat(amendment.getNotes()).contains("Marketing proposes: Digital should renew the call-centre script. (")
                .doesNotContain("marketing.head");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TAKE_UP_AMENDMENT)
                .singleResult().getId());
        assertThat(instance).isWaitingAt(REVIEW_DUE);
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
        assertThat(second).isWaitingAt(REVIEW_DUE);
    }

    @Test
    void aHeadDeclinesRightsByTouchpointAndRightAndTheChairReallocatesThemWithOneStarLine() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        String marketing = acceptanceTask(instance, "marketing").getId();
        // Four rights fit the picker: its options are there, and the form does not ask for lines.
        assertThat(tasks.getVariable(marketing, Variables.DECLINE_BY_LINES)).isEqualTo(false);
        assertThat(tasks.getVariable(marketing, Variables.RIGHT_OPTIONS).toString())
                .contains("\"Call-centre script: design\"");
        // The version asked about, the rights in words, and who holds the other rights of each touchpoint.
        assertThat(tasks.getVariable(marketing, Variables.RIGHTS_SUMMARY)).isNull();
        assertThat(formText(acceptanceTask(instance, "marketing"), Variables.RIGHTS_SUMMARY))
                // In acceptance the version has no number yet: it is named by its title, never "version null".
                .startsWith("The charter *").contains("*, out for acceptance, gives your function these rights")
                .doesNotContain("null").contains("**4 rights**: design 2, renew 2")
                .contains("- **Call-centre script**: design, renew (").doesNotContain("call-centre-script");

        as("marketing.head", "head-marketing");
        assertThatThrownBy(() -> tasks.complete(marketing, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_LINES, "call-centre-script,BUILD", Variables.DECLINE_REASON, "Not ours")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("line 1: call-centre-script BUILD is not among the rights asked of marketing");
        assertThatThrownBy(() -> tasks.complete(marketing, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_LINES, "call-centre-script", Variables.DECLINE_REASON, "Not ours")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("must read touchpoint: right");
        assertThatThrownBy(() -> tasks.complete(marketing, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_LINES, "x".repeat(4_001), Variables.DECLINE_REASON, "Not ours")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at most 4000");
        tasks.complete(marketing, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_LINES, "call-centre-script,renew\n  Branch greeting: Renew  \n",
                Variables.DECLINE_REASON, "Renewal is the product team's"));
        identity.clearAuthentication();
        runJobs(instance, ACCEPT_RIGHTS);
        List.of("operations", "sales", "service").forEach(f -> accept(instance, f));

        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.DECLINED))
                .extracting(a -> a.getTouchpoint().getCode() + " " + a.getRight())
                .containsExactlyInAnyOrder("call-centre-script RENEW", "branch-greeting RENEW");
        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId();
        as("cmo", "board-chair");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "*,DESIGN,product", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("matches no disputed right");
        tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "*,*,product", Variables.RESOLUTION_NOTE, "Product renews"));
        identity.clearAuthentication();

        assertThat(allocation(charterId, "call-centre-script", RightKind.RENEW).getFunction().getCode()).isEqualTo("product");
        assertThat(allocation(charterId, "branch-greeting", RightKind.RENEW).getFunction().getCode()).isEqualTo("product");
        accept(instance, "product");
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(REVIEW_DUE);
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
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "declineReason");
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
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("Sales declined Call-centre script: build");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "call-centre-script,DESIGN,it", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("not a disputed right");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "\n\"call-centre-script,BUILD,operations", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("line 2 is not valid CSV");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasFieldOrPropertyWithValue("detail", "resolutionNote");
        assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
    }

    // --- the board mediates: the chair sends a dispute to the board, whose ruling resumes the charter ----

    private static final String DEMO_BOARD = """
            {"chair": "cmo",
             "members": ["cmo", "retail.head", "business.head", "wealth.head", "marketing.head",
               "communications.head", "sales.head", "service.head", "operations.head", "product.head", "it.head",
               "brand.head", "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead"],
             "core": ["cmo", "retail.head", "business.head", "wealth.head"],
             "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"},
             "quorum": 3, "agendaCutoffHours": 24, "meetingMinutes": 120}
            """;

    /** Sales declines BUILD of the call-centre script; the chair sends her proposal (operations) to the board. */
    @Test
    void aDisputeWhoseReasonsOutgrowTheBoardsFactColumnStillReachesTheBoardWithItsFactsBounded() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        List.of("marketing", "operations", "service").forEach(f -> accept(instance, f));
        // Two rights, each with a reason of nearly 2,000 characters: more than the item's 4,000-character facts.
        String reason = "Operations builds and runs every script, not sales. ".repeat(36);
        String task = acceptanceTask(instance, "sales").getId();
        as("sales.head", "head-sales");
        tasks.complete(task, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_LINES, "call-centre-script,BUILD\ncall-centre-script,OPERATE",
                Variables.DECLINE_REASON, reason));
        identity.clearAuthentication();
        runJobs(instance, ACCEPT_RIGHTS);
        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId();

        as("cmo", "board-chair");
        tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.SEND_TO_BOARD,
                Variables.REALLOCATIONS, "*,*,operations", Variables.RESOLUTION_NOTE, "The board should settle it."));
        identity.clearAuthentication();

        assertThat(instance).isWaitingAt(AWAIT_BOARD_RULING);
        String facts = jdbc.queryForObject("select fact_priority from agenda_item where id = ?", String.class,
                boardItem(charterId));
        assertThat(facts.length()).isLessThanOrEqualTo(4_000);
        assertThat(facts).contains("declined by sales.head")
                .endsWith("and 1 more disputed rights: see the draft, /api/charter/drafts/" + charterId);
    }

    private ProcessInstance disputeSentToBoard() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        accept(instance, "marketing");
        accept(instance, "operations");
        accept(instance, "service");
        decline(instance, "sales", allocation(charterId, "call-centre-script", RightKind.BUILD),
                "Operations builds every script, not sales.");
        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId();
        as("cmo", "board-chair");
        tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.SEND_TO_BOARD,
                Variables.REALLOCATIONS, "call-centre-script,BUILD,operations",
                Variables.RESOLUTION_NOTE, "Operations builds the other scripts; the board should settle it."));
        identity.clearAuthentication();
        return instance;
    }

    /** The board's agenda item that carries the dispute of the charter version. */
    private long boardItem(long charterId) {
        List<Long> ids = jdbc.queryForList("select id from agenda_item where charter_version_id = ? order by id desc",
                Long.class, charterId);
        assertThat(ids).as("agenda items of charter %s", charterId).isNotEmpty();
        return ids.get(0);
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Task meetingTask(ProcessInstance meeting, String activityId) {
        return tasks.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey(activityId).singleResult();
    }

    /**
     * An extraordinary meeting with the item alone on its agenda (whatever else waits is deferred): the
     * chair puts it to the vote and the core group votes; the decision is recorded.
     */
    private void boardDecides(long itemId, String choice) throws Exception {
        boardVotes(agendaPublishedWith(itemId), choice);
    }

    /** An extraordinary meeting whose chair publishes its agenda with the item alone on it (the rest deferred). */
    private ProcessInstance agendaPublishedWith(long itemId) throws Exception {
        mvc.perform(put("/api/board").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(DEMO_BOARD)).andExpect(status().isOk());
        String created = mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"at\": \"" + Instant.now().plus(Duration.ofDays(2))
                        + "\", \"reason\": \"Charter dispute\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long meetingId = json.readTree(created).get("id").asLong();
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).singleResult();

        runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        // The chair's form: a row per item on the agenda, with its place.
        List<String> onAgenda = com.engagementboard.web.FormValues.rows(runtime.getVariable(meeting.getId(),
                BoardMeetingProcess.Variables.AGENDA_ORDER)).stream().map(r -> String.valueOf(r.get("item"))).toList();
        List<String> others = onAgenda.stream().filter(id -> !id.equals(String.valueOf(itemId))).toList();
        assertThat(onAgenda).contains(String.valueOf(itemId));
        List<String> chair = List.of("board-chair", "board-core", "board-member");
        completeAs("cmo", chair, meetingTask(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId),
                        BoardMeetingProcess.Variables.DEFERRED_ITEMS, others));
        return meeting;
    }

    /** The meeting starts; the chair puts its one item to the vote and the core group votes; it is recorded. */
    private void boardVotes(ProcessInstance meeting, String choice) {
        List<String> chair = List.of("board-chair", "board-core", "board-member");
        runJobs(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);

        Task present = meetingTask(meeting, BoardMeetingProcess.Elements.PRESENT_ITEM);
        assertThat(present.getName()).isEqualTo("Item 1: Charter dispute: call-centre-script BUILD");
        completeAs("cmo", chair, present, Map.of(BoardMeetingProcess.Variables.ITEM_ACTION,
                BoardMeetingProcess.VOTE_ACTION));
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            Task vote = tasks.createTaskQuery().processInstanceId(meeting.getId())
                    .taskDefinitionKey(BoardMeetingProcess.Elements.VOTE).taskAssignee(voter).singleResult();
            completeAs(voter, List.of("board-core"), vote, Map.of(BoardMeetingProcess.Variables.VOTE, choice,
                    BoardMeetingProcess.Variables.VOTE_COMMENT, voter + " votes " + choice));
            runJobs(meeting, BoardMeetingProcess.Elements.VOTE);
        }
        runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void theChairSendsADisputeToTheBoardWhoseApprovalSettlesItAndTheVersionBecomesEffective() throws Exception {
        ProcessInstance first = submitCharter();
        makeEffective(first);
        long inForce = charterId(first);
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);

        assertThat(instance).hasPassed(DISPUTE_TO_BOARD).isWaitingAt(AWAIT_BOARD_RULING);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        long itemId = boardItem(charterId);
        JsonNode item = read("/api/board/agenda-items/" + itemId);
        assertThat(item.get("kind").asText()).isEqualTo("CHARTER_DISPUTE");
        assertThat(item.get("status").asText()).isEqualTo("QUEUED");
        assertThat(item.get("charterVersionId").asLong()).isEqualTo(charterId);
        assertThat(item.get("author").asText()).isEqualTo("cmo");
        assertThat(item.get("title").asText()).isEqualTo("Charter dispute: call-centre-script BUILD");
        assertThat(item.get("decisionAsked").asText()).contains("BUILD of call-centre-script to operations")
                .contains("Operations builds the other scripts");
        assertThat(item.get("touchpoints")).extracting(JsonNode::asText).containsExactly("call-centre-script");
        assertThat(item.get("factBase").asText()).contains("declined by sales.head")
                .contains("Operations builds every script, not sales.");
        // While the board deliberates, the disputed right stays declined.
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getStatus())
                .isEqualTo(AllocationStatus.DECLINED);

        boardDecides(itemId, BoardMeetingProcess.APPROVE);

        assertThat(instance).hasPassed(BOARD_RULED, APPLY_BOARD_RULING, BOARD_APPROVED).isWaitingAt(READ_BOARD_RULING);
        assertThat(runtime.getVariable(instance.getId(), Variables.BOARD_APPROVED)).isEqualTo(true);
        // The ruling's words came with the board's message as a transient variable: recorded on the rights,
        // never stored in the engine.
        assertThat(runtime.getVariable(instance.getId(), Variables.RULING_SUMMARY)).isNull();
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(build.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
        assertThat(build.getFunction().getCode()).isEqualTo("operations");
        assertThat(build.getDecidedBy()).isEqualTo("board");
        assertThat(build.getDecisionNote()).contains("Ruled by the board");
        assertThat(build.getSettlement()).isEqualTo(Settlement.BOARD_RULED);
        assertThat(build.getReallocatedFrom()).isEqualTo("sales");
        assertThat(build.getReallocatedBy()).isEqualTo("board");
        // The register records the version in force when the board decided, not the draft in dispute.
        assertThat(jdbc.queryForObject("select charter_version_id from board_decision where item_id = ?", Long.class,
                itemId)).isEqualTo(inForce);
        assertThat(read("/api/board/agenda-items/" + itemId).get("status").asText()).isEqualTo("DECIDED");

        // The notice holds nothing back: the version takes force while the heads have not read the ruling yet.
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(REVIEW_DUE);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);

        // The functions concerned, the one that declined and the one that gets the right, read the ruling.
        List<Task> rulings = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(READ_BOARD_RULING).list();
        assertThat(rulings).hasSize(2);
        for (String function : List.of("operations", "sales")) {
            Task ruling = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(READ_BOARD_RULING).taskCandidateGroup("head-" + function).singleResult();
            assertThat(ruling).as("the ruling for %s", function).isNotNull();
            // Each reads the ruling as the charter applied it, from the rights it settled.
            assertThat(formText(ruling, Variables.RULING_SUMMARY)).startsWith("The board approved the proposal")
                    .contains("Clara Martens: approve").doesNotContain("cmo: APPROVE")
                    .contains("**The rights it settled:**")
                    .contains("- **Call-centre script: build**: now with Operations");
            as(function + ".head", "head-" + function);
            tasks.complete(ruling.getId());
            identity.clearAuthentication();
        }
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.RULING_READ).isWaitingAt(REVIEW_DUE);
        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED)).hasSize(8);
        assertThat(reading.effectiveVersionId()).contains(charterId);
    }

    @Test
    void anUnreadRulingLeavesTheHeadsTaskListsByItself() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);
        boardDecides(boardItem(charterId), BoardMeetingProcess.APPROVE);
        runJobs(instance, MAKE_EFFECTIVE);

        Job expiry = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(TouchpointCharterProcess.Elements.RULING_NOTICE_EXPIRES).singleResult();
        assertThat(expiry.getDuedate()).as("ten working days: at least 12 calendar days").isAfter(Date.from(Instant.now().plus(Duration.ofDays(11))));
        runJobs(instance, TouchpointCharterProcess.Elements.RULING_NOTICE_EXPIRES);

        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.RULING_NOTICE_EXPIRED)
                .hasNotPassed(TouchpointCharterProcess.Elements.RULING_READ).isWaitingAt(REVIEW_DUE);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(READ_BOARD_RULING)
                .count()).isZero();
    }

    @Test
    void anUnreadSettlementLeavesTheHeadsTaskListByItself() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        serviceDeclinesAndTheChairUpholds(instance);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);

        runJobs(instance, TouchpointCharterProcess.Elements.SETTLEMENT_NOTICE_EXPIRES);

        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.SETTLEMENT_NOTICE_EXPIRED)
                .isWaitingAt(REVIEW_DUE);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_SETTLEMENT).count()).isZero();
    }

    // --- one version in acceptance at a time ------------------------------------------------------------

    @Test
    void aSecondVersionIsRefusedWhileOneIsInAcceptanceThroughEveryDoorAndNothingIsWritten() throws Exception {
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        CharterVersion second = draftCharter("A second charter while the first is in acceptance");

        // Through /api: 409 as problem details, naming the version in acceptance and what the chair can do.
        mvc.perform(post("/api/charter/drafts/" + second.getId() + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Another version is in acceptance"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Charter version " + firstId
                                + ", \"Charter for the call centre and branches\", is in acceptance since"),
                        org.hamcrest.Matchers.containsString("Wait until it takes force, or withdraw it"),
                        org.hamcrest.Matchers.containsString("/charter/" + firstId + "/withdraw"))))
                .andExpect(jsonPath("$.inAcceptance").value(firstId));
        // Through the service (what a page or the summit would call) ...
        assertThat(catchThrowable(() -> drafts.submit(second.getId()))).satisfies(thrown ->
                assertThat(conflict(thrown).getBody().getTitle()).isEqualTo("Another version is in acceptance"));
        // ... and through whatever starts the charter process.
        conflict(catchThrowable(() -> processes.start(second.getId())));

        CharterVersion unchanged = charters.findById(second.getId()).orElseThrow();
        assertThat(unchanged.getStatus()).isEqualTo(CharterStatus.DRAFT);
        assertThat(unchanged.getSubmittedAt()).isNull();
        assertThat(instanceOf(second.getId())).as("no process for the refused draft").isNull();
        assertThat(charters.findById(firstId).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);
        assertThat(first).isWaitingAt(ACCEPT_RIGHTS);

        // Not even a write that passes by the service: the database keeps the one slot.
        Throwable bypass = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            CharterVersion draft = charters.findById(second.getId()).orElseThrow();
            draft.submit(Instant.now());
            charters.saveAndFlush(draft);
        }));
        assertThat(bypass).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(CharterVersion.holdsAcceptanceSlot(bypass)).isTrue();
        assertThat(charters.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(CharterStatus.DRAFT);

        // The chair withdraws the first: now the second goes out.
        drafts.withdraw(firstId, "The second draft replaces it.", "cmo");
        drafts.submit(second.getId());
        assertThat(charters.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);
        assertThat(instanceOf(second.getId())).isNotNull();
    }

    @Test
    void onceTheVersionInAcceptanceTakesForceTheNextIsSubmittedAndSupersedesIt() {
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        CharterVersion next = draftCharter("The next charter");
        conflict(catchThrowable(() -> drafts.submit(next.getId())));

        makeEffective(first);
        drafts.submit(next.getId());
        ProcessInstance second = instanceOf(next.getId());
        runJobs(second, START);
        makeEffective(second);

        assertThat(charters.findById(firstId).orElseThrow().getStatus()).isEqualTo(CharterStatus.SUPERSEDED);
        assertThat(first).hasPassed(SUPERSEDED_END).isEnded();
        assertThat(charters.findById(next.getId()).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
        assertThat(second).isWaitingAt(REVIEW_DUE);
    }

    @Test
    void twoSubmissionsAtTheSameMomentLeaveExactlyOneVersionInAcceptance() throws Exception {
        for (int round = 0; round < 3; round++) {
            CharterFixtures.noVersionInAcceptance(drafts, jdbc);
            List<Long> ids = List.of(draftCharter("Race " + round + " a").getId(),
                    draftCharter("Race " + round + " b").getId());
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Throwable>> outcomes = new ArrayList<>();
                for (long id : ids) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return catchThrowable(() -> drafts.submit(id));
                    }));
                }
                List<Throwable> refusals = new ArrayList<>();
                for (java.util.concurrent.Future<Throwable> outcome : outcomes) {
                    Throwable thrown = outcome.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (thrown != null) {
                        refusals.add(thrown);
                    }
                }
                assertThat(refusals).as("round %d", round).singleElement()
                        .satisfies(thrown -> assertThat(conflict(thrown).getBody().getTitle())
                                .isEqualTo("Another version is in acceptance"));
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.queryForList("select id from charter_version where status = 'IN_ACCEPTANCE'", Long.class))
                    .as("round %d", round).singleElement().isIn(ids);
            assertThat(ids.stream().filter(id -> instanceOf(id) != null).count()).as("round %d", round).isOne();
            assertThat(ids.stream().map(id -> charters.findById(id).orElseThrow().getStatus()))
                    .containsExactlyInAnyOrder(CharterStatus.IN_ACCEPTANCE, CharterStatus.DRAFT);
        }
    }

    // --- every wait ends: the review closes, a ruling that does not come -------------------------------

    @Test
    void anUnansweredReviewIsRemindedThenClosesWithTheSilenceRecordedAndTheNextReviewScheduled() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        makeEffective(instance);
        runJobs(instance, REVIEW_DUE);
        Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REVIEW_CHARTER)
                .singleResult();
        assertThat(review.getDueDate()).as("the review's due date").isNotNull();
        Job closes = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(TouchpointCharterProcess.Elements.REVIEW_CLOSES).singleResult();
        assertThat(closes.getDuedate()).as("five working days after the review was due: a week later at least")
                .isAfter(Date.from(review.getDueDate().toInstant().plus(Duration.ofDays(6))));

        // Due: the owner's task rises to the top with a reminder; the review still waits for them.
        runJobs(instance, TouchpointCharterProcess.Elements.REVIEW_OVERDUE);
        Task reminded = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(reminded.getPriority()).isEqualTo(CharterDelegates.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(review.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).startsWith("Reminder: this review was due"));
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.REVIEW_REMINDED).isWaitingAt(REVIEW_CHARTER);

        // Closed: the silence is recorded, proposes no change, and the next review is scheduled.
        runJobs(instance, TouchpointCharterProcess.Elements.REVIEW_CLOSES);

        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.RECORD_UNANSWERED_REVIEW,
                TouchpointCharterProcess.Elements.TALLY_REVIEW, TouchpointCharterProcess.Elements.SCHEDULE_NEXT_REVIEW)
                .isWaitingAt(REVIEW_DUE);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(jdbc.queryForList("select r.decision || ' ' || r.decided_by || ' ' || f.code from charter_review r "
                + "join business_function f on f.id = r.function_id where r.charter_version_id = ?", String.class,
                charterId)).containsExactly("NO_ANSWER nobody marketing");
        assertThat(runtime.getVariable(instance.getId(), Variables.CHANGES_PROPOSED)).isEqualTo(false);
        assertThat(charters.findById(charterId).orElseThrow().getReviewDate())
                .isEqualTo(LocalDate.now(clock).plusMonths(12));
    }

    @Test
    void aLateRulingOnADisputeTheChairSentAgainNeverSettlesTheNewerProposal() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);
        long firstItem = boardItem(charterId);
        // Its agenda is published before the deadline: past the point of no return, the item stays.
        ProcessInstance meeting = agendaPublishedWith(firstItem);
        runJobs(instance, TouchpointCharterProcess.Elements.NO_BOARD_RULING);
        runJobs(instance, TouchpointCharterProcess.Elements.DISPUTE_TAKEN_BACK);
        assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
        assertThat(read("/api/board/agenda-items/" + firstItem).get("status").asText()).isEqualTo("ON_AGENDA");

        // The chair sends it to the board again, now proposing marketing.
        as("cmo", "board-chair");
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.SEND_TO_BOARD,
                        Variables.REALLOCATIONS, "call-centre-script,BUILD,marketing",
                        Variables.RESOLUTION_NOTE, "Marketing writes the scripts now."));
        identity.clearAuthentication();
        long secondItem = boardItem(charterId);
        assertThat(secondItem).isNotEqualTo(firstItem);
        assertThat(instance).isWaitingAt(AWAIT_BOARD_RULING);

        // The board decides the older item late: recorded in its register and told to the chair, but the charter
        // waits on.
        boardVotes(meeting, BoardMeetingProcess.APPROVE);
        assertThat(jdbc.queryForObject("select count(*) from board_decision where item_id = ?", Integer.class,
                firstItem)).isOne();
        assertThat(instance).isWaitingAt(AWAIT_BOARD_RULING);
        assertThat(charters.findById(charterId).orElseThrow().getNotes())
                .contains("The board approved the proposal of dispute item " + firstItem);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("item-" + firstItem)
                .taskCandidateGroup("board-chair").singleResult().getName())
                .isEqualTo("The board's late ruling: Charter dispute: call-centre-script BUILD");
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getStatus())
                .isEqualTo(AllocationStatus.DECLINED);

        // Its ruling on the newer item settles it.
        boardDecides(secondItem, BoardMeetingProcess.APPROVE);
        assertThat(instance).hasPassed(BOARD_RULED, APPLY_BOARD_RULING);
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(build.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
        assertThat(build.getFunction().getCode()).isEqualTo("marketing");
    }

    @Test
    void aDisputeTheBoardDoesNotRuleOnInTimeGoesBackToTheChairRecordedAsNotRuled() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);
        long itemId = boardItem(charterId);
        assertThat(instance).isWaitingAt(AWAIT_BOARD_RULING);
        Job deadline = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(TouchpointCharterProcess.Elements.NO_BOARD_RULING).singleResult();
        assertThat(deadline.getDuedate()).as("twenty working days: 26 calendar days at least")
                .isAfter(Date.from(Instant.now().plus(Duration.ofDays(25))));

        runJobs(instance, TouchpointCharterProcess.Elements.NO_BOARD_RULING);
        runJobs(instance, TouchpointCharterProcess.Elements.DISPUTE_TAKEN_BACK);

        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.RECORD_NO_BOARD_RULING,
                TouchpointCharterProcess.Elements.DISPUTE_TAKEN_BACK)
                .hasNotPassed(BOARD_RULED, APPLY_BOARD_RULING).isWaitingAt(RESOLVE_DISPUTE);
        assertThat(charters.findById(charterId).orElseThrow().getNotes())
                .contains("The board did not rule on the dispute within 20 working days")
                .contains("it went back to the chair, unresolved.");
        assertThat(runtime.getVariable(instance.getId(), Variables.DISPUTE_SUMMARY)).isNull();
        assertThat(formText(task(instance, RESOLVE_DISPUTE), Variables.DISPUTE_SUMMARY))
                .startsWith("**The board did not rule on the dispute within 20 working days")
                .contains("/charter/" + charterId + "/withdraw")
                .contains("**Call-centre script: build**: declined by Sanjay Patel for Sales");
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getStatus())
                .isEqualTo(AllocationStatus.DECLINED);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);

        // The board is told: its item, not yet on a published agenda, is withdrawn, saying why.
        JsonNode item = read("/api/board/agenda-items/" + itemId);
        assertThat(item.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select withdrawal_reason from agenda_item where id = ?", String.class, itemId))
                .isEqualTo("The board did not rule within 20 working days; the chair took the dispute back.");
        assertThat(jdbc.queryForObject("select withdrawn_at from agenda_item where id = ?", java.sql.Timestamp.class,
                itemId)).isNotNull();

        // The chair decides it herself; the version takes force.
        as("cmo", "board-chair");
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD,
                        Variables.RESOLUTION_NOTE, "The board did not rule in time: sales keeps it."));
        identity.clearAuthentication();
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(REVIEW_DUE);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
    }

    // --- withdrawal and supersession: every case can end ----------------------------------------------

    @Test
    void theChairWithdrawsAVersionInAcceptanceItsTasksEndAndEveryHeadAskedIsTold() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        accept(instance, "marketing");
        runJobs(instance, ACCEPTANCE_ESCALATED);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CHASE_ACCEPTANCE)
                .count()).isPositive();

        drafts.withdraw(charterId, "The branch network is being reorganised; a new draft follows in spring.", "cmo");

        CharterVersion withdrawn = charters.findById(charterId).orElseThrow();
        assertThat(withdrawn.getStatus()).isEqualTo(CharterStatus.WITHDRAWN);
        assertThat(withdrawn.getWithdrawnBy()).isEqualTo("cmo");
        assertThat(withdrawn.getWithdrawnAt()).isNotNull();
        assertThat(withdrawn.getNumber()).isNull();
        assertThat(reading.effectiveVersionId()).isEmpty();
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.CHARTER_WITHDRAWN,
                TouchpointCharterProcess.Elements.FIND_WITHDRAWN_HEADS)
                .isWaitingAt(TouchpointCharterProcess.Elements.READ_WITHDRAWAL);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS).count())
                .as("the acceptances ended").isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CHASE_ACCEPTANCE)
                .count()).as("the chair's chases ended").isZero();
        List<Task> notices = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_WITHDRAWAL).list();
        assertThat(notices).hasSize(4).allSatisfy(n -> assertThat(n.getName()).isEqualTo("Charter version withdrawn"));
        Task sales = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_WITHDRAWAL).taskCandidateGroup("head-sales")
                .singleResult();
        assertThat(tasks.getVariable(sales.getId(), Variables.WITHDRAWAL_NOTICE)).isNull();
        assertThat(formText(sales, Variables.FUNCTION_NAME)).isEqualTo("Sales");
        assertThat(formText(sales, Variables.WITHDRAWAL_NOTICE))
                .startsWith("The chair, **Clara Martens**, withdrew the charter draft *Charter for the call centre")
                .contains("The branch network is being reorganised").contains("None of the 2 rights Sales was asked")
                .contains("The charter in force is unchanged").doesNotContain("cmo");

        for (String function : List.of("marketing", "operations", "sales", "service")) {
            Task notice = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_WITHDRAWAL)
                    .taskCandidateGroup("head-" + function).singleResult();
            as(function + ".head", "head-" + function);
            tasks.complete(notice.getId());
            identity.clearAuthentication();
        }
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.WITHDRAWAL_READ).isEnded();
    }

    @Test
    void unreadWithdrawalNoticesExpireAndAVersionIsWithdrawnOnlyWhileInAcceptance() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        assertThatThrownBy(() -> drafts.withdraw(charterId, " ", "cmo"))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);
        drafts.withdraw(charterId, "Superseded by the reorganisation.", "cmo");

        runJobs(instance, TouchpointCharterProcess.Elements.WITHDRAWAL_NOTICE_EXPIRES);
        assertThat(instance).hasPassed(TouchpointCharterProcess.Elements.WITHDRAWAL_NOTICE_EXPIRED).isEnded();
        assertThatThrownBy(() -> drafts.withdraw(charterId, "Again", "cmo")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("WITHDRAWN");

        ProcessInstance inForce = submitCharter();
        makeEffective(inForce);
        assertThatThrownBy(() -> drafts.withdraw(charterId(inForce), "Too late", "cmo"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("EFFECTIVE");
        assertThat(inForce).isWaitingAt(REVIEW_DUE);
    }

    @Test
    void aDisputeTheBoardRulesOnAfterTheVersionWasWithdrawnIsRecordedAndFailsNothing() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);
        long itemId = boardItem(charterId);
        drafts.withdraw(charterId, "Withdrawn while the board deliberates.", "cmo");
        assertThat(instance).isWaitingAt(TouchpointCharterProcess.Elements.READ_WITHDRAWAL);

        boardDecides(itemId, BoardMeetingProcess.APPROVE);

        assertThat(jdbc.queryForObject("select count(*) from board_decision where item_id = ?", Integer.class, itemId))
                .isOne();
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.WITHDRAWN);
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getStatus())
                .as("a withdrawn version's rights stay as they were").isEqualTo(AllocationStatus.DECLINED);
        assertThat(instance).isWaitingAt(TouchpointCharterProcess.Elements.READ_WITHDRAWAL);
    }

    @Test
    void aVersionSupersededWhileItsReviewIsOpenEndsTheReviewAndSchedulesNoOther() {
        ProcessInstance first = submitCharter();
        makeEffective(first);
        runJobs(first, REVIEW_DUE);
        assertThat(first).isWaitingAt(REVIEW_CHARTER);

        ProcessInstance second = submitCharter();
        makeEffective(second);

        assertThat(first).hasPassed(TouchpointCharterProcess.Elements.CONFIRM_SUPERSEDED, SUPERSEDED_END)
                .hasNotPassed(TouchpointCharterProcess.Elements.SCHEDULE_NEXT_REVIEW).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(first.getId()).count()).isZero();
        assertThat(second).isWaitingAt(REVIEW_DUE);
    }

    @Test
    void aVersionSupersededWhileTheChairHasItsAmendmentOpenEndsThatTask() {
        ProcessInstance first = submitCharter();
        makeEffective(first);
        runJobs(first, REVIEW_DUE);
        as("marketing.head", "head-marketing");
        tasks.complete(tasks.createTaskQuery().processInstanceId(first.getId()).taskDefinitionKey(REVIEW_CHARTER)
                .singleResult().getId(), Map.of(Variables.REVIEW_DECISION, TouchpointCharterProcess.PROPOSE_CHANGES,
                        Variables.PROPOSAL, "Digital should renew the scripts."));
        identity.clearAuthentication();
        assertThat(first).isWaitingAt(TAKE_UP_AMENDMENT);

        ProcessInstance second = submitCharter();
        makeEffective(second);

        assertThat(first).hasPassed(SUPERSEDED_END).hasNotPassed(TouchpointCharterProcess.Elements.SCHEDULE_NEXT_REVIEW)
                .isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).count()).isZero();
    }

    @Test
    void aVersionSupersededWithANoticeStillUnreadEndsTheNotice() {
        ProcessInstance first = submitCharter();
        serviceDeclinesAndTheChairUpholds(first);
        assertThat(first).isWaitingAt(TouchpointCharterProcess.Elements.READ_SETTLEMENT);

        ProcessInstance second = submitCharter();
        makeEffective(second);

        assertThat(first).hasPassed(SUPERSEDED_END).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).count()).isZero();
    }

    @Test
    void aVersionSupersededWithTheBoardsRulingStillUnreadEndsTheRulingNotices() throws Exception {
        ProcessInstance first = disputeSentToBoard();
        long firstId = charterId(first);
        boardDecides(boardItem(firstId), BoardMeetingProcess.APPROVE);
        runJobs(first, MAKE_EFFECTIVE);
        assertThat(first).isWaitingAt(READ_BOARD_RULING);
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).taskDefinitionKey(READ_BOARD_RULING)
                .count()).isEqualTo(2);

        ProcessInstance second = submitCharter();
        makeEffective(second);

        assertThat(first).hasPassed(TouchpointCharterProcess.Elements.CONFIRM_SUPERSEDED, SUPERSEDED_END)
                .hasNotPassed(TouchpointCharterProcess.Elements.RULING_READ).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).count()).isZero();
        assertThat(charters.findById(firstId).orElseThrow().getStatus()).isEqualTo(CharterStatus.SUPERSEDED);
    }

    @Test
    void aSupersessionOrWithdrawalMessageSentThroughTheEnginesApiEndsNothing() {
        ProcessInstance effective = submitCharter();
        makeEffective(effective);
        ProcessInstance inAcceptance = submitCharter();

        Throwable superseded = catchThrowable(() -> runtime.createMessageCorrelation(
                TouchpointCharterProcess.MESSAGE_CHARTER_SUPERSEDED).processInstanceBusinessKey(
                        effective.getBusinessKey()).correlateAll());
        Throwable withdrawn = catchThrowable(() -> runtime.createMessageCorrelation(
                TouchpointCharterProcess.MESSAGE_CHARTER_WITHDRAWN).processInstanceBusinessKey(
                        inAcceptance.getBusinessKey()).correlateAll());

        for (Throwable refused : List.of(superseded, withdrawn)) {
            assertThat(refused).isNotNull();
            assertThat(causes(refused)).anySatisfy(c -> assertThat(c).isInstanceOf(ConflictException.class));
        }
        assertThat(effective).isWaitingAt(REVIEW_DUE);
        assertThat(inAcceptance).isWaitingAt(ACCEPT_RIGHTS);
        assertThat(charters.findById(charterId(inAcceptance)).orElseThrow().getStatus())
                .isEqualTo(CharterStatus.IN_ACCEPTANCE);
    }

    /**
     * Marketing, operations and sales accept; service declines the branch greeting's operate right, the chair
     * upholds it, and the version takes force with service's settlement notice still unread.
     */
    private void serviceDeclinesAndTheChairUpholds(ProcessInstance instance) {
        accept(instance, "marketing");
        accept(instance, "operations");
        accept(instance, "sales");
        decline(instance, "service", allocation(charterId(instance), "branch-greeting", RightKind.OPERATE),
                "Not ours.");
        as("cmo", "board-chair");
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .singleResult().getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD,
                        Variables.RESOLUTION_NOTE, "Service greets."));
        identity.clearAuthentication();
        runJobs(instance, MAKE_EFFECTIVE);
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void whenTheBoardRejectsTheProposalTheDisputeGoesBackToTheChair() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);
        long itemId = boardItem(charterId);

        boardDecides(itemId, BoardMeetingProcess.REJECT);

        assertThat(instance).hasPassed(APPLY_BOARD_RULING, BOARD_APPROVED).hasNotPassed(READ_BOARD_RULING)
                .isWaitingAt(RESOLVE_DISPUTE);
        assertThat(runtime.getVariable(instance.getId(), Variables.BOARD_APPROVED)).isEqualTo(false);
        assertThat(runtime.getVariable(instance.getId(), Variables.RULING_SUMMARY)).isNull();
        assertThat(charters.findById(charterId).orElseThrow().getNotes())
                .contains("The board rejected the chair's proposal for the disputed rights: The board rejected the proposal");
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(build.getStatus()).isEqualTo(AllocationStatus.DECLINED);
        assertThat(build.getFunction().getCode()).isEqualTo("sales");
        Task resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RESOLVE_DISPUTE)
                .taskCandidateGroup("board-chair").singleResult();
        assertThat(resolve).isNotNull();

        // The chair decides herself this time.
        as("cmo", "board-chair");
        tasks.complete(resolve.getId(), Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD,
                Variables.RESOLUTION_NOTE, "The board did not follow me: sales keeps it."));
        identity.clearAuthentication();
        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(REVIEW_DUE);
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getFunction().getCode())
                .isEqualTo("sales");
    }

    // --- the charter's record: who settles a right, when a version takes force, what a new draft keeps ----

    /** One row of the chair's re-allocation form, as the Tasklist submits it (a Json variable). */
    private static org.camunda.spin.plugin.variable.value.JsonValue rows(long allocationId, String function) {
        return org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"right\":\"" + allocationId
                + "\",\"function\":" + (function == null ? "null" : "\"" + function + "\"") + "}]").create();
    }

    private ProcessInstance instanceOf(long charterId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
    }

    /** Every head with an open acceptance task accepts all it is asked. */
    private void acceptAll(ProcessInstance instance) {
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ACCEPT_RIGHTS)
                .list()) {
            String group = tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
                    .filter(g -> g != null && g.startsWith("head-")).findFirst().orElseThrow();
            accept(instance, group.substring("head-".length()));
        }
    }

    private static ConflictException conflict(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ConflictException.class);
        ConflictException conflict = (ConflictException) thrown;
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        return conflict;
    }

    @Test
    void onlyAMemberOfItsHeadGroupAcceptsAFunctionsRightsWhateverTheTaskSays() {
        ProcessInstance instance = submitCharter();
        long charterId = charterId(instance);
        try {
            // The domain refuses the head of sales answering for operations, and writes nothing.
            assertThatThrownBy(() -> acceptance.record(charterId, "operations", List.of(), null, "sales.head"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("head-operations");
            assertThat(allocation(charterId, "branch-greeting", RightKind.BUILD).getStatus())
                    .isEqualTo(AllocationStatus.PENDING);

            // The same through her own task, naming operations in her answer: whichever door refuses it
            // (the engine at completion, or the charter when the answer is recorded), operations' right
            // stays unanswered.
            Task sales = acceptanceTask(instance, "sales");
            as("sales.head", "head-sales");
            try {
                tasks.complete(sales.getId(), Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL,
                        Variables.FUNCTION_CODE, "operations"));
            } catch (RuntimeException refusedByTheEngine) {
                // the forged variable itself was refused
            } finally {
                identity.clearAuthentication();
            }
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(ACCEPT_RIGHTS)
                    .list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException refusedByTheCharter) {
                    assertThat(refusedByTheCharter).hasStackTraceContaining("is not a member of head-operations");
                }
            }
            Allocation operations = allocation(charterId, "branch-greeting", RightKind.BUILD);
            assertThat(operations.getStatus()).isEqualTo(AllocationStatus.PENDING);
            assertThat(operations.getDecidedBy()).isNull();
            assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED))
                    .allSatisfy(a -> assertThat(a.getFunction().getCode()).isEqualTo("sales"));
            assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);
        } finally {
            // Its failed job must not trouble other tests that run every job there is.
            runtime.deleteProcessInstance(instance.getId(), "test of a forged acceptance");
        }
    }

    @Test
    void aVersionTakesForceOnlyWhenEveryRightIsSettledAndForbiddenStepsChangeNothing() {
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        makeEffective(first);
        int firstNumber = charters.findById(firstId).orElseThrow().getNumber();
        ProcessInstance second = submitCharter();
        long secondId = charterId(second);
        accept(second, "marketing");

        // Four rights still wait for sales, operations and service: the version cannot take force.
        assertThat(catchThrowable(() -> acceptance.makeEffective(secondId))).satisfies(thrown -> assertThat(
                conflict(thrown).getBody().getDetail()).contains("4 right(s) are not accepted")
                .contains("BUILD of call-centre-script (sales) is PENDING"));
        CharterVersion notYet = charters.findById(secondId).orElseThrow();
        assertThat(notYet.getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);
        assertThat(notYet.getNumber()).isNull();
        assertThat(notYet.getEffectiveAt()).isNull();
        CharterVersion stillInForce = charters.findById(firstId).orElseThrow();
        assertThat(stillInForce.getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
        assertThat(stillInForce.getSupersededAt()).isNull();
        assertThat(reading.effectiveVersionId()).contains(firstId);

        // An accepted right cannot be declined afterwards.
        Allocation design = allocation(secondId, "call-centre-script", RightKind.DESIGN);
        conflict(catchThrowable(() -> acceptance.record(secondId, "marketing", List.of(design.getId()),
                "Changed my mind", "marketing.head")));
        assertThat(allocation(secondId, "call-centre-script", RightKind.DESIGN).getStatus())
                .isEqualTo(AllocationStatus.ACCEPTED);
        // A version in force is not accepted, submitted or made effective again.
        conflict(catchThrowable(() -> acceptance.record(firstId, "sales", List.of(), null, "sales.head")));
        conflict(catchThrowable(() -> acceptance.makeEffective(firstId)));
        conflict(catchThrowable(() -> drafts.submit(firstId)));
        CharterVersion unchanged = charters.findById(firstId).orElseThrow();
        assertThat(unchanged.getNumber()).isEqualTo(firstNumber);
        assertThat(unchanged.getStatus()).isEqualTo(CharterStatus.EFFECTIVE);

        List.of("operations", "sales", "service").forEach(f -> accept(second, f));
        runJobs(second, MAKE_EFFECTIVE);
        assertThat(second).isWaitingAt(REVIEW_DUE);
        assertThat(charters.findById(secondId).orElseThrow().getNumber()).isEqualTo(firstNumber + 1);
        // A superseded version cannot be accepted either.
        conflict(catchThrowable(() -> acceptance.record(firstId, "sales", List.of(), null, "sales.head")));
    }

    @Test
    void aDraftAboutOneRightCarriesEveryOtherRightOverAcceptedAndTheNewVersionLosesNoOwner() {
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        makeEffective(first);
        int v1 = charters.findById(firstId).orElseThrow().getNumber();

        // A draft made as the summit makes its own: not "amend", and about the branch greeting only.
        CharterVersion draft = drafts.create(new DraftRequest("Operations runs the branch greeting",
                List.of("branch-greeting"), List.of(new AllocationLine("branch-greeting", "OPERATE", "operations"))),
                false, "cmo", i -> "allocations[" + i + "]");
        CharterVersion created = drafts.get(draft.getId());
        assertThat(created.getAmends().getId()).isEqualTo(firstId);
        assertThat(created.getAllocations()).hasSize(8);
        assertThat(created.getAllocations()).filteredOn(Allocation::isCarriedOver).hasSize(7).allSatisfy(a -> {
            assertThat(a.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
            assertThat(a.getCarriedFrom()).isEqualTo(v1);
        });
        drafts.submit(draft.getId());
        ProcessInstance second = AcceptanceFanOut.askHeads(runtime, management, draft.getId());

        // Only the moved right is asked.
        assertThat(tasks.createTaskQuery().processInstanceId(second.getId()).taskDefinitionKey(ACCEPT_RIGHTS).list())
                .singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("Accept 1 right for Operations"));
        accept(second, "operations");
        runJobs(second, MAKE_EFFECTIVE);

        assertThat(second).isWaitingAt(REVIEW_DUE);
        assertThat(first).hasPassed(SUPERSEDED_END).isEnded();
        int v2 = charters.findById(draft.getId()).orElseThrow().getNumber();
        for (String touchpoint : List.of("call-centre-script", "branch-greeting")) {
            assertThat(reading.owners(touchpoint)).as("owners of %s in version %s", touchpoint, v2)
                    .doesNotContainValue(null);
        }
        assertThat(reading.owners("branch-greeting").get(RightKind.OPERATE)).isEqualTo("operations");
        assertThat(reading.changes(v1, v2)).singleElement().satisfies(change -> {
            assertThat(change.touchpoint()).isEqualTo("branch-greeting");
            assertThat(change.right()).isEqualTo(RightKind.OPERATE);
            assertThat(change.before()).isEqualTo("service");
            assertThat(change.after()).isEqualTo("operations");
        });
        Allocation carried = allocation(draft.getId(), "call-centre-script", RightKind.BUILD);
        assertThat(carried.getSettlement()).isEqualTo(Settlement.CARRIED_OVER);
        assertThat(carried.getCarriedFrom()).isEqualTo(v1);
        assertThat(carried.getDecidedBy()).isEqualTo("sales.head");
        assertThat(carried.getSettledGroup()).isEqualTo("head-sales");
    }

    @Test
    void aDraftMadeBeforeAnotherVersionTookForceKeepsThatVersionsOwnersWhenSubmitted() {
        // The summit's first draft is made while there is no charter yet ...
        CharterVersion summitDraft = drafts.create(new DraftRequest("First charter draft from the summit", null,
                List.of(new AllocationLine("mobile-app-onboarding", "DESIGN", "product"),
                        new AllocationLine("mobile-app-onboarding", "BUILD", "it"),
                        new AllocationLine("mobile-app-onboarding", "OPERATE", "it"),
                        new AllocationLine("mobile-app-onboarding", "RENEW", "product"))),
                false, "cmo", i -> "plan line " + (i + 1));
        // ... meanwhile version 1 goes out and takes force (one version in acceptance at a time) ...
        ProcessInstance first = submitCharter();
        long firstId = charterId(first);
        makeEffective(first);
        int v1 = charters.findById(firstId).orElseThrow().getNumber();
        // ... and then the summit's draft is submitted and accepted: it replaces version 1 without stripping
        // its touchpoints.
        drafts.submit(summitDraft.getId());
        ProcessInstance summit = AcceptanceFanOut.askHeads(runtime, management, summitDraft.getId());
        acceptAll(summit);
        runJobs(summit, MAKE_EFFECTIVE);

        assertThat(summit).isWaitingAt(REVIEW_DUE);
        CharterVersion v2 = charters.findById(summitDraft.getId()).orElseThrow();
        assertThat(v2.getNumber()).isEqualTo(v1 + 1);
        for (String touchpoint : List.of("call-centre-script", "branch-greeting", "mobile-app-onboarding")) {
            assertThat(reading.owners(touchpoint)).as("owners of %s", touchpoint).doesNotContainValue(null);
        }
        assertThat(reading.changes(v1, v2.getNumber())).extracting(CharterViews.Change::touchpoint)
                .containsOnly("mobile-app-onboarding");
        Allocation carried = allocation(summitDraft.getId(), "branch-greeting", RightKind.OPERATE);
        assertThat(carried.getSettlement()).isEqualTo(Settlement.CARRIED_OVER);
        assertThat(carried.getCarriedFrom()).isEqualTo(v1);
        assertThat(carried.getFunction().getCode()).isEqualTo("service");
    }
}
