package com.engagementboard.board;

import com.engagementboard.charter.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Due dates of the board's tasks that no meeting time gives, {@code ${boardDueDates.ceoDecision()}}: the CEO
 * answers an escalation within a few working days. Public, as the expression language calls it.
 */
@Component("boardDueDates")
public class BoardDueDates {

    /** Working days the CEO has to decide an escalated item. */
    static final int CEO_WORKING_DAYS = 3;

    private final BoardSetupService board;
    private final BoardProperties properties;
    private final Clock clock;

    BoardDueDates(BoardSetupService board, BoardProperties properties, Clock clock) {
        this.board = board;
        this.properties = properties;
        this.clock = clock;
    }

    /** Three working days (Monday to Friday, in the board's time zone) from now, at the same time of day. */
    public Date ceoDecision() {
        return workingDaysFromNow(CEO_WORKING_DAYS);
    }

    /**
     * Working days after which an escalation the CEO has not answered goes back to the board, recorded as no
     * answer from the CEO: two more than the CEO's due date, when the CEO is reminded.
     */
    static final int CEO_NO_ANSWER_WORKING_DAYS = CEO_WORKING_DAYS + 2;

    /** When an unanswered escalation goes back to the board: five working days from now. */
    public Date ceoNoAnswer() {
        return workingDaysFromNow(CEO_NO_ANSWER_WORKING_DAYS);
    }

    /** Working days an author has to add the facts to an item returned to them. */
    static final int FACT_BASE_WORKING_DAYS = 5;

    /** When the facts of a returned item are due: five working days from now. */
    public Date factBase() {
        return workingDaysFromNow(FACT_BASE_WORKING_DAYS);
    }

    /** When a returned item without facts is withdrawn: five more working days after they were due. */
    public Date factBaseExpires() {
        return workingDaysFromNow(2 * FACT_BASE_WORKING_DAYS);
    }

    /**
     * When the author of an item started in the Tasklist is to have named its touchpoints and actions, and is
     * reminded: {@code engagement-board.board.item-details-days} (5) working days from now.
     */
    public Date itemDetails() {
        return workingDaysFromNow(properties.itemDetailsDays());
    }

    /**
     * When an item whose author never named its touchpoints and actions is withdrawn:
     * {@code engagement-board.board.item-details-withdrawal-days} (5) more working days after they were due.
     */
    public Date itemDetailsWithdrawal() {
        return workingDaysFromNow(properties.itemDetailsDays() + properties.itemDetailsWithdrawalDays());
    }

    /** Time the chair has at least to break a tie that arises as the meeting ends. */
    static final Duration TIE_BREAK_GRACE = Duration.ofHours(1);

    /**
     * When a tie the chair has not broken is carried over to the next meeting: at the meeting's end, or an
     * hour from now if the tie arose later than an hour before it.
     */
    public Date tieBreak(VariableScope execution) {
        return tieBreak(BoardMeetingProcess.Typed.MEETING_ENDS_AT.get(execution), clock.instant());
    }

    static Date tieBreak(Date meetingEnds, Instant now) {
        Instant earliest = now.plus(TIE_BREAK_GRACE);
        return Date.from(meetingEnds != null && meetingEnds.toInstant().isAfter(earliest) ? meetingEnds.toInstant()
                : earliest);
    }

    /** The chair decides on an action its owner reported blocked within three working days too. */
    public Date chairDecision() {
        return workingDaysFromNow(CHAIR_WORKING_DAYS);
    }

    /** Working days the chair has to decide on a blocked action. */
    static final int CHAIR_WORKING_DAYS = 3;

    /** Working days a notice (a meeting called off) stays in the members' task lists unread. */
    static final int NOTICE_WORKING_DAYS = 10;

    /** When an unread notice leaves the task lists by itself: ten working days from now. */
    public Date noticeExpires() {
        return workingDaysFromNow(NOTICE_WORKING_DAYS);
    }

    private Date workingDaysFromNow(int days) {
        ZoneId zone = board.zone();
        return Date.from(workingDaysAfter(clock.instant().atZone(zone), days).toInstant());
    }

    static ZonedDateTime workingDaysAfter(ZonedDateTime from, int days) {
        return WorkingDays.add(from.toLocalDateTime(), days).atZone(from.getZone());
    }
}
