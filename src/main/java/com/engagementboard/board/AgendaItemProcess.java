package com.engagementboard.board;

import com.engagementboard.engine.ProcessVariable;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The contract of {@code processes/agenda-item.bpmn}: an item a member submits, checked for its fact
 * base and queued for the next meeting, or returned to its author to complete.
 */
public final class AgendaItemProcess {

    public static final String KEY = "agenda-item";
    public static final String BUSINESS_KEY_PREFIX = "item-";

    public static final class Elements {
        public static final String START = "StartEvent_ItemSubmitted";
        public static final String REGISTER_ITEM = "Task_RegisterItem";
        public static final String DETAILS_GIVEN = "Gateway_DetailsGiven";
        public static final String NAME_DETAILS = "Task_NameDetails";
        public static final String CHECK_FACT_BASE = "Task_CheckFactBase";
        public static final String HAS_FACT_BASE = "Gateway_HasFactBase";
        public static final String QUEUE_ITEM = "Task_QueueItem";
        public static final String ITEM_QUEUED = "EndEvent_ItemQueued";
        public static final String COMPLETE_FACT_BASE = "Task_CompleteFactBase";
        public static final String FACT_ACTION = "Gateway_FactAction";
        public static final String UPDATE_FACTS = "Task_UpdateFacts";
        public static final String WITHDRAW_ITEM = "Task_WithdrawItem";
        public static final String ITEM_WITHDRAWN = "EndEvent_ItemWithdrawn";
        /** The author gave no facts in time: the item is withdrawn. */
        public static final String FACTS_OVERDUE = "BoundaryEvent_FactsOverdue";
        public static final String EXPIRE_ITEM = "Task_ExpireItem";
        public static final String ITEM_EXPIRED = "EndEvent_ItemExpired";
        /** The details are due: the author is reminded (non-interrupting timer on Task_NameDetails). */
        public static final String DETAILS_DUE = "BoundaryEvent_DetailsDue";
        public static final String REMIND_DETAILS_AUTHOR = "Task_RemindDetailsAuthor";
        public static final String DETAILS_AUTHOR_REMINDED = "EndEvent_DetailsAuthorReminded";
        /** The author never named the details: the item is withdrawn, recorded as no details given. */
        public static final String NO_DETAILS = "BoundaryEvent_NoDetails";
        public static final String WITHDRAW_UNDETAILED_ITEM = "Task_WithdrawUndetailedItem";
        public static final String ITEM_WITHDRAWN_NO_DETAILS = "EndEvent_ItemWithdrawnNoDetails";
        /** Its author withdraws the item through the API (interrupting event subprocess). */
        public static final String WITHDRAWN_BY_AUTHOR = "SubProcess_WithdrawnByAuthor";
        public static final String ITEM_WITHDRAWN_BY_AUTHOR = "StartEvent_ItemWithdrawnByAuthor";
        /** The record must say the item is withdrawn, or the message ends nothing (409, rolled back). */
        public static final String CONFIRM_WITHDRAWN = "Task_ConfirmWithdrawn";
        public static final String WITHDRAWN_BY_AUTHOR_END = "EndEvent_WithdrawnByAuthor";
        /**
         * The charter took its dispute back (the board did not rule in time): a message start event, thrown by
         * the charter's process. The item is withdrawn unless its agenda is published.
         */
        public static final String DISPUTE_TAKEN_BACK = "StartEvent_DisputeTakenBack";
        /** The charter must be taking it back (or the message ends nothing: 409, rolled back); then withdraws. */
        public static final String TAKE_BACK_DISPUTE = "Task_TakeBackDispute";
        public static final String DISPUTE_ON_PUBLISHED_AGENDA = "Gateway_DisputeOnPublishedAgenda";
        public static final String DISPUTE_WITHDRAWN = "EndEvent_DisputeWithdrawn";
        /** Past the point of no return: the board still rules; its ruling then reaches the chair as a notice. */
        public static final String DISPUTE_STAYS = "EndEvent_DisputeStays";
        /** The board ruled on a dispute no charter process waits for any more: a message start event. */
        public static final String LATE_RULING = "StartEvent_LateRuling";
        /** The item must be a decided dispute (or the message ends nothing); the ruling is noted on the version. */
        public static final String RECORD_LATE_RULING = "Task_RecordLateRuling";
        /** The chair's notice of the late ruling; it expires by itself. */
        public static final String READ_LATE_RULING = "Task_ReadLateRuling";
        public static final String CHAIR_TOLD_OF_LATE_RULING = "EndEvent_ChairToldOfLateRuling";
        public static final String LATE_RULING_NOTICE_EXPIRES = "BoundaryEvent_LateRulingNoticeExpires";
        public static final String LATE_RULING_NOTICE_EXPIRED = "EndEvent_LateRulingNoticeExpired";

