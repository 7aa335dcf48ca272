package com.engagementboard.summit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The summit's clocks ({@code engagement-board.summit.*}): hours the participants have at least to endorse or
 * object to a vision (the round closes at the end of the summit's day, or that many hours after the vision
 * is put to them if that is later), and days a notice (a cancellation, a postponement) stays in the
 * participants' task lists unread, and days after the summit's day a summit the chair has not brought to its
 * close lapses (it ends, recorded as lapsed, and everyone is told).
 */
@ConfigurationProperties("engagement-board.summit")
record SummitProperties(
        @DefaultValue("24") int endorsementHours,
        @DefaultValue("10") int noticeDays,
        @DefaultValue("14") int lapseDays) {
}
