package com.engagementboard.board;

import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import java.time.DayOfWeek;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo bank's board, set up once: the CMO chairs, 17 members, the core group of four, meeting
 * weekly on Monday at 09:00 (a retail bank's cadence), quorum 3, agenda closing 24 hours before.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = { "engagement-board.demo-data", "engagement-board.demo-board" }, havingValue = "true")
class DemoBoard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBoard.class);

    private final BoardSetupService board;
    private final People people;

    DemoBoard(BoardSetupService board, People people) {
        this.board = board;
        this.people = people;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (board.isSetUp()) {
            return;
        }
        List<String> members = people.membersOf(Groups.BOARD_MEMBER);
        List<String> core = people.membersOf(Groups.BOARD_CORE);
        board.update(new BoardSetupRequest("cmo", members, core, new BoardSetupRequest.CadenceRequest(Cadence.WEEKLY,
                DayOfWeek.MONDAY, null, "09:00", "Europe/Amsterdam"), 3, 24, 120));
        LOG.info("Demo board set up: {} members, core group {}", members.size(), core);
    }
}