        private Elements() {
        }
    }

    /** Messages the application sends to an item's instance. */
    public static final class Messages {
        public static final String WITHDRAWN = "AgendaItemWithdrawn";
        /** Thrown by the charter's process when the chair takes a dispute back (starts an instance). */
        public static final String DISPUTE_TAKEN_BACK = com.engagementboard.charter.TouchpointCharterProcess
                .MESSAGE_DISPUTE_TAKEN_BACK;
        /** Sent when the board decided a dispute no charter waits for (starts an instance, key of the item). */
        public static final String LATE_RULING = "LateDisputeRuling";

        private Messages() {
        }
    }

    public static final class Variables {
        /** Long: the item's id (set by the API before start, or by Task_RegisterItem from a start form). */
        public static final String ITEM_ID = "itemId";
        /** String: who submitted the item (the start form's initiator, or the API caller). */
        public static final String AUTHOR = "author";
        /** Start-form fields (touchpoints: the API's codes; the Tasklist's author picks them in the next step). */
        public static final String TITLE = "title";
        public static final String DECISION_ASKED = "decisionAsked";
        public static final String TOUCHPOINTS = "touchpoints";
        public static final String FACT_PRIORITY = "factPriority";
        public static final String FACT_BEHAVIOUR = "factBehaviour";
        public static final String FACT_COMPETITORS = "factCompetitors";
        /** Boolean: whether the item came with its touchpoints and actions (the API), or the author names them next. */
        public static final String DETAILS_GIVEN = "detailsGiven";
        /** Json: the touchpoints as choices (name shown, code the value) for the author's details form. */
        public static final String TOUCHPOINT_OPTIONS = "touchpointOptions";
        /** Json: the actions an approved item creates, as rows (touchpoint, description, right, dueInDays). */
        public static final String ACTIONS = "actions";
        /** Boolean: whether the item brings a fact base. */
        public static final String HAS_FACT_BASE = "hasFactBase";
        /**
         * Text (markdown) of the author's form: why the item was returned, from the item's record when the form
         * is read ({@link AgendaItemTexts}), never stored.
         */
        public static final String RETURN_REASON = "returnReason";
        /** Long: the charter version whose dispute was taken back (from the charter's message). */
        public static final String CHARTER_VERSION_ID = com.engagementboard.charter.TouchpointCharterProcess
                .TAKEN_BACK_VERSION;
        /** Integer: the working days the board had to rule (from the charter's message). */
        public static final String RULING_DAYS = com.engagementboard.charter.TouchpointCharterProcess
                .TAKEN_BACK_RULING_DAYS;
        /** Boolean: the dispute's item was on a published agenda when it was taken back, so it stays. */
        public static final String DISPUTE_STAYS = "disputeStays";
        /**
         * Text (markdown, bounded) of the chair's notice: the board's late ruling, from the register when the
         * form is read ({@link AgendaItemTexts}), never stored.
         */
        public static final String LATE_RULING = "lateRuling";
        /** Form field of the author: RESUBMIT or WITHDRAW. */
        public static final String FACT_ACTION = "factAction";

