package com.engagementboard.change;

import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.refusedFor;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static com.engagementboard.ProcessTestSupport.task;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.ANSWER_QUESTION;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.BOARD_DECIDED;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.BUILD;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.BUILDER_REMINDED;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.BUILD_OVERDUE;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.CHANGE_LIVE;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.CHANGE_REJECTED;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.CLOSED_BY_BOARD;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.CONFIRM_LIVE;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.DECIDE_DESIGN;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.GAP_FLAGGED;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.GAP_NOTICE_EXPIRED;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.GAP_NOTICE_EXPIRES;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.NAME_TOUCHPOINT;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.NO_GAP;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.READ_CHARTER_GAP;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.RECORD_SENT_BACK;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.RECORD_STANDING;
import static com.engagementboard.change.TouchpointChangeProcess.Elements.REMIND_BUILDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardDecisions;
import com.engagementboard.change.TouchpointChangeProcess.Variables;
import com.engagementboard.web.FormValues;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of processes/touchpoint-change.bpmn, with a charter in force that gives the card packaging's four
 * rights to Brand (design, renew), Operations (build) and Customer Service (operate), and the fee schedule to
 * nobody: the owners approve, reject or ask; a standing permission; the board approves or closes; a charter gap
 * for the chair, read or expired; four eyes; sent back; overdue.
 */
