package com.engagementboard.board;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The board's clocks that are settings ({@code engagement-board.board.*}): working days the author of an item
 * started in the Tasklist has to name its touchpoints and actions (then they are reminded), and further working
 * days after which an item still without them is withdrawn, recorded as no details given by its author.
 */
@ConfigurationProperties("engagement-board.board")
record BoardProperties(
        @DefaultValue("5") int itemDetailsDays,
        @DefaultValue("5") int itemDetailsWithdrawalDays) {
}
