package com.engagementboard.charter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the charter's follow-up tasks, for the process model: {@code camunda:dueDate="${charterDeadlines.followUp()}"}
 * on the chair's chase, dispute and amendment tasks and on the heads' review. The Tasklist shows and sorts by them.
 * And the timers that end the charter's waits: a review that closes, a board ruling that does not come. Working
 * days and the start of a day are counted in the company's zone (the application's {@link Clock}).
 */
@Component("charterDeadlines")
public class CharterDeadlines {

    private final CharterProperties properties;
    private final Clock clock;

    CharterDeadlines(CharterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A head's answer is due {@code engagement-board.charter.acceptance-days} working days from now. */
    Date acceptanceDue() {
        return workingDaysFromNow(properties.acceptanceDays());
    }

    /** The chair is told of a head's silence {@code engagement-board.charter.escalation-days} working days later. */
    Date escalationDue() {
        return workingDaysFromNow(properties.acceptanceDays() + properties.escalationDays());
    }

    /** {@code engagement-board.charter.follow-up-days} working days from now, at the end of that day's work. */
    public Date followUp() {
        return workingDaysFromNow(properties.followUpDays());
    }

    /**
     * When an unanswered review closes: {@code engagement-board.charter.review-close-days} working days after
     * the review's due date ({@link #followUp()}). The owners who stayed silent are recorded as not having
     * answered, and the review is tallied with the answers given.
     */
    public Date reviewCloses() {
        return workingDaysFromNow(properties.followUpDays() + properties.reviewCloseDays());
    }

    /**
     * How long the charter waits for the board's ruling on a dispute: {@code engagement-board.charter.ruling-days}
     * working days from when the dispute was put on the board's agenda. Then the dispute goes back to the chair,
     * recorded as not ruled by the board.
     */
    public Date rulingDue() {
        return workingDaysFromNow(properties.rulingDays());
    }

    /** The working days the charter waits for the board's ruling, for the words of the record. */
    int rulingDays() {
        return properties.rulingDays();
    }

    /**
     * When a notice (how declined rights were settled, the board's ruling, a withdrawal) leaves the heads'
     * task lists unread: {@code engagement-board.charter.notice-days} working days from now. The register keeps
     * what it said.
     */
    public Date noticeExpires() {
        return workingDaysFromNow(properties.noticeDays());
    }

    /** The start of a day (a review date) in the company's zone: when its timer fires. */
    Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    private Date workingDaysFromNow(int days) {
        return Date.from(WorkingDays.add(LocalDateTime.now(clock), days).atZone(clock.getZone()).toInstant());
    }
}