@EngagementBoardTest
@ProcessCoverage(TouchpointChangeProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class TouchpointChangeProcessTest {

    private static final String OWNED = ChangeFixtures.OWNED;
    private static final String UNOWNED = ChangeFixtures.UNOWNED;
    private static final List<String> EMPLOYEE = List.of("employee");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    Changes changes;

    @Autowired
    ChangeEventRepository events;

    @Autowired
    TouchpointChangeRepository records;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        BoardDecisions.freshBoard(context);
        ChangeFixtures.charterInForce(context);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The employee proposes a change through the API's service: recorded whole, routed at once. */
    private TouchpointChange propose(String touchpoint, long cost, List<String> functions, Long permission) {
        return changes.propose(new ChangeRequest(touchpoint, "Recyclable sleeve " + UUID.randomUUID()
                .toString().substring(0, 6) + "\nno more plastic", "Customers send plastic back to us", "212 complaints",
                TouchpointChange.Urgency.MEDIUM, cost, functions, permission), "employee");
    }

    private ProcessInstance instanceOf(TouchpointChange change) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(TouchpointChangeProcess.KEY)
                .processInstanceBusinessKey(TouchpointChangeProcess.businessKey(change.getId())).singleResult();
    }

    private TouchpointChange reload(TouchpointChange change) {
        return changes.get(change.getId());
    }

    private List<String> history(TouchpointChange change) {
        return events.findByChangeIdOrderByIdAsc(change.getId()).stream().map(ChangeEvent::getKind).toList();
    }

    private String summaryOf(Task task) {
        return forms.getTaskFormVariables(task.getId()).getValue(Variables.CHANGE_SUMMARY, String.class);
    }

    private boolean candidate(Task task, String group) {
        return tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).count() == 1;
    }

    private void approve(ProcessInstance instance) {
        completeAs("brand.head", List.of("head-brand"), task(instance, DECIDE_DESIGN), Map.of(
                Variables.DESIGN_DECISION, TouchpointChangeProcess.APPROVE, Variables.BUILD_WEEKS, "2"));
    }

    private void build(ProcessInstance instance, String builder, String group) {
        completeAs(builder, List.of(group), task(instance, BUILD), Map.of(Variables.BUILD_REPORT,
                "Sleeve printed on recycled paper"));
    }

    private void confirmLive(ProcessInstance instance, String confirmer) {
        completeAs(confirmer, List.of("head-service"), task(instance, CONFIRM_LIVE), Map.of(Variables.LIVE_OUTCOME,
                TouchpointChangeProcess.LIVE));
    }

    // --- the owner path -----------------------------------------------------------------------------------------

    @Test
    void theOwnersDecideBuildAndConfirmAChangeWithinOneFunction() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        assertThat(instance).isWaitingAt(DECIDE_DESIGN);
        Task decide = task(instance, DECIDE_DESIGN);
        assertThat(candidate(decide, "head-brand")).isTrue();
        assertThat(decide.getName()).startsWith("Decide: Card packaging: Recyclable sleeve");
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.IN_DESIGN);
        assertThat(reload(change).getRoute()).isEqualTo(TouchpointChangeProcess.OWNER);
        assertThat(summaryOf(decide)).contains("**Owners:** design Brand & Reputation, build Operations, operate "
                + "Customer Service").contains("Customers send plastic back to us");

        approve(instance);
        Task build = task(instance, BUILD);
        assertThat(candidate(build, "head-operations")).isTrue();
        assertThat(build.getDueDate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(14)),
                within(1, ChronoUnit.MINUTES));
        build(instance, "operations.head", "head-operations");
        assertThat(candidate(task(instance, CONFIRM_LIVE), "head-service")).isTrue();
        assertThat(candidate(task(instance, CONFIRM_LIVE), "board-chair")).as("someone else operates it").isFalse();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.BUILT);
        confirmLive(instance, "service.head");

        assertThat(instance).hasPassed(CHANGE_LIVE).isEnded();
        TouchpointChange live = reload(change);
        assertThat(live.getStatus()).isEqualTo(TouchpointChange.Status.LIVE);
        assertThat(live.getDecidedBy()).isEqualTo("brand.head");
        assertThat(live.getBuiltBy()).isEqualTo("operations.head");
        assertThat(live.getConfirmedBy()).isEqualTo("service.head");
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "APPROVED", "BUILT", "LIVE");
    }

    @Test
    void theDesignHeadRejectsSayingWhy() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        Task decide = task(instance, DECIDE_DESIGN);
        refusedFor(catchThrowable(() -> completeAs("brand.head", List.of("head-brand"), decide,
                Map.of(Variables.DESIGN_DECISION, TouchpointChangeProcess.REJECT))), Variables.DESIGN_NOTE);
        completeAs("brand.head", List.of("head-brand"), decide, Map.of(Variables.DESIGN_DECISION,
                TouchpointChangeProcess.REJECT, Variables.DESIGN_NOTE, "The sleeve protects the card in the post"));

        assertThat(instance).hasPassed(CHANGE_REJECTED).isEnded();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.REJECTED);
        assertThat(reload(change).getDecisionNote()).isEqualTo("The sleeve protects the card in the post");
    }

    @Test
    void theDesignHeadAsksTheProposerAndDecidesOnTheAnswer() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        completeAs("brand.head", List.of("head-brand"), task(instance, DECIDE_DESIGN), Map.of(
                Variables.DESIGN_DECISION, TouchpointChangeProcess.ASK, Variables.DESIGN_NOTE,
                "Which supplier makes such sleeves?"));
        Task answer = task(instance, ANSWER_QUESTION);
        assertThat(answer.getAssignee()).isEqualTo("employee");
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.MORE_INFO);
        assertThat(summaryOf(answer)).contains("Which supplier makes such sleeves?");
        refusedFor(catchThrowable(() -> completeAs("employee", EMPLOYEE, answer, Map.of())), Variables.ANSWER);
        completeAs("employee", EMPLOYEE, answer, Map.of(Variables.ANSWER, "Papyrus Ltd, at the same price"));

        Task again = task(instance, DECIDE_DESIGN);
        assertThat(again).isNotNull();
        assertThat(runtime.getVariable(instance.getId(), Variables.DESIGN_DECISION)).isNull();
        assertThat(summaryOf(again)).contains("Papyrus Ltd, at the same price");
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.IN_DESIGN);
        approve(instance);
        assertThat(instance).isWaitingAt(BUILD);
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "ASKED", "ANSWERED", "APPROVED");
    }

    @Test
    void aQuestionLeftUnansweredFor30DaysWithdrawsTheChange() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        completeAs("brand.head", List.of("head-brand"), task(instance, DECIDE_DESIGN), Map.of(
                Variables.DESIGN_DECISION, TouchpointChangeProcess.ASK, Variables.DESIGN_NOTE, "Which supplier?"));
        runJobs(instance, TouchpointChangeProcess.Elements.NO_ANSWER);

        assertThat(instance).hasPassed(TouchpointChangeProcess.Elements.RECORD_NO_ANSWER,
                TouchpointChangeProcess.Elements.WITHDRAWN_NO_ANSWER).isEnded();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.WITHDRAWN);
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "ASKED", "NO_ANSWER");
    }

    @Test
    void aProposalFromTheTasklistsStartFormNamesItsTouchpointNext() {
        identity.setAuthentication("employee", EMPLOYEE);
        ProcessInstance instance;
        try {
            Map<String, Object> form = new HashMap<>();
            form.put(Variables.WHAT_CHANGE, "Plain words on the packaging");
            form.put(Variables.WHY, "Customers do not understand the leaflet");
            form.put(Variables.URGENCY, "LOW");
            form.put(Variables.ESTIMATED_COST, 300L);
            instance = runtime.startProcessInstanceByKey(TouchpointChangeProcess.KEY, form);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(instance).isWaitingAt(NAME_TOUCHPOINT);
        Task details = task(instance, NAME_TOUCHPOINT);
        assertThat(details.getAssignee()).isEqualTo("employee");
        assertThat(tasks.getVariable(details.getId(), Variables.TOUCHPOINT_OPTIONS).toString())
                .contains("{\"value\":\"card-packaging\",\"label\":\"Card packaging\"}");
        TouchpointChange change = changes.get(TouchpointChangeProcess.changeId(
                runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                        .getBusinessKey()));
        assertThat(change.getProposer()).isEqualTo("employee");
        assertThat(change.getTouchpoint()).isNull();

        refusedFor(catchThrowable(() -> completeAs("employee", EMPLOYEE, details, Map.of(Variables.TOUCHPOINT,
                "no-such-touchpoint"))), Variables.TOUCHPOINT);
        completeAs("employee", EMPLOYEE, details, Map.of(Variables.TOUCHPOINT, OWNED, Variables.FUNCTIONS_AFFECTED,
                FormValues.json(List.of("brand"))));

        assertThat(instance).isWaitingAt(DECIDE_DESIGN);
        TouchpointChange routed = reload(change);
        assertThat(routed.getTouchpoint().getCode()).isEqualTo(OWNED);
        assertThat(routed.getFunctionsAffected()).extracting(f -> f.getCode()).containsExactly("brand");
        assertThat(routed.getEstimatedCost()).isEqualTo(300);
        assertThat(history(change)).containsExactly("PROPOSED", "DETAILED", "ROUTED");
    }

    @Test
    void aProposalWhoseTouchpointIsNotNamedFor30DaysIsWithdrawn() {
        identity.setAuthentication("employee", EMPLOYEE);
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(TouchpointChangeProcess.KEY, Map.of(
                    Variables.WHAT_CHANGE, "A warmer tone in the leaflet", Variables.WHY, "It reads like a contract",
                    Variables.URGENCY, "LOW", Variables.ESTIMATED_COST, 0L));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(instance).isWaitingAt(NAME_TOUCHPOINT);
        TouchpointChange change = changes.get(TouchpointChangeProcess.changeId(
                runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                        .getBusinessKey()));
        runJobs(instance, TouchpointChangeProcess.Elements.NEVER_PLACED);

        assertThat(instance).hasPassed(TouchpointChangeProcess.Elements.RECORD_NEVER_PLACED,
                TouchpointChangeProcess.Elements.WITHDRAWN_NEVER_PLACED).isEnded();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.WITHDRAWN);
        assertThat(history(change)).containsExactly("PROPOSED", "NOT_PLACED");
    }

    @Test
    void aProposalWhoseStartFormNamesTheTouchpointGoesStraightToItsOwners() {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.WHAT_CHANGE, "Braille on the sleeve " + UUID.randomUUID().toString().substring(0, 6));
        form.put(Variables.WHY, "Blind customers cannot tell the card from the leaflet");
        form.put(Variables.URGENCY, "MEDIUM");
        form.put(Variables.ESTIMATED_COST, 500L);
        form.put(Variables.FUNCTIONS_AFFECTED, FormValues.json(List.of("brand")));
        identity.setAuthentication("employee", EMPLOYEE);
        ProcessInstance instance;
        try {
            // A touchpoint the start form does not offer is refused at the start, by the form's latest version
            // (the application's, with the choices), nothing recorded.
            Map<String, Object> unknown = new HashMap<>(form);
            unknown.put(Variables.TOUCHPOINT, "no-such-touchpoint");
            long before = records.count();
            Throwable refused = catchThrowable(() -> runtime.startProcessInstanceByKey(TouchpointChangeProcess.KEY,
                    unknown));
            refusedFor(refused, Variables.TOUCHPOINT);
            assertThat(refused).hasMessageContaining("is not one of the choices offered");
            assertThat(records.count()).isEqualTo(before);
            form.put(Variables.TOUCHPOINT, OWNED);
            instance = runtime.startProcessInstanceByKey(TouchpointChangeProcess.KEY, form);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(instance).hasPassed(TouchpointChangeProcess.Elements.REGISTER).hasNotPassed(NAME_TOUCHPOINT)
                .isWaitingAt(DECIDE_DESIGN);
        TouchpointChange change = changes.get(TouchpointChangeProcess.changeId(
                runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                        .getBusinessKey()));
        assertThat(change.getTouchpoint().getCode()).isEqualTo(OWNED);
        assertThat(change.getFunctionsAffected()).extracting(f -> f.getCode()).containsExactly("brand");
        assertThat(history(change)).containsExactly("PROPOSED", "DETAILED", "ROUTED");
        assertThat(task(instance, DECIDE_DESIGN).getName()).startsWith("Decide: Card packaging: Braille on the sleeve");
    }

    // --- standing permissions -------------------------------------------------------------------------------------

    @Test
    void aChangeWithinAStandingPermissionSkipsTheDesignDecision() {
        StandingPermission permission = changes.grant(OWNED, "Wording and colours of the sleeve", 1_000,
                "service.head", List.of("head-service"));
        TouchpointChange within = propose(OWNED, 400, List.of("service"), permission.getId());
        ProcessInstance instance = instanceOf(within);
        assertThat(instance).hasPassed(RECORD_STANDING).hasNotPassed(DECIDE_DESIGN).isWaitingAt(BUILD);
        assertThat(reload(within).getRoute()).isEqualTo(TouchpointChangeProcess.STANDING);
        assertThat(history(within)).contains("STANDING");
        build(instance, "operations.head", "head-operations");
        confirmLive(instance, "service.head");
        assertThat(instance).hasPassed(CHANGE_LIVE).isEnded();

        // Beyond its cost limit, the owners decide.
        TouchpointChange beyond = propose(OWNED, 5_000, List.of("service"), permission.getId());
        assertThat(instanceOf(beyond)).isWaitingAt(DECIDE_DESIGN);
        assertThat(reload(beyond).getRoute()).isEqualTo(TouchpointChangeProcess.OWNER);
        assertThat(reload(beyond).getStandingPermission()).isNull();
    }

    // --- the board path -----------------------------------------------------------------------------------------

    @Test
    void aChangeAcrossFunctionsGoesToTheBoardWhichApprovesIt() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand", "service"), null);
        ProcessInstance instance = instanceOf(change);
        assertThat(instance).hasPassed(NO_GAP).isWaitingAt(BOARD_DECIDED);
        TouchpointChange atBoard = reload(change);
        assertThat(atBoard.getStatus()).isEqualTo(TouchpointChange.Status.AT_BOARD);
        assertThat(atBoard.getAgendaItemId()).isNotNull();
        assertThat(atBoard.isCharterGap()).isFalse();

        BoardDecisions.decide(context, atBoard.getAgendaItemId(), true);

        assertThat(instance).isWaitingAt(BUILD);
        assertThat(candidate(task(instance, BUILD), "head-operations")).isTrue();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.IN_BUILD);
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "TO_BOARD", "BOARD_APPROVED");
    }

    @Test
    void aChangeAtATouchpointNobodyOwnsFlagsTheGapForTheChairAndTheBoardClosesIt() {
        TouchpointChange change = propose(UNOWNED, 500, List.of("sales"), null);
        ProcessInstance instance = instanceOf(change);
        assertThat(instance).isWaitingAt(BOARD_DECIDED, READ_CHARTER_GAP);
        assertThat(reload(change).isCharterGap()).isTrue();
        Task gap = task(instance, READ_CHARTER_GAP);
        assertThat(candidate(gap, "board-chair")).isTrue();
        assertThat(summaryOf(gap)).startsWith("**No owner for:** design, build, operate, renew");

        BoardDecisions.decide(context, reload(change).getAgendaItemId(), false);
        assertThat(instance).hasPassed(CLOSED_BY_BOARD).isNotEnded();
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.CLOSED);
        completeAs("cmo", List.of("board-chair"), gap, Map.of());
        assertThat(instance).hasPassed(GAP_FLAGGED).isEnded();
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "TO_BOARD", "GAP_FLAGGED", "BOARD_CLOSED");
    }

    @Test
    void theChairsGapNoticeExpiresAndTheChairBuildsWhatNobodyOwns() {
        TouchpointChange change = propose(UNOWNED, 500, List.of("sales"), null);
        ProcessInstance instance = instanceOf(change);
        runJobs(instance, GAP_NOTICE_EXPIRES);
        assertThat(instance).hasPassed(GAP_NOTICE_EXPIRED).isWaitingAt(BOARD_DECIDED);

        BoardDecisions.decide(context, reload(change).getAgendaItemId(), true);
        assertThat(candidate(task(instance, BUILD), "board-chair")).isTrue();
    }

    @Test
    void aBoardDecisionNobodyTookChangesNothing() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand", "service"), null);
        ProcessInstance instance = instanceOf(change);
        assertThatThrownBy(() -> runtime.createMessageCorrelation(TouchpointChangeProcess.MESSAGE_BOARD_DECIDED)
                .processInstanceBusinessKey(TouchpointChangeProcess.businessKey(change.getId())).correlate())
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class)
                .hasMessageContaining("waits for the board's decision");
        assertThat(instance).isWaitingAt(BOARD_DECIDED);
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.AT_BOARD);
    }

    // --- build and confirm ----------------------------------------------------------------------------------------

    @Test
    void whoeverBuiltAChangeCannotConfirmItAndANotLiveChangeGoesBackToBuild() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        approve(instance);
        // Sofia heads Customer Service and helps Operations: she builds, so someone else confirms.
        build(instance, "service.head", "head-operations");
        Task confirm = task(instance, CONFIRM_LIVE);
        // She is all Customer Service has: the chair may confirm it too, so that four eyes never stop it.
        assertThat(candidate(confirm, "board-chair")).isTrue();
        Throwable refused = catchThrowable(() -> confirmLive(instance, "service.head"));
        refusedFor(refused, Variables.LIVE_OUTCOME);
        assertThat(refused).hasMessageContaining("four eyes");
        refusedFor(catchThrowable(() -> completeAs("service.deputy", List.of("head-service"), confirm, Map.of(
                Variables.LIVE_OUTCOME, TouchpointChangeProcess.NOT_LIVE))), Variables.CONFIRM_NOTE);
        completeAs("service.deputy", List.of("head-service"), confirm, Map.of(Variables.LIVE_OUTCOME,
                TouchpointChangeProcess.NOT_LIVE, Variables.CONFIRM_NOTE, "The old sleeves are still sent"));

        assertThat(instance).hasPassed(RECORD_SENT_BACK).isWaitingAt(BUILD);
        assertThat(reload(change).getStatus()).isEqualTo(TouchpointChange.Status.IN_BUILD);
        assertThat(task(instance, BUILD).getDueDate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                within(1, ChronoUnit.MINUTES));
        assertThat(runtime.getVariable(instance.getId(), Variables.BUILD_REPORT)).isNull();
        build(instance, "operations.head", "head-operations");
        // Whoever built it in any round stays out: Sofia built the first round.
        refusedFor(catchThrowable(() -> confirmLive(instance, "service.head")), Variables.LIVE_OUTCOME);
        confirmLive(instance, "service.deputy");
        assertThat(instance).hasPassed(CHANGE_LIVE).isEnded();
        assertThat(reload(change).getConfirmedBy()).isEqualTo("service.deputy");
        assertThat(history(change)).containsExactly("PROPOSED", "ROUTED", "APPROVED", "BUILT", "SENT_BACK", "BUILT",
                "LIVE");
    }

    @Test
    void anOverdueBuildRemindsTheBuildersAndStaysOpen() {
        TouchpointChange change = propose(OWNED, 500, List.of("brand"), null);
        ProcessInstance instance = instanceOf(change);
        approve(instance);
        runJobs(instance, BUILD_OVERDUE);

        assertThat(instance).hasPassed(REMIND_BUILDER, BUILDER_REMINDED).isWaitingAt(BUILD);
        Task build = task(instance, BUILD);
        assertThat(build.getPriority()).isEqualTo(80);
        assertThat(tasks.getTaskComments(build.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Reminder: this change is overdue.");
        assertThat(history(change)).endsWith("REMINDED");
    }
}
