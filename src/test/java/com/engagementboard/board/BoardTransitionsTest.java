package com.engagementboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementboard.web.IllegalTransitionException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The transition tables of the agenda item, the meeting and the action, as {@code agenda-item.bpmn},
 * {@code board-meeting.bpmn} and {@code board-action.bpmn} walk them: every state is reached along a
 * legal path, then every transition method is tried from it. The allowed ones move; every other one
 * throws and leaves the object as it was.
 */
class BoardTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    // --- agenda item -------------------------------------------------------------------------------

    /** The moves an agenda item may make, written down from the two processes. */
    private static final Map<AgendaItem.Status, Set<AgendaItem.Status>> ITEM_MOVES = new EnumMap<>(Map.of(
            AgendaItem.Status.SUBMITTED, EnumSet.of(AgendaItem.Status.QUEUED, AgendaItem.Status.RETURNED,
                    AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.RETURNED, EnumSet.of(AgendaItem.Status.SUBMITTED, AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.QUEUED, EnumSet.of(AgendaItem.Status.ON_AGENDA, AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.ON_AGENDA, EnumSet.of(AgendaItem.Status.DEFERRED, AgendaItem.Status.CARRIED_OVER,
                    AgendaItem.Status.DECIDED, AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.DEFERRED, EnumSet.of(AgendaItem.Status.ON_AGENDA, AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.CARRIED_OVER, EnumSet.of(AgendaItem.Status.ON_AGENDA, AgendaItem.Status.WITHDRAWN),
            AgendaItem.Status.DECIDED, EnumSet.noneOf(AgendaItem.Status.class),
            AgendaItem.Status.WITHDRAWN, EnumSet.noneOf(AgendaItem.Status.class)));

    private record ItemMove(Consumer<AgendaItem> apply, AgendaItem.Status target) {
    }

    private static Map<String, ItemMove> itemMoves() {
        Map<String, ItemMove> moves = new LinkedHashMap<>();
        moves.put("returnToAuthor", new ItemMove(i -> i.returnToAuthor("no facts"), AgendaItem.Status.RETURNED));
        moves.put("resubmit", new ItemMove(i -> i.resubmit("priority 5", null, null), AgendaItem.Status.SUBMITTED));
        moves.put("withdraw", new ItemMove(AgendaItem::withdraw, AgendaItem.Status.WITHDRAWN));
        moves.put("withdraw by its author", new ItemMove(i -> i.withdraw(NOW, "Solved without the board"),
                AgendaItem.Status.WITHDRAWN));
        moves.put("queue", new ItemMove(AgendaItem::queue, AgendaItem.Status.QUEUED));
        moves.put("putOnAgenda", new ItemMove(AgendaItem::putOnAgenda, AgendaItem.Status.ON_AGENDA));
        moves.put("defer", new ItemMove(AgendaItem::defer, AgendaItem.Status.DEFERRED));
        moves.put("carryOver", new ItemMove(AgendaItem::carryOver, AgendaItem.Status.CARRIED_OVER));
        moves.put("returnedByCeo", new ItemMove(i -> i.returnedByCeo("Why now?"), AgendaItem.Status.CARRIED_OVER));
        moves.put("decide", new ItemMove(AgendaItem::decide, AgendaItem.Status.DECIDED));
        return moves;
    }

    /** A new item brought to the state along the processes' own path. */
    private static AgendaItem itemIn(AgendaItem.Status status) {
        AgendaItem item = new AgendaItem(AgendaItem.Kind.MEMBER, "Script", "Decide", "sales.head", NOW);
        switch (status) {
            case SUBMITTED -> { }
            case RETURNED -> item.returnToAuthor("no facts");
            case WITHDRAWN -> {
                item.returnToAuthor("no facts");
                item.withdraw();
            }
            case QUEUED -> item.queue();
            case ON_AGENDA, DEFERRED, CARRIED_OVER, DECIDED -> {
                item.queue();
                item.putOnAgenda();
                switch (status) {
                    case DEFERRED -> item.defer();
                    case CARRIED_OVER -> item.carryOver();
                    case DECIDED -> item.decide();
                    default -> { }
                }
            }
        }
        assertThat(item.getStatus()).isEqualTo(status);
        return item;
    }

    @Test
    void theItemsTableIsTheProcessesPath() {
        for (AgendaItem.Status from : AgendaItem.Status.values()) {
            assertThat(from.next()).as("moves from %s", from).isEqualTo(ITEM_MOVES.get(from));
            for (AgendaItem.Status to : AgendaItem.Status.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ITEM_MOVES.get(from).contains(to));
            }
        }
    }

    @Test
    void everyItemMoveTheTableAllowsPassesAndEveryOtherThrowsAndChangesNothing() {
        int allowed = 0;
        for (AgendaItem.Status from : AgendaItem.Status.values()) {
            for (Map.Entry<String, ItemMove> move : itemMoves().entrySet()) {
                AgendaItem item = itemIn(from);
                String question = item.getCeoQuestion();
                if (ITEM_MOVES.get(from).contains(move.getValue().target())) {
                    move.getValue().apply().accept(item);
                    assertThat(item.getStatus()).as("%s from %s", move.getKey(), from)
                            .isEqualTo(move.getValue().target());
                    allowed++;
                } else {
                    assertThatThrownBy(() -> move.getValue().apply().accept(item)).as("%s from %s", move.getKey(), from)
                            .isInstanceOf(IllegalTransitionException.class)
                            .hasMessageContaining("is " + from);
                    assertThat(item.getStatus()).isEqualTo(from);
                    assertThat(item.getCeoQuestion()).isEqualTo(question);
                }
            }
        }
        // SUBMITTED: return, queue; RETURNED: resubmit; QUEUED, DEFERRED, CARRIED_OVER: put on an agenda;
        // ON_AGENDA: defer, carry over, CEO's return, decide; and from each of these six the two withdrawals (the
        // service refuses one from an agenda already published).
        assertThat(allowed).isEqualTo(2 + 1 + 3 + 4 + 6 * 2);
    }

    @Test
    void aDecidedItemIsNeverRequeuedNorWithdrawn() {
        AgendaItem decided = itemIn(AgendaItem.Status.DECIDED);

        assertThatThrownBy(decided::queue).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Agenda item null is DECIDED, so it cannot be queued; that is possible only when it is "
                        + "SUBMITTED.");
        assertThatThrownBy(decided::withdraw).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot be withdrawn; that is possible only when it is");
        assertThatThrownBy(decided::putOnAgenda).isInstanceOf(IllegalTransitionException.class);
        assertThat(decided.getStatus()).isEqualTo(AgendaItem.Status.DECIDED);
    }

    @Test
    void aReturnedItemIsQueuedOnlyAfterItIsResubmittedAndCheckedAgain() {
        AgendaItem returned = itemIn(AgendaItem.Status.RETURNED);
        assertThatThrownBy(returned::queue).isInstanceOf(IllegalTransitionException.class);

        returned.resubmit("Priority 5 touchpoint", null, null);
        assertThat(returned.getReturnReason()).isNull();
        assertThat(returned.hasFactBase()).isTrue();
        returned.queue();
        assertThat(returned.getStatus()).isEqualTo(AgendaItem.Status.QUEUED);
    }

    @Test
    void theFactBaseChangesOnlyBeforeTheCheck() {
        AgendaItem queued = itemIn(AgendaItem.Status.QUEUED);
        assertThatThrownBy(() -> queued.facts("new", null, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot be given a new fact base");
        assertThat(queued.getFactPriority()).isNull();
    }

    // --- meeting -----------------------------------------------------------------------------------

    private static final Map<Meeting.Status, Set<Meeting.Status>> MEETING_MOVES = new EnumMap<>(Map.of(
            Meeting.Status.SCHEDULED, EnumSet.of(Meeting.Status.AGENDA_CLOSED, Meeting.Status.CLOSED,
                    Meeting.Status.CANCELLED),
            Meeting.Status.AGENDA_CLOSED, EnumSet.of(Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.CANCELLED),
            Meeting.Status.AGENDA_PUBLISHED, EnumSet.of(Meeting.Status.IN_SESSION, Meeting.Status.CANCELLED),
            Meeting.Status.IN_SESSION, EnumSet.of(Meeting.Status.CLOSED),
            Meeting.Status.CLOSED, EnumSet.noneOf(Meeting.Status.class),
            Meeting.Status.CANCELLED, EnumSet.noneOf(Meeting.Status.class)));

    /** A meeting's methods each make one move: two end in CLOSED, from different states. */
    private record MeetingMove(Consumer<Meeting> apply, Set<Meeting.Status> from, Meeting.Status target) {
    }

    private static Map<String, MeetingMove> meetingMoves() {
        Map<String, MeetingMove> moves = new LinkedHashMap<>();
        moves.put("closeAgenda with items", new MeetingMove(m -> m.closeAgenda(2, NOW),
                EnumSet.of(Meeting.Status.SCHEDULED),
                Meeting.Status.AGENDA_CLOSED));
        moves.put("closeAgenda without items", new MeetingMove(m -> m.closeAgenda(0, NOW),
                EnumSet.of(Meeting.Status.SCHEDULED),
                Meeting.Status.CLOSED));
        moves.put("publishAgenda", new MeetingMove(Meeting::publishAgenda, EnumSet.of(Meeting.Status.AGENDA_CLOSED),
                Meeting.Status.AGENDA_PUBLISHED));
        moves.put("open", new MeetingMove(m -> m.open(NOW),
                EnumSet.of(Meeting.Status.AGENDA_PUBLISHED), Meeting.Status.IN_SESSION));
        moves.put("close", new MeetingMove(m -> m.close(NOW),
                EnumSet.of(Meeting.Status.IN_SESSION), Meeting.Status.CLOSED));
        // The chair calls a meeting off until it opens: one method, from each of the three states before.
        moves.put("callOff", new MeetingMove(m -> m.callOff(NOW, "cmo", "Called off"), EnumSet.of(
                Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_CLOSED, Meeting.Status.AGENDA_PUBLISHED),
                Meeting.Status.CANCELLED));
        return moves;
    }

    private static Meeting meetingIn(Meeting.Status status) {
        Meeting meeting = new Meeting(Meeting.Kind.REGULAR, NOW.plusSeconds(86_400), NOW, NOW.plusSeconds(93_600),
                null, null);
        if (status != Meeting.Status.SCHEDULED) {
            meeting.closeAgenda(1, NOW);
        }
        if (status == Meeting.Status.AGENDA_PUBLISHED || status == Meeting.Status.IN_SESSION
                || status == Meeting.Status.CLOSED) {
            meeting.publishAgenda();
        }
        if (status == Meeting.Status.IN_SESSION || status == Meeting.Status.CLOSED) {
            meeting.open(NOW);
        }
        if (status == Meeting.Status.CANCELLED) {
            meeting.callOff(NOW, "cmo", "Called off");
        }
        if (status == Meeting.Status.CLOSED) {
            meeting.close(NOW);
        }
        assertThat(meeting.getStatus()).isEqualTo(status);
        return meeting;
    }

    @Test
    void theMeetingsTableIsTheProcessPathAndEachMethodMakesOneOfItsMoves() {
        for (Meeting.Status from : Meeting.Status.values()) {
            assertThat(from.next()).as("moves from %s", from).isEqualTo(MEETING_MOVES.get(from));
        }
        meetingMoves().forEach((name, move) -> assertThat(move.from()).as(name)
                .allMatch(from -> from.canMoveTo(move.target())));
    }

    @Test
    void everyMeetingMoveTheTableAllowsPassesAndEveryOtherThrowsAndChangesNothing() {
        int allowed = 0;
        for (Meeting.Status from : Meeting.Status.values()) {
            for (Map.Entry<String, MeetingMove> move : meetingMoves().entrySet()) {
                Meeting meeting = meetingIn(from);
                Instant closedAt = meeting.getClosedAt();
                Instant openedAt = meeting.getOpenedAt();
                if (move.getValue().from().contains(from)) {
                    move.getValue().apply().accept(meeting);
                    assertThat(meeting.getStatus()).as("%s from %s", move.getKey(), from)
                            .isEqualTo(move.getValue().target());
                    allowed++;
                } else {
                    assertThatThrownBy(() -> move.getValue().apply().accept(meeting))
                            .as("%s from %s", move.getKey(), from).isInstanceOf(IllegalTransitionException.class);
                    assertThat(meeting.getStatus()).isEqualTo(from);
                    assertThat(meeting.getClosedAt()).isEqualTo(closedAt);
                    assertThat(meeting.getOpenedAt()).isEqualTo(openedAt);
                }
            }
        }
        // SCHEDULED: close the agenda, with items or (closing the meeting) without; AGENDA_CLOSED: publish;
        // AGENDA_PUBLISHED: open; IN_SESSION: close; the first three: call off; CANCELLED: nothing. Closing the
        // agenda of a meeting in session, or closing a meeting that never sat, is refused although both end in
        // CLOSED.
        assertThat(allowed).isEqualTo(2 + 1 + 1 + 1 + 3);
    }

    @Test
    void aClosedMeetingIsNeverReopenedNorRepublishedNorRescheduled() {
        Meeting closed = meetingIn(Meeting.Status.CLOSED);
        Instant at = closed.getScheduledAt();

        assertThatThrownBy(() -> closed.open(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Meeting null is CLOSED, so it cannot be opened; that is possible only when it is "
                        + "AGENDA_PUBLISHED.");
        assertThatThrownBy(closed::publishAgenda).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> closed.reschedule(NOW, NOW, NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot be rescheduled");
        assertThatThrownBy(() -> closed.requireInSession("given a vote")).isInstanceOf(IllegalTransitionException.class);
        assertThat(closed.getStatus()).isEqualTo(Meeting.Status.CLOSED);
        assertThat(closed.getScheduledAt()).isEqualTo(at);
    }

    @Test
    void onlyAScheduledMeetingIsRescheduledAndOnlyAMeetingInSessionTakesVotes() {
        Meeting scheduled = meetingIn(Meeting.Status.SCHEDULED);
        scheduled.reschedule(NOW.plusSeconds(60), NOW, NOW.plusSeconds(120));
        assertThat(scheduled.getScheduledAt()).isEqualTo(NOW.plusSeconds(60));

        Meeting published = meetingIn(Meeting.Status.AGENDA_PUBLISHED);
        assertThatThrownBy(() -> published.reschedule(NOW, NOW, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> published.requireInSession("given a vote"))
                .isInstanceOf(IllegalTransitionException.class);
        meetingIn(Meeting.Status.IN_SESSION).requireInSession("given a vote");
    }

    // --- action ------------------------------------------------------------------------------------

    private static BoardAction openAction() {
        return new BoardAction(1L, null, null, "head-operations", "OPERATE", "Rewrite the script", NOW);
    }

    @Test
    void anActionMovesOnlyFromOpenToDone() {
        assertThat(BoardAction.Status.OPEN.canMoveTo(BoardAction.Status.DONE)).isTrue();
        assertThat(BoardAction.Status.DONE.canMoveTo(BoardAction.Status.OPEN)).isFalse();
        assertThat(BoardAction.Status.DONE.canMoveTo(BoardAction.Status.DONE)).isFalse();
        assertThat(BoardAction.Status.OPEN.canMoveTo(BoardAction.Status.OPEN)).isFalse();

        BoardAction action = openAction();
        action.reminded(NOW);
        action.done("operations.head", "Rewritten", NOW);
        assertThat(action.getStatus()).isEqualTo(BoardAction.Status.DONE);
    }

    @Test
    void aDoneActionIsNeverClosedAgainNorReminded() {
        BoardAction action = openAction();
        action.done("operations.head", "Rewritten", NOW);

        assertThatThrownBy(() -> action.done("admin", "Again", NOW.plusSeconds(60)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Action null is DONE, so it cannot be closed as done; that is possible only when it is "
                        + "OPEN.");
        assertThatThrownBy(() -> action.reminded(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(action.getDoneBy()).isEqualTo("operations.head");
        assertThat(action.getReport()).isEqualTo("Rewritten");
        assertThat(action.getDoneAt()).isEqualTo(NOW);
        assertThat(action.getRemindedAt()).isNull();
    }
}
