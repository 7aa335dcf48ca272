package com.engagementboard.board;

import com.engagementboard.charter.CharterReading;
import com.engagementboard.organisation.People;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the {@code board-meeting} process does to a meeting: agenda, votes, decisions, minutes. */
@Service
class BoardMeetings {


    /** An action's due date as its owner reads it. */

    /** The outcome of counting the votes on an item. */
    record Tally(int cast, int approve, int reject, int abstain, int eligible, String outcome) {
    }

    private final MeetingRepository meetings;
    private final AgendaItemRepository items;
    private final MeetingItemRepository agenda;
    private final VoteRepository votes;
    private final DecisionRepository decisions;
    private final BoardSetupService board;
    private final MeetingScheduler scheduler;
    private final CharterReading charter;
    private final RuntimeService runtime;
    private final People people;
    private final SystemAccount system;
    private final Clock clock;
    private final DateTimeFormatter minute;
    private final DecidedActions decidedActions;
    private final DisputeRulings rulings;
    private final org.springframework.context.ApplicationEventPublisher events;

    BoardMeetings(MeetingRepository meetings, AgendaItemRepository items,
            MeetingItemRepository agenda, VoteRepository votes, DecisionRepository decisions,
            BoardSetupService board, MeetingScheduler scheduler, CharterReading charter, RuntimeService runtime,
            People people,
            SystemAccount system, Clock clock, DecidedActions decidedActions, DisputeRulings rulings,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.decidedActions = decidedActions;
        this.rulings = rulings;
        this.system = system;
        this.clock = clock;
        this.minute = MINUTE.withZone(clock.getZone());
        this.meetings = meetings;
        this.items = items;
        this.agenda = agenda;
        this.votes = votes;
        this.decisions = decisions;
        this.board = board;
        this.scheduler = scheduler;
        this.charter = charter;
        this.runtime = runtime;
        this.people = people;
    }

    /**
     * The agenda closes: every queued, deferred or carried-over item goes on it (carried-over first),
     * and the next regular meeting is put on the calendar. Returns the number of items.
     */
    @Transactional
    int closeAgenda(long meetingId) {
        Meeting meeting = meetings.findById(meetingId).orElseThrow();
        List<AgendaItem> waiting = new ArrayList<>(items.findByStatusInOrderByCreatedAt(List.of(
                AgendaItem.Status.CARRIED_OVER, AgendaItem.Status.DEFERRED, AgendaItem.Status.QUEUED)));
        waiting.sort(Comparator.comparing((AgendaItem i) -> i.getStatus() == AgendaItem.Status.QUEUED)
                .thenComparing(AgendaItem::getCreatedAt));
        meeting.closeAgenda(waiting.size(), clock.instant());
        int position = 1;
        for (AgendaItem item : waiting) {
            item.putOnAgenda();
            agenda.save(new MeetingItem(meetingId, item.getId(), position++));
        }
        if (meeting.getKind() == Meeting.Kind.REGULAR) {
            scheduler.scheduleRegularAfter(meeting.getScheduledAt());
        }
        return waiting.size();
    }

    @Transactional(readOnly = true)
    List<AgendaItem> agendaOf(long meetingId) {
        List<Long> ids = agenda.findByKeyMeetingIdOrderByPosition(meetingId).stream()
                .filter(m -> m.getResult() != MeetingItem.Result.DEFERRED && m.getResult() != MeetingItem.Result.WITHDRAWN)
                .map(MeetingItem::itemId).toList();
        Map<Long, AgendaItem> byId = items.findAllById(ids).stream()
                .collect(Collectors.toMap(AgendaItem::getId, i -> i));
        return ids.stream().map(byId::get).toList();
    }

    @Transactional(readOnly = true)
    List<MeetingItem> entries(long meetingId) {
        return agenda.findByKeyMeetingIdOrderByPosition(meetingId);
    }

