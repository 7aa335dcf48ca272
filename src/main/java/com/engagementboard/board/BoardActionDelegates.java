package com.engagementboard.board;

import static com.engagementboard.board.BoardActionProcess.Typed.ACTION_DUE;
import static com.engagementboard.board.BoardActionProcess.Typed.ACTION_OUTCOME;
import static com.engagementboard.board.BoardActionProcess.Typed.ACTION_REPORT;
import static com.engagementboard.board.BoardActionProcess.Typed.CHAIR_DECISION;
import static com.engagementboard.board.BoardActionProcess.Typed.CHAIR_NOTE;
import static com.engagementboard.board.BoardActionProcess.Typed.RESUME_WEEKS;
import static com.engagementboard.web.TaskForms.requireOneOf;
import static com.engagementboard.web.TaskForms.requireText;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code board-action.bpmn}, wired by expression: the owner's report (done or blocked), the
 * reminder, the chair's decision on a blocked action, and the check behind a cancellation.
 */
@Configuration
class BoardActionDelegates {

    private final BoardActions actions;
    private final BoardReminders reminders;

    BoardActionDelegates(BoardActions actions, BoardReminders reminders) {
        this.actions = actions;
        this.reminders = reminders;
    }

    private static long actionId(DelegateExecution execution) {
        return BoardActionProcess.actionId(execution.getProcessBusinessKey());
    }

    /**
     * Who moved the action on: the person who completed the task just before (the step runs in the same
     * transaction), or an administrator who started the step by hand in Cockpit.
     */
    private static String actor(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? "unknown" : user.getUserId();
    }

    @Bean
    JavaDelegate remindActionOwner() {
        return execution -> {
            reminders.remind(execution.getProcessInstanceId(), BoardActionProcess.Elements.CARRY_OUT,
                    "Reminder: this action is overdue.");
            actions.reminded(actionId(execution));
        };
    }

    /** The owner says done or blocked, and in both cases says what (done, or what blocks it). */
    @Bean
    TaskListener validateActionReport() {
        return task -> {
            Object outcome = ACTION_OUTCOME.untyped(task);
            if (outcome == null) {
                // A client that only reports (as the API did before an action could be blocked): done.
                outcome = BoardActionProcess.DONE;
                ACTION_OUTCOME.set(task.getExecution(), BoardActionProcess.DONE);
            }
            requireOneOf(ACTION_OUTCOME.name(), outcome, BoardActionProcess.DONE, BoardActionProcess.BLOCKED);
            requireText(ACTION_REPORT.name(), ACTION_REPORT.untyped(task),
                    BoardActionProcess.BLOCKED.equals(outcome) ? "say what blocks it" : "say what was done");
        };
    }

    @Bean
    JavaDelegate closeAction() {
        return execution -> actions.done(actionId(execution), actor(execution), ACTION_REPORT.get(execution));
    }

    @Bean
    JavaDelegate recordActionBlocked() {
        return execution -> actions.blocked(actionId(execution), actor(execution), ACTION_REPORT.get(execution));
    }

    /** The chair resumes (with more time, in weeks she picks) or cancels, and says why. */
    @Bean
    TaskListener validateBlockedDecision() {
        return task -> {
            Object decision = CHAIR_DECISION.untyped(task);
            requireOneOf(CHAIR_DECISION.name(), decision, BoardActionProcess.RESUME, BoardActionProcess.CANCEL);
            if (BoardActionProcess.RESUME.equals(decision)) {
                requireOneOf(RESUME_WEEKS.name(), RESUME_WEEKS.untyped(task),
                        BoardActionProcess.RESUME_WEEK_CHOICES.toArray(String[]::new));
            }
            requireText(CHAIR_NOTE.name(), CHAIR_NOTE.untyped(task),
                    "tell the owner why it goes on, or why it is cancelled");
        };
    }

    /**
     * The owner gets the action back, due later: the task's due date and its reminder move with it. The last
     * round's answers (the owner's and the chair's, kept in the record) are cleared, so neither form opens
     * with them filled in.
     */
    @Bean
    JavaDelegate resumeAction() {
        return execution -> {
            ACTION_DUE.set(execution, Date.from(actions.resume(actionId(execution), CHAIR_NOTE.get(execution),
                    Integer.parseInt(RESUME_WEEKS.require(execution)))));
            execution.removeVariables(java.util.List.of(ACTION_OUTCOME.name(), ACTION_REPORT.name(),
                    CHAIR_DECISION.name(), RESUME_WEEKS.name(), CHAIR_NOTE.name()));
        };
    }

    @Bean
    JavaDelegate cancelBlockedAction() {
        return execution -> actions.cancelBlocked(actionId(execution), actor(execution), CHAIR_NOTE.get(execution));
    }

    @Bean
    JavaDelegate confirmActionCancelled() {
        return execution -> actions.requireCancelled(actionId(execution));
    }
}
