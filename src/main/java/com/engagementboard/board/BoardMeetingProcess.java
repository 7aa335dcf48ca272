package com.engagementboard.board;

import com.engagementboard.engine.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The contract of {@code processes/board-meeting.bpmn}: one instance per meeting, from the agenda
 * window to the minutes. No string literal for these anywhere else.
 */
public final class BoardMeetingProcess {

    public static final String KEY = "board-meeting";
    public static final String BUSINESS_KEY_PREFIX = "meeting-";

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_MeetingScheduled";
        public static final String AGENDA_CUTOFF = "TimerEvent_AgendaCutoff";
        public static final String CLOSE_AGENDA = "Task_CloseAgenda";
        public static final String ANY_ITEMS = "Gateway_AnyItems";
        public static final String NOTHING_TO_DECIDE = "EndEvent_NothingToDecide";
        public static final String PREPARE_AGENDA = "Task_PrepareAgenda";
        public static final String PUBLISH_AGENDA = "Task_PublishAgenda";
        public static final String AGENDA_NOTICE = "SubProcess_AgendaNotice";
        public static final String READ_AGENDA = "Task_ReadAgenda";
        public static final String MEETING_TIME = "TimerEvent_MeetingTime";
        public static final String MEETING_STARTS = "BoundaryEvent_MeetingStarts";
        public static final String OPEN_MEETING = "Task_OpenMeeting";
        public static final String DECIDE_ITEM = "SubProcess_DecideItem";
        public static final String PRESENT_ITEM = "Task_PresentItem";
        public static final String ITEM_ACTION = "Gateway_ItemAction";
        public static final String PREPARE_VOTE = "Task_PrepareVote";
        public static final String VOTE = "Task_Vote";
        public static final String MEETING_ENDS = "BoundaryEvent_MeetingEnds";
        public static final String TALLY_VOTES = "Task_TallyVotes";
        public static final String VOTE_OUTCOME = "Gateway_VoteOutcome";
        public static final String CARRY_OVER = "Task_CarryOver";
        public static final String ITEM_CARRIED_OVER = "EndEvent_ItemCarriedOver";
        public static final String BREAK_TIE = "Task_BreakTie";
        public static final String DECIDE_ESCALATION = "Task_DecideEscalation";
        public static final String CEO_DECISION = "Gateway_CeoDecision";
        public static final String RETURN_TO_BOARD = "Task_ReturnToBoard";
        public static final String ITEM_RETURNED = "EndEvent_ItemReturned";
        /** The meeting's time is up and the chair never presented the item: carried over. */
        public static final String NOT_PRESENTED = "BoundaryEvent_NotPresented";
        public static final String CARRY_OVER_NOT_PRESENTED = "Task_CarryOverNotPresented";
        public static final String ITEM_NOT_PRESENTED = "EndEvent_NotPresented";
        /** The chair did not break a tie in time: carried over. */
        public static final String TIE_NOT_BROKEN = "BoundaryEvent_TieNotBroken";
        public static final String CARRY_OVER_TIE = "Task_CarryOverTie";
        public static final String TIE_CARRIED_OVER = "EndEvent_TieCarriedOver";
        /** The CEO's answer is due: reminded; later, back to the board as no answer from the CEO. */
        public static final String CEO_REMINDER = "BoundaryEvent_CeoReminder";
        public static final String REMIND_CEO = "Task_RemindCeo";
        public static final String CEO_REMINDED = "EndEvent_CeoReminded";
        public static final String NO_CEO_ANSWER = "BoundaryEvent_NoCeoAnswer";
        public static final String RECORD_NO_CEO_ANSWER = "Task_RecordNoCeoAnswer";
        public static final String ITEM_WITHOUT_CEO_ANSWER = "EndEvent_NoCeoAnswer";
        public static final String RECORD_DECISION = "Task_RecordDecision";
        public static final String ITEM_DECIDED = "EndEvent_ItemDecided";
        public static final String CLOSE_MEETING = "Task_CloseMeeting";
        public static final String MEETING_CLOSED = "EndEvent_MeetingClosed";
        /** The chair calls the meeting off before it opens (interrupting event subprocess). */
        public static final String CALLED_OFF = "SubProcess_CalledOff";
        public static final String MEETING_CALLED_OFF = "StartEvent_MeetingCalledOff";
        /** The record must say the meeting is called off, or the message ends nothing (409, rolled back). */
        public static final String CONFIRM_CALLED_OFF = "Task_ConfirmCalledOff";
        public static final String FIND_MEMBERS_TO_TELL = "Task_FindMembersToTell";
        public static final String READ_CALL_OFF = "Task_ReadCallOff";
        public static final String CALL_OFF_NOTICE_EXPIRES = "BoundaryEvent_CallOffNoticeExpires";
        public static final String CALL_OFF_READ = "EndEvent_CallOffRead";
        public static final String CALL_OFF_NOTICE_EXPIRED = "EndEvent_CallOffNoticeExpired";

