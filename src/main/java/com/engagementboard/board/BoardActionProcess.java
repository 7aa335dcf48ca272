package com.engagementboard.board;

import com.engagementboard.engine.ProcessVariable;
import java.util.Date;

/**
 * The contract of {@code processes/board-action.bpmn}: one action a board decision created at a
 * touchpoint, carried out by the head group of its owner function, reminded when overdue.
 */
public final class BoardActionProcess {

    public static final String KEY = "board-action";
    public static final String BUSINESS_KEY_PREFIX = "action-";

    public static final class Elements {
        public static final String START = "StartEvent_ActionCreated";
        public static final String CARRY_OUT = "Task_CarryOutAction";
        public static final String ACTION_OVERDUE = "BoundaryEvent_ActionOverdue";
        public static final String REMIND_OWNER = "Task_RemindActionOwner";
        public static final String OWNER_REMINDED = "EndEvent_OwnerReminded";
        public static final String ACTION_OUTCOME = "Gateway_ActionOutcome";
        public static final String CLOSE_ACTION = "Task_CloseAction";
        public static final String ACTION_DONE = "EndEvent_ActionDone";
        public static final String RECORD_BLOCKED = "Task_RecordBlocked";
        public static final String DECIDE_BLOCKED = "Task_DecideBlockedAction";
        public static final String CHAIR_ON_BLOCKED = "Gateway_ChairOnBlocked";
        public static final String RESUME_ACTION = "Task_ResumeAction";
        public static final String CANCEL_BLOCKED = "Task_CancelBlockedAction";
        public static final String ACTION_CANCELLED = "EndEvent_ActionCancelled";
        public static final String CANCELLED_BY_CHAIR = "SubProcess_CancelledByChair";
        public static final String CANCEL_RECEIVED = "StartEvent_ActionCancelled";
        public static final String CONFIRM_CANCELLED = "Task_ConfirmCancelled";
        public static final String OWNERS_TASK_ENDED = "EndEvent_CancelledByChair";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final String ACTION_ID = "actionId";
        /** String: the action's title (the task's name). */
        public static final String ACTION_TITLE = "actionTitle";
        /** String: the head group of the owner function. */
        public static final String OWNER_GROUP = "ownerGroup";
        /** Date: when the action is due. */
        public static final String ACTION_DUE = "actionDue";
        /** String (markdown): the decision and the touchpoint, for the form. */
        public static final String ACTION_SUMMARY = "actionSummary";
        /** Form field: what was done, or what blocks it (required). */
        public static final String ACTION_REPORT = "actionReport";
        /** Form field: DONE or BLOCKED (absent: done, as the form was before it asked). */
        public static final String ACTION_OUTCOME = "actionOutcome";
        /** Form field of the chair on a blocked action: RESUME or CANCEL. */
        public static final String CHAIR_DECISION = "chairDecision";
        /** Form field of the chair: how many more weeks the owner gets ("1", "2", "4" or "8"), when resuming. */
        public static final String RESUME_WEEKS = "resumeWeeks";
        /** Form field of the chair: her note to the owner (required). */
        public static final String CHAIR_NOTE = "chairNote";

        private Variables() {
        }
    }

    /**
     * The variables of {@link Variables} with their types, for the delegates: {@code CHAIR_NOTE.require(execution)}
     * instead of a name and a cast. The names stay in {@link Variables} for forms, tests and the engine's APIs.
     */
    public static final class Typed {
        public static final ProcessVariable<Long> ACTION_ID = ProcessVariable.longNumber(Variables.ACTION_ID);
        public static final ProcessVariable<String> ACTION_TITLE = ProcessVariable.string(Variables.ACTION_TITLE);
        public static final ProcessVariable<String> OWNER_GROUP = ProcessVariable.string(Variables.OWNER_GROUP);
        public static final ProcessVariable<Date> ACTION_DUE = ProcessVariable.date(Variables.ACTION_DUE);
        public static final ProcessVariable<String> ACTION_SUMMARY = ProcessVariable.string(Variables.ACTION_SUMMARY);
        public static final ProcessVariable<String> ACTION_REPORT = ProcessVariable.string(Variables.ACTION_REPORT);
        public static final ProcessVariable<String> ACTION_OUTCOME = ProcessVariable.string(Variables.ACTION_OUTCOME);
        public static final ProcessVariable<String> CHAIR_DECISION = ProcessVariable.string(Variables.CHAIR_DECISION);
        /** One of {@link BoardActionProcess#RESUME_WEEK_CHOICES}: text, as the form's select gives it. */
        public static final ProcessVariable<String> RESUME_WEEKS = ProcessVariable.string(Variables.RESUME_WEEKS);
        public static final ProcessVariable<String> CHAIR_NOTE = ProcessVariable.string(Variables.CHAIR_NOTE);

        private Typed() {
        }
    }

    public static final String FORM_ACTION = "board-action";
    public static final String FORM_BLOCKED = "board-action-blocked";

    /** Values of the form fields. */
    public static final String DONE = "DONE";
    public static final String BLOCKED = "BLOCKED";
    public static final String RESUME = "RESUME";
    public static final String CANCEL = "CANCEL";
    public static final java.util.List<String> RESUME_WEEK_CHOICES = java.util.List.of("1", "2", "4", "8");

    /** Correlated to the instance of an action when the chair cancels it. */
    public static final String MESSAGE_ACTION_CANCELLED = "ActionCancelled";

    private BoardActionProcess() {
    }

    public static String businessKey(long actionId) {
        return BUSINESS_KEY_PREFIX + actionId;
    }

    /**
     * The record an instance runs for, read from its business key: the application names every instance
     * itself, and nobody can change a business key afterwards (unlike a variable).
     */
    public static long actionId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
