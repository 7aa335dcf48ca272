package com.engagementboard.change;

import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterDriver;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.RightKind;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The charter the change tests route by: the card packaging's rights with Brand (design, renew), Operations
 * (build) and Customer Service (operate); the fee schedule owned by nobody (a charter gap).
 */
public final class ChangeFixtures {

    public static final String OWNED = "card-packaging";
    public static final String UNOWNED = "fee-schedule";

    private ChangeFixtures() {
    }

    /** Whether the charter in force is that one, as far as the two touchpoints go. */
    public static boolean inForce(CharterReading charter) {
        Map<RightKind, String> owned = charter.owners(OWNED);
        return "brand".equals(owned.get(RightKind.DESIGN)) && "operations".equals(owned.get(RightKind.BUILD))
                && "service".equals(owned.get(RightKind.OPERATE)) && "brand".equals(owned.get(RightKind.RENEW))
                && charter.owners(UNOWNED).values().stream().allMatch(Objects::isNull);
    }

    /** Puts that charter in force through the charter's API (drafted, submitted, accepted), unless it is. */
    public static void charterInForce(ApplicationContext context) throws Exception {
        if (inForce(context.getBean(CharterReading.class))) {
            return;
        }
        CharterFixtures.noVersionInAcceptance(context.getBean(CharterDrafts.class), context.getBean(JdbcTemplate.class));
        CharterDriver driver = CharterDriver.of(context);
        long version = driver.draft("Change routing test", false, String.join(",",
                CharterDriver.line(OWNED, "DESIGN", "brand"), CharterDriver.line(OWNED, "BUILD", "operations"),
                CharterDriver.line(OWNED, "OPERATE", "service"), CharterDriver.line(OWNED, "RENEW", "brand")));
        driver.submit(version);
        driver.accept(version, "brand.head", "operations.head", "service.head");
    }
}
