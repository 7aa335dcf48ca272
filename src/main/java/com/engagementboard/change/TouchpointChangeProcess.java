package com.engagementboard.change;

import com.engagementboard.engine.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * The contract of {@code processes/touchpoint-change.bpmn}: a change anyone proposes at a touchpoint, routed
 * by the decision table {@code processes/change-routing.dmn} to the touchpoint's owners (the DESIGN owner's
 * head decides, the BUILD owner builds, the OPERATE owner confirms it is live), to the board, or through a
 * standing permission of the OPERATE owner (built and confirmed without a design decision).
 */
public final class TouchpointChangeProcess {

    public static final String KEY = "touchpoint-change";
    public static final String BUSINESS_KEY_PREFIX = "change-";
    /** The decision table's key. */
    public static final String ROUTING_DECISION = "change-routing";

    public static final class Elements {
        public static final String START = "StartEvent_ChangeProposed";
        public static final String REGISTER = "Task_RegisterChange";
        public static final String DETAILS_GIVEN = "Gateway_DetailsGiven";
        public static final String NAME_TOUCHPOINT = "Task_NameTouchpoint";
        public static final String PREPARE_ROUTING = "Task_PrepareRouting";
        public static final String ROUTE = "Task_RouteChange";
        public static final String RECORD_ROUTE = "Task_RecordRoute";
        public static final String WHO_DECIDES = "Gateway_WhoDecides";
        public static final String DECIDE_DESIGN = "Task_DecideDesign";
        public static final String DESIGN_DECISION = "Gateway_DesignDecision";
        public static final String RECORD_APPROVAL = "Task_RecordApproval";
        public static final String RECORD_REJECTION = "Task_RecordRejection";
        public static final String CHANGE_REJECTED = "EndEvent_ChangeRejected";
        public static final String RECORD_QUESTION = "Task_RecordQuestion";
        public static final String ANSWER_QUESTION = "Task_AnswerQuestion";
        public static final String RECORD_ANSWER = "Task_RecordAnswer";
        /** The proposer did not answer in 30 days: the change is withdrawn (the case ends). */
        public static final String NO_ANSWER = "BoundaryEvent_NoAnswer";
        public static final String RECORD_NO_ANSWER = "Task_RecordNoAnswer";
        public static final String WITHDRAWN_NO_ANSWER = "EndEvent_NoAnswer";
        public static final String NEVER_PLACED = "BoundaryEvent_NeverPlaced";
        public static final String RECORD_NEVER_PLACED = "Task_RecordNeverPlaced";
        public static final String WITHDRAWN_NEVER_PLACED = "EndEvent_NeverPlaced";
        public static final String RECORD_STANDING = "Task_RecordStanding";
        public static final String SEND_TO_BOARD = "Task_SendToBoard";
        public static final String CHARTER_GAP = "Gateway_CharterGap";
        public static final String READ_CHARTER_GAP = "Task_ReadCharterGap";
        public static final String GAP_NOTICE_EXPIRES = "BoundaryEvent_GapNoticeExpires";
        public static final String GAP_FLAGGED = "EndEvent_GapFlagged";
        public static final String GAP_NOTICE_EXPIRED = "EndEvent_GapNoticeExpired";
        public static final String NO_GAP = "EndEvent_NoGap";
        public static final String BOARD_DECIDED = "Event_BoardDecided";
        public static final String RECORD_BOARD_DECISION = "Task_RecordBoardDecision";
        public static final String BOARD_DECISION = "Gateway_BoardDecision";
        public static final String CLOSED_BY_BOARD = "EndEvent_ClosedByBoard";
        public static final String BUILD = "Task_BuildChange";
        public static final String BUILD_OVERDUE = "BoundaryEvent_BuildOverdue";
        public static final String REMIND_BUILDER = "Task_RemindBuilder";
        public static final String BUILDER_REMINDED = "EndEvent_BuilderReminded";
        public static final String RECORD_BUILT = "Task_RecordBuilt";
        public static final String CONFIRM_LIVE = "Task_ConfirmLive";
        public static final String IS_LIVE = "Gateway_IsLive";
        public static final String RECORD_LIVE = "Task_RecordLive";
        public static final String CHANGE_LIVE = "EndEvent_ChangeLive";
        public static final String RECORD_SENT_BACK = "Task_RecordSentBack";

        private Elements() {
        }
    }

    public static final class Variables {
        /** Who proposed it (the start's initiator, or the API's caller). */
        public static final String PROPOSER = "proposer";
        public static final String CHANGE_ID = "changeId";
        /** String: the change in a line, for the tasks' names. */
        public static final String CHANGE_TITLE = "changeTitle";
        /** String (markdown): the change, the touchpoint's owners, earlier changes, for the forms. */
        public static final String CHANGE_SUMMARY = "changeSummary";
        /** Boolean: the touchpoint is named (through the API); else the proposer names it in a task. */
        public static final String DETAILS_GIVEN = "detailsGiven";

