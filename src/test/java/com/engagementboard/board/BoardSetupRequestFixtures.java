package com.engagementboard.board;

import java.time.DayOfWeek;
import java.util.List;

/** The demo board's set-up, weekly or monthly, for tests. */
final class BoardSetupRequestFixtures {

    static final List<String> MEMBERS = List.of("cmo", "retail.head", "business.head", "wealth.head", "marketing.head",
            "communications.head", "sales.head", "service.head", "operations.head", "product.head", "it.head",
            "brand.head", "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead");
    static final List<String> CORE = List.of("cmo", "retail.head", "business.head", "wealth.head");

    private BoardSetupRequestFixtures() {
    }

    static BoardSetupRequest weekly() {
        return new BoardSetupRequest("cmo", MEMBERS, CORE, new BoardSetupRequest.CadenceRequest(Cadence.WEEKLY,
                DayOfWeek.MONDAY, null, "09:00", "Europe/Amsterdam"), 3, 24, 120);
    }

    static BoardSetupRequest monthly(int day) {
        return new BoardSetupRequest("cmo", MEMBERS, CORE, new BoardSetupRequest.CadenceRequest(Cadence.MONTHLY,
                null, day, "09:00", "Europe/Amsterdam"), 3, 24, 120);
    }
}
