package com.engagementboard.board;

import static com.engagementboard.web.TaskForms.requireOneOf;
import static com.engagementboard.web.TaskForms.requireText;

import com.engagementboard.board.BoardActionProcess.Variables;
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
            Object outcome = task.getVariable(Variables.ACTION_OUTCOME);
            if (outcome == null) {
                // A client that only reports (as the API did before an action could be blocked): done.
                outcome = BoardActionProcess.DONE;
                task.getExecution().setVariable(Variables.ACTION_OUTCOME, outcome);
            }
            requireOneOf(Variables.ACTION_OUTCOME, outcome, BoardActionProcess.DONE, BoardActionProcess.BLOCKED);
            requireText(Variables.ACTION_REPORT, task.getVariable(Variables.ACTION_REPORT),
                    BoardActionProcess.BLOCKED.equals(outcome) ? "say what blocks it" : "say what was done");
        };
    }

    @Bean
    JavaDelegate closeAction() {
        return execution -> actions.done(actionId(execution), actor(execution),
                (String) execution.getVariable(Variables.ACTION_REPORT));
    }

    @Bean
    JavaDelegate recordActionBlocked() {
        return execution -> actions.blocked(actionId(execution), actor(execution),
                (String) execution.getVariable(Variables.ACTION_REPORT));
    }

    /** The chair resumes (with more time, in weeks she picks) or cancels, and says why. */
    @Bean
    TaskListener validateBlockedDecision() {
        return task -> {
            Object decision = task.getVariable(Variables.CHAIR_DECISION);
            requireOneOf(Variables.CHAIR_DECISION, decision, BoardActionProcess.RESUME, BoardActionProcess.CANCEL);
            if (BoardActionProcess.RESUME.equals(decision)) {
                requireOneOf(Variables.RESUME_WEEKS, task.getVariable(Variables.RESUME_WEEKS),
                        BoardActionProcess.RESUME_WEEK_CHOICES.toArray(String[]::new));
            }
            requireText(Variables.CHAIR_NOTE, task.getVariable(Variables.CHAIR_NOTE),
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
            execution.setVariable(Variables.ACTION_DUE, Date.from(actions.resume(actionId(execution),
                    (String) execution.getVariable(Variables.CHAIR_NOTE),
                    Integer.parseInt((String) execution.getVariable(Variables.RESUME_WEEKS)))));
            execution.removeVariables(java.util.List.of(Variables.ACTION_OUTCOME, Variables.ACTION_REPORT,
                    Variables.CHAIR_DECISION, Variables.RESUME_WEEKS, Variables.CHAIR_NOTE));
        };
    }

    @Bean
    JavaDelegate cancelBlockedAction() {
        return execution -> actions.cancelBlocked(actionId(execution), actor(execution),
                (String) execution.getVariable(Variables.CHAIR_NOTE));
    }

    @Bean
    JavaDelegate confirmActionCancelled() {
        return execution -> actions.requireCancelled(actionId(execution));
    }
}
