package com.engagementboard.board;

import static com.engagementboard.board.BoardMeetingProcess.Typed.AGENDA_ITEMS;
import static com.engagementboard.board.BoardMeetingProcess.Typed.AGENDA_ORDER;
import static com.engagementboard.board.BoardMeetingProcess.Typed.CEO_COMMENT;
import static com.engagementboard.board.BoardMeetingProcess.Typed.CEO_DECISION;
import static com.engagementboard.board.BoardMeetingProcess.Typed.DEFERRED_ITEMS;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ESCALATED;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ITEM_ACTION;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ITEM_COUNT;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ITEM_ID;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ITEM_POSITION;
import static com.engagementboard.board.BoardMeetingProcess.Typed.ITEM_TITLE;
import static com.engagementboard.board.BoardMeetingProcess.Typed.MEETING_ID;
import static com.engagementboard.board.BoardMeetingProcess.Typed.MEMBERS;
import static com.engagementboard.board.BoardMeetingProcess.Typed.RECOMMENDATION;
import static com.engagementboard.board.BoardMeetingProcess.Typed.TIE_BREAK;
import static com.engagementboard.board.BoardMeetingProcess.Typed.VOTE;
import static com.engagementboard.board.BoardMeetingProcess.Typed.VOTERS;
import static com.engagementboard.board.BoardMeetingProcess.Typed.VOTE_COMMENT;
import static com.engagementboard.board.BoardMeetingProcess.Typed.VOTE_OUTCOME;
import static com.engagementboard.web.TaskForms.invalid;
import static com.engagementboard.web.TaskForms.requireOneOf;
import static com.engagementboard.web.TaskForms.requireText;

