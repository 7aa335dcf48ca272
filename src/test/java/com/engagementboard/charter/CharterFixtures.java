package com.engagementboard.charter;

import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test state for the charter. The tests share one database, and a draft starts from the version in
 * force; a test that means "a company with no charter in force yet" says so by retiring whatever
 * version another test left in force: superseded as a newer version would supersede it, its process
 * told to stop waiting for its review.
 */
final class CharterFixtures {

    private CharterFixtures() {
    }

    static void noVersionInForce(CharterRepository charters, CharterProcessStarter processes,
            TransactionTemplate transaction) {
        transaction.executeWithoutResult(status -> charters.findFirstByStatus(CharterStatus.EFFECTIVE).ifPresent(v -> {
            v.supersede(Instant.now());
            charters.flush();
            processes.superseded(v.getId());
        }));
    }
}
