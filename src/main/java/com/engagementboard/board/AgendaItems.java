package com.engagementboard.board;

import com.engagementboard.charter.DisputeSentToBoard;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agenda items: submitted by members (API or the Tasklist's start form), checked for a fact base,
 * returned to their author without one, and queued for the next meeting whose agenda closes.
 */
@Service
public class AgendaItems {

    static final int DEFAULT_ACTION_DAYS = 14;
    static final String NO_FACTS = "The item brings no fact base. Add evidence on the touchpoint's priority, on "
            + "customer behaviour or on competitors' moves: the board decides on facts.";

    private final AgendaItemRepository items;
    private final TouchpointService touchpoints;
    private final RuntimeService runtime;
    private final SystemAccount system;
    private final BoardMeetings meetings;
    private final Clock clock;
    private final MeetingItemRepository agenda;
    private final MeetingRepository meetingRecords;
    private final DecisionRepository decisions;

    AgendaItems(AgendaItemRepository items, TouchpointService touchpoints, RuntimeService runtime,
            SystemAccount system, BoardMeetings meetings, Clock clock, MeetingItemRepository agenda,
            MeetingRepository meetingRecords, DecisionRepository decisions) {
        this.decisions = decisions;
        this.agenda = agenda;
        this.meetingRecords = meetingRecords;
        this.meetings = meetings;
        this.clock = clock;
        this.items = items;
        this.touchpoints = touchpoints;
        this.runtime = runtime;
        this.system = system;
    }

    /** A member submits an item: it is recorded and its {@code agenda-item} process checks it. */
    @Transactional
    AgendaItem submit(AgendaItemRequest request, String author) {
        AgendaItem item = create(AgendaItem.Kind.MEMBER, request, author);
        VariableMap variables = Variables.createVariables();
        AgendaItemProcess.Typed.ITEM_ID.set(variables, item.getId());
        AgendaItemProcess.Typed.AUTHOR.set(variables, author);
        AgendaItemProcess.Typed.TITLE.set(variables, item.getTitle());
        system.run(() -> runtime.startProcessInstanceByKey(AgendaItemProcess.KEY,
                AgendaItemProcess.BUSINESS_KEY_PREFIX + item.getId(), variables));
        return item;
    }

    @Transactional
    AgendaItem create(AgendaItem.Kind kind, AgendaItemRequest request, String author) {
        Map<String, Touchpoint> known = touchpointsOf(request);
        AgendaItem item = new AgendaItem(kind, request.title(), request.decisionAsked(), author, clock.instant());
        AgendaItemRequest.FactBase facts = request.facts();
        if (facts != null) {
            item.facts(facts.touchpointPriority(), facts.customerBehaviour(), facts.competitorMoves());
        }
        if (request.touchpoints() != null) {
            request.touchpoints().forEach(code -> item.getTouchpoints().add(known.get(code)));
        }
        if (request.actions() != null) {
            request.actions().forEach(a -> item.getActions().add(new ProposedAction(item, known.get(a.touchpoint()),
                    a.description(), a.build(), a.dueInDays() == null ? DEFAULT_ACTION_DAYS : a.dueInDays())));
        }
        return items.saveAndFlush(item);
    }

    /** The touchpoints the request names, by code; unknown codes are refused, naming each. */
    private Map<String, Touchpoint> touchpointsOf(AgendaItemRequest request) {
        List<String> codes = new ArrayList<>();
        if (request.touchpoints() != null) {
            codes.addAll(request.touchpoints());
        }
        if (request.actions() != null) {
            request.actions().forEach(a -> codes.add(a.touchpoint()));
        }
        Map<String, Touchpoint> known = touchpoints.byCodes(codes);
        List<FieldProblem> problems = new ArrayList<>();
        if (request.touchpoints() != null) {
            for (int i = 0; i < request.touchpoints().size(); i++) {
                if (!known.containsKey(request.touchpoints().get(i))) {
                    problems.add(new FieldProblem("touchpoints[" + i + "]",
                            "there is no touchpoint '" + request.touchpoints().get(i) + "'"));
                }
            }
        }
        if (request.actions() != null) {
            for (int i = 0; i < request.actions().size(); i++) {
                if (!known.containsKey(request.actions().get(i).touchpoint())) {
                    problems.add(new FieldProblem("actions[" + i + "].touchpoint",
                            "there is no touchpoint '" + request.actions().get(i).touchpoint() + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return known;
    }

    /** A charter dispute the chair sent to the board goes on the next agenda by itself, with its facts. */
    @EventListener
    @Transactional
    public void onCharterDispute(DisputeSentToBoard dispute) {
        AgendaItem item = create(AgendaItem.Kind.CHARTER_DISPUTE, new AgendaItemRequest(dispute.title(),
                dispute.decisionAsked(), dispute.touchpoints(), new AgendaItemRequest.FactBase(dispute.facts(), null, null),
                List.of()), dispute.chair());
        item.charterDispute(dispute.charterId(), dispute.decisionAsked());
        item.queue();
    }

    /**
     * An item another capability puts on the next agenda (the summit's plan, for one), with its facts:
     * queued at once, since it brings its fact base. Returns its id.
     */
    @Transactional
    public long queue(String title, String decisionAsked, List<String> touchpointCodes, String facts, String author) {
        AgendaItem item = create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(title.length() > 200
                ? title.substring(0, 197) + "..." : title, decisionAsked, touchpointCodes,
                new AgendaItemRequest.FactBase(facts, null, null), List.of()), author);
        item.queue();
        return item.getId();
    }

    /**
     * A touchpoint change the charter routed to the board: on the next agenda by itself, with its facts, its
     * proposer as the author (who cannot withdraw it: the change's process settles it). Returns its id.
     */
    @Transactional
    public long queueChange(long changeId, String title, String decisionAsked, String touchpointCode, String facts,
            String proposer) {
        AgendaItem item = create(AgendaItem.Kind.CHANGE, new AgendaItemRequest(BoundedText.text(title, 200, "..."),
                BoundedText.text(decisionAsked, 2000, "..."), touchpointCode == null ? List.of() : List.of(touchpointCode),
                new AgendaItemRequest.FactBase(BoundedText.text(facts, 4000, "..."), null, null), List.of()), proposer);
        item.change(changeId);
        item.queue();
        return item.getId();
    }

    /** How the board decided an item, if it did: true when it approved (the latest decision counts). */
    @Transactional(readOnly = true)
    public Optional<Boolean> approved(long itemId) {
        return decisions.findFirstByItemIdOrderByIdDesc(itemId)
                .map(decision -> BoardMeetingProcess.APPROVED.equals(decision.getOutcome()));
    }

    /** An item from the Tasklist's start form: comma-separated touchpoint codes, the three facts. */
    @Transactional
    AgendaItem fromForm(String author, String title, String decisionAsked, String touchpointCodes, String priority,
            String behaviour, String competitors) {
        List<String> codes = touchpointCodes == null || touchpointCodes.isBlank() ? List.of()
                : Arrays.stream(touchpointCodes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(title, decisionAsked, codes,
                new AgendaItemRequest.FactBase(priority, behaviour, competitors), List.of()), author);
    }

    /** Every touchpoint as a choice: its name shown, its code the value. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> touchpointOptions() {
        return touchpoints.find(null, null, null).stream()
                .map(t -> FormValues.option(t.getCode(), t.getName())).toList();
    }

    /**
     * The touchpoints and actions the author names after starting an item in the Tasklist: checked like the
     * API's request (unknown touchpoints refused, each named), then added to the item.
     */
    @Transactional
    void details(long id, List<String> touchpointCodes, List<AgendaItemRequest.ActionRequest> proposed) {
        AgendaItem item = items.findById(id).orElseThrow();
        AgendaItemRequest request = new AgendaItemRequest(item.getTitle(), item.getDecisionAsked(), touchpointCodes,
                null, proposed);
        Map<String, Touchpoint> known = touchpointsOf(request);
        touchpointCodes.forEach(code -> item.getTouchpoints().add(known.get(code)));
        proposed.forEach(a -> item.getActions().add(new ProposedAction(item, known.get(a.touchpoint()),
                a.description(), a.build(), a.dueInDays() == null ? DEFAULT_ACTION_DAYS : a.dueInDays())));
    }

    @Transactional(readOnly = true)
    AgendaItem get(long id) {
        AgendaItem item = items.findById(id).orElseThrow(() -> new NotFoundException("agenda item", "" + id));
        item.getTouchpoints().size();
        item.getActions().size();
        return item;
    }

    /** Returns the item to its author when it has no fact base; says whether it has one. */
    @Transactional
    boolean checkFactBase(long id) {
        AgendaItem item = items.findById(id).orElseThrow();
        if (item.hasFactBase()) {
            return true;
        }
        item.returnToAuthor(NO_FACTS);
        return false;
    }

    @Transactional
    void queue(long id) {
        items.findById(id).orElseThrow().queue();
    }

    /** The author resubmits a returned item with the facts of their task; it is checked again. */
    @Transactional
    void updateFacts(long id, String priority, String behaviour, String competitors) {
        items.findById(id).orElseThrow().resubmit(priority, behaviour, competitors);
    }

    @Transactional
    void withdraw(long id) {
        items.findById(id).orElseThrow().withdraw();
    }

    /**
     * The check behind the event subprocess <i>Withdrawn by its author</i>: a withdrawal message that the
     * record does not back (sent through the engine's API, say) is refused, and ends nothing.
     */
    @Transactional(readOnly = true)
    void requireWithdrawn(long id) {
        items.findById(id).orElseThrow().requireWithdrawn();
    }

    /** What an item returned for facts records when its author gave none in time. */
    static final String NO_FACTS_IN_TIME = "No fact base was added in time: the board decides on facts. Submit it "
            + "again with them.";

    /** What an item started in the Tasklist records when its author never named its touchpoints and actions. */
    static final String NO_DETAILS_IN_TIME = "No details given by its author in time: the touchpoints and actions "
            + "of the item were never named. Submit it again and name them.";

    /**
     * Its author did not act in time (gave no facts, or named no touchpoints and actions): the item is
     * withdrawn, and says why.
     */
    @Transactional
    void expire(long id, String why) {
        items.findById(id).orElseThrow().withdraw(clock.instant(), why);
    }

    /**
     * Its author withdraws an item, with a reason, until the agenda it is on is published: while it is checked,
     * back with them, queued, deferred or carried over, or on an agenda the chair is still preparing (her task
     * then starts from the agenda without it). Only its author (403); 409 once it is decided, withdrawn, on a
     * published agenda, or a charter dispute (the chair settles those in the charter).
     */
    @Transactional
    AgendaItem withdrawByAuthor(long id, String userId, String reason) {
        AgendaItem item = items.findById(id).orElseThrow(() -> new NotFoundException("agenda item", String.valueOf(id)));
        if (!userId.equals(item.getAuthor())) {
            throw new AccessDeniedException("Only the item's author withdraws it");
        }
        String why = InvalidInputException.requireReason("reason", reason, AgendaItem.MAX_WITHDRAWAL_REASON,
                "say why the item is withdrawn: the chair reads it");
        if (item.getKind() != AgendaItem.Kind.MEMBER) {
            throw new ConflictException("Not the author's to withdraw", "This item is a " + item.getKind()
                    + ": it leaves the board's agenda when the process that brought it there settles it.");
        }
        if (item.getStatus() == AgendaItem.Status.ON_AGENDA) {
            meetings.takeOffAgenda(id);
        }
        boolean hasInstance = item.getStatus() == AgendaItem.Status.SUBMITTED
                || item.getStatus() == AgendaItem.Status.RETURNED;
        item.withdraw(clock.instant(), why);
        items.saveAndFlush(item);
        boolean received = system.call(() -> !runtime.createMessageCorrelation(AgendaItemProcess.Messages.WITHDRAWN)
                .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + id).correlateAllWithResult()
                .isEmpty());
        if (hasInstance && !received) {
            throw new ConflictException("The item's process cannot take this", "No process of agenda item " + id
                    + " waits for a withdrawal: its process was ended or deleted, or runs an earlier version "
                    + "the start-up migration did not move (a WARN line names why); nothing was changed.");
        }
        return item;
    }

    /** What a dispute's item records when the chair took the dispute back (the board did not rule in time). */
    static String takenBack(int rulingDays) {
        return "The board did not rule within " + rulingDays + " working days; the chair took the dispute back.";
    }

    /** The item a charter took its dispute back from, and whether it stays for the board to rule. */
    record TakeBack(long itemId, boolean stays) {
    }

    /**
     * The check behind <i>The chair takes a dispute back</i>: the message must come from the charter's own
     * process, at its throw event (asynchronous, so its position is on record). A message sent through the
     * engine's API otherwise is refused, and ends nothing.
     */
    @Transactional(readOnly = true)
    void requireTakingBack(long charterVersionId) {
        long throwing = runtime.createExecutionQuery()
                .processInstanceBusinessKey(com.engagementboard.charter.TouchpointCharterProcess
                        .businessKey(charterVersionId))
                .activityId(com.engagementboard.charter.TouchpointCharterProcess.Elements.DISPUTE_TAKEN_BACK).count();
        if (throwing == 0) {
            throw new ConflictException("The charter does not take this dispute back", "The process of charter "
                    + "version " + charterVersionId + " is not taking its dispute back from the board: only it "
                    + "withdraws a dispute's item. Nothing was changed.");
        }
    }

    /**
     * The charter took its dispute back: the version's newest dispute item leaves the board's agenda, withdrawn
     * now by its author (the chair), saying why, unless it is past the point of no return: on a published
     * agenda, or decided. There it stays; the board rules, and its ruling reaches the chair as a notice.
     */
    @Transactional
    TakeBack takeBack(long charterVersionId, int rulingDays) {
        AgendaItem item = items.findFirstByKindAndCharterVersionIdOrderByIdDesc(AgendaItem.Kind.CHARTER_DISPUTE,
                charterVersionId).orElseThrow(() -> new NotFoundException("dispute item of charter version",
                        String.valueOf(charterVersionId)));
        boolean stays = switch (item.getStatus()) {
            case QUEUED, DEFERRED, CARRIED_OVER, SUBMITTED, RETURNED -> false;
            case ON_AGENDA -> agenda.findByKeyItemIdAndResult(item.getId(), MeetingItem.Result.PENDING).stream()
                    .anyMatch(e -> meetingRecords.findById(e.meetingId()).orElseThrow().getStatus()
                            != Meeting.Status.AGENDA_CLOSED);
            case DECIDED -> true;
            case WITHDRAWN -> false;
        };
        if (!stays && item.getStatus() != AgendaItem.Status.WITHDRAWN) {
            if (item.getStatus() == AgendaItem.Status.ON_AGENDA) {
                meetings.takeOffAgenda(item.getId());
            }
            item.withdraw(clock.instant(), takenBack(rulingDays));
            items.saveAndFlush(item);
        }
        return new TakeBack(item.getId(), stays);
    }
}
