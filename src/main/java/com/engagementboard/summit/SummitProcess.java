package com.engagementboard.summit;

import com.engagementboard.engine.ProcessVariable;
import java.util.Date;
import java.util.List;

/**
 * The contract of {@code processes/engagement-summit.bpmn}: the customer engagement summit, from the
 * invitations to what it founds. No string literal for these anywhere else.
 */
public final class SummitProcess {

    public static final String KEY = "engagement-summit";
    public static final String BUSINESS_KEY_PREFIX = "summit-";

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_SummitConvened";
        public static final String MERGE_PRE_WORK = "Gateway_MergePreWork";
        /**
         * The summit from its pre-work to its close, with the chair's reminder and the lapse: entered afresh after
         * each postponement, so its timers read the new date.
         */
        public static final String SUMMIT_AT_ITS_DATE = "SubProcess_Summit";
        public static final String DATE_SET = "StartEvent_DateSet";
        /** The summit closed or lapsed: whatever else is open (an unread postponement notice) ends. */
        public static final String SUMMIT_OVER = "EndEvent_SummitOver";
        public static final String PRE_WORK = "SubProcess_PreWork";
        /** One participant's pre-work (multi-instance): the assessment, counted after its save point. */
        public static final String PARTICIPANT_PRE_WORK = "SubProcess_ParticipantPreWork";
        /**
         * A participant's pre-work, with a save point after it (asynchronous after): the submission ends there, the
         * count of the pre-work in runs in a job of its own, so twenty participants submitting at once never conflict.
         */
        public static final String ASSESS_JOURNEY = "Task_AssessJourney";
        public static final String PRE_WORK_OVERDUE = "BoundaryEvent_PreWorkOverdue";
        public static final String REMIND_PARTICIPANT = "Task_RemindParticipant";
        public static final String OPEN_SUMMIT = "Task_OpenSummit";
        public static final String SUMMIT_OPENED = "EndEvent_SummitOpened";
        public static final String DRAFT_VISION = "Task_DraftVision";
        public static final String ENDORSE_VISION = "Task_EndorseVision";
        public static final String ENDORSEMENT_CLOSES = "BoundaryEvent_EndorsementCloses";
        public static final String RECORD_SILENCE = "Task_RecordSilence";
        public static final String COUNT_OBJECTIONS = "Task_CountObjections";
        public static final String ANY_OBJECTIONS = "Gateway_AnyObjections";
        public static final String ANSWER_OBJECTIONS = "Task_AnswerObjections";
        public static final String VISION_DECISION = "Gateway_VisionDecision";
        public static final String RECORD_DISSENT = "Task_RecordDissent";
        public static final String PLAN_TOUCHPOINTS = "Task_PlanTouchpoints";
        public static final String FIND_SILOS = "Task_FindSilos";
        public static final String DECIDE_SOURCING = "Task_DecideSourcing";
        public static final String DECIDE_OUTCOME = "Task_DecideOutcome";
        public static final String OUTCOME = "Gateway_Outcome";
        /**
         * The summit's messages to the board and the charter (intermediate message throw events, each calling the
         * capability's service), after a save point behind the chair's decision: a failure is an incident in
         * words at the event, the summit waits for its retry.
         */
        public static final String BOARD_FOUNDED = "MessageEvent_BoardFounded";
        public static final String NAME_EXISTING_BODY = "Task_NameExistingBody";
        public static final String CHARTER_DRAFT_STARTED = "MessageEvent_CharterDraftStarted";
        public static final String PLAN_ON_AGENDA = "MessageEvent_PlanOnAgenda";
        public static final String CLOSE_SUMMIT = "Task_CloseSummit";
        public static final String SUMMIT_CLOSED = "EndEvent_SummitClosed";
        /**
         * The chair postpones the summit before it opens (boundary message on the summit at its date; the record
         * check after it refuses one the chair did not make).
         */
        public static final String POSTPONED = "BoundaryEvent_Postponed";
        /** The postponement's first step: the record must hold the chair's postponement, not yet carried out. */
        public static final String CONFIRM_POSTPONED = "Task_ConfirmPostponed";
        public static final String MOVE_SUMMIT = "Task_MoveSummit";
        public static final String READ_POSTPONEMENT = "Task_ReadPostponement";
        public static final String POSTPONEMENT_NOTICE_EXPIRES = "BoundaryEvent_PostponementNoticeExpires";
        public static final String POSTPONEMENT_READ = "EndEvent_PostponementRead";
        public static final String POSTPONEMENT_NOTICE_EXPIRED = "EndEvent_PostponementNoticeExpired";
        /** The chair cancels the summit (interrupting event subprocess). */
        public static final String CANCELLED = "SubProcess_Cancelled";
        public static final String SUMMIT_CANCELLED = "StartEvent_SummitCancelled";
        public static final String CONFIRM_CANCELLED = "Task_ConfirmCancelled";
        public static final String READ_CANCELLATION = "Task_ReadCancellation";
        public static final String CANCELLATION_NOTICE_EXPIRES = "BoundaryEvent_CancellationNoticeExpires";
        public static final String CANCELLATION_READ = "EndEvent_CancellationRead";
        public static final String CANCELLATION_NOTICE_EXPIRED = "EndEvent_CancellationNoticeExpired";
        /** The chair's steps are overdue once the summit's day is over (non-interrupting event subprocess). */
        public static final String CHAIR_REMINDED = "SubProcess_ChairReminded";
        public static final String CHAIR_OVERDUE = "StartEvent_ChairOverdue";
        public static final String REMIND_CHAIR = "Task_RemindChair";
        /** Nothing recorded long after the summit's day: it lapses (interrupting event subprocess). */
        public static final String LAPSED = "SubProcess_Lapsed";
        public static final String SUMMIT_LAPSES = "StartEvent_SummitLapses";
        public static final String RECORD_LAPSE = "Task_RecordLapse";
        public static final String READ_LAPSE = "Task_ReadLapse";
        public static final String LAPSE_NOTICE_EXPIRES = "BoundaryEvent_LapseNoticeExpires";
        public static final String ALREADY_ENDED = "EndEvent_AlreadyEnded";
        /** The chair's own steps in the summit (candidate group board-chair). */
        public static final java.util.List<String> CHAIR_STEPS = java.util.List.of(OPEN_SUMMIT, DRAFT_VISION,
                ANSWER_OBJECTIONS, PLAN_TOUCHPOINTS, DECIDE_SOURCING, DECIDE_OUTCOME);

