package com.engagementboard.charter;

import static com.engagementboard.charter.TouchpointCharterProcess.Variables.AMENDMENT_ID;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.ACCEPTANCE_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.BOARD_APPROVED;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.CHANGES_PROPOSED;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.CHARTER_ID;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECIDED_BY;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECISION;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECLINED_LINES;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECLINED_RIGHTS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECLINE_BY_LINES;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DECLINE_REASON;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DISPUTE_COUNT;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DISPUTE_TAKEN_BACK;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.ESCALATION_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.FUNCTION_CODE;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.FUNCTION_NAME;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.PENDING_FUNCTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.PROPOSAL;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.REALLOCATIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.DISPUTED_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.EVERY_OTHER_TO;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.FUNCTION_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RENEW_OWNERS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RESOLUTION;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RESOLUTION_NOTE;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RESOLVED_BY;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.REVIEW_DECISION;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.REVIEW_DUE;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.REVIEW_ROUND;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RIGHTS_LABEL;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RIGHT_COUNT;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RIGHT_OPTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RULING_FUNCTIONS;
import static com.engagementboard.charter.TouchpointCharterProcess.Variables.RULING_SUMMARY;

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
        return execution -> execution.setVariable(PENDING_FUNCTIONS, charter.pendingFunctions(charterId(execution)));
    }

    @Bean
    JavaDelegate prepareAcceptance() {
        return execution -> {
            String functionCode = (String) execution.getVariable(FUNCTION_CODE);
            long charterId = charterId(execution);
            List<Allocation> rights = charter.pendingFor(charterId, functionCode).stream().sorted(CharterViews.ORDER)
                    .toList();
            execution.setVariableLocal(FUNCTION_NAME, charter.function(functionCode).getName());
            execution.setVariableLocal(RIGHT_COUNT, rights.size());
            execution.setVariableLocal(RIGHTS_LABEL, rights.size() == 1 ? "1 right" : rights.size() + " rights");
            // The rights asked, in words, are rendered when the form is read (CharterTaskTexts).
            // The picker's options, up to 500 of them (a typed Json variable: stored as bytes, not in
            // the engine's 4,000-character text column, and bounded); past that none, and the form asks for lines.
            boolean picker = rights.size() <= charter.pickerRights();
            List<Map<String, Object>> options = !picker ? List.of() : rights.stream()
                    .map(a -> CharterAcceptance.option(CharterForms.describe(a), a.getId().toString()))
                    .toList();
            execution.setVariableLocal(RIGHT_OPTIONS, Spin.JSON(options));
            execution.setVariableLocal(DECLINE_BY_LINES, !picker);
            execution.setVariableLocal(ACCEPTANCE_DUE, deadlines.acceptanceDue());
            execution.setVariableLocal(ESCALATION_DUE, deadlines.escalationDue());
            // The head's answer lands in this function's scope, not in the process instance's.
            execution.setVariableLocal(DECISION, null);
            // Typed Json, not Null: the Tasklist submits the picker as {type: <existing type>, value: "[...]"}.
            execution.setVariableLocal(DECLINED_RIGHTS, Spin.JSON("[]"));
            execution.setVariableLocal(DECLINED_LINES, null);
            execution.setVariableLocal(DECLINE_REASON, null);
            execution.setVariableLocal(DECIDED_BY, null);
        };
    }

    @Bean
    TaskListener validateAcceptance() {
        return task -> {
            forms.checkAcceptance(charterId(task), functionOf(task), task.getVariable(DECISION),
                    task.getVariable(DECLINED_RIGHTS), task.getVariable(DECLINED_LINES), task.getVariable(DECLINE_REASON));
            task.setVariable(DECIDED_BY, TaskForms.currentUser(task));
        };
    }

    @Bean
    JavaDelegate recordAcceptance() {
        return execution -> {
            long charterId = charterId(execution);
            String functionCode = (String) execution.getVariable(FUNCTION_CODE);
            // Checked again: the rights asked are read from the tables, and the answer resolved against them.
            List<Long> declined = forms.checkAcceptance(charterId, functionCode, execution.getVariable(DECISION),
                    execution.getVariable(DECLINED_RIGHTS), execution.getVariable(DECLINED_LINES),
                    execution.getVariable(DECLINE_REASON));
            charter.record(charterId, functionCode, declined,
                    declined.isEmpty() ? null : (String) execution.getVariable(DECLINE_REASON),
                    (String) execution.getVariable(DECIDED_BY));
        };
    }

    @Bean
    JavaDelegate remindOverdueAcceptance() {
        return execution -> {
            String functionCode = (String) execution.getVariable(FUNCTION_CODE);
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
        return task -> forms.checkChase(task.getVariable(TouchpointCharterProcess.Variables.CHASE_NOTE));
    }

    @Bean
    JavaDelegate checkDisputes() {
        return execution -> {
            List<Allocation> disputed = charter.disputed(charterId(execution));
            execution.setVariable(DISPUTE_COUNT, disputed.size());
            execution.setVariable(DISPUTE_TAKEN_BACK, false);
            // Pre-filled for the chair: a row per disputed right (the first 100), the new owner to pick, and a
            // choice for every other disputed right.
            execution.setVariable(DISPUTED_OPTIONS, FormValues.json(forms.disputedOptions(charterId(execution))));
            execution.setVariable(FUNCTION_OPTIONS, FormValues.json(forms.functionOptions()));
            execution.setVariable(REALLOCATIONS, FormValues.json(forms.reallocationRows(charterId(execution))));
            execution.setVariable(EVERY_OTHER_TO, null);
            execution.setVariable(RESOLUTION, null);
            execution.setVariable(RESOLUTION_NOTE, null);
        };
    }

    @Bean
    TaskListener validateResolution() {
        return task -> {
            forms.checkResolution(charterId(task), task.getVariable(RESOLUTION), task.getVariable(REALLOCATIONS),
                    task.getVariable(EVERY_OTHER_TO), task.getVariable(RESOLUTION_NOTE));
            task.setVariable(RESOLVED_BY, TaskForms.currentUser(task));
        };
    }

    @Bean
    JavaDelegate reallocateRights() {
        return execution -> {
            long charterId = charterId(execution);
            Map<Long, BusinessFunction> newOwners = forms.newOwners(charterId, execution.getVariable(REALLOCATIONS),
                    execution.getVariable(EVERY_OTHER_TO), false);
            String note = (String) execution.getVariable(RESOLUTION_NOTE);
            String by = (String) execution.getVariable(RESOLVED_BY);
            tellSettled(execution, charter.disputingFunctions(charterId));
            charter.reallocate(charterId, newOwners, note, by);
        };
    }

    /**
     * The heads whose declined rights the chair settled are told how: a notice each, that holds nothing back,
     * reading the settlement from the register when it is created.
     */
    private static void tellSettled(DelegateExecution execution, List<String> functions) {
        execution.setVariable(TouchpointCharterProcess.Variables.SETTLED_FUNCTIONS, new ArrayList<>(functions));
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
        return execution -> execution.setVariable(TouchpointCharterProcess.Variables.WITHDRAWN_FUNCTIONS,
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
                    forms.newOwners(charterId, execution.getVariable(REALLOCATIONS),
                            execution.getVariable(EVERY_OTHER_TO), true),
                    (String) execution.getVariable(RESOLUTION_NOTE), (String) execution.getVariable(RESOLVED_BY)));
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
            execution.setVariable(DISPUTE_TAKEN_BACK, true);
        };
    }

    /**
     * The board did not rule in time and the chair has the dispute back: the board is told, so that its agenda
     * item is withdrawn unless its agenda is published (then the board still rules, and a late ruling reaches
     * the chair as a notice). The message starts the board's {@code agenda-item} process.
     */
    @Bean
    JavaDelegate takeDisputeBack() {
        return execution -> execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(TouchpointCharterProcess.MESSAGE_DISPUTE_TAKEN_BACK)
                .setVariable(TouchpointCharterProcess.TAKEN_BACK_VERSION, charterId(execution))
                .setVariable(TouchpointCharterProcess.TAKEN_BACK_RULING_DAYS, deadlines.rulingDays())
                .correlateStartMessage();
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
            boolean approved = Boolean.TRUE.equals(execution.getVariable(BOARD_APPROVED));
            String ruling = execution.getVariable(RULING_SUMMARY) instanceof String words ? words
                    : "the board's ruling (its words did not come with its message)";
            List<String> concerned = approved
                    ? charter.applyRuling(charterId, forms.newOwners(charterId,
                            execution.getVariable(REALLOCATIONS), execution.getVariable(EVERY_OTHER_TO), true),
                            ruling)
                    : List.of();
            if (!approved) {
                charter.recordRejectedRuling(charterId, ruling);
            }
            // An instance whose message carried the words as a stored variable (an older board) drops them.
            execution.removeVariable(RULING_SUMMARY);
            execution.setVariable(DISPUTE_TAKEN_BACK, false);
            execution.setVariable(RULING_FUNCTIONS, concerned);
        };
    }

    @Bean
    JavaDelegate upholdAllocation() {
        return execution -> {
            long charterId = charterId(execution);
            String note = (String) execution.getVariable(RESOLUTION_NOTE);
            String by = (String) execution.getVariable(RESOLVED_BY);
            tellSettled(execution, charter.disputingFunctions(charterId));
            charter.uphold(charterId, note, by);
        };
    }

    @Bean
    JavaDelegate makeCharterEffective() {
        return execution -> execution.setVariable(REVIEW_DUE,
                deadlines.startOf(charter.makeEffective(charterId(execution))));
    }

    @Bean
    JavaDelegate prepareReview() {
        return execution -> {
            Object round = execution.getVariable(REVIEW_ROUND);
            execution.setVariable(REVIEW_ROUND, round == null ? 1 : ((Number) round).intValue() + 1);
            execution.setVariable(RENEW_OWNERS, charter.renewOwners(charterId(execution)));
        };
    }

    /** Tells each RENEW owner, on their review task, which touchpoints they renew. */
    @Bean
    TaskListener describeReview() {
        return task -> {
            String functionCode = (String) task.getVariable(FUNCTION_CODE);
            task.setVariableLocal(FUNCTION_NAME, charter.function(functionCode).getName());
            // Each owner's answer stays in their own task: nobody's form shows another's proposal.
            task.getExecution().setVariableLocal(REVIEW_DECISION, null);
            task.getExecution().setVariableLocal(PROPOSAL, null);
            // The touchpoints the function renews, in words, are rendered when the form is read (CharterTaskTexts).
        };
    }

    @Bean
    TaskListener recordReview() {
        return task -> {
            Object decision = task.getVariable(REVIEW_DECISION);
            Object proposal = task.getVariable(PROPOSAL);
            forms.checkReview(decision, proposal);
            boolean proposing = TouchpointCharterProcess.PROPOSE_CHANGES.equals(decision);
            charter.recordReview(charterId(task), ((Number) task.getVariable(REVIEW_ROUND)).intValue(),
                    functionOf(task), (String) decision, proposing ? (String) proposal : null,
                    TaskForms.currentUser(task));
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
                ((Number) execution.getVariable(REVIEW_ROUND)).intValue());
    }

    @Bean
    JavaDelegate tallyReview() {
        return execution -> {
            Map<String, String> proposals = charter.proposals(charterId(execution),
                    ((Number) execution.getVariable(REVIEW_ROUND)).intValue());
            execution.setVariable(CHANGES_PROPOSED, !proposals.isEmpty());
        };
    }

    @Bean
    JavaDelegate openAmendment() {
        return execution -> execution.setVariable(AMENDMENT_ID, charter.openAmendment(charterId(execution),
                charter.proposals(charterId(execution), ((Number) execution.getVariable(REVIEW_ROUND)).intValue())));
    }

    @Bean
    JavaDelegate scheduleNextReview() {
        return execution -> execution.setVariable(REVIEW_DUE,
                deadlines.startOf(charter.scheduleNextReview(charterId(execution))));
    }
}
