package com.engagementboard.board;

import static com.engagementboard.board.BoardActionProcess.Elements.ACTION_DONE;
import static com.engagementboard.board.BoardActionProcess.Elements.ACTION_OVERDUE;
import static com.engagementboard.board.BoardActionProcess.Elements.CARRY_OUT;
import static com.engagementboard.board.BoardActionProcess.Elements.CLOSE_ACTION;
import static com.engagementboard.board.BoardActionProcess.Elements.OWNER_REMINDED;
import static com.engagementboard.board.BoardActionProcess.Elements.REMIND_OWNER;
import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static com.engagementboard.ProcessTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardActionProcess.Variables;
import com.engagementboard.security.Groups;
import com.engagementboard.web.Paging;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of processes/board-action.bpmn: an action an approved decision created, carried out by the
 * head of its owner function, or reminded when it is overdue.
 */
@EngagementBoardTest
@ProcessCoverage(BoardActionProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class BoardActionProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    MeetingScheduler scheduler;

    @Autowired
    AgendaItems agendaItems;

    @Autowired
    AgendaItemRepository items;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    BoardActionRepository actions;

    @Autowired
    BoardActions boardActions;

    @Autowired
    BoardSetupService board;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @BeforeEach
    void setUp() {
        init(engine);
        board.update(BoardSetupRequestFixtures.weekly());
        // Items other tests left waiting would join this test's agenda: take them off the queue. No process
        // withdraws a waiting item (AgendaItem's transitions forbid it), so this is done in the table.
        jdbc.update("update agenda_item set status = 'WITHDRAWN' where status in ('QUEUED', 'CARRIED_OVER', 'DEFERRED')");
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    // --- a decision that creates an action, as the board takes it -------------------------------------

    private void chair(Task task, Map<String, Object> variables) {
        completeAs("cmo", List.of("board-chair", "board-core", "board-member"), task, variables);
    }

    private void vote(ProcessInstance meeting, String voter) {
        Task task = tasks.createTaskQuery().processInstanceId(meeting.getId())
                .taskDefinitionKey(BoardMeetingProcess.Elements.VOTE).taskAssignee(voter).singleResult();
        completeAs(voter, List.of("board-core"), task, Map.of(BoardMeetingProcess.Variables.VOTE,
                BoardMeetingProcess.APPROVE));
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.VOTE);
    }

    /** Submits an item with one action, has an extraordinary meeting approve it: the action's process starts. */
    private BoardAction decidedAction(String description) {
        return decidedActions(description).get(0);
    }

    /** The same with one action for each description, in the order given. */
    private List<BoardAction> decidedActions(String... descriptions) {
        String title = "Action test " + UUID.randomUUID().toString().substring(0, 8);
        AgendaItem item = agendaItems.submit(new AgendaItemRequest(title, "Decide: " + title,
                List.of("call-centre-script"), new AgendaItemRequest.FactBase("Priority 5 touchpoint",
                        "Customers complain about it", null),
                java.util.Arrays.stream(descriptions).map(description ->
                        new AgendaItemRequest.ActionRequest("call-centre-script", description, false, 10)).toList()),
                "sales.head");
        Meeting called = scheduler.callExtraordinary(Instant.now().plus(Duration.ofDays(2)), "Actions", "cmo");
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(called.getId())).singleResult();
        runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        chair(task(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, item.getId().toString()));
        runJobs(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        chair(task(meeting, BoardMeetingProcess.Elements.PRESENT_ITEM),
                Map.of(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        List.of("cmo", "retail.head", "business.head").forEach(voter -> vote(meeting, voter));
        runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        assertThat(meeting).isEnded();

        Decision decision = decisions.findFirstByItemIdOrderByIdDesc(item.getId()).orElseThrow();
        assertThat(decision.getOutcome()).isEqualTo(BoardMeetingProcess.APPROVED);
        List<BoardAction> created = actions.findByDecisionIdIn(List.of(decision.getId())).stream()
                .sorted(java.util.Comparator.comparing(BoardAction::getId)).toList();
        assertThat(created).hasSize(descriptions.length);
        return created;
    }

    private ProcessInstance instanceOf(BoardAction action) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(BoardActionProcess.KEY)
                .processInstanceBusinessKey(BoardActionProcess.BUSINESS_KEY_PREFIX + action.getId()).singleResult();
        assertThat(instance).as("the board-action instance of action %s", action.getId()).isNotNull();
        return instance;
    }

    /** The head of the owner function (every head group is head-<code>, its head <code>.head), or the chair. */
    private static String ownerOf(BoardAction action) {
        return Groups.isHeadGroup(action.getOwnerGroup())
                ? action.getOwnerGroup().substring("head-".length()) + ".head" : "cmo";
    }

    private void completeAsOwner(BoardAction action, Task task, Map<String, Object> variables) {
        completeAs(ownerOf(action), List.of(action.getOwnerGroup()), task, variables);
    }

    private BoardAction reload(BoardAction action) {
        return actions.findById(action.getId()).orElseThrow();
    }

    // --- the paths ---------------------------------------------------------------------------------------

    @Test
    void theOwnerHeadCarriesOutTheActionAndItIsClosedAsDone() {
        BoardAction action = decidedAction("Rewrite the script");
        ProcessInstance instance = instanceOf(action);
        assertThat(instance).isWaitingAt(CARRY_OUT);
        assertThat(action.getStatus()).isEqualTo(BoardAction.Status.OPEN);
        assertThat(action.getRight()).isEqualTo("OPERATE");

        Task task = task(instance, CARRY_OUT);
        assertThat(task.getName()).isEqualTo("Call-centre script: Rewrite the script");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(action.getOwnerGroup()).count())
                .isOne();
        assertThat(task.getDueDate()).isEqualTo(Date.from(action.getDueAt()));
        assertThat(runtime.getVariable(instance.getId(), Variables.OWNER_GROUP)).isEqualTo(action.getOwnerGroup());
        // The summary is rendered from the register when the form is read, never stored in the engine.
        assertThat(runtime.getVariable(instance.getId(), Variables.ACTION_SUMMARY)).isNull();
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService().getTaskFormVariables(task.getId()).<org.camunda.bpm.engine.variable.value.StringValue>getValueTyped(
                Variables.ACTION_SUMMARY).getValue()).contains("Decided by the board")
                .contains("**Touchpoint:** Call-centre script");

        completeAsOwner(action, task, Map.of(Variables.ACTION_REPORT, "New script live in all call centres."));

        assertThat(instance).hasPassed(CLOSE_ACTION, ACTION_DONE).hasNotPassed(REMIND_OWNER).isEnded();
        BoardAction done = reload(action);
        assertThat(done.getStatus()).isEqualTo(BoardAction.Status.DONE);
        assertThat(done.getDoneBy()).isEqualTo(ownerOf(action));
        assertThat(done.getReport()).isEqualTo("New script live in all call centres.");
        assertThat(done.getDoneAt()).isNotNull();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void anOverdueActionIsMarkedRemindedAndListedFirst() {
        BoardAction action = decidedAction("Train the agents");
        ProcessInstance instance = instanceOf(action);
        Task task = task(instance, CARRY_OUT);
        assertThat(task.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(ACTION_OVERDUE)
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(action.getDueAt()));

        ClockUtil.setCurrentTime(Date.from(action.getDueAt().plus(Duration.ofHours(1))));
        runJobs(instance, ACTION_OVERDUE);

        assertThat(instance).hasPassed(REMIND_OWNER, OWNER_REMINDED).isWaitingAt(CARRY_OUT);
        Task reminded = task(instance, CARRY_OUT);
        assertThat(reminded.getId()).isEqualTo(task.getId());
        assertThat(reminded.getPriority()).isEqualTo(BoardReminders.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(reminded.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).contains("overdue"));
        BoardAction overdue = reload(action);
        assertThat(overdue.getRemindedAt()).isNotNull();
        assertThat(overdue.getStatus()).isEqualTo(BoardAction.Status.OPEN);

        // As GET /api/board/actions answers: overdue actions first, this one among them.
        List<BoardActions.ActionView> all = allActions();
        int mine = indexOf(all, action.getId());
        assertThat(mine).isNotNegative();
        assertThat(all.get(mine).overdue()).isTrue();
        assertThat(all.get(mine).remindedAt()).isNotNull();
        assertThat(all.get(0).overdue()).isTrue();
        int firstNotOverdue = all.stream().filter(a -> !a.overdue()).findFirst().map(all::indexOf).orElse(all.size());
        assertThat(all.subList(firstNotOverdue, all.size())).noneMatch(BoardActions.ActionView::overdue);
        assertThat(mine).isLessThan(firstNotOverdue);

        // Still carried out late: it is closed all the same.
        completeAsOwner(action, reminded, Map.of(Variables.ACTION_REPORT, "Done, a week late."));
        assertThat(instance).hasPassed(ACTION_DONE).isEnded();
        assertThat(reload(action).getStatus()).isEqualTo(BoardAction.Status.DONE);
        assertThat(allActions().get(indexOf(allActions(), action.getId())).overdue()).isFalse();
    }

    @Test
    void aCompletionWithoutAReportIsRefusedAndClosesNothing() {
        BoardAction action = decidedAction("Measure the call length");
        ProcessInstance instance = instanceOf(action);
        Task task = task(instance, CARRY_OUT);

        assertThatThrownBy(() -> completeAsOwner(action, task, Map.of()))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasFieldOrPropertyWithValue("detail", Variables.ACTION_REPORT);
        assertThatThrownBy(() -> completeAsOwner(action, task, Map.of(Variables.ACTION_REPORT, "   ")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        // Another action's id, smuggled into the report: refused before anything runs.
        assertThatThrownBy(() -> completeAsOwner(action, task, Map.of(Variables.ACTION_REPORT, "Done",
                Variables.ACTION_ID, action.getId() + 1)))
                .satisfies(e -> com.engagementboard.ProcessTestSupport.refusedFor(e, Variables.ACTION_ID));

        assertThat(instance).isWaitingAt(CARRY_OUT);
        assertThat(reload(action).getStatus()).isEqualTo(BoardAction.Status.OPEN);
        assertThat(reload(action).getDoneBy()).isNull();
    }

    @Test
    void theOwnerReportsItBlockedAndTheChairGivesItBackWithMoreTime() {
        BoardAction action = decidedAction("Move the script to the new platform");
        ProcessInstance instance = instanceOf(action);
        Task task = task(instance, CARRY_OUT);
        assertThatThrownBy(() -> completeAsOwner(action, task, Map.of(Variables.ACTION_OUTCOME, BoardActionProcess.BLOCKED,
                Variables.ACTION_REPORT, " "))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("say what blocks it");

        completeAsOwner(action, task, Map.of(Variables.ACTION_OUTCOME, BoardActionProcess.BLOCKED,
                Variables.ACTION_REPORT, "The new platform is delayed to March."));

        assertThat(instance).hasPassed(BoardActionProcess.Elements.RECORD_BLOCKED).hasNotPassed(CLOSE_ACTION)
                .isWaitingAt(BoardActionProcess.Elements.DECIDE_BLOCKED);
        BoardAction blocked = reload(action);
        assertThat(blocked.getStatus()).isEqualTo(BoardAction.Status.BLOCKED);
        assertThat(blocked.getBlockedBy()).isEqualTo(ownerOf(action));
        assertThat(blocked.getReport()).isEqualTo("The new platform is delayed to March.");
        Task decide = task(instance, BoardActionProcess.Elements.DECIDE_BLOCKED);
        assertThat(decide.getName()).isEqualTo("Blocked: Call-centre script: Move the script to the new platform");
        assertThat(decide.getDueDate()).isAfter(new Date());
        assertThat(tasks.createTaskQuery().taskId(decide.getId()).taskCandidateGroup("board-chair").count()).isOne();
        // Resuming needs the time given; every decision needs a note.
        assertThatThrownBy(() -> chair(decide, Map.of(Variables.CHAIR_DECISION, BoardActionProcess.RESUME,
                Variables.CHAIR_NOTE, "Go on"))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining(Variables.RESUME_WEEKS);
        assertThatThrownBy(() -> chair(decide, Map.of(Variables.CHAIR_DECISION, BoardActionProcess.RESUME,
                Variables.RESUME_WEEKS, "3", Variables.CHAIR_NOTE, "Go on")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);

        chair(decide, Map.of(Variables.CHAIR_DECISION, BoardActionProcess.RESUME, Variables.RESUME_WEEKS, "4",
                Variables.CHAIR_NOTE, "Wait for the platform, then move it."));

        assertThat(instance).hasPassed(BoardActionProcess.Elements.RESUME_ACTION).isWaitingAt(CARRY_OUT);
        BoardAction resumed = reload(action);
        assertThat(resumed.getStatus()).isEqualTo(BoardAction.Status.OPEN);
        assertThat(resumed.getChairNote()).isEqualTo("Wait for the platform, then move it.");
        assertThat(resumed.getDueAt()).isAfter(Instant.now().plus(Duration.ofDays(27)));
        Task again = task(instance, CARRY_OUT);
        assertThat(again.getDueDate()).isEqualTo(Date.from(resumed.getDueAt()));
        assertThat(runtime.getVariables(instance.getId())).as("the last round's answers do not fill the forms again")
                .doesNotContainKeys(Variables.ACTION_OUTCOME, Variables.ACTION_REPORT, Variables.CHAIR_DECISION,
                        Variables.RESUME_WEEKS, Variables.CHAIR_NOTE);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(ACTION_OVERDUE)
                .singleResult().getDuedate()).isEqualTo(Date.from(resumed.getDueAt()));

        completeAsOwner(action, again, Map.of(Variables.ACTION_OUTCOME, BoardActionProcess.DONE,
                Variables.ACTION_REPORT, "Moved in March."));
        assertThat(instance).hasPassed(ACTION_DONE).isEnded();
        assertThat(reload(action).getStatus()).isEqualTo(BoardAction.Status.DONE);
    }

    @Test
    void theChairCancelsABlockedActionOrAnOpenOneAndAForgedCancellationEndsNothing() throws Exception {
        List<BoardAction> three = decidedActions("Print new leaflets", "Retrain the branch staff", "Survey customers");
        BoardAction leaflets = three.get(0);
        BoardAction training = three.get(1);
        BoardAction survey = three.get(2);

        // Blocked, then cancelled by the chair from her task.
        ProcessInstance blockedOne = instanceOf(leaflets);
        completeAsOwner(leaflets, task(blockedOne, CARRY_OUT), Map.of(Variables.ACTION_OUTCOME,
                BoardActionProcess.BLOCKED, Variables.ACTION_REPORT, "Leaflets are being phased out."));
        chair(task(blockedOne, BoardActionProcess.Elements.DECIDE_BLOCKED), Map.of(Variables.CHAIR_DECISION,
                BoardActionProcess.CANCEL, Variables.CHAIR_NOTE, "No more paper: cancelled."));
        assertThat(blockedOne).hasPassed(BoardActionProcess.Elements.CANCEL_BLOCKED,
                BoardActionProcess.Elements.ACTION_CANCELLED).isEnded();
        assertThat(reload(leaflets).getStatus()).isEqualTo(BoardAction.Status.CANCELLED);
        assertThat(reload(leaflets).getCancelledBy()).isEqualTo("cmo");

        // Open, cancelled through the API: the owner's task ends.
        ProcessInstance openOne = instanceOf(training);
        String cancel = "/api/board/actions/" + training.getId() + "/cancel";
        mvc.perform(post(cancel).with(httpBasic("sales.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Mine\"}")).andExpect(status().isForbidden());
        mvc.perform(post(cancel).with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(openOne).isWaitingAt(CARRY_OUT);
        mvc.perform(post(cancel).with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"The branches close in spring.\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.chairNote").value("The branches close in spring."));
        assertThat(openOne).hasPassed(BoardActionProcess.Elements.CONFIRM_CANCELLED,
                BoardActionProcess.Elements.OWNERS_TASK_ENDED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(openOne.getId()).count()).isZero();
        mvc.perform(post(cancel).with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Again\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/board/actions/999999/cancel").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Nothing\"}"))
                .andExpect(status().isNotFound());

        // A cancellation message sent through the engine's API, the register saying nothing: refused.
        ProcessInstance stillOpen = instanceOf(survey);
        Throwable forged = org.assertj.core.api.Assertions.catchThrowable(() -> runtime.createMessageCorrelation(
                BoardActionProcess.MESSAGE_ACTION_CANCELLED).processInstanceBusinessKey(
                        BoardActionProcess.businessKey(survey.getId())).correlateAll());
        assertThat(BoardMeetingProcessTest.refusal(forged)).hasMessageContaining("Action " + survey.getId() + " is OPEN");
        assertThat(stillOpen).isWaitingAt(CARRY_OUT);
        assertThat(reload(survey).getStatus()).isEqualTo(BoardAction.Status.OPEN);
    }

    /** The first page of the largest size: every action these tests make (they make few). */
    private List<BoardActions.ActionView> allActions() {
        return boardActions.all(null, new Paging(0, Paging.MAX_SIZE)).content();
    }

    private static int indexOf(List<BoardActions.ActionView> all, long actionId) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == actionId) {
                return i;
            }
        }
        return -1;
    }
}