        private Variables() {
        }
    }

    /**
     * The variables of {@link Variables} with their types, for the delegates: {@code ITEM_ID.require(execution)}
     * instead of a name and a cast. The names stay in {@link Variables} for forms, tests and the engine's APIs.
     * {@link Variables#RETURN_REASON} and {@link Variables#LATE_RULING} have none: they are rendered when a form
     * is read ({@link AgendaItemTexts}), never stored or read as variables.
     */
    public static final class Typed {
        public static final ProcessVariable<Long> ITEM_ID = ProcessVariable.longNumber(Variables.ITEM_ID);
        public static final ProcessVariable<String> AUTHOR = ProcessVariable.string(Variables.AUTHOR);
        public static final ProcessVariable<String> TITLE = ProcessVariable.string(Variables.TITLE);
        public static final ProcessVariable<String> DECISION_ASKED = ProcessVariable.string(Variables.DECISION_ASKED);
        /**
         * The start form's touchpoints: comma-separated codes, as text. The author's details form answers the
         * same variable as a list: {@link #TOUCHPOINTS}.
         */
        public static final ProcessVariable<String> TOUCHPOINT_CODES = ProcessVariable.string(Variables.TOUCHPOINTS);
        /**
         * Any type: the details form's picked touchpoints come as JSON (or a list from the API), and the application
         * writes an empty typed Json list for the form; {@code AgendaItemDelegates.recordItemDetails} reads them.
         */
        public static final ProcessVariable<Object> TOUCHPOINTS = ProcessVariable.of(Variables.TOUCHPOINTS, Object.class);
        public static final ProcessVariable<String> FACT_PRIORITY = ProcessVariable.string(Variables.FACT_PRIORITY);
        public static final ProcessVariable<String> FACT_BEHAVIOUR = ProcessVariable.string(Variables.FACT_BEHAVIOUR);
        public static final ProcessVariable<String> FACT_COMPETITORS = ProcessVariable.string(Variables.FACT_COMPETITORS);
        public static final ProcessVariable<Boolean> DETAILS_GIVEN = ProcessVariable.bool(Variables.DETAILS_GIVEN);
        public static final ProcessVariable<SpinJsonNode> TOUCHPOINT_OPTIONS =
                ProcessVariable.of(Variables.TOUCHPOINT_OPTIONS, SpinJsonNode.class);
        /**
         * Any type: the form's rows come as JSON, and the application writes an empty typed Json list for the form;
         * {@code FormValues.rows} reads them and refuses the rest in words.
         */
        public static final ProcessVariable<Object> ACTIONS = ProcessVariable.of(Variables.ACTIONS, Object.class);
        public static final ProcessVariable<Boolean> HAS_FACT_BASE = ProcessVariable.bool(Variables.HAS_FACT_BASE);
        public static final ProcessVariable<Long> CHARTER_VERSION_ID = ProcessVariable.longNumber(Variables.CHARTER_VERSION_ID);
        public static final ProcessVariable<Integer> RULING_DAYS = ProcessVariable.integer(Variables.RULING_DAYS);
        public static final ProcessVariable<Boolean> DISPUTE_STAYS = ProcessVariable.bool(Variables.DISPUTE_STAYS);
        /** {@link AgendaItemProcess#RESUBMIT} or {@link AgendaItemProcess#WITHDRAW}. */
        public static final ProcessVariable<String> FACT_ACTION = ProcessVariable.string(Variables.FACT_ACTION);

        private Typed() {
        }
    }

    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    public static final String FORM_SUBMIT = "board-agenda-item";
    public static final String FORM_FACT_BASE = "board-fact-base";
    public static final String FORM_LATE_RULING = "charter-late-ruling";

    private AgendaItemProcess() {
    }

    /**
     * The record an instance runs for, read from its business key: the application names every instance
     * itself, and nobody can change a business key afterwards (unlike a variable).
     */
    public static long itemId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
