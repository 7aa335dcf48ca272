package com.engagementboard.charter;

import com.engagementboard.engine.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The contract of {@code processes/touchpoint-charter.bpmn}: its key, the element ids Java and tests
 * use, the variables and the message. No string literal for these anywhere else.
 */
public final class TouchpointCharterProcess {

    public static final String KEY = "touchpoint-charter";
    public static final String BUSINESS_KEY_PREFIX = "charter-";

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_CharterSubmitted";
        public static final String COLLECT_PENDING_RIGHTS = "Task_CollectPendingRights";
        public static final String FUNCTION_ACCEPTANCE = "SubProcess_FunctionAcceptance";
        public static final String PREPARE_ACCEPTANCE = "Task_PrepareAcceptance";
        public static final String ACCEPT_RIGHTS = "Task_AcceptRights";
        public static final String ACCEPTANCE_OVERDUE = "BoundaryEvent_AcceptanceOverdue";
        public static final String REMIND_HEAD = "Task_RemindHead";
        public static final String ACCEPTANCE_ESCALATED = "BoundaryEvent_AcceptanceEscalated";
        public static final String CHASE_ACCEPTANCE = "Task_ChaseAcceptance";
        public static final String RECORD_ACCEPTANCE = "Task_RecordAcceptance";
        public static final String CHECK_DISPUTES = "Task_CheckDisputes";
        public static final String ALL_RIGHTS_ACCEPTED = "Gateway_AllRightsAccepted";
        public static final String RESOLVE_DISPUTE = "Task_ResolveDispute";
        public static final String DISPUTE_DECISION = "Gateway_DisputeDecision";
        public static final String REALLOCATE = "Task_Reallocate";
        public static final String UPHOLD_ALLOCATION = "Task_UpholdAllocation";
        public static final String MAKE_EFFECTIVE = "Task_MakeEffective";
        public static final String REVIEW_DUE = "TimerEvent_ReviewDue";
        public static final String SUPERSEDED = "SubProcess_Superseded";
        public static final String CHARTER_SUPERSEDED = "StartEvent_CharterSuperseded";
        public static final String CONFIRM_SUPERSEDED = "Task_ConfirmSuperseded";
        public static final String SUPERSEDED_END = "EndEvent_CharterSuperseded";
        public static final String WITHDRAWN = "SubProcess_Withdrawn";
        public static final String CHARTER_WITHDRAWN = "StartEvent_CharterWithdrawn";
        public static final String FIND_WITHDRAWN_HEADS = "Task_FindWithdrawnHeads";
        public static final String READ_WITHDRAWAL = "Task_ReadWithdrawal";
        public static final String WITHDRAWAL_READ = "EndEvent_WithdrawalRead";
        public static final String WITHDRAWAL_NOTICE_EXPIRES = "BoundaryEvent_WithdrawalNoticeExpires";
        public static final String WITHDRAWAL_NOTICE_EXPIRED = "EndEvent_WithdrawalNoticeExpired";
        public static final String PREPARE_REVIEW = "Task_PrepareReview";
        public static final String REVIEW_CHARTER = "Task_ReviewCharter";
        public static final String TALLY_REVIEW = "Task_TallyReview";
        public static final String CHANGES_PROPOSED = "Gateway_ChangesProposed";
        public static final String OPEN_AMENDMENT = "Task_OpenAmendment";
        public static final String TAKE_UP_AMENDMENT = "Task_TakeUpAmendment";
        public static final String SCHEDULE_NEXT_REVIEW = "Task_ScheduleNextReview";
        public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
        public static final String REMIND_REVIEW = "Task_RemindReview";
        public static final String REVIEW_REMINDED = "EndEvent_ReviewReminded";
        public static final String REVIEW_CLOSES = "BoundaryEvent_ReviewCloses";
        public static final String RECORD_UNANSWERED_REVIEW = "Task_RecordUnansweredReview";
        public static final String MERGE_DISPUTE = "Gateway_MergeDispute";
        /**
         * The chair's dispute goes on the board's agenda (message throw event): publishes
         * {@link DisputeSentToBoard}, which opens an agenda item for the board.
         */
        public static final String DISPUTE_TO_BOARD = "MessageEvent_DisputeToBoard";
        public static final String AWAIT_BOARD_RULING = "Gateway_AwaitBoardRuling";
        public static final String NO_BOARD_RULING = "TimerEvent_NoBoardRuling";
        public static final String RECORD_NO_BOARD_RULING = "Task_RecordNoBoardRuling";
        /**
         * The chair takes the dispute back (asynchronous, its own transaction): the board's agenda item is
         * withdrawn unless its agenda is published (message {@link TouchpointCharterProcess#MESSAGE_DISPUTE_TAKEN_BACK}).
         */
        public static final String DISPUTE_TAKEN_BACK = "MessageEvent_DisputeTakenBack";
        public static final String BOARD_RULED = "MessageEvent_BoardRuled";
        public static final String APPLY_BOARD_RULING = "Task_ApplyBoardRuling";
        public static final String BOARD_APPROVED = "Gateway_BoardApproved";
        public static final String TELL_RULING = "Gateway_TellRuling";
        public static final String READ_BOARD_RULING = "Task_ReadBoardRuling";
        public static final String RULING_READ = "EndEvent_RulingRead";
        public static final String RULING_NOTICE_EXPIRES = "BoundaryEvent_RulingNoticeExpires";
        public static final String RULING_NOTICE_EXPIRED = "EndEvent_RulingNoticeExpired";
        public static final String TELL_UPHELD = "Gateway_TellUpheld";
        public static final String TELL_REALLOCATED = "Gateway_TellReallocated";
        public static final String MERGE_SETTLED = "Gateway_MergeSettled";
        public static final String READ_SETTLEMENT = "Task_ReadSettlement";
        public static final String SETTLEMENT_READ = "EndEvent_SettlementRead";
        public static final String SETTLEMENT_NOTICE_EXPIRES = "BoundaryEvent_SettlementNoticeExpires";
        public static final String SETTLEMENT_NOTICE_EXPIRED = "EndEvent_SettlementNoticeExpired";

