package com.engagementboard.charter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The charter's clocks ({@code engagement-board.charter.*}): working days a head has to answer,
 * further working days before the chair is told, and months until an effective version is reviewed;
 * and how many rights a head picks from in the acceptance form's searchable list (a head asked more
 * names the rights declined by lines; the list is a process variable and stays bounded); and working days
 * the chair and the heads have for the charter's follow-up tasks (chasing, disputes, reviews, amendments):
 * their due date in the Tasklist; and working days a notice to the heads stays in their task lists unread;
 * further working days after a review's due date before the review closes without the owners who stayed
 * silent; and working days the charter waits for the board's ruling on a dispute before the dispute goes
 * back to the chair, recorded as not ruled.
 */
@ConfigurationProperties("engagement-board.charter")
record CharterProperties(
        @DefaultValue("5") int acceptanceDays,
        @DefaultValue("5") int escalationDays,
        @DefaultValue("12") int reviewMonths,
        @DefaultValue("500") int pickerRights,
        @DefaultValue("5") int followUpDays,
        @DefaultValue("10") int noticeDays,
        @DefaultValue("5") int reviewCloseDays,
        @DefaultValue("20") int rulingDays) {
}