    /** The chair's order (item ids, first to last) and deferrals; returns the published agenda's item ids. */
    @Transactional
    List<Long> publishAgenda(long meetingId, List<Long> order, Set<Long> deferred) {
        meetings.findById(meetingId).orElseThrow().publishAgenda();
        List<MeetingItem> entries = new ArrayList<>(agenda.findByKeyMeetingIdOrderByPosition(meetingId));
        // An item its author withdrew while the chair prepared the agenda keeps its row, last, as withdrawn.
        entries.sort(Comparator.comparing((MeetingItem e) -> e.getResult() == MeetingItem.Result.WITHDRAWN));
        List<Long> published = new ArrayList<>();
        int position = 1;
        for (Long itemId : order) {
            MeetingItem entry = entries.stream().filter(e -> e.itemId() == itemId).findFirst().orElseThrow();
            entry.position(position++);
        }
        for (MeetingItem entry : entries) {
            if (!order.contains(entry.itemId())) {
                entry.position(position++);
            }
        }
        entries.sort(Comparator.comparingInt(MeetingItem::getPosition));
        for (MeetingItem entry : entries) {
            if (entry.getResult() == MeetingItem.Result.WITHDRAWN) {
                continue;
            }
            if (deferred.contains(entry.itemId())) {
                items.findById(entry.itemId()).orElseThrow().defer();
                entry.result(MeetingItem.Result.DEFERRED);
            } else {
                published.add(entry.itemId());
            }
        }
        return published;
    }

    @Transactional
    void open(long meetingId) {
        meetings.findById(meetingId).orElseThrow().open(clock.instant());
    }

    @Transactional(readOnly = true)
    int positionOf(long meetingId, long itemId) {
        return agenda.findById(new MeetingItem.Key(meetingId, itemId)).orElseThrow().getPosition();
    }

    @Transactional
    void recordVote(long meetingId, long itemId, String voter, String choice, String comment) {
        meetings.findById(meetingId).orElseThrow().requireInSession("given a vote");
        votes.save(new Vote(meetingId, itemId, voter, choice, comment, clock.instant()));
    }

    @Transactional(readOnly = true)
    Tally tally(long meetingId, long itemId, int eligible) {
        List<Vote> cast = votes.findByMeetingIdAndItemIdOrderByCastAt(meetingId, itemId);
        int approve = (int) cast.stream().filter(v -> BoardMeetingProcess.APPROVE.equals(v.getChoice())).count();
        int reject = (int) cast.stream().filter(v -> BoardMeetingProcess.REJECT.equals(v.getChoice())).count();
        int abstain = cast.size() - approve - reject;
        String outcome = cast.size() < board.setup().getQuorum() ? BoardMeetingProcess.NO_QUORUM
                : approve > reject ? BoardMeetingProcess.APPROVED
                : reject > approve ? BoardMeetingProcess.REJECTED : BoardMeetingProcess.TIE;
        return new Tally(cast.size(), approve, reject, abstain, eligible, outcome);
    }

    /** The vote can close early when the quorum is met and the votes still to come cannot change the outcome. */
    @Transactional(readOnly = true)
    boolean outcomeCertain(long meetingId, long itemId, int eligible) {
        Tally tally = tally(meetingId, itemId, eligible);
        int remaining = eligible - tally.cast();
        return remaining == 0
                || tally.cast() >= board.setup().getQuorum() && Math.abs(tally.approve() - tally.reject()) > remaining;
    }

    @Transactional
    void carryOver(long meetingId, long itemId) {
        meetings.findById(meetingId).orElseThrow().requireInSession("given a carry-over");
        items.findById(itemId).orElseThrow().carryOver();
        agenda.findById(new MeetingItem.Key(meetingId, itemId)).orElseThrow().result(MeetingItem.Result.CARRIED_OVER);
    }

    /**
     * The CEO did not answer an escalation in time: the item goes on the next agenda, recorded as no answer
     * from the CEO (where a question would be), so that the board decides it itself or escalates again.
     */
    @Transactional
    void noAnswerFromCeo(long meetingId, long itemId) {
        meetings.findById(meetingId).orElseThrow().requireInSession("given the CEO's silence");
        items.findById(itemId).orElseThrow().returnedByCeo("No answer from the CEO by "
                + minute.format(clock.instant()) + ": the board decides it, or escalates it again.");
        agenda.findById(new MeetingItem.Key(meetingId, itemId)).orElseThrow().result(MeetingItem.Result.CARRIED_OVER);
    }

    /** The CEO sends the item back with a question: it goes on the next agenda, the question with it. */
    @Transactional
    void returnToBoard(long meetingId, long itemId, String question) {
        meetings.findById(meetingId).orElseThrow().requireInSession("given the CEO's answer");
        items.findById(itemId).orElseThrow().returnedByCeo(question);
        agenda.findById(new MeetingItem.Key(meetingId, itemId)).orElseThrow().result(MeetingItem.Result.RETURNED);
    }

