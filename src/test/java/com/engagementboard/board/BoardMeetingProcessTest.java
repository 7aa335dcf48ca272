package com.engagementboard.board;

import static com.engagementboard.board.BoardMeetingProcess.Elements.AGENDA_CUTOFF;
import static com.engagementboard.board.BoardMeetingProcess.Elements.BREAK_TIE;
import static com.engagementboard.board.BoardMeetingProcess.Elements.CLOSE_MEETING;
import static com.engagementboard.board.BoardMeetingProcess.Elements.DECIDE_ESCALATION;
import static com.engagementboard.board.BoardMeetingProcess.Elements.ITEM_CARRIED_OVER;
import static com.engagementboard.board.BoardMeetingProcess.Elements.ITEM_RETURNED;
import static com.engagementboard.board.BoardMeetingProcess.Elements.MEETING_CLOSED;
import static com.engagementboard.board.BoardMeetingProcess.Elements.MEETING_ENDS;
import static com.engagementboard.board.BoardMeetingProcess.Elements.MEETING_STARTS;
import static com.engagementboard.board.BoardMeetingProcess.Elements.MEETING_TIME;
import static com.engagementboard.board.BoardMeetingProcess.Elements.NOTHING_TO_DECIDE;
import static com.engagementboard.board.BoardMeetingProcess.Elements.PREPARE_AGENDA;
import static com.engagementboard.board.BoardMeetingProcess.Elements.PRESENT_ITEM;
import static com.engagementboard.board.BoardMeetingProcess.Elements.READ_AGENDA;
import static com.engagementboard.board.BoardMeetingProcess.Elements.RECORD_DECISION;
import static com.engagementboard.board.BoardMeetingProcess.Elements.VOTE;
import static com.engagementboard.ProcessTestSupport.refusedFor;
import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.formText;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static com.engagementboard.ProcessTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardMeetingProcess.Variables;
import com.engagementboard.charter.AcceptanceFanOut;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.CharterVersion;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.engine.ProcessVariable;
import com.engagementboard.web.FormValues;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/board-meeting.bpmn: a meeting as the chair, the members, the core group and the CEO live it. */
@EngagementBoardTest
@ProcessCoverage(BoardMeetingProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class BoardMeetingProcessTest {

    private static final List<String> CORE = List.of("business.head", "cmo", "retail.head", "wealth.head");

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
    MeetingRepository meetings;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    BoardActionRepository actions;

    @Autowired
    BoardSetupService board;

    @Autowired
    CharterDrafts charterDrafts;

    @Autowired
    CharterReading charterReading;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BoardMeetings boardMeetings;

    @Autowired
    VoteRepository votes;

    @BeforeEach
    void cleanAgenda() {
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

    private AgendaItem item(String title, boolean withAction) {
        return agendaItems.submit(new AgendaItemRequest(title, "Decide: " + title, List.of("call-centre-script"),
                new AgendaItemRequest.FactBase("Priority 5 touchpoint", "Customers complain about it", null),
                withAction ? List.of(new AgendaItemRequest.ActionRequest("call-centre-script", "Rewrite the script",
                        false, 10)) : List.of()), "sales.head");
    }

    private ProcessInstance meeting() {
        Meeting meeting = scheduler.callExtraordinary(Instant.now().plus(Duration.ofDays(2)), "Test", "cmo");
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meeting.getId())).singleResult();
    }

    private void chair(Task task, Map<String, Object> variables) {
        completeAs("cmo", List.of("board-chair", "board-core", "board-member"), task, variables);
    }

    /** Closes the agenda, publishes it in the given order and opens the meeting when its time comes. */
    private void openWithAgenda(ProcessInstance instance, List<Long> order) {
        runJobs(instance, AGENDA_CUTOFF);
        Task prepare = task(instance, PREPARE_AGENDA);
        chair(prepare, Map.of(Variables.AGENDA_ORDER, String.join("\n", order.stream().map(String::valueOf).toList())));
        runJobs(instance, MEETING_STARTS);
    }

    private void vote(ProcessInstance instance, String voter, String choice) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(VOTE)
                .taskAssignee(voter).singleResult();
        completeAs(voter, List.of("board-core"), task, Map.of(Variables.VOTE, choice, Variables.VOTE_COMMENT,
                voter + " says " + choice));
        // Each vote is counted after its save point (asynchronous after the task), as the job executor would.
        runJobs(instance, VOTE);
    }

    private void finish(ProcessInstance instance) {
        runJobs(instance, RECORD_DECISION);
        runJobs(instance, CLOSE_MEETING);
    }

    @Test
    void theChairOrdersTheAgendaByRenumberingPlacesAndForeignOrRepeatedItemsAreRefused() {
        List<Long> onAgenda = List.of(5L, 7L, 9L);
        // As the Tasklist submits the rows: 9 moved to the front.
        assertThat(BoardMeetingDelegates.agendaOrder(org.camunda.spin.Spin.JSON(
                "[{\"item\":\"5\",\"position\":2},{\"item\":\"7\",\"position\":3},{\"item\":\"9\",\"position\":1}]"),
                onAgenda)).containsExactly(9L, 5L, 7L);
        // The API's lines.
        assertThat(BoardMeetingDelegates.agendaOrder("7\n5", onAgenda)).containsExactly(7L, 5L);
        refusedFor(catchThrowable(() -> BoardMeetingDelegates.agendaOrder(org.camunda.spin.Spin.JSON(
                "[{\"item\":\"6\",\"position\":1}]"), onAgenda)), Variables.AGENDA_ORDER);
        refusedFor(catchThrowable(() -> BoardMeetingDelegates.agendaOrder(org.camunda.spin.Spin.JSON(
                "[{\"item\":\"5\",\"position\":1},{\"item\":\"5\",\"position\":2}]"), onAgenda)),
                Variables.AGENDA_ORDER);
        refusedFor(catchThrowable(() -> BoardMeetingDelegates.agendaOrder(org.camunda.spin.Spin.JSON(
                "[{\"item\":\"5\",\"position\":0}]"), onAgenda)), Variables.AGENDA_ORDER);
    }

    @Test
    void aNormalMeetingDecidesOnFactsAndCreatesActionsForTheOperateOwner() {
        AgendaItem first = item("Shorter call-centre script", true);
        AgendaItem second = item("Greeting in the customer's language", false);
        ProcessInstance instance = meeting();
        assertThat(instance).isWaitingAt(AGENDA_CUTOFF);

        runJobs(instance, AGENDA_CUTOFF);
        Task prepare = task(instance, PREPARE_AGENDA);
        assertThat(tasks.createTaskQuery().taskId(prepare.getId()).taskCandidateGroup("board-chair").count()).isOne();
        assertThat(prepare.getDueDate()).isEqualTo(runtime.getVariable(instance.getId(), Variables.MEETING_AT));
        // Texts for people are rendered from the record when the form is read, never stored in the engine.
        assertThat(runtime.getVariable(instance.getId(), Variables.AGENDA_SUMMARY)).isNull();
        assertThat(formText(prepare, Variables.AGENDA_SUMMARY))
                .contains("Shorter call-centre script").contains("Greeting in the customer's language");
        assertThatThrownBy(() -> chair(prepare, Map.of(Variables.AGENDA_ORDER, "999")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", "agendaOrder");
        // The form: a row per item on the agenda with its place 1, 2, 3..., the item named by title and author.
        List<Map<String, Object>> rows = FormValues.rows(runtime.getVariable(instance.getId(), Variables.AGENDA_ORDER));
        assertThat(rows).extracting(r -> String.valueOf(r.get("item")))
                .contains(first.getId().toString(), second.getId().toString());
        assertThat(rows).extracting(r -> ((Number) r.get("position")).intValue())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, rows.size()).boxed().toList());
        assertThat(runtime.getVariable(instance.getId(), Variables.ITEM_OPTIONS).toString())
                .contains("Shorter call-centre script (from Sanjay Patel)");
        // Two items at one place: refused, in words.
        String samePlace = rows.stream().map(r -> "{\"item\":\"" + r.get("item") + "\",\"position\":1}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        assertThatThrownBy(() -> chair(prepare, Map.of(Variables.AGENDA_ORDER,
                org.camunda.spin.plugin.variable.SpinValues.jsonValue(samePlace).create())))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("two items have place 1; give each item its own place");
        chair(prepare, Map.of(Variables.AGENDA_ORDER, second.getId() + "\n" + first.getId(),
                Variables.DEFERRED_ITEMS, List.of(second.getId().toString())));

        List<Task> notices = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(READ_AGENDA)
                .list();
        assertThat(notices).hasSize(17).extracting(Task::getAssignee).contains("marketing.head", "cmo");
        assertThat(notices.get(0).getName()).startsWith("Agenda of the board meeting on ");
        // Every member sees the agenda in their task list before the meeting: titles and authors by name.
        assertThat(formText(notices.get(0), Variables.AGENDA_SUMMARY))
                .contains("**Shorter call-centre script**, from Sanjay Patel")
                .contains("**Greeting in the customer's language**, from Sanjay Patel (deferred to the next meeting)");
        runJobs(instance, MEETING_STARTS);

        Task present = task(instance, PRESENT_ITEM);
        assertThat(present.getName()).isEqualTo("Item 2: Shorter call-centre script");
        chair(present, Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(VOTE).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(CORE);
        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        vote(instance, "retail.head", BoardMeetingProcess.APPROVE);
        vote(instance, "business.head", BoardMeetingProcess.APPROVE);
        // Three of four approve: the outcome is certain, the fourth vote is no longer asked.
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(VOTE).count()).isZero();
        finish(instance);

        assertThat(instance).hasPassed(MEETING_CLOSED).isEnded();
        Decision decision = decisions.findFirstByItemIdOrderByIdDesc(first.getId()).orElseThrow();
        assertThat(decision.getOutcome()).isEqualTo(BoardMeetingProcess.APPROVED);
        assertThat(decision.getVotes()).contains("cmo: APPROVE").contains("business.head: APPROVE");
        assertThat(decision.getFactBase()).contains("Customers complain");
        assertThat(decision.isEscalated()).isFalse();
        assertThat(actions.findByDecisionIdIn(List.of(decision.getId()))).singleElement()
                .satisfies(a -> assertThat(a.getRight()).isEqualTo("OPERATE"));
        assertThat(items.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.DEFERRED);

        // The minutes say it in names and words, at the board's own time with its zone.
        MeetingMinutes.Minutes said = minutes.of(BoardMeetingProcess.meetingId(instance.getBusinessKey()));
        assertThat(said.chair()).isEqualTo("Clara Martens");
        assertThat(said.attendance()).contains("Clara Martens").noneMatch(name -> name.contains(".head"));
        assertThat(said.items()).filteredOn(i -> i.decision() != null).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo("approved");
            assertThat(i.votes()).contains("Clara Martens: approve").doesNotContain("cmo:").doesNotContain(": APPROVE");
        });
        assertThat(said.carriedOver()).singleElement().satisfies(c -> assertThat(c).endsWith("(deferred)"));
        assertThat(minutes.when().format(decision.getDecidedAt())).matches(".*\\d{2}:\\d{2} \\S+$");
        assertThat(minutes.pdf(BoardMeetingProcess.meetingId(instance.getBusinessKey()))).isNotEmpty();
    }

    @Test
    void withoutQuorumTheItemIsCarriedOverToTheNextMeeting() {
        AgendaItem item = item("Carry me", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        vote(instance, "retail.head", BoardMeetingProcess.REJECT);
        runJobs(instance, MEETING_ENDS);
        runJobs(instance, CLOSE_MEETING);

        assertThat(instance).hasPassed(ITEM_CARRIED_OVER).isEnded();
        assertThat(items.findById(item.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        assertThat(decisions.findFirstByItemIdOrderByIdDesc(item.getId())).isEmpty();
        ProcessInstance next = meeting();
        runJobs(next, AGENDA_CUTOFF);
        assertThat(formText(task(next, PREPARE_AGENDA), Variables.AGENDA_SUMMARY)).contains("Carry me");
    }

    @Test
    void aTieIsBrokenByTheChair() {
        AgendaItem item = item("Tie", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        vote(instance, "retail.head", BoardMeetingProcess.REJECT);
        vote(instance, "business.head", BoardMeetingProcess.APPROVE);
        vote(instance, "wealth.head", BoardMeetingProcess.REJECT);

        Task tie = task(instance, BREAK_TIE);
        assertThat(tie.getName()).isEqualTo("Break the tie: Tie");
        // The chair reads the votes: each voter by name, the vote in words, the comment; the task is due by the
        // meeting's end.
        assertThat(formText(tie, Variables.TIE_CONTEXT))
                .contains("2 to approve, 2 to reject, 0 abstaining")
                .contains("**Clara Martens** votes to approve: \u201ccmo says APPROVE\u201d")
                .contains("**Rafael Ortega** votes to reject: \u201cretail.head says REJECT\u201d")
                .doesNotContain("retail.head:").doesNotContain(": REJECT");
        assertThat(tie.getDueDate()).isEqualTo(runtime.getVariable(instance.getId(), Variables.MEETING_ENDS_AT));
        assertThatThrownBy(() -> chair(tie, Map.of(Variables.TIE_BREAK, "ABSTAIN")))
                .satisfies(e -> com.engagementboard.ProcessTestSupport.refusedFor(e, Variables.TIE_BREAK));
        chair(tie, Map.of(Variables.TIE_BREAK, BoardMeetingProcess.REJECT));
        finish(instance);

        Decision decision = decisions.findFirstByItemIdOrderByIdDesc(item.getId()).orElseThrow();
        assertThat(decision.getOutcome()).isEqualTo(BoardMeetingProcess.REJECTED);
        assertThat(decision.getTieBrokenBy()).isEqualTo("cmo");
        assertThat(instance).isEnded();
    }

    /**
     * A vote's comment of another type than text. A person cannot send one: the form's comment is text, and
     * {@code VariableWriteGuard} refuses a number at every door people use, naming the field. The application
     * itself is not guarded (no one is authenticated); there the vote's listener reads the comment through the
     * contract's typed variable and refuses it in words (it was a {@link ClassCastException}), and the whole
     * completion rolls back.
     */
    @Test
    void aVoteCommentOfTheWrongTypeIsRefusedInWordsNeverWithAClassCastException() {
        AgendaItem item = item("Typed votes", false);
        ProcessInstance instance = meeting();
        long meetingId = BoardMeetingProcess.meetingId(instance.getBusinessKey());
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        Task vote = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(VOTE)
                .taskAssignee("cmo").singleResult();
        Map<String, Object> forged = Map.of(Variables.VOTE, BoardMeetingProcess.APPROVE, Variables.VOTE_COMMENT, 42);

        Throwable byAPerson = catchThrowable(() -> completeAs("cmo", List.of("board-core"), vote, forged));
        refusedFor(byAPerson, Variables.VOTE_COMMENT);
        assertThat(byAPerson).hasMessageContaining("must be text");

        Throwable byTheApplication = catchThrowable(() -> tasks.complete(vote.getId(), forged));
        assertThat(byTheApplication).hasRootCauseInstanceOf(ProcessVariable.InvalidVariableException.class)
                .hasRootCauseMessage("Process variable 'voteComment' must be a String, but is an Integer ('42') (task "
                        + VOTE + " of " + instance.getBusinessKey() + ")");
        for (Throwable cause = byTheApplication; cause != null; cause = cause.getCause()) {
            assertThat(cause).isNotInstanceOf(ClassCastException.class);
        }
        assertThat(tasks.createTaskQuery().taskId(vote.getId()).count()).isOne();
        assertThat(votes.findByMeetingIdOrderByCastAt(meetingId)).isEmpty();

        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        assertThat(votes.findByMeetingIdOrderByCastAt(meetingId)).extracting(Vote::getComment)
                .containsExactly("cmo says APPROVE");
    }

    @Test
    void anEscalatedItemIsDecidedByTheCeo() {
        AgendaItem item = item("Close branches on Saturdays", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        Task present = task(instance, PRESENT_ITEM);
        assertThat(present.getDueDate()).isEqualTo(runtime.getVariable(instance.getId(), Variables.MEETING_ENDS_AT));
        // The item as the chair presents it: its author by name, its facts.
        assertThat(formText(present, Variables.ITEM_SUMMARY))
                .contains("_Submitted by Sanjay Patel_").contains("Customers complain about it")
                .doesNotContain("sales.head");
        assertThatThrownBy(() -> chair(present, Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.ESCALATE)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("recommendation");
        chair(present, Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.ESCALATE, Variables.RECOMMENDATION,
                "Close them: footfall fell by half."));

        Task ceo = task(instance, DECIDE_ESCALATION);
        assertThat(tasks.createTaskQuery().taskId(ceo.getId()).taskCandidateGroup("ceo").count()).isOne();
        assertThat(ceo.getName()).isEqualTo("Escalated by the board: Close branches on Saturdays");
        assertThat(formText(ceo, Variables.ESCALATION_CONTEXT)).isEqualTo("Escalated by Clara Martens, the board's chair.");
        assertThat(formText(ceo, Variables.ITEM_SUMMARY)).contains("Customers complain about it");
        // Due in three working days: never on a weekend, at least three days ahead.
        ZonedDateTime due = ceo.getDueDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam"));
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(Duration.between(ceo.getCreateTime().toInstant(), due.toInstant())).isBetween(Duration.ofDays(3),
                Duration.ofDays(5).plusMinutes(1));
        completeAs("ceo", List.of("ceo"), ceo, Map.of(Variables.CEO_DECISION, BoardMeetingProcess.APPROVE,
                Variables.CEO_COMMENT, "Agreed, with a pilot first."));
        finish(instance);

        Decision decision = decisions.findFirstByItemIdOrderByIdDesc(item.getId()).orElseThrow();
        assertThat(decision.isEscalated()).isTrue();
        assertThat(decision.getCeoDecision()).isEqualTo(BoardMeetingProcess.APPROVE);
        assertThat(decision.getRecommendation()).contains("footfall");
        assertThat(decision.getOutcome()).isEqualTo(BoardMeetingProcess.APPROVED);
    }

    @Test
    void theCeoReturnsAnEscalationWithAQuestion() {
        AgendaItem item = item("Outsource the call centre", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.ESCALATE,
                Variables.RECOMMENDATION, "Outsource it."));
        Task ceo = task(instance, DECIDE_ESCALATION);
        assertThatThrownBy(() -> completeAs("ceo", List.of("ceo"), ceo, Map.of(Variables.CEO_DECISION,
                BoardMeetingProcess.RETURN))).hasRootCauseInstanceOf(FormFieldValidationException.class);
        completeAs("ceo", List.of("ceo"), ceo, Map.of(Variables.CEO_DECISION, BoardMeetingProcess.RETURN,
                Variables.CEO_COMMENT, "What does it cost in customer satisfaction?"));
        runJobs(instance, CLOSE_MEETING);

        assertThat(instance).hasPassed(ITEM_RETURNED).isEnded();
        AgendaItem returned = items.findById(item.getId()).orElseThrow();
        assertThat(returned.getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        assertThat(returned.factBase()).contains("The CEO asks:** What does it cost");
    }

    @Test
    void theCeosDueDateCountsWorkingDaysOnly() {
        ZonedDateTime friday = ZonedDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));
        assertThat(BoardDueDates.workingDaysAfter(friday, 3)).isEqualTo(friday.plusDays(5));
        assertThat(BoardDueDates.workingDaysAfter(friday.minusDays(3), 3)).isEqualTo(friday);
        assertThat(BoardDueDates.workingDaysAfter(friday.plusDays(1), 3)).isEqualTo(friday.plusDays(5));
    }

    @Test
    void votesReadAsWords() {
        assertThat(BoardMeetings.voteInWords(BoardMeetingProcess.ABSTAIN)).isEqualTo("abstain");
    }

    @Test
    void aMeetingWithoutItemsEndsAtTheCutOff() {
        ProcessInstance instance = meeting();
        runJobs(instance, AGENDA_CUTOFF);
        assertThat(instance).hasPassed(NOTHING_TO_DECIDE).isEnded();
    }

    @Test
    void whenEveryMemberHasReadTheAgendaTheMeetingStillWaitsForItsTime() {
        AgendaItem item = item("Read first", false);
        ProcessInstance instance = meeting();
        runJobs(instance, AGENDA_CUTOFF);
        chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER, item.getId().toString()));
        for (Task notice : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(READ_AGENDA)
                .list()) {
            completeAs(notice.getAssignee(), List.of("board-member"), notice, Map.of());
        }
        runJobs(instance, READ_AGENDA);
        assertThat(instance).isWaitingAt(MEETING_TIME);
        runJobs(instance, MEETING_TIME);
        assertThat(task(instance, PRESENT_ITEM)).isNotNull();
    }

    @Test
    void theCadenceTimerSchedulesTheNextWeeklyAndMonthlyMeeting() {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        board.update(BoardSetupRequestFixtures.weekly());
        Meeting weekly = scheduler.upcomingRegular().orElseThrow();
        ZonedDateTime at = weekly.getScheduledAt().atZone(zone);
        assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(at.getHour()).isEqualTo(9);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(weekly.getId())).singleResult();
        ClockUtil.setCurrentTime(Date.from(weekly.getAgendaCutoff().plusSeconds(60)));
        runJobs(instance, AGENDA_CUTOFF);
        Meeting next = scheduler.upcomingRegular().orElseThrow();
        assertThat(next.getScheduledAt()).isEqualTo(at.plusWeeks(1).toInstant());

        board.update(BoardSetupRequestFixtures.monthly(15));
        Meeting monthly = scheduler.upcomingRegular().orElseThrow();
        ZonedDateTime monthlyAt = monthly.getScheduledAt().atZone(zone);
        assertThat(monthlyAt.getDayOfMonth()).isEqualTo(15);
        ProcessInstance monthlyInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(monthly.getId())).singleResult();
        ClockUtil.setCurrentTime(Date.from(monthly.getAgendaCutoff().plusSeconds(60)));
        runJobs(monthlyInstance, AGENDA_CUTOFF);
        assertThat(scheduler.upcomingRegular().orElseThrow().getScheduledAt())
                .isEqualTo(monthlyAt.plusMonths(1).toInstant());
        board.update(BoardSetupRequestFixtures.weekly());
    }

    // --- the register records the charter in force ----------------------------------------------------

    /** A version of the charter about the call-centre script takes force, accepted by each head; its id. */
    private long charterInForce(String title, String renewedBy) {
        CharterVersion draft = charterDrafts.create(new DraftRequest(title, null, List.of(
                new AllocationLine("call-centre-script", "DESIGN", "marketing"),
                new AllocationLine("call-centre-script", "BUILD", "sales"),
                new AllocationLine("call-centre-script", "OPERATE", "sales"),
                new AllocationLine("call-centre-script", "RENEW", renewedBy))), false, "cmo", i -> "line " + i);
        charterDrafts.submit(draft.getId());
        ProcessInstance charter = AcceptanceFanOut.askHeads(runtime, management, draft.getId());
        for (Task acceptance : tasks.createTaskQuery().processInstanceId(charter.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).list()) {
            String group = tasks.getIdentityLinksForTask(acceptance.getId()).stream().map(l -> l.getGroupId())
                    .filter(g -> g != null && g.startsWith("head-")).findFirst().orElseThrow();
            completeAs(group.substring("head-".length()) + ".head", List.of(group), acceptance,
                    Map.of(TouchpointCharterProcess.Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
        }
        runJobs(charter, TouchpointCharterProcess.Elements.ACCEPT_RIGHTS);
        runJobs(charter, TouchpointCharterProcess.Elements.MAKE_EFFECTIVE);
        assertThat(charterReading.effectiveVersionId()).contains(draft.getId());
        return draft.getId();
    }

    private Decision decided(AgendaItem item) {
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        vote(instance, "retail.head", BoardMeetingProcess.APPROVE);
        vote(instance, "business.head", BoardMeetingProcess.APPROVE);
        finish(instance);
        assertThat(instance).isEnded();
        return decisions.findFirstByItemIdOrderByIdDesc(item.getId()).orElseThrow();
    }

    @Test
    void everyDecisionRecordsTheCharterVersionInForceWhenItWasTaken() {
        long first = charterInForce("Board test: marketing renews the script", "marketing");
        Decision underFirst = decided(item("Decided under one charter", false));
        assertThat(underFirst.getCharterVersionId()).isEqualTo(first);

        long second = charterInForce("Board test: communications renews the script", "communications");
        Decision underSecond = decided(item("Decided under the next charter", false));

        assertThat(second).isNotEqualTo(first);
        assertThat(underSecond.getCharterVersionId()).isEqualTo(second);
        // The register is not rewritten when a newer version takes force.
        assertThat(decisions.findById(underFirst.getId()).orElseThrow().getCharterVersionId()).isEqualTo(first);
    }

    // --- called off --------------------------------------------------------------------------------

    private long meetingIdOf(ProcessInstance instance) {
        return BoardMeetingProcess.meetingId(instance.getBusinessKey());
    }

    private List<Task> openTasks(ProcessInstance instance, String activityId) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
    }

    @Test
    void theChairCallsOffAMeetingWhoseAgendaIsPublishedItsItemsAreCarriedOverAndEveryMemberIsTold() {
        AgendaItem first = item("Called-off script", false);
        AgendaItem second = item("Called-off greeting", false);
        ProcessInstance instance = meeting();
        long meetingId = meetingIdOf(instance);
        runJobs(instance, AGENDA_CUTOFF);
        chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER, second.getId() + "\n" + first.getId()));
        assertThat(instance).isWaitingAt(READ_AGENDA);
        assertThatThrownBy(() -> boardMeetings.callOff(meetingId, "", "cmo"))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);

        boardMeetings.callOff(meetingId, "Half the core group is at the regulator's hearing.", "cmo");

        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.MEETING_CALLED_OFF,
                BoardMeetingProcess.Elements.CONFIRM_CALLED_OFF, BoardMeetingProcess.Elements.FIND_MEMBERS_TO_TELL)
                .isWaitingAt(BoardMeetingProcess.Elements.READ_CALL_OFF);
        assertThat(openTasks(instance, READ_AGENDA)).as("the agenda notices ended").isEmpty();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(MEETING_STARTS).count())
                .as("the meeting never starts").isZero();
        assertThat(items.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        assertThat(items.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        Meeting calledOff = meetings.findById(meetingId).orElseThrow();
        assertThat(calledOff.getStatus()).isEqualTo(Meeting.Status.CANCELLED);
        assertThat(calledOff.getCalledOffBy()).isEqualTo("cmo");
        assertThat(calledOff.getClosedAt()).as("no minutes").isNull();
        @SuppressWarnings("unchecked")
        List<String> members = (List<String>) runtime.getVariable(instance.getId(), Variables.MEMBERS);
        List<Task> notices = openTasks(instance, BoardMeetingProcess.Elements.READ_CALL_OFF);
        assertThat(notices).extracting(Task::getAssignee).isNotEmpty().containsExactlyInAnyOrderElementsOf(members);
        assertThat(formText(notices.get(0), Variables.MEETING_NOTICE))
                .startsWith("The chair, **Clara Martens**, called this meeting off.")
                .contains("regulator's hearing").contains("2 items on its agenda are carried over")
                .contains("No minutes");

        // Unread notices expire; the next meeting takes the carried-over items first.
        runJobs(instance, BoardMeetingProcess.Elements.CALL_OFF_NOTICE_EXPIRES);
        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.CALL_OFF_NOTICE_EXPIRED).isEnded();
        assertThatThrownBy(() -> boardMeetings.callOff(meetingId, "Again", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("CANCELLED");
        ProcessInstance next = meeting();
        runJobs(next, AGENDA_CUTOFF);
        assertThat(items.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.ON_AGENDA);
        runtime.deleteProcessInstance(next.getId(), "test over");
    }

    @Test
    void aMeetingCalledOffBeforeItsCutOffLeavesTheQueueAloneAndOneInSessionCannotBeCalledOff() {
        AgendaItem waiting = item("Waits for the next meeting", false);
        ProcessInstance instance = meeting();
        boardMeetings.callOff(meetingIdOf(instance), "Nothing urgent this week.", "cmo");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(AGENDA_CUTOFF).count())
                .isZero();
        assertThat(items.findById(waiting.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        List<Task> notices = openTasks(instance, BoardMeetingProcess.Elements.READ_CALL_OFF);
        assertThat(formText(notices.get(0), Variables.MEETING_NOTICE))
                .contains("No item was on its agenda yet");
        for (Task notice : notices) {
            completeAs(notice.getAssignee(), List.of("board-member"), notice, Map.of());
        }
        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.CALL_OFF_READ).isEnded();

        ProcessInstance inSession = meeting();
        openWithAgenda(inSession, List.of(waiting.getId()));
        assertThat(inSession).isWaitingAt(PRESENT_ITEM);
        assertThatThrownBy(() -> boardMeetings.callOff(meetingIdOf(inSession), "Too late", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("IN_SESSION");
        assertThat(inSession).isWaitingAt(PRESENT_ITEM);
        runtime.deleteProcessInstance(inSession.getId(), "test over");
    }

    @Test
    void aCallOffMessageTheRecordDoesNotBackEndsNothing() {
        AgendaItem item = item("Forged call-off", false);
        ProcessInstance instance = meeting();
        long meetingId = meetingIdOf(instance);
        runJobs(instance, AGENDA_CUTOFF);
        chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER, item.getId().toString()));
        List<String> notices = openTasks(instance, READ_AGENDA).stream().map(Task::getId).toList();
        assertThat(notices).isNotEmpty();

        // The message alone, as an administrator could send it through /engine-rest/message: the meeting's
        // record says nothing of a call-off, so the check refuses it (409 there) and the rollback ends nothing.
        Throwable forged = catchThrowable(() -> runtime.createMessageCorrelation(
                BoardMeetingProcess.Messages.CALLED_OFF).processInstanceBusinessKey(
                        BoardMeetingProcess.businessKey(meetingId)).correlateAll());

        assertThat(refusal(forged)).hasMessageContaining("Meeting " + meetingId + " is AGENDA_PUBLISHED")
                .hasMessageContaining("called off");
        assertThat(instance).isWaitingAt(READ_AGENDA).hasNotPassed(BoardMeetingProcess.Elements.MEETING_CALLED_OFF,
                BoardMeetingProcess.Elements.CONFIRM_CALLED_OFF);
        assertThat(openTasks(instance, READ_AGENDA)).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(notices);
        assertThat(openTasks(instance, BoardMeetingProcess.Elements.READ_CALL_OFF)).isEmpty();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(MEETING_STARTS).count())
                .as("the meeting still starts at its time").isOne();
        assertThat(meetings.findById(meetingId).orElseThrow().getStatus()).isEqualTo(Meeting.Status.AGENDA_PUBLISHED);
        assertThat(items.findById(item.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.ON_AGENDA);
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    /** The refusal behind a failed command: the record's transition check, however the engine wraps it. */
    static com.engagementboard.web.IllegalTransitionException refusal(Throwable thrown) {
        return com.engagementboard.ProcessTestSupport.transitionRefusal(thrown);
    }

    @Test
    void anAuthorWithdrawsTheirItemWhileTheChairPreparesTheAgendaButNotOnceItIsPublished() {
        AgendaItem stays = item("Stays on the agenda", false);
        AgendaItem leaves = item("Leaves the agenda", false);
        ProcessInstance instance = meeting();
        long meetingId = meetingIdOf(instance);
        runJobs(instance, AGENDA_CUTOFF);
        assertThat(instance).isWaitingAt(PREPARE_AGENDA);

        agendaItems.withdrawByAuthor(leaves.getId(), "sales.head", "Settled between sales and service.");

        assertThat(items.findById(leaves.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        // The chair's task starts again from the agenda without it.
        assertThat(formText(task(instance, PREPARE_AGENDA), Variables.AGENDA_SUMMARY))
                .contains("Leaves the agenda**, from").contains("(withdrawn by its author)");
        assertThat(FormValues.rows(runtime.getVariable(instance.getId(), Variables.AGENDA_ORDER)))
                .extracting(row -> row.get("item")).containsExactly(stays.getId().toString());
        // A chair who submits the old rows is told to take the agenda as it is now.
        refusedFor(catchThrowable(() -> chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER,
                leaves.getId() + "\n" + stays.getId()))), Variables.AGENDA_ORDER);
        chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER, String.valueOf(stays.getId())));
        assertThat(runtime.getVariable(instance.getId(), Variables.AGENDA_ITEMS)).isEqualTo(List.of(stays.getId()));
        assertThat(jdbc.queryForObject("select result from meeting_item where meeting_id = ? and item_id = ?",
                String.class, meetingId, leaves.getId())).isEqualTo("WITHDRAWN");

        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(stays.getId(), "sales.head", "Too late"))
                .isInstanceOf(com.engagementboard.web.ConflictException.class)
                .hasMessageContaining("can no longer be withdrawn");
        assertThat(items.findById(stays.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.ON_AGENDA);
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    // --- every wait of an item ends: not presented, tie not broken, no answer from the CEO ---------------

    @Test
    void anItemTheChairNeverPresentedIsCarriedOverWhenTheMeetingEndsAndTheMeetingCloses() {
        AgendaItem item = item("Never presented", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        assertThat(instance).isWaitingAt(PRESENT_ITEM);

        runJobs(instance, BoardMeetingProcess.Elements.NOT_PRESENTED);

        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.CARRY_OVER_NOT_PRESENTED,
                BoardMeetingProcess.Elements.ITEM_NOT_PRESENTED);
        assertThat(items.findById(item.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        runJobs(instance, CLOSE_MEETING);
        assertThat(instance).hasPassed(MEETING_CLOSED).isEnded();
        assertThat(meetings.findById(meetingIdOf(instance)).orElseThrow().getStatus()).isEqualTo(Meeting.Status.CLOSED);
    }

    @Test
    void aTieTheChairDoesNotBreakInTimeIsCarriedOver() {
        AgendaItem item = item("Tie left open", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        vote(instance, "cmo", BoardMeetingProcess.APPROVE);
        vote(instance, "retail.head", BoardMeetingProcess.REJECT);
        vote(instance, "business.head", BoardMeetingProcess.APPROVE);
        vote(instance, "wealth.head", BoardMeetingProcess.REJECT);
        assertThat(instance).isWaitingAt(BREAK_TIE);

        runJobs(instance, BoardMeetingProcess.Elements.TIE_NOT_BROKEN);

        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.CARRY_OVER_TIE,
                BoardMeetingProcess.Elements.TIE_CARRIED_OVER);
        assertThat(items.findById(item.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        assertThat(decisions.findFirstByItemIdOrderByIdDesc(item.getId())).isEmpty();
        runJobs(instance, CLOSE_MEETING);
        assertThat(instance).isEnded();
    }

    @Test
    void aTieArisingAsTheMeetingEndsStillGivesTheChairAnHour() {
        Instant now = Instant.parse("2026-12-07T10:55:00Z");
        assertThat(BoardDueDates.tieBreak(Date.from(Instant.parse("2026-12-07T11:00:00Z")), now))
                .isEqualTo(Date.from(Instant.parse("2026-12-07T11:55:00Z")));
        assertThat(BoardDueDates.tieBreak(Date.from(Instant.parse("2026-12-07T13:00:00Z")), now))
                .isEqualTo(Date.from(Instant.parse("2026-12-07T13:00:00Z")));
        assertThat(BoardDueDates.tieBreak(null, now)).isEqualTo(Date.from(Instant.parse("2026-12-07T11:55:00Z")));
    }

    @Test
    void anEscalationTheCeoDoesNotAnswerIsRemindedThenGoesBackToTheBoardAsNoAnswer() {
        AgendaItem item = item("Silent CEO", false);
        ProcessInstance instance = meeting();
        openWithAgenda(instance, List.of(item.getId()));
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.ESCALATE,
                Variables.RECOMMENDATION, "Decide it above us."));
        Task ceo = task(instance, DECIDE_ESCALATION);

        runJobs(instance, BoardMeetingProcess.Elements.CEO_REMINDER);
        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.REMIND_CEO, BoardMeetingProcess.Elements.CEO_REMINDED)
                .isWaitingAt(DECIDE_ESCALATION);
        Task reminded = task(instance, DECIDE_ESCALATION);
        assertThat(reminded.getId()).isEqualTo(ceo.getId());
        assertThat(reminded.getPriority()).isEqualTo(BoardReminders.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(ceo.getId())).extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).contains("no answer from the CEO"));

        runJobs(instance, BoardMeetingProcess.Elements.NO_CEO_ANSWER);
        assertThat(instance).hasPassed(BoardMeetingProcess.Elements.RECORD_NO_CEO_ANSWER,
                BoardMeetingProcess.Elements.ITEM_WITHOUT_CEO_ANSWER);
        assertThat(task(instance, DECIDE_ESCALATION)).isNull();
        AgendaItem back = items.findById(item.getId()).orElseThrow();
        assertThat(back.getStatus()).isEqualTo(AgendaItem.Status.CARRIED_OVER);
        assertThat(back.getCeoQuestion()).startsWith("No answer from the CEO by");
        runJobs(instance, CLOSE_MEETING);
        assertThat(instance).isEnded();
    }

    // --- many people at the same moment ----------------------------------------------------------------

    /** Each completion on a thread of its own, as its assignee, all released at once; what the threads threw. */
    private List<Throwable> atOnce(List<Task> work, List<String> groups) throws InterruptedException {
        return com.engagementboard.ProcessTestSupport.atOnce(work.stream().<Runnable>map(task -> () -> {
            identity.setAuthentication(task.getAssignee(), groups);
            try {
                if (VOTE.equals(task.getTaskDefinitionKey())) {
                    tasks.complete(task.getId(), Map.of(Variables.VOTE, BoardMeetingProcess.APPROVE));
                } else {
                    tasks.complete(task.getId());
                }
            } finally {
                identity.clearAuthentication();
            }
        }).toList());
    }

    @Test
    void seventeenMembersReadingAndFourCoreMembersVotingAtTheSameMomentNeverConflict() throws Exception {
        AgendaItem item = item("Voted at once", false);
        ProcessInstance instance = meeting();
        runJobs(instance, AGENDA_CUTOFF);
        chair(task(instance, PREPARE_AGENDA), Map.of(Variables.AGENDA_ORDER, item.getId().toString()));
        List<Task> notices = openTasks(instance, READ_AGENDA);
        assertThat(notices).hasSize(17);

        assertThat(atOnce(notices, List.of("board-member"))).as("no member's reading conflicts with another's")
                .isEmpty();
        assertThat(openTasks(instance, READ_AGENDA)).isEmpty();
        runJobs(instance, READ_AGENDA);
        assertThat(instance).isWaitingAt(MEETING_TIME);

        runJobs(instance, MEETING_TIME);
        chair(task(instance, PRESENT_ITEM), Map.of(Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        List<Task> votes = openTasks(instance, VOTE);
        assertThat(votes).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(CORE);

        assertThat(atOnce(votes, List.of("board-core", "board-member"))).as("no vote conflicts with another").isEmpty();
        runJobs(instance, VOTE);
        finish(instance);
        assertThat(decisions.findFirstByItemIdOrderByIdDesc(item.getId()).orElseThrow().getOutcome())
                .isEqualTo(BoardMeetingProcess.APPROVED);
        assertThat(jdbc.queryForObject("select count(*) from board_vote where item_id = ?", Integer.class,
                item.getId())).as("each vote once").isBetween(3, 4);
        assertThat(instance).isEnded();
    }

    @Test
    void aMeetingOrAnItemWhoseProcessIsGoneIsNotChanged() {
        ProcessInstance instance = meeting();
        long meetingId = meetingIdOf(instance);
        runtime.deleteProcessInstance(instance.getId(), "gone");
        assertThatThrownBy(() -> boardMeetings.callOff(meetingId, "Called off", "cmo"))
                .isInstanceOf(com.engagementboard.web.ConflictException.class)
                .hasMessageContaining("its process was ended or deleted, or runs an earlier version");
        assertThat(meetings.findById(meetingId).orElseThrow().getStatus()).isEqualTo(Meeting.Status.SCHEDULED);

        AgendaItem returned = agendaItems.submit(new AgendaItemRequest("No facts, no process", "Decide",
                List.of("call-centre-script"), null, List.of()), "sales.head");
        ProcessInstance itemInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + returned.getId()).singleResult();
        runtime.deleteProcessInstance(itemInstance.getId(), "gone");
        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(returned.getId(), "marketing.head", null))
                .as("someone else: 403 before the missing reason")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(returned.getId(), "sales.head", "Not needed"))
                .isInstanceOf(com.engagementboard.web.ConflictException.class);
        assertThat(items.findById(returned.getId()).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.RETURNED);
    }
}