        private Elements() {
        }
    }

    /** Process variables. */
    public static final class Variables {
        /** Long: the id of the charter version (the draft) this instance runs for. */
        public static final String CHARTER_ID = "charterId";
        /** List of function codes that have rights waiting for acceptance (multi-instance collection). */
        public static final String PENDING_FUNCTIONS = "pendingFunctions";
        /** String: the function of one acceptance (multi-instance element), also of one review. */
        public static final String FUNCTION_CODE = "functionCode";
        /** Local, String: the function's name, for task names. */
        public static final String FUNCTION_NAME = "functionName";
        /** Local, Integer: how many rights the function is asked to accept. */
        public static final String RIGHT_COUNT = "rightCount";
        /** Local, String: "1 right" or "N rights", for the task's name. */
        public static final String RIGHTS_LABEL = "rightsLabel";
        /**
         * Text (markdown) of the acceptance and review forms, the function's rights;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String RIGHTS_SUMMARY = "rightsSummary";
        /**
         * Local, JSON list of {label, value}: the options of the form's searchable "decline" picker. Bounded:
         * empty when the function is asked more than {@code engagement-board.charter.picker-rights} (500)
         * rights; the form then asks for {@link #DECLINED_LINES} instead ({@link #DECLINE_BY_LINES}).
         */
        public static final String RIGHT_OPTIONS = "rightOptions";
        /** Local, Boolean: too many rights for the picker; the head names declined rights by touchpoint and right. */
        public static final String DECLINE_BY_LINES = "declineByLines";
        /** Local, Date: when the acceptance is due (the task's due date, the reminder timer). */
        public static final String ACCEPTANCE_DUE = "acceptanceDue";
        /** Local, Date: when an unanswered acceptance goes to the chair. */
        public static final String ESCALATION_DUE = "escalationDue";
        /** Local, String: who completed the acceptance task (the engine's authenticated user). */
        public static final String DECIDED_BY = "decidedBy";
        /** String: who resolved the dispute. */
        public static final String RESOLVED_BY = "resolvedBy";
        /** Integer: the number of the review round (1 for the first review of a version). */
        public static final String REVIEW_ROUND = "reviewRound";
        /** Form field: ACCEPT_ALL or DECLINE_SOME. */
        public static final String DECISION = "decision";
        /** Form field: JSON list of allocation ids declined (the picker's answer). */
        public static final String DECLINED_RIGHTS = "declinedRights";
        /**
         * Form field: the rights declined as text, one "touchpoint,right" line each (for a head with more
         * rights than a picker holds); at most {@code CharterForms.MAX_DECLINED_LINES} characters.
         */
        public static final String DECLINED_LINES = "declinedLines";
        /** Form field: why the rights are declined (required when declining). */
        public static final String DECLINE_REASON = "declineReason";
        /** Integer: declined rights after a round of acceptance. */
        public static final String DISPUTE_COUNT = "disputeCount";
        /**
         * Text (markdown): the disputed rights with who declined them and why;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String DISPUTE_SUMMARY = "disputeSummary";
        /** Form field of the chair: REALLOCATE or UPHOLD. */
        public static final String RESOLUTION = "resolution";
        /** Form field of the chair: new owners, one "touchpoint,right,function" line per disputed right. */
        public static final String REALLOCATIONS = "reallocations";
        /** Json: the disputed rights the chair's form lists, as choices (name shown, allocation id the value). */
        public static final String DISPUTED_OPTIONS = "disputedOptions";
        /** Json: every function as a choice (name shown, code the value). */
        public static final String FUNCTION_OPTIONS = "functionOptions";
        /** String: the function that gets every disputed right the chair's rows leave without an owner. */
        public static final String EVERY_OTHER_TO = "everyOtherTo";
        /** Form field of the chair: the reasoning, required. */
        public static final String RESOLUTION_NOTE = "resolutionNote";
        /** Form field of the chair's escalation task: what the chair did. */
        public static final String CHASE_NOTE = "chaseNote";
        /**
         * Text (markdown) of the chair's escalation task: whom to chase, for what, since when;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String CHASE_CONTEXT = "chaseContext";
        /** Date: when the effective version is next reviewed. */
        public static final String REVIEW_DUE = "reviewDue";
        /** List of function codes holding RENEW rights (multi-instance collection of the review). */
        public static final String RENEW_OWNERS = "renewOwners";
        /** Form field of the review: CONFIRM or PROPOSE_CHANGES. */
        public static final String REVIEW_DECISION = "reviewDecision";
        /** Form field of the review: the change proposed (required when proposing). */
        public static final String PROPOSAL = "proposal";
        /** Boolean: whether any RENEW owner proposed a change in the last review. */
        public static final String CHANGES_PROPOSED = "changesProposed";
        /** Long: the amendment draft a review opened. */
        public static final String AMENDMENT_ID = "amendmentId";
        /** Boolean: whether the board approved the chair's proposal for the disputed rights. */
        public static final String BOARD_APPROVED = "boardApproved";
        /**
         * Text (markdown) of a head's ruling notice: the ruling as the charter applied it to the function's
         * rights,rendered from the register when the form is read
         * ({@link CharterTaskTexts}), never stored. The board's message carries the ruling's words as a transient variable of
         * this name, which {@code Task_ApplyBoardRuling} records on the rights (or the version) in the same
         * transaction.
         */
        public static final String RULING_SUMMARY = "rulingSummary";
        /** List of function codes told about the ruling (multi-instance collection). */
        public static final String RULING_FUNCTIONS = "rulingFunctions";
        /** List of the codes of the functions whose declined rights the chair settled (multi-instance collection). */
        public static final String SETTLED_FUNCTIONS = "settledFunctions";
        /**
         * Text (markdown) of a head's notice: how their declined rights were settled, and why;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String SETTLEMENT_SUMMARY = "settlementSummary";
        /**
         * Local to a head's settlement notice (an input of {@code Task_ReadSettlement}): the chair's reasoning and
         * who settled, as they stood when the notice was created; a later dispute round changes
         * {@link #RESOLUTION_NOTE} and {@link #RESOLVED_BY}, not what the notice says.
         */
        public static final String SETTLEMENT_NOTE = "settlementNote";
        /** Local to a head's settlement notice: who settled (see {@link #SETTLEMENT_NOTE}). */
        public static final String SETTLED_BY = "settledBy";
        /** List of the codes of the functions a withdrawn version asked something of (multi-instance collection). */
        public static final String WITHDRAWN_FUNCTIONS = "withdrawnFunctions";
        /**
         * Text (markdown) of a head's notice: who withdrew the version, when and why;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String WITHDRAWAL_NOTICE = "withdrawalNotice";
        /**
         * Text (markdown): the proposals of a review, for the chair;
         * rendered from the register when the form is read ({@link CharterTaskTexts}), never stored.
         */
        public static final String PROPOSALS_SUMMARY = "proposalsSummary";
        /**
         * Boolean: the dispute went back to the chair because the board did not rule in time (her form then says
         * so, from the version's record); false once she has it for another reason.
         */
        public static final String DISPUTE_TAKEN_BACK = "disputeTakenBack";

        private Variables() {
        }
    }

    /**
     * The variables by name and type ({@link ProcessVariable}): the delegates read and write through these, not
     * through a name and a cast. The texts rendered on read ({@link CharterTaskTexts}) are stored nowhere and
     * have no handle; {@link Variables} keeps every name for forms, tests and other classes.
     */
    public static final class Typed {
        public static final ProcessVariable<Long> CHARTER_ID = ProcessVariable.longNumber(Variables.CHARTER_ID);
        public static final ProcessVariable<List<String>> PENDING_FUNCTIONS =
                ProcessVariable.listOf(Variables.PENDING_FUNCTIONS, String.class);
        public static final ProcessVariable<String> FUNCTION_CODE = ProcessVariable.string(Variables.FUNCTION_CODE);
        public static final ProcessVariable<String> FUNCTION_NAME = ProcessVariable.string(Variables.FUNCTION_NAME);
        public static final ProcessVariable<Integer> RIGHT_COUNT = ProcessVariable.integer(Variables.RIGHT_COUNT);
        public static final ProcessVariable<String> RIGHTS_LABEL = ProcessVariable.string(Variables.RIGHTS_LABEL);
        public static final ProcessVariable<SpinJsonNode> RIGHT_OPTIONS =
                ProcessVariable.of(Variables.RIGHT_OPTIONS, SpinJsonNode.class);
        public static final ProcessVariable<Boolean> DECLINE_BY_LINES = ProcessVariable.bool(Variables.DECLINE_BY_LINES);
        public static final ProcessVariable<Date> ACCEPTANCE_DUE = ProcessVariable.date(Variables.ACCEPTANCE_DUE);
        public static final ProcessVariable<Date> ESCALATION_DUE = ProcessVariable.date(Variables.ESCALATION_DUE);
        public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.string(Variables.DECIDED_BY);
        public static final ProcessVariable<String> RESOLVED_BY = ProcessVariable.string(Variables.RESOLVED_BY);
        public static final ProcessVariable<Integer> REVIEW_ROUND = ProcessVariable.integer(Variables.REVIEW_ROUND);
        /** One of {@link TouchpointCharterProcess#ACCEPT_ALL} and {@link TouchpointCharterProcess#DECLINE_SOME}. */
        public static final ProcessVariable<String> DECISION = ProcessVariable.string(Variables.DECISION);
        /**
         * Any type: the picker's answer comes as JSON, the API's as a list or comma-separated text;
         * {@code CharterForms.checkAcceptance} reads them all and refuses the rest in words.
         */
        public static final ProcessVariable<Object> DECLINED_RIGHTS = ProcessVariable.of(Variables.DECLINED_RIGHTS, Object.class);
        public static final ProcessVariable<String> DECLINED_LINES = ProcessVariable.string(Variables.DECLINED_LINES);
        public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.string(Variables.DECLINE_REASON);
        public static final ProcessVariable<Integer> DISPUTE_COUNT = ProcessVariable.integer(Variables.DISPUTE_COUNT);
        /** One of {@link TouchpointCharterProcess#REALLOCATE}, {@link TouchpointCharterProcess#UPHOLD} and {@link TouchpointCharterProcess#SEND_TO_BOARD}. */
        public static final ProcessVariable<String> RESOLUTION = ProcessVariable.string(Variables.RESOLUTION);
        /**
         * Any type: the form's rows come as JSON, the API's lines as text, and the application writes a typed
         * Json value; {@code CharterForms.newOwners} reads them all and refuses the rest in words.
         */
        public static final ProcessVariable<Object> REALLOCATIONS = ProcessVariable.of(Variables.REALLOCATIONS, Object.class);
        public static final ProcessVariable<SpinJsonNode> DISPUTED_OPTIONS =
                ProcessVariable.of(Variables.DISPUTED_OPTIONS, SpinJsonNode.class);
        public static final ProcessVariable<SpinJsonNode> FUNCTION_OPTIONS =
                ProcessVariable.of(Variables.FUNCTION_OPTIONS, SpinJsonNode.class);
        /**
         * Any type: a function's code as the form's picker or the API gives it; {@code CharterForms.newOwners}
         * takes text and passes over anything else, as it always has.
         */
        public static final ProcessVariable<Object> EVERY_OTHER_TO = ProcessVariable.of(Variables.EVERY_OTHER_TO, Object.class);
        public static final ProcessVariable<String> RESOLUTION_NOTE = ProcessVariable.string(Variables.RESOLUTION_NOTE);
        public static final ProcessVariable<String> CHASE_NOTE = ProcessVariable.string(Variables.CHASE_NOTE);
        public static final ProcessVariable<Date> REVIEW_DUE = ProcessVariable.date(Variables.REVIEW_DUE);
        public static final ProcessVariable<List<String>> RENEW_OWNERS =
                ProcessVariable.listOf(Variables.RENEW_OWNERS, String.class);
        /** One of {@link TouchpointCharterProcess#CONFIRM} and {@link TouchpointCharterProcess#PROPOSE_CHANGES}. */
        public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.string(Variables.REVIEW_DECISION);
        public static final ProcessVariable<String> PROPOSAL = ProcessVariable.string(Variables.PROPOSAL);
        public static final ProcessVariable<Boolean> CHANGES_PROPOSED = ProcessVariable.bool(Variables.CHANGES_PROPOSED);
        public static final ProcessVariable<Long> AMENDMENT_ID = ProcessVariable.longNumber(Variables.AMENDMENT_ID);
        public static final ProcessVariable<Boolean> BOARD_APPROVED = ProcessVariable.bool(Variables.BOARD_APPROVED);
        /** The board's words, a transient variable of its message (never stored); see {@link Variables#RULING_SUMMARY}. */
        public static final ProcessVariable<String> RULING_SUMMARY = ProcessVariable.string(Variables.RULING_SUMMARY);
        public static final ProcessVariable<List<String>> RULING_FUNCTIONS =
                ProcessVariable.listOf(Variables.RULING_FUNCTIONS, String.class);
        public static final ProcessVariable<List<String>> SETTLED_FUNCTIONS =
                ProcessVariable.listOf(Variables.SETTLED_FUNCTIONS, String.class);
        public static final ProcessVariable<String> SETTLEMENT_NOTE = ProcessVariable.string(Variables.SETTLEMENT_NOTE);
        public static final ProcessVariable<String> SETTLED_BY = ProcessVariable.string(Variables.SETTLED_BY);
        public static final ProcessVariable<List<String>> WITHDRAWN_FUNCTIONS =
                ProcessVariable.listOf(Variables.WITHDRAWN_FUNCTIONS, String.class);
        public static final ProcessVariable<Boolean> DISPUTE_TAKEN_BACK = ProcessVariable.bool(Variables.DISPUTE_TAKEN_BACK);
        /** A variable of the message {@link TouchpointCharterProcess#MESSAGE_DISPUTE_TAKEN_BACK}. */
        public static final ProcessVariable<Long> TAKEN_BACK_VERSION = ProcessVariable.longNumber(TouchpointCharterProcess.TAKEN_BACK_VERSION);
        /** A variable of the message {@link TouchpointCharterProcess#MESSAGE_DISPUTE_TAKEN_BACK}. */
        public static final ProcessVariable<Integer> TAKEN_BACK_RULING_DAYS =
                ProcessVariable.integer(TouchpointCharterProcess.TAKEN_BACK_RULING_DAYS);

        private Typed() {
        }
    }

    /** Values of the form fields. */
    public static final String ACCEPT_ALL = "ACCEPT_ALL";
    public static final String DECLINE_SOME = "DECLINE_SOME";
    public static final String REALLOCATE = "REALLOCATE";
    public static final String UPHOLD = "UPHOLD";
    public static final String SEND_TO_BOARD = "SEND_TO_BOARD";
    public static final String CONFIRM = "CONFIRM";
    public static final String PROPOSE_CHANGES = "PROPOSE_CHANGES";

    /** Correlated to the instance of a version when a newer version supersedes it. */
    public static final String MESSAGE_CHARTER_SUPERSEDED = "CharterSuperseded";

    /** Correlated to the instance of a version in acceptance when the chair withdraws it. */
    public static final String MESSAGE_CHARTER_WITHDRAWN = "CharterWithdrawn";

    /** Correlated to the instance that sent a dispute to the board when the board has decided it. */
    public static final String MESSAGE_BOARD_RULED = "BoardRuledOnDispute";

    /**
     * Thrown by the charter when the board did not rule in time: it starts the board's {@code agenda-item}
     * process, which withdraws the dispute's item unless its agenda is published. Variables
     * {@link #TAKEN_BACK_VERSION} and {@link #TAKEN_BACK_RULING_DAYS}.
     */
    public static final String MESSAGE_DISPUTE_TAKEN_BACK = "CharterDisputeTakenBack";
    /** Long: the charter version whose dispute the chair took back. */
    public static final String TAKEN_BACK_VERSION = "charterVersionId";
    /** Integer: the working days the board had to rule. */
    public static final String TAKEN_BACK_RULING_DAYS = "rulingDays";

    /** Forms (processes/*.form ids). */
    public static final String FORM_ACCEPTANCE = "charter-acceptance";
    public static final String FORM_CHASE = "charter-chase";
    public static final String FORM_DISPUTE = "charter-dispute";
    public static final String FORM_REVIEW = "charter-review";
    public static final String FORM_AMENDMENT = "charter-amendment";
    public static final String FORM_RULING = "charter-ruling";
    public static final String FORM_SETTLED = "charter-settled";
    public static final String FORM_WITHDRAWN = "charter-withdrawn";

    private TouchpointCharterProcess() {
    }

    public static String businessKey(long charterId) {
        return BUSINESS_KEY_PREFIX + charterId;
    }

    /**
     * The record an instance runs for, read from its business key: the application names every instance
     * itself, and nobody can change a business key afterwards (unlike a variable).
     */
    public static long charterId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("Not a business key of this process: " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