    /**
     * Writes the decision into the register with the charter version in force and marks the item decided on
     * the agenda; an approved item's actions follow ({@link DecidedActions}), and a charter dispute's ruling
     * goes back to the charter ({@link DisputeRulings}).
     */
    @Transactional
    Decision decide(long meetingId, long itemId, String outcome, String tieBrokenBy, boolean escalated,
            String recommendation, String ceoDecision, String ceoComment) {
        meetings.findById(meetingId).orElseThrow().requireInSession("given a decision");
        AgendaItem item = items.findById(itemId).orElseThrow();
        item.decide();
        String voteRecord = votes.findByMeetingIdAndItemIdOrderByCastAt(meetingId, itemId).stream().map(Vote::toString)
                .collect(Collectors.joining("; "));
        Set<String> concerned = new TreeSet<>();
        item.getTouchpoints().forEach(t -> charter.owners(t.getCode()).values().stream()
                .filter(java.util.Objects::nonNull).forEach(concerned::add));
        Long supersedes = decisions.findFirstByItemIdOrderByIdDesc(itemId).map(Decision::getId).orElse(null);
        Decision decision = decisions.saveAndFlush(new Decision(meetingId, item, outcome,
                voteRecord.isEmpty() ? "(no vote: escalated)" : voteRecord, tieBrokenBy, escalated, recommendation,
                ceoDecision, ceoComment, charter.effectiveVersionId().orElse(null),
                item.getTouchpoints().stream().map(t -> t.getCode())
                        .collect(Collectors.joining(",")), String.join(",", concerned), supersedes,
                clock.instant()));
        agenda.findById(new MeetingItem.Key(meetingId, itemId)).orElseThrow().result(MeetingItem.Result.DECIDED);
        if (BoardMeetingProcess.APPROVED.equals(outcome)) {
            decidedActions.startActions(decision, item);
        }
        if (item.getKind() == AgendaItem.Kind.CHARTER_DISPUTE) {
            rulings.tellCharter(decision, item);
        }
        if (item.getKind() == AgendaItem.Kind.CHANGE && item.getChangeId() != null) {
            events.publishEvent(new ChangeDecidedByBoard(item.getChangeId(), item.getId()));
        }
        return decision;
    }

    /** Votes as people read them: "Clara Martens: approve (comment); Rafael Ortega: reject". */
    static String said(List<Vote> cast, People people) {
        return cast.stream().map(v -> people.nameOf(v.getVoter()) + ": " + voteInWords(v.getChoice())
                + (v.getComment() == null || v.getComment().isBlank() ? "" : " (" + v.getComment().strip() + ")"))
                .collect(Collectors.joining("; "));
    }

