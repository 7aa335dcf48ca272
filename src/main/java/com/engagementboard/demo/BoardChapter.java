package com.engagementboard.demo;

import static com.engagementboard.board.BoardMeetingProcess.Elements.BREAK_TIE;
import static com.engagementboard.board.BoardMeetingProcess.Elements.DECIDE_ESCALATION;
import static com.engagementboard.board.BoardMeetingProcess.Elements.PREPARE_AGENDA;
import static com.engagementboard.board.BoardMeetingProcess.Elements.PRESENT_ITEM;
import static com.engagementboard.board.BoardMeetingProcess.Elements.VOTE;

import com.engagementboard.board.AgendaItemProcess;
import com.engagementboard.board.BoardActionProcess;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.board.BoardSetupRequest;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.board.BoardSetupService.BoardView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The weekly board, lived through its processes: members submit items in the Tasklist's way (start form, then
 * touchpoints and actions), the agenda closes and the chair publishes it, the core group votes, the chair breaks
 * a tie and escalates one item to the CEO, decisions create actions for the touchpoints' owners, and owners
 * report them done, or let them run late.
 */
@Component
class BoardChapter {

    static final Set<String> PROCESSES = Set.of(BoardMeetingProcess.KEY, AgendaItemProcess.KEY,
            BoardActionProcess.KEY);
    static final String CHAIR = "cmo";

    /** An action an item asks for if approved. */
    record Action(String touchpoint, String right, String description, int dueInDays) {
    }

    /** How the board handles an item: the core group's votes in order, a tie broken, or an escalation. */
    record Handling(List<String> votes, String tieBreak, String recommendation, String ceoComment) {

        static Handling votes(String... votes) {
            return new Handling(List.of(votes), null, null, null);
        }

        static Handling tie(String tieBreak, String... votes) {
            return new Handling(List.of(votes), tieBreak, null, null);
        }

        static Handling escalate(String recommendation, String ceoComment) {
            return new Handling(List.of(), null, recommendation, ceoComment);
        }
    }

    /** A member's item, its facts, its actions and how the board will take it. */
    record Item(String author, String title, String decisionAsked, List<String> touchpoints, String priority,
            String behaviour, String competitors, List<Action> actions, Handling handling) {
    }

    /** Items the story does not script (the summit's plan) are approved by three of the core group. */
    private static final Handling APPROVED = Handling.votes("cmo:APPROVE", "retail.head:APPROVE",
            "business.head:APPROVE");

    private final BoardSetupService board;
    private final RuntimeService runtime;
    private final StoryClock clock;
    private final Cast cast;
    private final ObjectMapper json = new ObjectMapper();

    BoardChapter(BoardSetupService board, RuntimeService runtime, StoryClock clock, Cast cast) {
        this.board = board;
        this.runtime = runtime;
        this.clock = clock;
        this.cast = cast;
    }

    /**
     * The chair sets the board's meetings back to the demo's cadence (the summit founded it at ten): the next
     * regular meeting moves to the first one after the moment given, as a change of cadence does.
     */
    void backToDemoCadence(Instant when, BoardView demo) {
        clock.advanceTo(when);
        board.update(new BoardSetupRequest(demo.chair(), demo.members(), demo.core(), demo.cadence(), demo.quorum(),
                demo.agendaCutoffHours(), demo.meetingMinutes()));
    }

    /** Members submit their items two days before the meeting; the board meets and decides them. */
    void meeting(Instant at, List<Item> items) {
        Instant submitted = at.minus(Duration.ofDays(2));
        for (Item item : items) {
            submit(submitted, item);
            submitted = submitted.plus(Duration.ofMinutes(35));
        }
        String meeting = prepareAgenda(at);
        clock.advanceTo(at);

        Map<String, Handling> scripted = new HashMap<>();
        items.forEach(item -> scripted.put(item.title(), item.handling()));
        Instant moment = at.plus(Duration.ofMinutes(5));
        for (int presented = 0; presented < 20; presented++) {
            clock.advanceTo(moment);
            Task present = cast.openTask(meeting, PRESENT_ITEM);
            if (present == null) {
                break;
            }
            String title = String.valueOf(cast.formValue(present, BoardMeetingProcess.Variables.ITEM_TITLE));
            decide(meeting, present, scripted.getOrDefault(title, APPROVED), moment);
            moment = moment.plus(Duration.ofMinutes(25));
        }
        // Every item decided, the meeting closes and its minutes are written.
        clock.runDueJobs();
        if (runtime.createProcessInstanceQuery().processInstanceId(meeting).count() > 0) {
            throw new IllegalStateException("The meeting of " + at + " did not close: it waits at "
                    + runtime.getActiveActivityIds(meeting));
        }
    }