        private Elements() {
        }
    }

    /** Messages the application sends to a meeting's instance. */
    public static final class Messages {
        public static final String CALLED_OFF = "MeetingCalledOff";

        private Messages() {
        }
    }

    /** Process variables: their names (their types: {@link Typed}). */
    public static final class Variables {
        /** Long: the meeting's id. */
        public static final String MEETING_ID = "meetingId";
        /** Date: when the meeting starts. */
        public static final String MEETING_AT = "meetingAt";
        /** Date: when the agenda closes (the cut-off before the meeting). */
        public static final String AGENDA_CUTOFF = "agendaCutoff";
        /** Date: when the meeting ends (open votes close then). */
        public static final String MEETING_ENDS_AT = "meetingEndsAt";
        /** String: the meeting's date and time, for task names. */
        public static final String MEETING_LABEL = "meetingLabel";
        /** String (markdown), local to a notice task: the chair called the meeting off, why, where its items went. */
        public static final String MEETING_NOTICE = "meetingNotice";
        /** Integer: items on the agenda when it closed. */
        public static final String ITEM_COUNT = "itemCount";
        /** String (markdown): the items, for the chair's agenda form and the members' notice. */
        public static final String AGENDA_SUMMARY = "agendaSummary";
        /** JSON list of {label, value}: the items, for the chair's "defer" checklist. */
        public static final String ITEM_OPTIONS = "itemOptions";
        /** Form field of the chair: item ids in the order to take them, one per line. */
        public static final String AGENDA_ORDER = "agendaOrder";
        /** Form field of the chair: JSON list of item ids deferred to the next meeting. */
        public static final String DEFERRED_ITEMS = "deferredItems";
        /** List of item ids on the published agenda, in order (multi-instance collection). */
        public static final String AGENDA_ITEMS = "agendaItems";
        /** List of user ids of the board's members (multi-instance collection of the notice). */
        public static final String MEMBERS = "members";
        /** String: one member (multi-instance element of the notice). */
        public static final String MEMBER = "member";
        /** Long: one agenda item (multi-instance element of the decisions). */
        public static final String ITEM_ID = "itemId";
        /** Local, String: the item's title, for task names. */
        public static final String ITEM_TITLE = "itemTitle";
        /** Local, Integer: the item's place on the agenda. */
        public static final String ITEM_POSITION = "itemPosition";
        /** Local, String (markdown): the item with its decision asked and fact base. */
        public static final String ITEM_SUMMARY = "itemSummary";
        /** Form field of the chair: VOTE or ESCALATE. */
        public static final String ITEM_ACTION = "itemAction";
        /** Form field of the chair: the board's recommendation to the CEO (required to escalate). */
        public static final String RECOMMENDATION = "recommendation";
        /** Local, list of user ids: the core members who vote (multi-instance collection). */
        public static final String VOTERS = "voters";
        /** String: one voter (multi-instance element, the task's assignee). */
        public static final String VOTER = "voter";
        /** Form field of a vote: APPROVE, REJECT or ABSTAIN. */
        public static final String VOTE = "vote";
        /** Form field of a vote: the voter's comment. */
        public static final String VOTE_COMMENT = "voteComment";
        /** Local, String: APPROVED, REJECTED, TIE or NO_QUORUM after the tally. */
        public static final String VOTE_OUTCOME = "voteOutcome";
        /** Form field of the chair breaking a tie: APPROVE or REJECT. */
        public static final String TIE_BREAK = "tieBreak";
        /** Form field of the CEO: APPROVE, REJECT or RETURN (to the board, with a question). */
        public static final String CEO_DECISION = "ceoDecision";
        /** Form field of the CEO: the reasoning or the question (required). */
        public static final String CEO_COMMENT = "ceoComment";
        /** Task-local, String (markdown): the core group's votes by name and in words, for the chair breaking a tie. */
        public static final String TIE_CONTEXT = "tieContext";
        /** Task-local, String: who escalated the item, by name, for the CEO. */
        public static final String ESCALATION_CONTEXT = "escalationContext";
        /** Local, Boolean: whether the item went to the CEO. */
        public static final String ESCALATED = "escalated";

        private Variables() {
        }
    }

    /**
     * The variables of {@link Variables} with their types, for the delegates: {@code ITEM_ID.require(execution)}
     * instead of a name and a cast. The names stay in {@link Variables} for forms, tests and the engine's APIs.
     */
    public static final class Typed {
        public static final ProcessVariable<Long> MEETING_ID = ProcessVariable.longNumber(Variables.MEETING_ID);
        public static final ProcessVariable<Date> MEETING_AT = ProcessVariable.date(Variables.MEETING_AT);
        public static final ProcessVariable<Date> AGENDA_CUTOFF = ProcessVariable.date(Variables.AGENDA_CUTOFF);
        public static final ProcessVariable<Date> MEETING_ENDS_AT = ProcessVariable.date(Variables.MEETING_ENDS_AT);
        public static final ProcessVariable<String> MEETING_LABEL = ProcessVariable.string(Variables.MEETING_LABEL);
        public static final ProcessVariable<String> MEETING_NOTICE = ProcessVariable.string(Variables.MEETING_NOTICE);
        public static final ProcessVariable<Integer> ITEM_COUNT = ProcessVariable.integer(Variables.ITEM_COUNT);
        public static final ProcessVariable<String> AGENDA_SUMMARY = ProcessVariable.string(Variables.AGENDA_SUMMARY);
        public static final ProcessVariable<SpinJsonNode> ITEM_OPTIONS =
                ProcessVariable.of(Variables.ITEM_OPTIONS, SpinJsonNode.class);
        /**
         * Any type: the form's rows come as JSON, the API's lines as text, and the application writes a typed
         * Json value; {@code BoardMeetingDelegates.agendaOrder} reads them all and refuses the rest in words.
         */
        public static final ProcessVariable<Object> AGENDA_ORDER = ProcessVariable.of(Variables.AGENDA_ORDER, Object.class);
        /** Any type: a checklist's answer (JSON or a list, or text from the API); {@code FormValues.ids} reads it. */
        public static final ProcessVariable<Object> DEFERRED_ITEMS = ProcessVariable.of(Variables.DEFERRED_ITEMS, Object.class);
        public static final ProcessVariable<List<Long>> AGENDA_ITEMS = ProcessVariable.listOf(Variables.AGENDA_ITEMS, Long.class);
        public static final ProcessVariable<List<String>> MEMBERS = ProcessVariable.listOf(Variables.MEMBERS, String.class);
        public static final ProcessVariable<String> MEMBER = ProcessVariable.string(Variables.MEMBER);
        public static final ProcessVariable<Long> ITEM_ID = ProcessVariable.longNumber(Variables.ITEM_ID);
        public static final ProcessVariable<String> ITEM_TITLE = ProcessVariable.string(Variables.ITEM_TITLE);
        public static final ProcessVariable<Integer> ITEM_POSITION = ProcessVariable.integer(Variables.ITEM_POSITION);
        public static final ProcessVariable<String> ITEM_SUMMARY = ProcessVariable.string(Variables.ITEM_SUMMARY);
        public static final ProcessVariable<String> ITEM_ACTION = ProcessVariable.string(Variables.ITEM_ACTION);
        public static final ProcessVariable<String> RECOMMENDATION = ProcessVariable.string(Variables.RECOMMENDATION);
        public static final ProcessVariable<List<String>> VOTERS = ProcessVariable.listOf(Variables.VOTERS, String.class);
        public static final ProcessVariable<String> VOTER = ProcessVariable.string(Variables.VOTER);
        public static final ProcessVariable<String> VOTE = ProcessVariable.string(Variables.VOTE);
        public static final ProcessVariable<String> VOTE_COMMENT = ProcessVariable.string(Variables.VOTE_COMMENT);
        public static final ProcessVariable<String> VOTE_OUTCOME = ProcessVariable.string(Variables.VOTE_OUTCOME);
        public static final ProcessVariable<String> TIE_BREAK = ProcessVariable.string(Variables.TIE_BREAK);
        public static final ProcessVariable<String> CEO_DECISION = ProcessVariable.string(Variables.CEO_DECISION);
        public static final ProcessVariable<String> CEO_COMMENT = ProcessVariable.string(Variables.CEO_COMMENT);
        public static final ProcessVariable<String> TIE_CONTEXT = ProcessVariable.string(Variables.TIE_CONTEXT);
        public static final ProcessVariable<String> ESCALATION_CONTEXT = ProcessVariable.string(Variables.ESCALATION_CONTEXT);
        public static final ProcessVariable<Boolean> ESCALATED = ProcessVariable.bool(Variables.ESCALATED);

        private Typed() {
        }
    }

    public static final String VOTE_ACTION = "VOTE";
    public static final String ESCALATE = "ESCALATE";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String ABSTAIN = "ABSTAIN";
    public static final String RETURN = "RETURN";

    /** Outcomes of a tally. */
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String TIE = "TIE";
    public static final String NO_QUORUM = "NO_QUORUM";

    /** Forms. */
    public static final String FORM_AGENDA = "board-agenda";
    public static final String FORM_AGENDA_NOTICE = "board-agenda-notice";
    public static final String FORM_ITEM = "board-item";
    public static final String FORM_VOTE = "board-vote";
    public static final String FORM_TIE = "board-tie";
    public static final String FORM_ESCALATION = "board-escalation";

    private BoardMeetingProcess() {
    }

    public static String businessKey(long meetingId) {
        return BUSINESS_KEY_PREFIX + meetingId;
    }

    /**
     * The record an instance runs for, read from its business key: the application names every instance
     * itself, and nobody can change a business key afterwards (unlike a variable).
     */
    public static long meetingId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
