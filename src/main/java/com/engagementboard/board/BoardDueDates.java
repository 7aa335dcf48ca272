package com.engagementboard.board;

import com.engagementboard.charter.WorkingDays;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
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

    BoardDueDates(BoardSetupService board) {
        this.board = board;
    }

    /** Three working days (Monday to Friday, in the board's time zone) from now, at the same time of day. */
    public Date ceoDecision() {
        return workingDaysFromNow(CEO_WORKING_DAYS);
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
        ZoneId zone = board.isSetUp() ? ZoneId.of(board.setup().getTimeZone()) : ZoneId.of("UTC");
        return Date.from(workingDaysAfter(MeetingScheduler.now().atZone(zone), days).toInstant());
    }

    static ZonedDateTime workingDaysAfter(ZonedDateTime from, int days) {
        return WorkingDays.add(from.toLocalDateTime(), days).atZone(from.getZone());
    }
}
