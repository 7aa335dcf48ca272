package com.engagementboard.board;

/** How often the board meets: weekly on a weekday, or monthly on a day of the month. */
public enum Cadence {
    WEEKLY,
    MONTHLY
}