        /** Start form fields. */
        public static final String WHAT_CHANGE = "whatChange";
        public static final String WHY = "why";
        public static final String EVIDENCE = "evidence";
        public static final String URGENCY = "urgency";
        public static final String ESTIMATED_COST = "estimatedCost";

        /** The proposer's details form: the touchpoint (code), the functions affected (codes), the permission. */
        public static final String TOUCHPOINT = "touchpoint";
        public static final String FUNCTIONS_AFFECTED = "functionsAffectedCodes";
        public static final String STANDING_PERMISSION = "standingPermission";
        public static final String TOUCHPOINT_OPTIONS = "touchpointOptions";
        public static final String FUNCTION_OPTIONS = "functionOptions";
        public static final String PERMISSION_OPTIONS = "permissionOptions";

        /** The decision table's inputs, set by Task_PrepareRouting from the record and the charter in force. */
        public static final String WITHIN_STANDING_PERMISSION = "withinStandingPermission";
        public static final String CHARTER_COVERS = "charterCovers";
        public static final String FUNCTIONS_AFFECTED_COUNT = "functionsAffected";
        public static final String TOUCHPOINT_PRIORITY = "touchpointPriority";
        /** The decision table's result (singleResult: route and routeReason). */
        public static final String ROUTING = "routing";
        /** String: OWNER, BOARD or STANDING, as recorded. */
        public static final String ROUTE = "route";
        /** Boolean: a right of the touchpoint has no owner in the charter in force. */
        public static final String CHARTER_GAP = "charterGap";

        /** Candidate groups: the head groups of the DESIGN, BUILD and OPERATE owners (the chair when none). */
        public static final String DESIGN_GROUP = "designGroup";
        public static final String BUILD_GROUP = "buildGroup";
        public static final String OPERATE_GROUP = "operateGroup";
        /** Date: when the build is due. */
        public static final String BUILD_DUE = "buildDue";

        /** The DESIGN head's form: APPROVE, REJECT or ASK; the reason or the question; weeks to build. */
        public static final String DESIGN_DECISION = "designDecision";
        public static final String DESIGN_NOTE = "designNote";
        public static final String BUILD_WEEKS = "buildWeeks";
        /** The proposer's answer to the question. */
        public static final String ANSWER = "answer";
        /** The builder's report. */
        public static final String BUILD_REPORT = "buildReport";
        /** The OPERATE owner's form: LIVE or NOT_LIVE, and a note (required when not live). */
        public static final String LIVE_OUTCOME = "liveOutcome";
        public static final String CONFIRM_NOTE = "confirmNote";
        /** Boolean: the board approved (read from its register by Task_RecordBoardDecision). */
        public static final String BOARD_APPROVED = "boardApproved";

        private Variables() {
        }
    }

