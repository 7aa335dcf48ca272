package com.engagementboard.charter;

import static com.engagementboard.charter.TouchpointCharterProcess.Typed.ACCEPTANCE_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.AMENDMENT_ID;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.BOARD_APPROVED;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.CHANGES_PROPOSED;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.CHARTER_ID;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.CHASE_NOTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECIDED_BY;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECISION;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECLINED_LINES;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECLINED_RIGHTS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECLINE_BY_LINES;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DECLINE_REASON;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DISPUTED_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DISPUTE_COUNT;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.DISPUTE_TAKEN_BACK;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.ESCALATION_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.EVERY_OTHER_TO;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.FUNCTION_CODE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.FUNCTION_NAME;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.FUNCTION_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.PENDING_FUNCTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.PROPOSAL;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.REALLOCATIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RENEW_OWNERS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RESOLUTION;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RESOLUTION_NOTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RESOLVED_BY;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.REVIEW_DECISION;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.REVIEW_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.REVIEW_ROUND;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RIGHTS_LABEL;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RIGHT_COUNT;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RIGHT_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RULING_FUNCTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.RULING_SUMMARY;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.SETTLED_FUNCTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.TAKEN_BACK_RULING_DAYS;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.TAKEN_BACK_VERSION;
import static com.engagementboard.charter.TouchpointCharterProcess.Typed.WITHDRAWN_FUNCTIONS;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.security.Groups;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.TaskForms;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.Spin;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code touchpoint-charter.bpmn}, wired by expression. Each is thin: it reads
 * variables, calls {@link CharterAcceptance} (or validates a form with {@link CharterForms}) and
 * writes the result.
 */
@Configuration
class CharterDelegates {



    /** The priority an overdue acceptance gets, so it sorts first in the head's Tasklist (normal is 50). */
    static final int OVERDUE_PRIORITY = 80;

    private final CharterAcceptance charter;
    private final CharterForms forms;
    private final ApplicationEventPublisher events;
    private final CharterDeadlines deadlines;
    /** A due date as people read it in a reminder: to the minute, in the company's zone (the clock's). */
    private final DateTimeFormatter minute;