    /**
     * The agenda of the meeting at the moment given closes (the meeting's timer, a day before) and the chair
     * prepares it the evening before; the meeting's process id.
     */
    String prepareAgenda(Instant at) {
        String meeting = meetingAt(at);
        clock.advanceTo(at.minus(Duration.ofHours(20)));
        Task prepare = cast.openTask(meeting, PREPARE_AGENDA);
        if (prepare == null) {
            throw new IllegalStateException("The meeting of " + at + " has no agenda to prepare: it waits at "
                    + runtime.getActiveActivityIds(meeting));
        }
        cast.complete(CHAIR, prepare, Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER,
                cast.formValue(prepare, BoardMeetingProcess.Variables.AGENDA_ORDER)));
        return meeting;
    }

    /** A member submits an item for the next meeting, at the moment given. */
    void submit(Instant when, Item item) {
        clock.advanceTo(when);
        Map<String, Object> start = new HashMap<>();
        start.put(AgendaItemProcess.Variables.TITLE, item.title());
        start.put(AgendaItemProcess.Variables.DECISION_ASKED, item.decisionAsked());
        start.put(AgendaItemProcess.Variables.FACT_PRIORITY, item.priority());
        start.put(AgendaItemProcess.Variables.FACT_BEHAVIOUR, item.behaviour());
        start.put(AgendaItemProcess.Variables.FACT_COMPETITORS, item.competitors());
        ProcessInstance[] started = new ProcessInstance[1];
        // As the Tasklist's "Start process": the logged-in member is the item's author.
        cast.as(item.author(), () -> started[0] = runtime.startProcessInstanceByKey(AgendaItemProcess.KEY, start));
        clock.advanceTo(when.plus(Duration.ofMinutes(10)));
        Task details = cast.assignedTask(started[0].getId(), AgendaItemProcess.Elements.NAME_DETAILS, item.author());
        List<Map<String, Object>> actions = item.actions().stream().map(action -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("touchpoint", action.touchpoint());
            row.put("right", action.right());
            row.put("description", action.description());
            row.put("dueInDays", action.dueInDays());
            return row;
        }).toList();
        cast.complete(item.author(), details, Map.of(
                AgendaItemProcess.Variables.TOUCHPOINTS, SpinValues.jsonValue(write(item.touchpoints())).create(),
                AgendaItemProcess.Variables.ACTIONS, SpinValues.jsonValue(write(actions)).create()));
        clock.runDueJobs();
    }

    /** The owner of the action whose title holds the words reports it done, at the moment given. */
    void actionDone(Instant when, String words, String report) {
        clock.advanceTo(when);
        ProcessInstance action = runtime.createProcessInstanceQuery().processDefinitionKey(BoardActionProcess.KEY)
                .variableValueLike(BoardActionProcess.Variables.ACTION_TITLE, "%" + words + "%").singleResult();
        String owners = (String) runtime.getVariable(action.getId(), BoardActionProcess.Variables.OWNER_GROUP);
        cast.complete(cast.someoneIn(owners), cast.openTask(action.getId(), BoardActionProcess.Elements.CARRY_OUT),
                Map.of(BoardActionProcess.Variables.ACTION_OUTCOME, BoardActionProcess.DONE,
                        BoardActionProcess.Variables.ACTION_REPORT, report));
        clock.runDueJobs();
    }

    private void decide(String meeting, Task present, Handling handling, Instant presented) {
        if (handling.recommendation() != null) {
            cast.complete(CHAIR, present, Map.of(
                    BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.ESCALATE,
                    BoardMeetingProcess.Variables.RECOMMENDATION, handling.recommendation()));
            clock.advanceTo(presented.plus(Duration.ofMinutes(15)));
            cast.complete("ceo", cast.openTask(meeting, DECIDE_ESCALATION), Map.of(
                    BoardMeetingProcess.Variables.CEO_DECISION, BoardMeetingProcess.APPROVE,
                    BoardMeetingProcess.Variables.CEO_COMMENT, handling.ceoComment()));
            clock.runDueJobs();
            return;
        }
        cast.complete(CHAIR, present, Map.of(BoardMeetingProcess.Variables.ITEM_ACTION,
                BoardMeetingProcess.VOTE_ACTION));
        clock.runDueJobs();
        for (String vote : handling.votes()) {
            String voter = vote.substring(0, vote.indexOf(':'));
            String choice = vote.substring(vote.indexOf(':') + 1);
            Task task = cast.assignedTask(meeting, VOTE, voter);
            if (task == null) {
                // The outcome was certain: the vote closed.
                break;
            }
            cast.complete(voter, task, Map.of(BoardMeetingProcess.Variables.VOTE, choice,
                    BoardMeetingProcess.Variables.VOTE_COMMENT, comment(choice)));
            clock.runDueJobs();
        }
        Task tie = cast.openTask(meeting, BREAK_TIE);
        if (tie != null) {
            cast.complete(CHAIR, tie, Map.of(BoardMeetingProcess.Variables.TIE_BREAK, handling.tieBreak()));
            clock.runDueJobs();
        }
    }

    private String meetingAt(Instant at) {
        ProcessInstance meeting = runtime.createProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY)
                .variableValueEquals(BoardMeetingProcess.Variables.MEETING_AT, Date.from(at)).singleResult();
        if (meeting == null) {
            throw new IllegalStateException("No board meeting is scheduled at " + at);
        }
        return meeting.getId();
    }

    private static String comment(String choice) {
        return switch (choice) {
            case BoardMeetingProcess.APPROVE -> "The facts carry it.";
            case BoardMeetingProcess.REJECT -> "Not on these facts.";
            default -> "I abstain: my division is concerned.";
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
