package com.engagementboard.charter;

/** How an allocated right came to be accepted: the charter's record of who settled it, and in what role. */
public enum Settlement {
    /** Accepted by a member of the head group of the function that receives it. */
    HEAD_ACCEPTED,
    /** Upheld by the chair over the head's objection. */
    CHAIR_UPHELD,
    /** Settled by the board's decision on the dispute. */
    BOARD_RULED,
    /** Unchanged from the version in force, where it had been accepted; not asked again. */
    CARRIED_OVER
}