        private Elements() {
        }
    }

    /** Process variables. */
    public static final class Variables {
        public static final String SUMMIT_ID = "summitId";
        /** String: the title, as the task names read it; the forms' headings show the record's (SummitTaskTexts). */
        public static final String SUMMIT_TITLE = "summitTitle";
        /** Date: when the summit meets (pre-work is due the day before). */
        public static final String PRE_WORK_DUE = "preWorkDue";
        /** Date: the end of the summit's day (a day after it starts): the chair's steps in the summit are due then. */
        public static final String SUMMIT_ENDS = "summitEnds";
        /** List of user ids invited (multi-instance collection of the endorsements and the notices). */
        public static final String PARTICIPANTS = "participants";
        /**
         * List of user ids asked for pre-work (multi-instance collection): everyone invited at first; after a
         * postponement, those whose pre-work is not in yet.
         */
        public static final String PRE_WORK_PARTICIPANTS = "preWorkParticipants";
        /*
         * The texts for people below (markdown) are rendered from the record when a form is read
         * (SummitTaskTexts), never stored in the engine; the names are the forms' {{...}} templates.
         */
        /** Text of a notice task: what happened to the summit (cancelled, postponed, lapsed), when and why. */
        public static final String SUMMIT_NOTICE = "summitNotice";
        /** String: one participant (multi-instance element, the task's assignee). */
        public static final String PARTICIPANT = "participant";
        /** Form fields of the pre-work, per journey stage: {@code today_<STAGE>}, {@code wanted_<STAGE>}, {@code evidence_<STAGE>}. */
        public static final String TODAY_PREFIX = "today_";
        public static final String WANTED_PREFIX = "wanted_";
        public static final String EVIDENCE_PREFIX = "evidence_";
        /**
         * Form field of the chair: the engagement vision (pre-filled with the last summit's); in the endorsement
         * form, the text of the vision as the record holds it.
         */
        public static final String VISION = "vision";
        /** Form field of a participant: ENDORSE or OBJECT. */
        public static final String ENDORSEMENT = "endorsement";
        /** Form field of a participant: the reason of an objection (required to object). */
        public static final String OBJECTION = "objection";
        /** Integer: objections in the last round. */
        public static final String OBJECTION_COUNT = "objectionCount";
        /** Text of the objections task: the objections of the last round, who objected, by name, and why. */
        public static final String OBJECTIONS_SUMMARY = "objectionsSummary";
        /** Text of the open task: whose pre-work is missing and whose is in, by name, for the chair opening the summit. */
        public static final String PRE_WORK_STATUS = "preWorkStatus";
        /** Boolean, set by the lapse: whether the summit lapsed (false when it had ended already). */
        public static final String LAPSED = "lapsed";
        /** List of user ids, set by the lapse: the participants and the chair, each told. */
        public static final String LAPSE_NOTIFIED = "lapseNotified";
        /** Text of the vision task: the participants' pre-work by name, today and wanted per stage. */
        public static final String PRE_WORK_CONTEXT = "preWorkContext";
        /** Text of the objections task: the vision the participants objected to. */
        public static final String OBJECTED_VISION = "objectedVision";
        /** Form field of the chair: REVISE or RECORD_DISSENT. */
        public static final String VISION_DECISION = "visionDecision";
        /** Form field of the chair: the plan, one "touchpoint,activity,functions,dependsOn,design,build,operate,renew" line per activity. */
        public static final String PLAN = "plan";
        /** Json: the touchpoints as choices for the plan's rows (name shown, code the value). */
        public static final String TOUCHPOINT_OPTIONS = "touchpointOptions";
        /** Json: the functions as choices for the plan's rows (name shown, code the value). */
        public static final String FUNCTION_OPTIONS = "functionOptions";
        /** Text of the outcome task: touchpoints several functions work on while no charter covers them. */
        public static final String SILO_SUMMARY = "siloSummary";
        /** Form fields of the sourcing, per element: {@code mode_<ELEMENT>}, {@code partners_<ELEMENT>}, {@code reason_<ELEMENT>}. */
        public static final String MODE_PREFIX = "mode_";
        public static final String PARTNERS_PREFIX = "partners_";
        public static final String REASON_PREFIX = "reason_";
        /** Form field of the chair: FOUND_BOARD or NAME_EXISTING_BODY. */
        public static final String OUTCOME = "outcome";
        /** Form field of the chair: the existing body's name (required to name one). */
        public static final String EXISTING_BODY = "existingBody";
        /** Form fields of the chair founding the board. */
        public static final String BOARD_MEMBERS = "boardMembers";
        /** Json: everyone as a choice for the board's members and core (name shown, user id the value). */
        public static final String USER_OPTIONS = "userOptions";
        /** Json: time zones as choices (region ids, such as Europe/Amsterdam). */
        public static final String TIME_ZONE_OPTIONS = "timeZoneOptions";
        /** String: the weekday of a weekly board (MONDAY ... SUNDAY, picked by its name). */
        public static final String BOARD_WEEKDAY = "boardWeekday";
        /** Number: the day of the month of a monthly board (1 ... 28). */
        public static final String BOARD_MONTH_DAY = "boardMonthDay";
        public static final String BOARD_CORE = "boardCore";
        public static final String BOARD_CADENCE = "boardCadence";
        public static final String BOARD_DAY = "boardDay";
        public static final String BOARD_TIME = "boardTime";
        public static final String BOARD_TIME_ZONE = "boardTimeZone";
        public static final String BOARD_QUORUM = "boardQuorum";
        private Variables() {
        }
    }

    /**
     * The variables by type ({@link ProcessVariable}): the delegates read and write through these, not through a
     * name and a cast. The texts rendered when a form is read ({@link SummitTaskTexts}) are not stored, and have
     * no handle here.
     */
    public static final class Typed {
        public static final ProcessVariable<Long> SUMMIT_ID = ProcessVariable.longNumber(Variables.SUMMIT_ID);
        public static final ProcessVariable<String> SUMMIT_TITLE = ProcessVariable.string(Variables.SUMMIT_TITLE);
        public static final ProcessVariable<Date> PRE_WORK_DUE = ProcessVariable.date(Variables.PRE_WORK_DUE);
        public static final ProcessVariable<Date> SUMMIT_ENDS = ProcessVariable.date(Variables.SUMMIT_ENDS);
        public static final ProcessVariable<List<String>> PARTICIPANTS =
                ProcessVariable.listOf(Variables.PARTICIPANTS, String.class);
        public static final ProcessVariable<List<String>> PRE_WORK_PARTICIPANTS =
                ProcessVariable.listOf(Variables.PRE_WORK_PARTICIPANTS, String.class);
        public static final ProcessVariable<String> PARTICIPANT = ProcessVariable.string(Variables.PARTICIPANT);
        public static final ProcessVariable<String> VISION = ProcessVariable.string(Variables.VISION);
        public static final ProcessVariable<String> ENDORSEMENT = ProcessVariable.string(Variables.ENDORSEMENT);
        public static final ProcessVariable<String> OBJECTION = ProcessVariable.string(Variables.OBJECTION);
        public static final ProcessVariable<Integer> OBJECTION_COUNT = ProcessVariable.integer(Variables.OBJECTION_COUNT);
        public static final ProcessVariable<Boolean> LAPSED = ProcessVariable.bool(Variables.LAPSED);
        public static final ProcessVariable<List<String>> LAPSE_NOTIFIED =
                ProcessVariable.listOf(Variables.LAPSE_NOTIFIED, String.class);
        public static final ProcessVariable<String> VISION_DECISION = ProcessVariable.string(Variables.VISION_DECISION);
        /**
         * Any type: the form's rows come as JSON, the API's lines as text, and the application writes a typed
         * Json value with one empty row; {@code SummitPlans.readPlan} reads them all and refuses the rest in words.
         */
        public static final ProcessVariable<Object> PLAN = ProcessVariable.of(Variables.PLAN, Object.class);
        /** Any type: the application writes a typed Json value ({@code FormValues.json}) that only the form reads. */
        public static final ProcessVariable<Object> TOUCHPOINT_OPTIONS =
                ProcessVariable.of(Variables.TOUCHPOINT_OPTIONS, Object.class);
        /** Any type: as {@link #TOUCHPOINT_OPTIONS}. */
        public static final ProcessVariable<Object> FUNCTION_OPTIONS =
                ProcessVariable.of(Variables.FUNCTION_OPTIONS, Object.class);
        public static final ProcessVariable<String> OUTCOME = ProcessVariable.string(Variables.OUTCOME);
        public static final ProcessVariable<String> EXISTING_BODY = ProcessVariable.string(Variables.EXISTING_BODY);
        /** Any type: a picker's answer (JSON), a list, or the API's text; {@code FormValues.strings} reads it. */
        public static final ProcessVariable<Object> BOARD_MEMBERS = ProcessVariable.of(Variables.BOARD_MEMBERS, Object.class);
        /** Any type: as {@link #BOARD_MEMBERS}. */
        public static final ProcessVariable<Object> BOARD_CORE = ProcessVariable.of(Variables.BOARD_CORE, Object.class);
        /** Any type: the application writes a typed Json value ({@code FormValues.json}) that only the form reads. */
        public static final ProcessVariable<Object> USER_OPTIONS = ProcessVariable.of(Variables.USER_OPTIONS, Object.class);
        /** Any type: as {@link #USER_OPTIONS}. */
        public static final ProcessVariable<Object> TIME_ZONE_OPTIONS =
                ProcessVariable.of(Variables.TIME_ZONE_OPTIONS, Object.class);
        public static final ProcessVariable<String> BOARD_WEEKDAY = ProcessVariable.string(Variables.BOARD_WEEKDAY);
        /** Any type: a number from the form, text from the API; {@code FormValues.text} reads it. */
        public static final ProcessVariable<Object> BOARD_MONTH_DAY = ProcessVariable.of(Variables.BOARD_MONTH_DAY, Object.class);
        public static final ProcessVariable<String> BOARD_CADENCE = ProcessVariable.string(Variables.BOARD_CADENCE);
        /** Any type: the API's weekday or day of the month; {@code FormValues.text} reads it. */
        public static final ProcessVariable<Object> BOARD_DAY = ProcessVariable.of(Variables.BOARD_DAY, Object.class);
        public static final ProcessVariable<String> BOARD_TIME = ProcessVariable.string(Variables.BOARD_TIME);
        public static final ProcessVariable<String> BOARD_TIME_ZONE = ProcessVariable.string(Variables.BOARD_TIME_ZONE);
        /** Any type: a number from the form, text from the API; {@code SummitBoardForm} reads either. */
        public static final ProcessVariable<Object> BOARD_QUORUM = ProcessVariable.of(Variables.BOARD_QUORUM, Object.class);

        private Typed() {
        }

        /** A pre-work answer, how engagement is today at a journey stage (form text; any type, checked in words). */
        public static ProcessVariable<Object> today(String stage) {
            return ProcessVariable.of(Variables.TODAY_PREFIX + stage, Object.class);
        }

        /** A pre-work answer, the engagement wanted at a journey stage. */
        public static ProcessVariable<Object> wanted(String stage) {
            return ProcessVariable.of(Variables.WANTED_PREFIX + stage, Object.class);
        }

        /** A pre-work answer, the evidence at a journey stage. */
        public static ProcessVariable<Object> evidence(String stage) {
            return ProcessVariable.of(Variables.EVIDENCE_PREFIX + stage, Object.class);
        }

        /** A sourcing answer, the mode of an ecosystem element ({@code FormValues.text} reads it). */
        public static ProcessVariable<Object> mode(SourcingElement element) {
            return ProcessVariable.of(Variables.MODE_PREFIX + element, Object.class);
        }

        /** A sourcing answer, the partners of an ecosystem element. */
        public static ProcessVariable<Object> partners(SourcingElement element) {
            return ProcessVariable.of(Variables.PARTNERS_PREFIX + element, Object.class);
        }

        /** A sourcing answer, the reason for an ecosystem element's mode. */
        public static ProcessVariable<Object> reason(SourcingElement element) {
            return ProcessVariable.of(Variables.REASON_PREFIX + element, Object.class);
        }
    }

    /** Messages the application sends to a summit's instance. */
    public static final class Messages {
        public static final String CANCELLED = "SummitCancelled";
        public static final String POSTPONED = "SummitPostponed";

        private Messages() {
        }
    }

    public static final String ENDORSE = "ENDORSE";
    public static final String OBJECT = "OBJECT";
    public static final String REVISE = "REVISE";
    public static final String RECORD_DISSENT = "RECORD_DISSENT";
    public static final String FOUND_BOARD = "FOUND_BOARD";
    /** Sourcing modes of an ecosystem element. */
    public static final String IN_HOUSE = "IN_HOUSE";
    public static final String PARTNER = "PARTNER";
    public static final String MIXED = "MIXED";
    public static final String NAME_EXISTING_BODY = "NAME_EXISTING_BODY";

    public static final String FORM_PRE_WORK = "summit-pre-work";
    public static final String FORM_OPEN = "summit-open";
    public static final String FORM_VISION = "summit-vision";
    public static final String FORM_ENDORSE = "summit-endorse";
    public static final String FORM_OBJECTIONS = "summit-objections";
    public static final String FORM_PLAN = "summit-plan";
    public static final String FORM_SOURCING = "summit-sourcing";
    public static final String FORM_OUTCOME = "summit-outcome";
    public static final String FORM_NOTICE = "summit-notice";

    private SummitProcess() {
    }

    public static String businessKey(long summitId) {
        return BUSINESS_KEY_PREFIX + summitId;
    }

    /**
     * The record an instance runs for, read from its business key: the application names every instance
     * itself, and nobody can change a business key afterwards (unlike a variable).
     */
    public static long summitId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
