package com.engagementboard.charter;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the charter's follow-up tasks, for the process model: {@code camunda:dueDate="${charterDeadlines.followUp()}"}
 * on the chair's chase, dispute and amendment tasks and on the heads' review. The Tasklist shows and sorts by them.
 */
@Component("charterDeadlines")
public class CharterDeadlines {

    private final CharterProperties properties;

    CharterDeadlines(CharterProperties properties) {
        this.properties = properties;
    }

    /** {@code engagement-board.charter.follow-up-days} working days from now, at the end of that day's work. */
    public Date followUp() {
        return CharterAcceptance.date(WorkingDays.add(CharterAcceptance.nowLocal(), properties.followUpDays()));
    }

    /**
     * When a notice (how declined rights were settled, the board's ruling, a withdrawal) leaves the heads'
     * task lists unread: {@code engagement-board.charter.notice-days} working days from now. The register keeps
     * what it said.
     */
    public Date noticeExpires() {
        return CharterAcceptance.date(WorkingDays.add(CharterAcceptance.nowLocal(), properties.noticeDays()));
    }
}
