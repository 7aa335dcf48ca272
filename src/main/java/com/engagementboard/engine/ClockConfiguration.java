package com.engagementboard.engine;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link Clock}: the engine's time ({@link EngineClock}) in the company's zone,
 * {@code engagement-board.zone} (Europe/Amsterdam, the demo board's zone). Dates people read and days that
 * start and end (a review date, working days, a search from one day to another) are in that zone, whatever
 * the server's; a board meeting's own times stay in the zone of the board's cadence. An id that is not a
 * time zone stops the start.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final String ZONE = "engagement-board.zone";

    @Bean
    Clock clock(@Value("${" + ZONE + ":Europe/Amsterdam}") String zone) {
        return new EngineClock(companyZone(zone));
    }

    static ZoneId companyZone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException(ZONE + "=" + id + " is not a time zone; give a region id such as "
                    + "Europe/Amsterdam (" + e.getMessage() + ")", e);
        }
    }
}