    /**
     * The chair calls the meeting off before it opens, with her reason: the items on its agenda are carried
     * over to the next meeting (deferred and queued ones wait for it anyway), a regular meeting's successor is
     * put on the calendar if its agenda had not closed yet, and its process tells every member. 409 once it
     * is in session, closed or called off.
     */
    @Transactional
    Meeting callOff(long meetingId, String reason, String userId) {
        String why = InvalidInputException.requireReason("reason", reason, Meeting.MAX_REASON,
                "say why the meeting is called off: the members are told");
        Meeting meeting = meetings.findById(meetingId)
                .orElseThrow(() -> new NotFoundException("meeting", String.valueOf(meetingId)));
        boolean successorScheduled = meeting.getStatus() != Meeting.Status.SCHEDULED;
        meeting.callOff(clock.instant(), userId, why);
        meetings.saveAndFlush(meeting);
        for (MeetingItem entry : agenda.findByKeyMeetingIdOrderByPosition(meetingId)) {
            AgendaItem item = items.findById(entry.itemId()).orElseThrow();
            if (item.getStatus() == AgendaItem.Status.ON_AGENDA) {
                item.carryOver();
                entry.result(MeetingItem.Result.CARRIED_OVER);
            }
        }
        if (meeting.getKind() == Meeting.Kind.REGULAR && !successorScheduled) {
            scheduler.scheduleRegularAfter(meeting.getScheduledAt());
        }
        boolean received = system.call(() -> !runtime.createMessageCorrelation(BoardMeetingProcess.Messages.CALLED_OFF)
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).correlateAllWithResult()
                .isEmpty());
        if (!received) {
            throw new ConflictException("The meeting's process cannot take this", "No process of meeting " + meetingId
                    + " waits for a call-off: its process was ended or deleted, or runs an earlier version "
                    + "the start-up migration did not move (a WARN line names why); nothing was changed.");
        }
        return meeting;
    }

    /**
     * The check behind the event subprocess <i>Called off by the chair</i>: a call-off message that the
     * record does not back (sent through the engine's API, say) is refused, and ends nothing.
     */
    @Transactional(readOnly = true)
    void requireCalledOff(long meetingId) {
        meetings.findById(meetingId).orElseThrow().requireCalledOff();
    }

    /**
     * What the chair's agenda task shows and starts from: the agenda in words, the items as choices, and the
     * order as rows she renumbers (each item with its place, 1, 2, 3...), no item deferred yet.
     */
    @Transactional(readOnly = true)
    VariableMap agendaVariables(long meetingId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AgendaItem item : agendaOf(meetingId)) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("item", item.getId().toString());
            row.put("position", rows.size() + 1);
            rows.add(row);
        }
        VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
        BoardMeetingProcess.Typed.ITEM_OPTIONS.set(variables, org.camunda.spin.Spin.JSON(itemOptions(meetingId)));
        BoardMeetingProcess.Typed.AGENDA_ORDER.set(variables, FormValues.json(rows));
        // Typed Json, not Null: the Tasklist submits the checklist as {type: <existing type>, value: "[...]"}.
        BoardMeetingProcess.Typed.DEFERRED_ITEMS.set(variables, org.camunda.spin.Spin.JSON("[]"));
        return variables;
    }

    /**
     * An item its author withdraws leaves the agenda it waits on, while the chair prepares it: its row stays,
     * marked withdrawn, and the chair's agenda task starts again from the agenda as it now is. Refused (409)
     * once that agenda is published.
     */
    @Transactional
    void takeOffAgenda(long itemId) {
        for (MeetingItem entry : agenda.findByKeyItemIdAndResult(itemId, MeetingItem.Result.PENDING)) {
            long meetingId = entry.meetingId();
            Meeting meeting = meetings.findById(meetingId).orElseThrow();
            if (meeting.getStatus() != Meeting.Status.AGENDA_CLOSED) {
                throw new ConflictException("The agenda is published", "The agenda of the meeting on "
                        + minute.format(meeting.getScheduledAt()) + " is " + meeting.getStatus() + " with this item on "
                        + "it: it can no longer be withdrawn. The chair may defer it or the board decide it.");
            }
            entry.result(MeetingItem.Result.WITHDRAWN);
            agenda.saveAndFlush(entry);
            system.run(() -> {
                var instance = runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).singleResult();
                if (instance == null) {
                    throw new ConflictException("The meeting's process is gone", "Meeting " + meetingId
                            + " has no process to prepare its agenda in; nothing was changed.");
                }
                runtime.setVariables(instance.getId(), agendaVariables(meetingId));
            });
        }
    }

    /** A moment to the minute; {@code minute} says it in the company's zone. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    @Transactional
    void close(long meetingId) {
        meetings.findById(meetingId).orElseThrow().close(clock.instant());
    }

    /** A vote (APPROVE, REJECT, ABSTAIN) as a person says it. */
    static String voteInWords(String choice) {
        if (BoardMeetingProcess.APPROVE.equals(choice)) {
            return "approve";
        }
        if (BoardMeetingProcess.REJECT.equals(choice)) {
            return "reject";
        }
        return BoardMeetingProcess.ABSTAIN.equals(choice) ? "abstain" : String.valueOf(choice);
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> itemOptions(long meetingId) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (MeetingItem entry : agenda.findByKeyMeetingIdOrderByPosition(meetingId)) {
            if (entry.getResult() == MeetingItem.Result.WITHDRAWN) {
                continue;
            }
            AgendaItem item = items.findById(entry.itemId()).orElseThrow();
            options.add(FormValues.option(String.valueOf(entry.itemId()), item.getTitle()
                    + " (from " + people.nameOf(item.getAuthor()) + ")"));
        }
        return options;
    }

    List<String> members() {
        return new ArrayList<>(new LinkedHashSet<>(board.allMembers()));
    }

    String chair() {
        return board.setup().getChair();
    }

    List<String> voters() {
        return board.coreMembers();
    }
}
