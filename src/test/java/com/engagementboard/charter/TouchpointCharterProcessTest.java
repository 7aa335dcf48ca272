package com.engagementboard.charter;

import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_ESCALATED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPTANCE_OVERDUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPT_RIGHTS;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.APPLY_BOARD_RULING;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.AWAIT_REVIEW;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.BOARD_APPROVED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.BOARD_RULED;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.CHASE_ACCEPTANCE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.MAKE_EFFECTIVE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.READ_BOARD_RULING;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.RESOLVE_DISPUTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_CHARTER;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.REVIEW_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.SEND_TO_BOARD;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.SUPERSEDED_END;
import static com.engagementboard.charter.TouchpointCharterProcess.Elements.TAKE_UP_AMENDMENT;
import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/touchpoint-charter.bpmn, driven through the engine as the people would. */
@EngagementBoardTest
@ProcessCoverage(TouchpointCharterProcess.KEY)
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

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

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
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                Variables.REALLOCATIONS, "\n\"call-centre-script,BUILD,operations", Variables.RESOLUTION_NOTE, "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reallocations: line 2 is not valid CSV");
        assertThatThrownBy(() -> tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.UPHOLD)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("resolutionNote");
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
        String onAgenda = (String) runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.AGENDA_ORDER);
        List<String> others = java.util.Arrays.stream(onAgenda.split("\\s+"))
                .filter(id -> !id.isBlank() && !id.equals(String.valueOf(itemId))).toList();
        assertThat(onAgenda.split("\\s+")).contains(String.valueOf(itemId));
        List<String> chair = List.of("board-chair", "board-core", "board-member");
        completeAs("cmo", chair, meetingTask(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId),
                        BoardMeetingProcess.Variables.DEFERRED_ITEMS, others));
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
        }
        runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void theChairSendsADisputeToTheBoardWhoseApprovalSettlesItAndTheVersionBecomesEffective() throws Exception {
        ProcessInstance instance = disputeSentToBoard();
        long charterId = charterId(instance);

        assertThat(instance).hasPassed(SEND_TO_BOARD).isWaitingAt(BOARD_RULED);
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
        assertThat((String) runtime.getVariable(instance.getId(), Variables.RULING_SUMMARY))
                .startsWith("The board approved the proposal").contains("cmo: APPROVE");
        Allocation build = allocation(charterId, "call-centre-script", RightKind.BUILD);
        assertThat(build.getStatus()).isEqualTo(AllocationStatus.ACCEPTED);
        assertThat(build.getFunction().getCode()).isEqualTo("operations");
        assertThat(build.getDecidedBy()).isEqualTo("board");
        assertThat(build.getDecisionNote()).contains("Ruled by the board");
        assertThat(read("/api/board/agenda-items/" + itemId).get("status").asText()).isEqualTo("DECIDED");

        // The functions concerned, the one that declined and the one that gets the right, read the ruling.
        List<Task> rulings = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(READ_BOARD_RULING).list();
        assertThat(rulings).hasSize(2);
        for (String function : List.of("operations", "sales")) {
            Task ruling = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(READ_BOARD_RULING).taskCandidateGroup("head-" + function).singleResult();
            assertThat(ruling).as("the ruling for %s", function).isNotNull();
            as(function + ".head", "head-" + function);
            tasks.complete(ruling.getId());
            identity.clearAuthentication();
        }

        runJobs(instance, MAKE_EFFECTIVE);
        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        assertThat(charters.findById(charterId).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
        assertThat(allocations.findByCharterIdAndStatus(charterId, AllocationStatus.ACCEPTED)).hasSize(8);
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
        assertThat((String) runtime.getVariable(instance.getId(), Variables.RULING_SUMMARY))
                .startsWith("The board rejected the proposal");
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
        assertThat(instance).isWaitingAt(AWAIT_REVIEW);
        assertThat(allocation(charterId, "call-centre-script", RightKind.BUILD).getFunction().getCode())
                .isEqualTo("sales");
    }
}