    CharterDelegates(CharterAcceptance charter, CharterForms forms, ApplicationEventPublisher events,
            CharterDeadlines deadlines, Clock clock) {
        this.charter = charter;
        this.forms = forms;
        this.events = events;
        this.deadlines = deadlines;
        this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH)
                .withZone(clock.getZone());
    }

    private static long charterId(DelegateExecution execution) {
        return TouchpointCharterProcess.charterId(execution.getProcessBusinessKey());
    }

    private static long charterId(DelegateTask task) {
        return TouchpointCharterProcess.charterId(task.getExecution().getProcessBusinessKey());
    }

    /**
     * The function a head's task is for, from the task's own candidate group ({@code head-<code>}): a
     * trusted source, unlike a variable.
     */
    private static String functionOf(DelegateTask task) {
        return task.getCandidates().stream().map(link -> Groups.functionOfHeadGroup(link.getGroupId()))
                .filter(java.util.Objects::nonNull).findFirst()
                // No candidate group left: someone completed the task at the same moment (the loser of two clicks).
                .orElseThrow(() -> new org.camunda.bpm.engine.OptimisticLockingException("Task " + task.getId()
                        + " was completed by someone else at the same time"));
    }

    @Bean
    JavaDelegate collectPendingRights() {
        return execution -> PENDING_FUNCTIONS.set(execution, charter.pendingFunctions(charterId(execution)));
    }

    @Bean
    JavaDelegate prepareAcceptance() {
        return execution -> {
            String functionCode = FUNCTION_CODE.get(execution);
            long charterId = charterId(execution);
            List<Allocation> rights = charter.pendingFor(charterId, functionCode).stream().sorted(CharterViews.ORDER)
                    .toList();
            FUNCTION_NAME.setLocal(execution, charter.function(functionCode).getName());
            RIGHT_COUNT.setLocal(execution, rights.size());
            RIGHTS_LABEL.setLocal(execution, rights.size() == 1 ? "1 right" : rights.size() + " rights");
            // The rights asked, in words, are rendered when the form is read (CharterTaskTexts).
            // The picker's options, up to 500 of them (a typed Json variable: stored as bytes, not in
            // the engine's 4,000-character text column, and bounded); past that none, and the form asks for lines.
            boolean picker = rights.size() <= charter.pickerRights();
            List<Map<String, Object>> options = !picker ? List.of() : rights.stream()
                    .map(a -> CharterAcceptance.option(CharterForms.describe(a), a.getId().toString()))
                    .toList();
            RIGHT_OPTIONS.setLocal(execution, Spin.JSON(options));
            DECLINE_BY_LINES.setLocal(execution, !picker);
            ACCEPTANCE_DUE.setLocal(execution, deadlines.acceptanceDue());
            ESCALATION_DUE.setLocal(execution, deadlines.escalationDue());
            // The head's answer lands in this function's scope, not in the process instance's.
            DECISION.setLocal(execution, null);
            // Typed Json, not Null: the Tasklist submits the picker as {type: <existing type>, value: "[...]"}.
            DECLINED_RIGHTS.setLocal(execution, Spin.JSON("[]"));
            DECLINED_LINES.setLocal(execution, null);
            DECLINE_REASON.setLocal(execution, null);
            DECIDED_BY.setLocal(execution, null);
        };
    }

    @Bean
    TaskListener validateAcceptance() {
        return task -> {
            forms.checkAcceptance(charterId(task), functionOf(task), DECISION.untyped(task),
                    DECLINED_RIGHTS.untyped(task), DECLINED_LINES.untyped(task), DECLINE_REASON.untyped(task));
            DECIDED_BY.set(task, TaskForms.currentUser(task));
        };
    }

    @Bean
    JavaDelegate recordAcceptance() {
        return execution -> {
            long charterId = charterId(execution);
            String functionCode = FUNCTION_CODE.get(execution);
            // Checked again: the rights asked are read from the tables, and the answer resolved against them.
            List<Long> declined = forms.checkAcceptance(charterId, functionCode, DECISION.untyped(execution),
                    DECLINED_RIGHTS.untyped(execution), DECLINED_LINES.untyped(execution),
                    DECLINE_REASON.untyped(execution));
            charter.record(charterId, functionCode, declined,
                    declined.isEmpty() ? null : DECLINE_REASON.get(execution), DECIDED_BY.get(execution));
        };
    }

    @Bean
    JavaDelegate remindOverdueAcceptance() {
        return execution -> {
            String functionCode = FUNCTION_CODE.get(execution);
            var tasks = execution.getProcessEngineServices().getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS)
                    .taskCandidateGroup(Groups.head(functionCode)).singleResult();
            if (task != null) {
                task.setPriority(OVERDUE_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), "Reminder: this acceptance was due "
                        + minute.format(task.getDueDate().toInstant()) + " and is overdue.");
            }
        };
    }

    /**
     * Kept for instances of older versions of the process, which still name it: the texts of a form now come
     * from {@link CharterTaskTexts} when it is read.
     */
    @Bean
    TaskListener describeChase() {
        return task -> {
        };
    }

    @Bean
    TaskListener validateChase() {
        return task -> forms.checkChase(CHASE_NOTE.untyped(task));
    }

    @Bean
    JavaDelegate checkDisputes() {
        return execution -> {
            List<Allocation> disputed = charter.disputed(charterId(execution));
            DISPUTE_COUNT.set(execution, disputed.size());
            DISPUTE_TAKEN_BACK.set(execution, false);
            // Pre-filled for the chair: a row per disputed right (the first 100), the new owner to pick, and a
            // choice for every other disputed right.
            DISPUTED_OPTIONS.set(execution, Spin.JSON(forms.disputedOptions(charterId(execution))));
            FUNCTION_OPTIONS.set(execution, Spin.JSON(forms.functionOptions()));
            REALLOCATIONS.set(execution, FormValues.json(forms.reallocationRows(charterId(execution))));
            EVERY_OTHER_TO.set(execution, null);
            RESOLUTION.set(execution, null);
            RESOLUTION_NOTE.set(execution, null);
        };
    }

    @Bean
    TaskListener validateResolution() {
        return task -> {
            forms.checkResolution(charterId(task), RESOLUTION.untyped(task), REALLOCATIONS.untyped(task),
                    EVERY_OTHER_TO.untyped(task), RESOLUTION_NOTE.untyped(task));
            RESOLVED_BY.set(task, TaskForms.currentUser(task));
        };
    }

    @Bean
    JavaDelegate reallocateRights() {
        return execution -> {
            long charterId = charterId(execution);
            Map<Long, BusinessFunction> newOwners = forms.newOwners(charterId, REALLOCATIONS.get(execution),
                    EVERY_OTHER_TO.get(execution), false);
            String note = RESOLUTION_NOTE.get(execution);
            String by = RESOLVED_BY.get(execution);
            tellSettled(execution, charter.disputingFunctions(charterId));
            charter.reallocate(charterId, newOwners, note, by);
        };
    }

    /**
     * The heads whose declined rights the chair settled are told how: a notice each, that holds nothing back,
     * reading the settlement from the register when it is created.
     */
    private static void tellSettled(DelegateExecution execution, List<String> functions) {
        SETTLED_FUNCTIONS.set(execution, new ArrayList<>(functions));
    }

    /** Kept for instances of older versions (see {@link #describeChase}). */
    @Bean
    TaskListener describeSettlement() {
        return task -> {
        };
    }

    /** The chair withdrew the version: every head it asked something of is told (the register must say so). */
    @Bean
    JavaDelegate findWithdrawnHeads() {
        return execution -> WITHDRAWN_FUNCTIONS.set(execution,
                new ArrayList<>(charter.withdrawnFunctions(charterId(execution))));
    }

    /** Kept for instances of older versions (see {@link #describeChase}). */
    @Bean
    TaskListener describeWithdrawal() {
        return task -> {
        };
    }

    /**
     * A newer version took force: the instance ends whatever it waits for. The register must say the version
     * is superseded; a message alone (sent through the engine's API) ends nothing.
     */
    @Bean
    JavaDelegate confirmSuperseded() {
        return execution -> charter.requireSuperseded(charterId(execution));
    }

    /** The chair sends the dispute to the board, with her proposal for each disputed right. */
    @Bean
    JavaDelegate sendDisputeToBoard() {
        return execution -> {
            long charterId = charterId(execution);
            events.publishEvent(charter.disputeForBoard(charterId,
                    forms.newOwners(charterId, REALLOCATIONS.get(execution), EVERY_OTHER_TO.get(execution), true),
                    RESOLUTION_NOTE.get(execution), RESOLVED_BY.get(execution)));
        };
    }

    /**
     * The board did not rule in time: the version's record says so, and the chair's dispute task opens again
     * with that said above the disputed rights (read from the record when her form is read).
     */
    @Bean
    JavaDelegate recordNoBoardRuling() {
        return execution -> {
            charter.recordNoRuling(charterId(execution), deadlines.rulingDays());
            DISPUTE_TAKEN_BACK.set(execution, true);
        };
    }

    /**
     * The board did not rule in time and the chair has the dispute back: the board is told, so that its agenda
     * item is withdrawn unless its agenda is published (then the board still rules, and a late ruling reaches
     * the chair as a notice). The message starts the board's {@code agenda-item} process.
     */
    @Bean
    JavaDelegate takeDisputeBack() {
        return execution -> {
            VariableMap message = org.camunda.bpm.engine.variable.Variables.createVariables();
            TAKEN_BACK_VERSION.set(message, charterId(execution));
            TAKEN_BACK_RULING_DAYS.set(message, deadlines.rulingDays());
            execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation(TouchpointCharterProcess.MESSAGE_DISPUTE_TAKEN_BACK)
                    .setVariables(message)
                    .correlateStartMessage();
        };
    }

    /**
     * The board ruled: if it approved, the chair's proposal becomes binding, the ruling's words recorded on each
     * right, and the functions concerned are told (their notices read it from the rights); if it rejected, the
     * version's record says so and the dispute goes back to the chair. The words come with the board's message
     * as a transient variable: recorded here, never stored in the engine.
     */
    @Bean
    JavaDelegate applyBoardRuling() {
        return execution -> {
            long charterId = charterId(execution);
            boolean approved = Boolean.TRUE.equals(BOARD_APPROVED.get(execution));
            String words = RULING_SUMMARY.get(execution);
            String ruling = words != null ? words : "the board's ruling (its words did not come with its message)";
            List<String> concerned = approved
                    ? charter.applyRuling(charterId, forms.newOwners(charterId,
                            REALLOCATIONS.get(execution), EVERY_OTHER_TO.get(execution), true),
                            ruling)
                    : List.of();
            if (!approved) {
                charter.recordRejectedRuling(charterId, ruling);
            }
            // An instance whose message carried the words as a stored variable (an older board) drops them.
            RULING_SUMMARY.remove(execution);
            DISPUTE_TAKEN_BACK.set(execution, false);
            RULING_FUNCTIONS.set(execution, concerned);
        };
    }

    @Bean
    JavaDelegate upholdAllocation() {
        return execution -> {
            long charterId = charterId(execution);
            String note = RESOLUTION_NOTE.get(execution);
            String by = RESOLVED_BY.get(execution);
            tellSettled(execution, charter.disputingFunctions(charterId));
            charter.uphold(charterId, note, by);
        };
    }

    @Bean
    JavaDelegate makeCharterEffective() {
        return execution -> REVIEW_DUE.set(execution,
                deadlines.startOf(charter.makeEffective(charterId(execution))));
    }

    @Bean
    JavaDelegate prepareReview() {
        return execution -> {
            Integer round = REVIEW_ROUND.get(execution);
            REVIEW_ROUND.set(execution, round == null ? 1 : round + 1);
            RENEW_OWNERS.set(execution, charter.renewOwners(charterId(execution)));
        };
    }

    /** Tells each RENEW owner, on their review task, which touchpoints they renew. */
    @Bean
    TaskListener describeReview() {
        return task -> {
            String functionCode = FUNCTION_CODE.get(task);
            FUNCTION_NAME.setLocal(task, charter.function(functionCode).getName());
            // Each owner's answer stays in their own task: nobody's form shows another's proposal.
            REVIEW_DECISION.setLocal(task.getExecution(), null);
            PROPOSAL.setLocal(task.getExecution(), null);
            // The touchpoints the function renews, in words, are rendered when the form is read (CharterTaskTexts).
        };
    }

    @Bean
    TaskListener recordReview() {
        return task -> {
            forms.checkReview(REVIEW_DECISION.untyped(task), PROPOSAL.untyped(task));
            String decision = REVIEW_DECISION.require(task);
            boolean proposing = TouchpointCharterProcess.PROPOSE_CHANGES.equals(decision);
            charter.recordReview(charterId(task), REVIEW_ROUND.require(task), functionOf(task), decision,
                    proposing ? PROPOSAL.get(task) : null, TaskForms.currentUser(task));
        };
    }

    /** The review is due and some owners have not answered: their tasks rise to the top, with a reminder. */
    @Bean
    JavaDelegate remindOverdueReview() {
        return execution -> {
            var tasks = execution.getProcessEngineServices().getTaskService();
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TouchpointCharterProcess.Elements.REVIEW_CHARTER).list()) {
                task.setPriority(OVERDUE_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), "Reminder: this review was due "
                        + (task.getDueDate() == null ? "" : minute.format(task.getDueDate().toInstant()) + " ")
                        + "and is overdue; it closes without your answer if you stay silent.");
            }
        };
    }

    /** The review closed: the owners who did not answer are recorded as such; their silence proposes no change. */
    @Bean
    JavaDelegate recordUnansweredReview() {
        return execution -> charter.recordUnansweredReview(charterId(execution),
                REVIEW_ROUND.require(execution));
    }

    @Bean
    JavaDelegate tallyReview() {
        return execution -> {
            Map<String, String> proposals = charter.proposals(charterId(execution),
                    REVIEW_ROUND.require(execution));
            CHANGES_PROPOSED.set(execution, !proposals.isEmpty());
        };
    }

    @Bean
    JavaDelegate openAmendment() {
        return execution -> AMENDMENT_ID.set(execution, charter.openAmendment(charterId(execution),
                charter.proposals(charterId(execution), REVIEW_ROUND.require(execution))));
    }

    @Bean
    JavaDelegate scheduleNextReview() {
        return execution -> REVIEW_DUE.set(execution,
                deadlines.startOf(charter.scheduleNextReview(charterId(execution))));
    }
}
