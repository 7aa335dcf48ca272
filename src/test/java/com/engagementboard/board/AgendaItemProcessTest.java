package com.engagementboard.board;

import static com.engagementboard.ProcessTestSupport.formText;
import static com.engagementboard.ProcessTestSupport.refusedFor;
import static com.engagementboard.board.AgendaItemProcess.Elements.CHECK_FACT_BASE;
import static com.engagementboard.board.AgendaItemProcess.Elements.COMPLETE_FACT_BASE;
import static com.engagementboard.board.AgendaItemProcess.Elements.ITEM_QUEUED;
import static com.engagementboard.board.AgendaItemProcess.Elements.ITEM_WITHDRAWN;
import static com.engagementboard.board.AgendaItemProcess.Elements.QUEUE_ITEM;
import static com.engagementboard.board.AgendaItemProcess.Elements.REGISTER_ITEM;
import static com.engagementboard.board.AgendaItemProcess.Elements.WITHDRAW_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.AgendaItemProcess.Variables;
import com.engagementboard.engine.ProcessVariable;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/agenda-item.bpmn: an item checked for its facts, queued, returned, resubmitted or withdrawn. */
@EngagementBoardTest
@ProcessCoverage(AgendaItemProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AgendaItemProcessTest {

    private static final List<String> MEMBER = List.of("board-member");

    @Autowired
    ProcessEngine engine;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    AgendaItems agendaItems;

    @Autowired
    AgendaItemRepository items;

    @Autowired
    BoardSetupService board;

    @Autowired
    ManagementService management;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
        // Members submit items: the board-member group must exist with its members.
        board.update(BoardSetupRequestFixtures.weekly());
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private AgendaItem submit(String title, AgendaItemRequest.FactBase facts) {
        return agendaItems.submit(new AgendaItemRequest(title, "Decide: " + title, List.of("call-centre-script"),
                facts, List.of()), "sales.head");
    }

    private ProcessInstance instanceOf(AgendaItem item) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AgendaItemProcess.KEY)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + item.getId()).singleResult();
        assertThat(instance).as("the agenda-item instance of item %s", item.getId()).isNotNull();
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult();
        return running != null ? running : new EndedInstance(instance);
    }

    private Task factBaseTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(COMPLETE_FACT_BASE)
                .singleResult();
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, MEMBER);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Starts an item with the Tasklist's start form, as the logged-in member: its author. */
    private ProcessInstance startInTasklist(String user, Map<String, Object> form) {
        identity.setAuthentication(user, MEMBER);
        try {
            return runtime.startProcessInstanceByKey(AgendaItemProcess.KEY, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Started in the Tasklist by communications.head with a title and the decision asked, nothing else. */
    private ProcessInstance startWithTitleOnly(String title) {
        return startInTasklist("communications.head", Map.of(Variables.TITLE, title, Variables.DECISION_ASKED,
                "Decide it"));
    }

    private Task detailsTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AgendaItemProcess.Elements.NAME_DETAILS).singleResult();
    }

    private AgendaItem reload(AgendaItem item) {
        return items.findById(item.getId()).orElseThrow();
    }

    @Test
    void anItemWithFactsIsQueuedForTheNextMeeting() {
        AgendaItem item = submit(unique("Shorter hold music"),
                new AgendaItemRequest.FactBase(null, "Callers hang up after 90 seconds", null));

        ProcessInstance instance = instanceOf(item);
        assertThat(instance).hasPassed(CHECK_FACT_BASE, QUEUE_ITEM, ITEM_QUEUED).isEnded();
        assertThat(reload(item).getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        assertThat(reload(item).getReturnReason()).isNull();
    }

    @Test
    void anItemWithoutFactsIsReturnedToItsAuthorWhoResubmitsItWithFacts() {
        String title = unique("Greet customers by name");
        AgendaItem item = submit(title, null);

        ProcessInstance instance = instanceOf(item);
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);
        assertThat(reload(item).getStatus()).isEqualTo(AgendaItem.Status.RETURNED);
        assertThat(reload(item).getReturnReason()).isEqualTo(AgendaItems.NO_FACTS);
        Task task = factBaseTask(instance);
        assertThat(task.getAssignee()).isEqualTo("sales.head");
        assertThat(task.getName()).isEqualTo("Add the facts to: " + title);
        // Why it was returned: from the item's record when the author's form is read, never stored in the engine.
        assertThat(runtime.getVariable(instance.getId(), Variables.RETURN_REASON)).isNull();
        assertThat(formText(task, Variables.RETURN_REASON)).isEqualTo(AgendaItems.NO_FACTS);
        assertThat(runtime.getVariable(instance.getId(), Variables.HAS_FACT_BASE)).isEqualTo(false);

        // Resubmitted still without facts: returned again, to the same author.
        completeAs("sales.head", task, Map.of(Variables.FACT_ACTION, AgendaItemProcess.RESUBMIT));
        Task again = factBaseTask(instance);
        assertThat(again).isNotNull();
        assertThat(again.getId()).isNotEqualTo(task.getId());
        assertThat(again.getAssignee()).isEqualTo("sales.head");

        completeAs("sales.head", again, Map.of(Variables.FACT_ACTION, AgendaItemProcess.RESUBMIT,
                Variables.FACT_BEHAVIOUR, "62% of branch visitors are greeted by name at competitors",
                Variables.FACT_COMPETITORS, "Two competitors do it already"));

        assertThat(instance).hasPassed(AgendaItemProcess.Elements.FACT_ACTION, QUEUE_ITEM, ITEM_QUEUED).isEnded();
        AgendaItem queued = reload(item);
        assertThat(queued.getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        assertThat(queued.getFactBehaviour()).startsWith("62%");
        assertThat(queued.factBase()).contains("Customer behaviour").contains("Competitors' moves");
    }

    @Test
    void anAuthorWithdrawsAReturnedItem() {
        AgendaItem item = submit(unique("Drop the paper statement"), new AgendaItemRequest.FactBase(" ", "", null));

        ProcessInstance instance = instanceOf(item);
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);
        completeAs("sales.head", factBaseTask(instance), Map.of(Variables.FACT_ACTION, AgendaItemProcess.WITHDRAW));

        assertThat(instance).hasPassed(WITHDRAW_ITEM, ITEM_WITHDRAWN).hasNotPassed(ITEM_QUEUED).isEnded();
        assertThat(reload(item).getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
    }

    @Test
    void anAuthorWithdrawsTheirItemThroughTheApiWhileItIsBackWithThemOrQueuedOthersCannot() {
        AgendaItem returned = submit(unique("Paperless onboarding"), null);
        ProcessInstance instance = instanceOf(returned);
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);
        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(returned.getId(), "marketing.head", "Not mine"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(returned.getId(), "sales.head", " "))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);

        agendaItems.withdrawByAuthor(returned.getId(), "sales.head", "Operations solved it without the board.");

        assertThat(instance).hasPassed(AgendaItemProcess.Elements.ITEM_WITHDRAWN_BY_AUTHOR,
                AgendaItemProcess.Elements.CONFIRM_WITHDRAWN, AgendaItemProcess.Elements.WITHDRAWN_BY_AUTHOR_END).hasNotPassed(ITEM_QUEUED).isEnded();
        AgendaItem withdrawn = reload(returned);
        assertThat(withdrawn.getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(withdrawn.getWithdrawalReason()).isEqualTo("Operations solved it without the board.");
        assertThat(withdrawn.getWithdrawnAt()).isNotNull();
        assertThatThrownBy(() -> agendaItems.withdrawByAuthor(returned.getId(), "sales.head", "Again"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class);

        // Queued: no instance runs any more; the item simply never reaches an agenda.
        AgendaItem queued = submit(unique("Shorter forms"), new AgendaItemRequest.FactBase(null, "Drop-outs", null));
        assertThat(reload(queued).getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        agendaItems.withdrawByAuthor(queued.getId(), "sales.head", "Merged into another item.");
        assertThat(reload(queued).getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
    }

    @Test
    void aWithdrawalMessageTheRecordDoesNotBackEndsNothing() {
        AgendaItem item = submit(unique("Forged withdrawal"), null);
        ProcessInstance instance = instanceOf(item);
        Task task = factBaseTask(instance);

        // The message alone, as an administrator could send it through /engine-rest/message: the item's record
        // says nothing of a withdrawal, so the check refuses it (409 there) and the rollback ends nothing.
        Throwable forged = catchThrowable(() -> runtime.createMessageCorrelation(AgendaItemProcess.Messages.WITHDRAWN)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + item.getId()).correlateAll());

        assertThat(BoardMeetingProcessTest.refusal(forged))
                .hasMessageContaining("Agenda item " + item.getId() + " is RETURNED").hasMessageContaining("withdrawn");
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE).hasNotPassed(
                AgendaItemProcess.Elements.ITEM_WITHDRAWN_BY_AUTHOR, AgendaItemProcess.Elements.CONFIRM_WITHDRAWN);
        assertThat(factBaseTask(instance).getId()).isEqualTo(task.getId());
        AgendaItem untouched = reload(item);
        assertThat(untouched.getStatus()).isEqualTo(AgendaItem.Status.RETURNED);
        assertThat(untouched.getWithdrawnAt()).isNull();
    }

    @Test
    void aReturnedItemWhoseAuthorGivesNoFactsInTimeIsWithdrawnAndSaysWhy() {
        AgendaItem item = submit(unique("Facts never came"), null);
        ProcessInstance instance = instanceOf(item);
        Task task = factBaseTask(instance);
        // Due in five working days: at least five days ahead, at most a week and two days.
        assertThat(java.time.Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant()))
                .isBetween(java.time.Duration.ofDays(5), java.time.Duration.ofDays(7).plusMinutes(1));

        com.engagementboard.ProcessTestSupport.runJobs(instance, AgendaItemProcess.Elements.FACTS_OVERDUE);

        assertThat(instance).hasPassed(AgendaItemProcess.Elements.EXPIRE_ITEM, AgendaItemProcess.Elements.ITEM_EXPIRED)
                .hasNotPassed(ITEM_QUEUED).isEnded();
        AgendaItem expired = reload(item);
        assertThat(expired.getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(expired.getWithdrawalReason()).isEqualTo(AgendaItems.NO_FACTS_IN_TIME);
    }

    @Test
    void aBadFactActionIsRefusedAndCompletesNothing() {
        AgendaItem item = submit(unique("Refuse me"), null);
        ProcessInstance instance = instanceOf(item);
        Task task = factBaseTask(instance);

        assertThatThrownBy(() -> completeAs("sales.head", task, Map.of(Variables.FACT_ACTION, "MAYBE")))
                .satisfies(e -> com.engagementboard.ProcessTestSupport.refusedFor(e, Variables.FACT_ACTION));

        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);
        assertThat(factBaseTask(instance).getId()).isEqualTo(task.getId());
        assertThat(reload(item).getStatus()).isEqualTo(AgendaItem.Status.RETURNED);
    }

    @Test
    void aMissingFactActionIsRefusedAndCompletesNothing() {
        AgendaItem item = submit(unique("No choice made"), null);
        ProcessInstance instance = instanceOf(item);
        Task task = factBaseTask(instance);
        Map<String, Object> none = new HashMap<>();
        none.put(Variables.FACT_ACTION, null);

        assertThatThrownBy(() -> completeAs("sales.head", task, none))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", Variables.FACT_ACTION);
        assertThatThrownBy(() -> completeAs("sales.head", task, Map.of()))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasFieldOrPropertyWithValue("detail", Variables.FACT_ACTION);
        assertThat(instance).isWaitingAt(COMPLETE_FACT_BASE);
    }

    @Test
    void aMemberStartsTheProcessWithTheTasklistStartFormAndTheItemIsRegisteredAndQueued() {
        String title = unique("Same greeting in every channel");
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.TITLE, title);
        form.put(Variables.DECISION_ASKED, "Adopt one greeting for the call centre and the branches");
        form.put(Variables.FACT_PRIORITY, "");
        form.put(Variables.FACT_BEHAVIOUR, "Customers notice the difference: NPS gap of 12 points");
        form.put(Variables.FACT_COMPETITORS, null);

        // The Tasklist starts it as the logged-in member: the start event's initiator is the author.
        ProcessInstance started = startInTasklist("marketing.head", form);

        // A start form cannot offer the touchpoints: the author picks them, and the actions, in the next step.
        assertThat(started).isWaitingAt(AgendaItemProcess.Elements.NAME_DETAILS);
        Task details = detailsTask(started);
        assertThat(details.getAssignee()).isEqualTo("marketing.head");
        assertThat(details.getName()).isEqualTo("Name the touchpoints and actions of: " + title);
        assertThat(tasks.getVariable(details.getId(), Variables.TOUCHPOINT_OPTIONS).toString())
                .contains("{\"value\":\"call-centre-script\",\"label\":");
        JsonValue touchpoints = SpinValues.jsonValue("[\"call-centre-script\", \"branch-greeting\"]").create();
        // An action without saying who does it, or a touchpoint nobody knows: refused, naming the action.
        assertThatThrownBy(() -> completeAs("marketing.head", details, Map.of(Variables.TOUCHPOINTS, touchpoints,
                Variables.ACTIONS, SpinValues.jsonValue("[{\"touchpoint\": \"call-centre-script\", "
                        + "\"description\": \"Train the agents\"}]").create())))
                .rootCause().hasMessageContaining("actions: action 1: choose whether it is building or operating");
        Throwable unknown = catchThrowable(() -> completeAs("marketing.head", details, Map.of(Variables.TOUCHPOINTS,
                touchpoints, Variables.ACTIONS, SpinValues.jsonValue("[{\"touchpoint\": \"no-such-touchpoint\", "
                        + "\"right\": \"OPERATE\", \"description\": \"Train the agents\"}]").create())));
        refusedFor(unknown, Variables.ACTIONS);
        assertThat(unknown).hasMessageContaining("'no-such-touchpoint' is not one of the choices offered");
        completeAs("marketing.head", details, Map.of(Variables.TOUCHPOINTS, touchpoints, Variables.ACTIONS,
                SpinValues.jsonValue("[{\"touchpoint\": \"call-centre-script\", \"right\": \"OPERATE\", "
                        + "\"description\": \"Train the agents\", \"dueInDays\": 14}]").create()));

        assertThat(started).hasPassed(REGISTER_ITEM, AgendaItemProcess.Elements.NAME_DETAILS, QUEUE_ITEM, ITEM_QUEUED)
                .isEnded();
        HistoricVariableInstance itemId = history.createHistoricVariableInstanceQuery()
                .processInstanceId(started.getId()).variableName(Variables.ITEM_ID).singleResult();
        assertThat(itemId).isNotNull();
        long id = ((Number) itemId.getValue()).longValue();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
                .getBusinessKey()).isEqualTo(AgendaItemProcess.BUSINESS_KEY_PREFIX + id);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                .variableName(Variables.AUTHOR).singleResult().getValue()).isEqualTo("marketing.head");

        AgendaItem item = agendaItems.get(id);
        assertThat(item.getTitle()).isEqualTo(title);
        assertThat(item.getAuthor()).isEqualTo("marketing.head");
        assertThat(item.getKind()).isEqualTo(AgendaItem.Kind.MEMBER);
        assertThat(item.getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        assertThat(item.getTouchpoints()).extracting(t -> t.getCode())
                .containsExactlyInAnyOrder("call-centre-script", "branch-greeting");
        assertThat(item.getFactPriority()).isNull();
        assertThat(item.getFactBehaviour()).contains("NPS gap");
        assertThat(item.getActions()).singleElement().satisfies(a -> {
            assertThat(a.getTouchpoint().getCode()).isEqualTo("call-centre-script");
            assertThat(a.getDescription()).isEqualTo("Train the agents");
            assertThat(a.isBuild()).isFalse();
            assertThat(a.getDueDays()).isEqualTo(14);
        });
    }

    @Test
    void anAuthorWhoNamesNoDetailsIsRemindedAndThenTheItemIsWithdrawnSayingWhy() {
        String title = unique("Details never came");
        ProcessInstance started = startWithTitleOnly(title);
        Task details = detailsTask(started);
        // Due in five working days (at least five days ahead, at most a week and two days); reminded then, and
        // withdrawn five working days later.
        assertThat(java.time.Duration.between(details.getCreateTime().toInstant(), details.getDueDate().toInstant()))
                .isBetween(java.time.Duration.ofDays(5), java.time.Duration.ofDays(7).plusMinutes(1));
        Date reminder = timer(started, AgendaItemProcess.Elements.DETAILS_DUE);
        Date withdrawal = timer(started, AgendaItemProcess.Elements.NO_DETAILS);
        assertThat(Math.abs(reminder.getTime() - details.getDueDate().getTime())).as("reminded when due")
                .isLessThan(60_000L);
        assertThat(java.time.Duration.between(reminder.toInstant(), withdrawal.toInstant()))
                .isBetween(java.time.Duration.ofDays(5), java.time.Duration.ofDays(7).plusMinutes(1));

        com.engagementboard.ProcessTestSupport.runJobs(started, AgendaItemProcess.Elements.DETAILS_DUE);

        assertThat(started).hasPassed(AgendaItemProcess.Elements.REMIND_DETAILS_AUTHOR,
                AgendaItemProcess.Elements.DETAILS_AUTHOR_REMINDED).isWaitingAt(AgendaItemProcess.Elements.NAME_DETAILS);
        Task reminded = detailsTask(started);
        assertThat(reminded.getId()).isEqualTo(details.getId());
        assertThat(reminded.getPriority()).isEqualTo(BoardReminders.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(reminded.getId())).singleElement()
                .satisfies(c -> assertThat(c.getFullMessage()).contains("withdrawn after 5 more working days")
                        .contains("no details given by its author"));

        com.engagementboard.ProcessTestSupport.runJobs(started, AgendaItemProcess.Elements.NO_DETAILS);

        assertThat(started).hasPassed(AgendaItemProcess.Elements.WITHDRAW_UNDETAILED_ITEM,
                AgendaItemProcess.Elements.ITEM_WITHDRAWN_NO_DETAILS).hasNotPassed(CHECK_FACT_BASE).isEnded();
        long id = ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                .variableName(Variables.ITEM_ID).singleResult().getValue()).longValue();
        AgendaItem withdrawn = agendaItems.get(id);
        assertThat(withdrawn.getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(withdrawn.getWithdrawalReason()).isEqualTo(AgendaItems.NO_DETAILS_IN_TIME)
                .startsWith("No details given by its author");
        assertThat(withdrawn.getWithdrawnAt()).isNotNull();
    }

    @Test
    void theDetailsClocksAreSettings() {
        BoardDueDates oneAndOne = new BoardDueDates(board, new BoardProperties(1, 1), clock);
        Date now = new Date();
        // One working day is at most three days away (over a weekend), two at most four.
        assertThat(oneAndOne.itemDetails()).isAfter(now).isBefore(new Date(now.getTime() + 3 * 86_400_000L + 60_000L));
        assertThat(oneAndOne.itemDetailsWithdrawal()).isAfter(oneAndOne.itemDetails())
                .isBefore(new Date(now.getTime() + 4 * 86_400_000L + 60_000L));
    }

    private Date timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult()
                .getDuedate();
    }

    @Test
    void aTasklistItemWithoutFactsGoesBackToTheInitiator() {
        String title = unique("No facts from the Tasklist");
        ProcessInstance started = startWithTitleOnly(title);
        // No touchpoints and no actions: the author may leave both empty.
        Task details = detailsTask(started);
        completeAs("communications.head", details, Map.of(Variables.TOUCHPOINTS, SpinValues.jsonValue("[]").create(),
                Variables.ACTIONS, SpinValues.jsonValue("[]").create()));
        assertThat(started).isWaitingAt(COMPLETE_FACT_BASE);
        Task task = factBaseTask(started);
        assertThat(task.getAssignee()).isEqualTo("communications.head");
        assertThat(task.getName()).isEqualTo("Add the facts to: " + title);
        long id = ((Number) runtime.getVariable(started.getId(), Variables.ITEM_ID)).longValue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
                .getBusinessKey()).isEqualTo(AgendaItemProcess.BUSINESS_KEY_PREFIX + id);
        assertThat(agendaItems.get(id).getStatus()).isEqualTo(AgendaItem.Status.RETURNED);
        completeAs("communications.head", task, Map.of(Variables.FACT_ACTION, AgendaItemProcess.WITHDRAW));
        assertThat(agendaItems.get(id).getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
    }

    /** An instance that has ended, for camunda-bpm-assert (which reads its history). */
    private record EndedInstance(HistoricProcessInstance historic) implements ProcessInstance {

        @Override
        public String getProcessDefinitionId() {
            return historic.getProcessDefinitionId();
        }

        @Override
        public String getProcessDefinitionKey() {
            return historic.getProcessDefinitionKey();
        }

        @Override
        public String getBusinessKey() {
            return historic.getBusinessKey();
        }

        @Override
        public String getRootProcessInstanceId() {
            return historic.getRootProcessInstanceId();
        }

        @Override
        public String getCaseInstanceId() {
            return historic.getCaseInstanceId();
        }

        @Override
        public boolean isSuspended() {
            return false;
        }

        @Override
        public String getId() {
            return historic.getId();
        }

        @Override
        public boolean isEnded() {
            return true;
        }

        @Override
        public String getProcessInstanceId() {
            return historic.getId();
        }

        @Override
        public String getTenantId() {
            return historic.getTenantId();
        }
    }

    // --- a charter dispute the chair takes back; a ruling no charter waits for ---------------------------

    /** The board's item that carries the charter version's dispute. */
    private long disputeItem(long charterId) {
        return jdbc.queryForObject("select max(id) from agenda_item where charter_version_id = ?", Long.class,
                charterId);
    }

    private Task meetingTask(ProcessInstance meeting, String activityId) {
        return tasks.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey(activityId).singleResult();
    }

    private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** An extraordinary meeting whose chair publishes its agenda with the item alone on it (the rest deferred). */
    private ProcessInstance agendaPublishedWith(long itemId) throws Exception {
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/board/meetings").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("cmo", "demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"at\": \"" + clock.instant().plus(java.time.Duration.ofDays(2))
                        + "\", \"reason\": \"Charter dispute\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long meetingId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asLong();
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).singleResult();
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        List<String> others = com.engagementboard.web.FormValues.rows(runtime.getVariable(meeting.getId(),
                BoardMeetingProcess.Variables.AGENDA_ORDER)).stream().map(r -> String.valueOf(r.get("item")))
                .filter(id -> !id.equals(String.valueOf(itemId))).toList();
        completeAs("cmo", CHAIR, meetingTask(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId),
                        BoardMeetingProcess.Variables.DEFERRED_ITEMS, others));
        return meeting;
    }

    private static final List<String> CHAIR = List.of("board-chair", "board-core", "board-member");

    /** The meeting starts; the chair puts its one item to the vote and the core group votes; it is recorded. */
    private void boardVotes(ProcessInstance meeting, String choice) {
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        completeAs("cmo", CHAIR, meetingTask(meeting, BoardMeetingProcess.Elements.PRESENT_ITEM),
                Map.of(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            Task vote = tasks.createTaskQuery().processInstanceId(meeting.getId())
                    .taskDefinitionKey(BoardMeetingProcess.Elements.VOTE).taskAssignee(voter).singleResult();
            completeAs(voter, List.of("board-core"), vote, Map.of(BoardMeetingProcess.Variables.VOTE, choice,
                    BoardMeetingProcess.Variables.VOTE_COMMENT, voter + " votes " + choice));
            com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.VOTE);
        }
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        assertThat(meeting).isEnded();
    }

    private Task lateRulingNotice(long itemId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId)
                .taskDefinitionKey(AgendaItemProcess.Elements.READ_LATE_RULING).singleResult();
    }

    @Test
    void theChairTakesBackADisputeTheBoardDidNotRuleOnAndItsQueuedItemIsWithdrawnSayingWhy() {
        var charter = new com.engagementboard.charter.CharterDisputeFixture(context);
        ProcessInstance dispute = charter.disputeAtTheBoard();
        long charterId = charter.charterId(dispute);
        long itemId = disputeItem(charterId);
        assertThat(items.findById(itemId).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.QUEUED);

        // A take-back the charter's process does not throw (through the engine's API, say) ends nothing.
        Throwable forged = catchThrowable(() -> runtime.createMessageCorrelation(
                AgendaItemProcess.Messages.DISPUTE_TAKEN_BACK).setVariable(Variables.CHARTER_VERSION_ID, charterId)
                .setVariable(Variables.RULING_DAYS, 20).correlateStartMessage());
        assertThat(forged).isNotNull();
        assertThat(items.findById(itemId).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId).count()).isZero();

        charter.noRulingInTime(dispute);

        AgendaItem item = items.findById(itemId).orElseThrow();
        assertThat(item.getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(item.getWithdrawalReason())
                .isEqualTo("The board did not rule within 20 working days; the chair took the dispute back.");
        assertThat(item.getWithdrawnAt()).isNotNull().isBeforeOrEqualTo(clock.instant());
        assertThat(item.getAuthor()).as("who took it back: the chair who sent it").isEqualTo("cmo");
        assertThat(instanceOf(item)).hasPassed(AgendaItemProcess.Elements.DISPUTE_TAKEN_BACK,
                AgendaItemProcess.Elements.TAKE_BACK_DISPUTE, AgendaItemProcess.Elements.DISPUTE_WITHDRAWN)
                .isEnded();
        assertThat(dispute).isWaitingAt(com.engagementboard.charter.TouchpointCharterProcess.Elements.RESOLVE_DISPUTE);
    }

    @Test
    void aTakeBackMessageWithoutItsVersionOrWithTextForItIsRefusedNamingTheVariableAndEndsNothing() {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count();

        // Read through AgendaItemProcess.Typed: a missing or mistyped variable is named in words, not a cast failing.
        Throwable missing = catchThrowable(() -> runtime.createMessageCorrelation(
                AgendaItemProcess.Messages.DISPUTE_TAKEN_BACK).setVariable(Variables.RULING_DAYS, 20)
                .correlateStartMessage());
        // The sender's mistake (a message sent by hand): every door answers it with 400 naming the variable.
        assertThat(missing).isInstanceOf(ProcessVariable.RefusedMessageVariable.class)
                .isInstanceOf(com.engagementboard.web.RefusedVariable.class)
                .hasMessageContaining("Process variable 'charterVersionId' (Long) is missing")
                .hasMessageContaining("the message must bring it")
                .hasMessageContaining(AgendaItemProcess.Elements.TAKE_BACK_DISPUTE);
        Throwable text = catchThrowable(() -> runtime.createMessageCorrelation(
                AgendaItemProcess.Messages.DISPUTE_TAKEN_BACK).setVariable(Variables.CHARTER_VERSION_ID, "12")
                .setVariable(Variables.RULING_DAYS, 20).correlateStartMessage());
        assertThat(text).isInstanceOf(ProcessVariable.RefusedMessageVariable.class)
                .hasMessageContaining("Process variable 'charterVersionId' must be a Long, but is a String ('12')");
        assertThat(((ProcessVariable.RefusedMessageVariable) text).variable()).isEqualTo(Variables.CHARTER_VERSION_ID);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count())
                .as("both messages rolled back: no instance").isEqualTo(before);
    }

    @Test
    void aDisputeOnAnAgendaTheChairIsStillPreparingLeavesItWhenTheChairTakesItBack() throws Exception {
        var charter = new com.engagementboard.charter.CharterDisputeFixture(context);
        ProcessInstance dispute = charter.disputeAtTheBoard();
        long itemId = disputeItem(charter.charterId(dispute));
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/board/meetings").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("cmo", "demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"at\": \"" + clock.instant().plus(java.time.Duration.ofDays(2))
                        + "\", \"reason\": \"Charter dispute\"}"))
                .andReturn().getResponse().getContentAsString();
        long meetingId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asLong();
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).singleResult();
        com.engagementboard.ProcessTestSupport.runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        assertThat(items.findById(itemId).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.ON_AGENDA);

        charter.noRulingInTime(dispute);

        assertThat(items.findById(itemId).orElseThrow().getStatus()).isEqualTo(AgendaItem.Status.WITHDRAWN);
        assertThat(jdbc.queryForObject("select result from meeting_item where meeting_id = ? and item_id = ?",
                String.class, meetingId, itemId)).isEqualTo("WITHDRAWN");
        assertThat(com.engagementboard.web.FormValues.rows(runtime.getVariable(meeting.getId(),
                BoardMeetingProcess.Variables.AGENDA_ORDER)).stream().map(r -> String.valueOf(r.get("item"))))
                .as("the chair's agenda starts again without it").doesNotContain(String.valueOf(itemId));
        // The meeting is called off (the other items go to the next one).
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/board/meetings/" + meetingId + "/call-off").with(org.springframework.security.test.web
                        .servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("cmo", "demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Only the dispute was to be discussed.\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    @Test
    void aDisputeOnAPublishedAgendaStaysAndItsLateRulingIsNotedOnTheCharterAndToldToTheChair() throws Exception {
        var charter = new com.engagementboard.charter.CharterDisputeFixture(context);
        ProcessInstance dispute = charter.disputeAtTheBoard();
        long charterId = charter.charterId(dispute);
        long itemId = disputeItem(charterId);
        ProcessInstance meeting = agendaPublishedWith(itemId);

        charter.noRulingInTime(dispute);

        AgendaItem item = items.findById(itemId).orElseThrow();
        assertThat(item.getStatus()).as("past the point of no return").isEqualTo(AgendaItem.Status.ON_AGENDA);
        assertThat(item.getWithdrawnAt()).isNull();
        assertThat(instanceOf(item)).hasPassed(AgendaItemProcess.Elements.TAKE_BACK_DISPUTE,
                AgendaItemProcess.Elements.DISPUTE_STAYS).isEnded();

        // The board rules late: no charter waits, so the chair is told, and the version's record says so.
        boardVotes(meeting, BoardMeetingProcess.APPROVE);

        Task notice = lateRulingNotice(itemId);
        assertThat(notice.getName()).isEqualTo("The board's late ruling: Charter dispute: call-centre-script BUILD");
        assertThat(tasks.getIdentityLinksForTask(notice.getId())).anyMatch(l -> "board-chair".equals(l.getGroupId()));
        assertThat(management.createJobQuery().processInstanceId(notice.getProcessInstanceId())
                .activityId(AgendaItemProcess.Elements.LATE_RULING_NOTICE_EXPIRES).count()).isOne();
        assertThat(runtime.getVariable(notice.getProcessInstanceId(), Variables.LATE_RULING)).isNull();
        assertThat(formText(notice, Variables.LATE_RULING))
                .contains("No charter process waited for this ruling").contains("Charter in dispute")
                .contains("the ruling noted on it").contains("The board approved the proposal");
        assertThat(charter.notes(charterId)).contains("The board approved the proposal of dispute item " + itemId);
        assertThat(dispute).isWaitingAt(com.engagementboard.charter.TouchpointCharterProcess.Elements.RESOLVE_DISPUTE);

        completeAs("cmo", CHAIR, notice, Map.of());
        ProcessInstance told = runtime.createProcessInstanceQuery()
                .processInstanceId(notice.getProcessInstanceId()).singleResult();
        assertThat(told).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(notice.getProcessInstanceId())
                .activityId(AgendaItemProcess.Elements.CHAIR_TOLD_OF_LATE_RULING).count()).isOne();

        // The same message again, as anyone who may start an agenda item could send it through the engine's
        // API: the late ruling is told once; no second note, no second notice.
        Throwable again = catchThrowable(() -> runtime.createMessageCorrelation(AgendaItemProcess.Messages.LATE_RULING)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId).correlateStartMessage());
        assertThat(again).isInstanceOf(com.engagementboard.web.IllegalTransitionException.class)
                .hasMessageContaining("has no late ruling waiting to be told").hasMessageContaining("Nothing was changed");
        assertThat(lateRulingNotice(itemId)).isNull();
        String note = "The board approved the proposal of dispute item " + itemId;
        String notes = charter.notes(charterId);
        assertThat(notes.indexOf(note)).isEqualTo(notes.lastIndexOf(note));
    }

    @Test
    void aRulingOnADisputeWhoseCharterVersionWasWithdrawnIsToldToTheChairInANoticeThatExpires() throws Exception {
        var charter = new com.engagementboard.charter.CharterDisputeFixture(context);
        ProcessInstance dispute = charter.disputeAtTheBoard();
        long charterId = charter.charterId(dispute);
        long itemId = disputeItem(charterId);
        ProcessInstance meeting = agendaPublishedWith(itemId);
        charter.withdraw(charterId);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(dispute.getId())
                .eventName(com.engagementboard.charter.TouchpointCharterProcess.MESSAGE_BOARD_RULED).count())
                .as("the charter no longer waits for the ruling").isZero();

        // A late-ruling message the register does not back (the item is not decided) ends nothing.
        Throwable forged = catchThrowable(() -> runtime.createMessageCorrelation(AgendaItemProcess.Messages.LATE_RULING)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + itemId).correlateStartMessage());
        assertThat(forged).isNotNull();
        assertThat(lateRulingNotice(itemId)).isNull();

        boardVotes(meeting, BoardMeetingProcess.REJECT);

        Task notice = lateRulingNotice(itemId);
        assertThat(runtime.getVariable(notice.getProcessInstanceId(), Variables.LATE_RULING)).isNull();
        assertThat(formText(notice, Variables.LATE_RULING))
                .contains("Charter in dispute* (withdrawn)").doesNotContain("the ruling noted on it")
                .contains("The board rejected the proposal");
        com.engagementboard.ProcessTestSupport.runJobs(runtime.createProcessInstanceQuery()
                .processInstanceId(notice.getProcessInstanceId()).singleResult(),
                AgendaItemProcess.Elements.LATE_RULING_NOTICE_EXPIRES);
        assertThat(lateRulingNotice(itemId)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(notice.getProcessInstanceId())
                .activityId(AgendaItemProcess.Elements.LATE_RULING_NOTICE_EXPIRED).count()).isOne();
    }
}
