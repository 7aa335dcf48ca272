package com.engagementboard.web;

import java.time.ZoneId;

/**
 * The time zone in which people read times: the board's (its meetings, cut-offs and tasks say their times in
 * it), once a board is set up; the company's ({@code engagement-board.zone}) before. The board keeps its set-up
 * ({@code board.BoardSetupService}); the pages of other capabilities ask through this, so that every page, the
 * minutes and the task texts say the same hour.
 */
public interface PageZone {

    ZoneId zone();
}
