package com.engagementboard.charter;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test state for the charter. The tests share one database, and a draft starts from the version in
 * force; a test that means "a company with no charter in force yet" says so by retiring whatever
 * version another test left in force: superseded as a newer version would supersede it, its process
 * told to stop waiting for its review.
 *
 * <p>Only one version is in acceptance at a time: a test that submits a draft first withdraws whatever
 * version an earlier test left in acceptance ({@link #noVersionInAcceptance}), as the chair would. The
 * rule itself stays as it is.
 */
public final class CharterFixtures {

    /** The reason the fixture gives when it withdraws a version another test left in acceptance. */
    public static final String FIXTURE_WITHDRAWAL = "Withdrawn by the test fixture: a test submits a new version.";

    /** Two touchpoints, three functions (service, IT, communications): each head has rights to accept. */
    public static final String THREE_FUNCTIONS_CSV = """
            touchpoint,right,function
            complaint-handling,DESIGN,service
            complaint-handling,BUILD,it
            complaint-handling,OPERATE,service
            complaint-handling,RENEW,service
            social-media-care,DESIGN,communications
            social-media-care,BUILD,it
            social-media-care,OPERATE,service
            social-media-care,RENEW,communications
            """;

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

    /**
     * Withdraws every version earlier tests left in acceptance, as the chair would (its process ends its open
     * tasks and tells the heads), so that the calling test can submit one. For any test package.
     */
    public static void noVersionInAcceptance(CharterDrafts drafts, JdbcTemplate jdbc) {
        for (Long id : jdbc.queryForList("select id from charter_version where status = 'IN_ACCEPTANCE' order by id",
                Long.class)) {
            drafts.withdraw(id, FIXTURE_WITHDRAWAL, "cmo");
        }
    }
}
