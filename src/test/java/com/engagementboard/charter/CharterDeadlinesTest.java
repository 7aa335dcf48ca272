package com.engagementboard.charter;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.engine.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charter's days are the company's days: they start, and working days are counted, in its zone. */
class CharterDeadlinesTest {

    private static final CharterProperties DEFAULTS = new CharterProperties(5, 5, 12, 500, 5, 10, 5, 20);

    private final CharterDeadlines auckland = new CharterDeadlines(DEFAULTS, new EngineClock(ZoneId.of("Pacific/Auckland")));

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aReviewDayStartsAtMidnightInTheCompanysZone() {
        // Midnight in Auckland (UTC+13 in December) is 11:00 UTC the day before.
        assertThat(auckland.startOf(LocalDate.of(2026, 12, 7)).toInstant()).isEqualTo("2026-12-06T11:00:00Z");
    }

    @Test
    void workingDaysAreCountedInTheCompanysZone() {
        // Friday 12:00 UTC is already Saturday 01:00 in Auckland: five working days later is Friday the 11th,
        // 01:00 there (in UTC it would have been Friday the 11th, 12:00 UTC).
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T12:00:00Z")));
        assertThat(auckland.followUp().toInstant()).isEqualTo("2026-12-10T12:00:00Z");
        assertThat(auckland.acceptanceDue()).isEqualTo(auckland.followUp());
    }
}