import com.engagementboard.engine.ProcessVariable;
import com.engagementboard.web.FormValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code board-meeting.bpmn}, wired by expression ({@code agenda-item.bpmn}'s are
 * {@link AgendaItemDelegates}, {@code board-action.bpmn}'s {@link BoardActionDelegates}). Thin: read
 * variables, call the board's services, write the result.
 */
@Configuration
class BoardMeetingDelegates {

    private final BoardMeetings meetings;
    private final AgendaItems items;
    private final BoardReminders reminders;

    BoardMeetingDelegates(BoardMeetings meetings, AgendaItems items, BoardReminders reminders) {
        this.meetings = meetings;
        this.items = items;
        this.reminders = reminders;
    }

    private static long meetingId(DelegateExecution execution) {
        return BoardMeetingProcess.meetingId(execution.getProcessBusinessKey());
    }

    private static long itemId(DelegateExecution execution) {
        return ITEM_ID.require(execution);
    }

    @Bean
    JavaDelegate closeAgenda() {
        return execution -> {
            long meetingId = meetingId(execution);
            int count = meetings.closeAgenda(meetingId);
            ITEM_COUNT.set(execution, count);
            execution.setVariables(meetings.agendaVariables(meetingId));
        };
    }

    @Bean
    TaskListener validateAgenda() {
        return task -> agendaOrder(AGENDA_ORDER.get(task), meetings.agendaOf(
                BoardMeetingProcess.meetingId(task.getExecution().getProcessBusinessKey())).stream().map(AgendaItem::getId).toList());
    }

    /**
     * The chair's order. From the form: a row per item with its place (1, 2, 3...), each item of this
     * agenda and each place once. From the API: the item ids, one per line, in order.
     */
    static List<Long> agendaOrder(Object value, List<Long> onAgenda) {
        if (value == null || value instanceof String text && !text.strip().startsWith("[")) {
            return agendaOrderLines((String) value, onAgenda);
        }
        List<Map<String, Object>> rows;
        try {
            rows = FormValues.rows(value);
        } catch (IllegalArgumentException e) {
            throw invalid(AGENDA_ORDER.name(), e.getMessage());
        }
        Map<Long, Long> places = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object item = rows.get(i).get("item");
            Long id;
            try {
                id = item == null ? null : Long.valueOf(String.valueOf(item));
            } catch (NumberFormatException e) {
                id = null;
            }
            if (id == null || !onAgenda.contains(id) || places.containsValue(id)) {
                throw invalid(AGENDA_ORDER.name(), "row " + (i + 1) + " is not about an item of this agenda, or lists one twice");
            }
            Object position = rows.get(i).get("position");
            long place;
            try {
                place = new BigDecimal(String.valueOf(position).strip()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(AGENDA_ORDER.name(), "row " + (i + 1) + ": give the item its place on the agenda, a whole "
                        + "number from 1");
            }
            if (place < 1) {
                throw invalid(AGENDA_ORDER.name(), "row " + (i + 1) + ": places start at 1");
            }
            if (places.containsKey(place)) {
                throw invalid(AGENDA_ORDER.name(), "two items have place " + place + "; give each item its own place");
            }
            places.put(place, id);
        }
        return List.copyOf(places.values());
    }

    /** The API's order: item ids of this agenda, one per line, each at most once. */
    private static List<Long> agendaOrderLines(String text, List<Long> onAgenda) {
        List<Long> order = new ArrayList<>();
        if (text != null) {
            for (String line : text.strip().split("[\\s,]+")) {
                if (line.isEmpty()) {
                    continue;
                }
                long id;
                try {
                    id = Long.parseLong(line);
                } catch (NumberFormatException e) {
                    throw invalid(AGENDA_ORDER.name(), "'" + line + "' is not an item id; items are " + onAgenda);
                }
                if (!onAgenda.contains(id) || order.contains(id)) {
                    throw invalid(AGENDA_ORDER.name(), "item " + id + " is not on this agenda or listed twice; items are "
                            + onAgenda);
                }
                order.add(id);
            }
        }
        return order;
    }

    @Bean
    JavaDelegate publishAgenda() {
        return execution -> {
            long meetingId = meetingId(execution);
            List<Long> onAgenda = meetings.agendaOf(meetingId).stream().map(AgendaItem::getId).toList();
            List<Long> order = agendaOrder(AGENDA_ORDER.get(execution), onAgenda);
            Set<Long> deferred = new HashSet<>(FormValues.ids(DEFERRED_ITEMS.get(execution)));
            List<Long> published = meetings.publishAgenda(meetingId, order, deferred);
            AGENDA_ITEMS.set(execution, published);
            MEMBERS.set(execution, meetings.members());
        };
    }

    /** The first step after a call-off message: the record must say the meeting is called off. */
    @Bean
    JavaDelegate confirmMeetingCalledOff() {
        return execution -> meetings.requireCalledOff(meetingId(execution));
    }

    /** The chair called the meeting off: every member of the board is told. */
    @Bean
    JavaDelegate findMembersToTell() {
        return execution -> MEMBERS.set(execution, meetings.members());
    }

    /**
     * Kept for instances of older versions of the process, which still name it: the texts of a form now come
     * from {@link BoardMeetingTexts} when it is read.
     */
    @Bean
    TaskListener describeCallOff() {
        return task -> {
        };
    }

    @Bean
    JavaDelegate openMeeting() {
        return execution -> meetings.open(meetingId(execution));
    }

    @Bean
    JavaDelegate prepareItem() {
        return execution -> {
            long itemId = itemId(execution);
            AgendaItem item = items.get(itemId);
            ITEM_TITLE.setLocal(execution, item.getTitle());
            ITEM_POSITION.setLocal(execution, meetings.positionOf(meetingId(execution), itemId));
            // The item's own answers start empty, so no outer scope's (another item's) answers show through.
            for (ProcessVariable<String> local : List.of(ITEM_ACTION, RECOMMENDATION, VOTE_OUTCOME, TIE_BREAK,
                    CEO_DECISION, CEO_COMMENT, VOTE, VOTE_COMMENT)) {
                local.setLocal(execution, null);
            }
            ESCALATED.setLocal(execution, false);
        };
    }

    @Bean
    TaskListener validateItemAction() {
        return task -> {
            Object action = ITEM_ACTION.untyped(task);
            requireOneOf(ITEM_ACTION.name(), action, BoardMeetingProcess.VOTE_ACTION, BoardMeetingProcess.ESCALATE);
            if (BoardMeetingProcess.ESCALATE.equals(action)) {
                requireText(RECOMMENDATION.name(), RECOMMENDATION.untyped(task), "give the board's recommendation");
                ESCALATED.set(task, true);
            }
        };
    }

    @Bean
    JavaDelegate prepareVote() {
        return execution -> VOTERS.setLocal(execution, meetings.voters());
    }

    /** Each core member's vote stays in their own task: nobody's form shows another's vote. */
    @Bean
    TaskListener openVote() {
        return task -> {
            // On the vote's own execution (each multi-instance vote has one), not the task: answers sent with
            // TaskService.complete land on the execution, answers from the Tasklist's form on the task and
            // from there on the nearest scope that has them.
            VOTE.setLocal(task.getExecution(), null);
            VOTE_COMMENT.setLocal(task.getExecution(), null);
        };
    }

    @Bean
    TaskListener recordVote() {
        return task -> {
            requireOneOf(VOTE.name(), VOTE.untyped(task), BoardMeetingProcess.APPROVE, BoardMeetingProcess.REJECT,
                    BoardMeetingProcess.ABSTAIN);
            meetings.recordVote(BoardMeetingProcess.meetingId(task.getExecution().getProcessBusinessKey()),
                    ITEM_ID.require(task), task.getAssignee(), VOTE.require(task), VOTE_COMMENT.get(task));
        };
    }

    @Bean
    JavaDelegate tallyVotes() {
        return execution -> VOTE_OUTCOME.setLocal(execution, meetings.tally(meetingId(execution),
                itemId(execution), meetings.voters().size()).outcome());
    }

    @Bean
    JavaDelegate carryOver() {
        return execution -> meetings.carryOver(meetingId(execution), itemId(execution));
    }

    /** Kept for instances of older versions (see {@link #describeCallOff}). */
    @Bean
    TaskListener prepareTieBreak() {
        return task -> {
        };
    }

    /** Kept for instances of older versions (see {@link #describeCallOff}). */
    @Bean
    TaskListener prepareEscalation() {
        return task -> {
        };
    }

    @Bean
    TaskListener validateTieBreak() {
        return task -> requireOneOf(TIE_BREAK.name(), TIE_BREAK.untyped(task), BoardMeetingProcess.APPROVE,
                BoardMeetingProcess.REJECT);
    }

    @Bean
    TaskListener validateCeoDecision() {
        return task -> {
            requireOneOf(CEO_DECISION.name(), CEO_DECISION.untyped(task), BoardMeetingProcess.APPROVE,
                    BoardMeetingProcess.REJECT, BoardMeetingProcess.RETURN);
            requireText(CEO_COMMENT.name(), CEO_COMMENT.untyped(task), "give your reasoning or your question");
        };
    }

    /** The CEO did not answer in time: the item goes back to the board, recorded as no answer from the CEO. */
    @Bean
    JavaDelegate recordNoCeoAnswer() {
        return execution -> meetings.noAnswerFromCeo(meetingId(execution), itemId(execution));
    }

    /** The CEO's answer is due: the escalation rises in the CEO's list, with a comment saying so. */
    @Bean
    JavaDelegate remindCeo() {
        return execution -> {
            long itemId = itemId(execution);
            var taskService = execution.getProcessEngineServices().getTaskService();
            reminders.remind(execution.getProcessInstanceId(), BoardMeetingProcess.Elements.DECIDE_ESCALATION,
                    task -> Long.valueOf(itemId).equals(ITEM_ID.valueOf(taskService.getVariable(task.getId(),
                            ITEM_ID.name()))),
                    "Reminder: the board waits for your answer. Without one, the item goes back to the board, "
                            + "recorded as no answer from the CEO.");
        };
    }

    @Bean
    JavaDelegate returnToBoard() {
        return execution -> meetings.returnToBoard(meetingId(execution), itemId(execution), CEO_COMMENT.get(execution));
    }

    @Bean
    JavaDelegate recordDecision() {
        return execution -> {
            String ceo = CEO_DECISION.get(execution);
            String tie = TIE_BREAK.get(execution);
            String outcome;
            if (ceo != null) {
                outcome = BoardMeetingProcess.APPROVE.equals(ceo) ? BoardMeetingProcess.APPROVED : BoardMeetingProcess.REJECTED;
            } else if (tie != null) {
                outcome = BoardMeetingProcess.APPROVE.equals(tie) ? BoardMeetingProcess.APPROVED : BoardMeetingProcess.REJECTED;
            } else {
                outcome = VOTE_OUTCOME.get(execution);
            }
            meetings.decide(meetingId(execution), itemId(execution), outcome,
                    tie == null ? null : meetings.chair(), Boolean.TRUE.equals(ESCALATED.get(execution)),
                    RECOMMENDATION.get(execution), ceo, CEO_COMMENT.get(execution));
        };
    }

    @Bean
    JavaDelegate closeMeeting() {
        return execution -> meetings.close(meetingId(execution));
    }
}