    /** The variables with their types, for the delegates. */
    public static final class Typed {
        public static final ProcessVariable<String> PROPOSER = ProcessVariable.string(Variables.PROPOSER);
        public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.longNumber(Variables.CHANGE_ID);
        public static final ProcessVariable<String> CHANGE_TITLE = ProcessVariable.string(Variables.CHANGE_TITLE);
        public static final ProcessVariable<String> CHANGE_SUMMARY = ProcessVariable.string(Variables.CHANGE_SUMMARY);
        public static final ProcessVariable<Boolean> DETAILS_GIVEN = ProcessVariable.bool(Variables.DETAILS_GIVEN);
        public static final ProcessVariable<String> WHAT_CHANGE = ProcessVariable.string(Variables.WHAT_CHANGE);
        public static final ProcessVariable<String> WHY = ProcessVariable.string(Variables.WHY);
        public static final ProcessVariable<String> EVIDENCE = ProcessVariable.string(Variables.EVIDENCE);
        public static final ProcessVariable<String> URGENCY = ProcessVariable.string(Variables.URGENCY);
        public static final ProcessVariable<Object> ESTIMATED_COST = ProcessVariable.of(Variables.ESTIMATED_COST,
                Object.class);
        public static final ProcessVariable<Object> TOUCHPOINT = ProcessVariable.of(Variables.TOUCHPOINT, Object.class);
        public static final ProcessVariable<Object> FUNCTIONS_AFFECTED = ProcessVariable.of(
                Variables.FUNCTIONS_AFFECTED, Object.class);
        public static final ProcessVariable<Object> STANDING_PERMISSION = ProcessVariable.of(
                Variables.STANDING_PERMISSION, Object.class);
        public static final ProcessVariable<Object> TOUCHPOINT_OPTIONS = ProcessVariable.of(
                Variables.TOUCHPOINT_OPTIONS, Object.class);
        public static final ProcessVariable<Object> FUNCTION_OPTIONS = ProcessVariable.of(Variables.FUNCTION_OPTIONS,
                Object.class);
        public static final ProcessVariable<Object> PERMISSION_OPTIONS = ProcessVariable.of(
                Variables.PERMISSION_OPTIONS, Object.class);
        public static final ProcessVariable<Boolean> WITHIN_STANDING_PERMISSION = ProcessVariable.bool(
                Variables.WITHIN_STANDING_PERMISSION);
        public static final ProcessVariable<Boolean> CHARTER_COVERS = ProcessVariable.bool(Variables.CHARTER_COVERS);
        public static final ProcessVariable<Integer> FUNCTIONS_AFFECTED_COUNT = ProcessVariable.integer(
                Variables.FUNCTIONS_AFFECTED_COUNT);
        public static final ProcessVariable<Long> ESTIMATED_COST_NUMBER = ProcessVariable.longNumber(
                Variables.ESTIMATED_COST);
        public static final ProcessVariable<Integer> TOUCHPOINT_PRIORITY = ProcessVariable.integer(
                Variables.TOUCHPOINT_PRIORITY);
        public static final ProcessVariable<Object> ROUTING = ProcessVariable.of(Variables.ROUTING, Object.class);
        public static final ProcessVariable<String> ROUTE = ProcessVariable.string(Variables.ROUTE);
        public static final ProcessVariable<Boolean> CHARTER_GAP = ProcessVariable.bool(Variables.CHARTER_GAP);
        public static final ProcessVariable<String> DESIGN_GROUP = ProcessVariable.string(Variables.DESIGN_GROUP);
        public static final ProcessVariable<String> BUILD_GROUP = ProcessVariable.string(Variables.BUILD_GROUP);
        public static final ProcessVariable<String> OPERATE_GROUP = ProcessVariable.string(Variables.OPERATE_GROUP);
        public static final ProcessVariable<Date> BUILD_DUE = ProcessVariable.date(Variables.BUILD_DUE);
        public static final ProcessVariable<String> DESIGN_DECISION = ProcessVariable.string(Variables.DESIGN_DECISION);
        public static final ProcessVariable<String> DESIGN_NOTE = ProcessVariable.string(Variables.DESIGN_NOTE);
        public static final ProcessVariable<String> BUILD_WEEKS = ProcessVariable.string(Variables.BUILD_WEEKS);
        public static final ProcessVariable<String> ANSWER = ProcessVariable.string(Variables.ANSWER);
        public static final ProcessVariable<String> BUILD_REPORT = ProcessVariable.string(Variables.BUILD_REPORT);
        public static final ProcessVariable<String> LIVE_OUTCOME = ProcessVariable.string(Variables.LIVE_OUTCOME);
        public static final ProcessVariable<String> CONFIRM_NOTE = ProcessVariable.string(Variables.CONFIRM_NOTE);
        public static final ProcessVariable<Boolean> BOARD_APPROVED = ProcessVariable.bool(Variables.BOARD_APPROVED);

        private Typed() {
        }
    }

    public static final String FORM_PROPOSAL = "change-proposal";
    public static final String FORM_DETAILS = "change-details";
    public static final String FORM_DESIGN = "change-design";
    public static final String FORM_ANSWER = "change-answer";
    public static final String FORM_BUILD = "change-build";
    public static final String FORM_CONFIRM = "change-confirm";
    public static final String FORM_GAP = "change-gap";

    /** Routes of the decision table. */
    public static final String OWNER = "OWNER";
    public static final String BOARD = "BOARD";
    public static final String STANDING = "STANDING";

    /** Values of the form fields. */
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String ASK = "ASK";
    public static final String LIVE = "LIVE";
    public static final String NOT_LIVE = "NOT_LIVE";
    public static final List<String> BUILD_WEEK_CHOICES = List.of("1", "2", "4", "8");
    /** Weeks to build when nobody chose (the board's approval, a standing permission). */
    public static final int DEFAULT_BUILD_WEEKS = 2;

    /** Correlated to the change's instance when the board decided its agenda item. */
    public static final String MESSAGE_BOARD_DECIDED = "ChangeDecidedByBoard";

    private TouchpointChangeProcess() {
    }

    public static String businessKey(long changeId) {
        return BUSINESS_KEY_PREFIX + changeId;
    }

    /** The record an instance runs for, read from its business key (which nobody can change afterwards). */
    public static long changeId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
