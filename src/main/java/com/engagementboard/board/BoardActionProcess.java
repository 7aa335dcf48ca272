package com.engagementboard.board;

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
        public static final String CLOSE_ACTION = "Task_CloseAction";
        public static final String ACTION_DONE = "EndEvent_ActionDone";

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
        /** Form field: what was done (required). */
        public static final String ACTION_REPORT = "actionReport";

        private Variables() {
        }
    }

    public static final String FORM_ACTION = "board-action";

    private BoardActionProcess() {
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
