package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The application's clock: the engine's time, in the zone {@code engagement-board.zone} names. */
class EngineClockTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ClockConfiguration.class);

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theCompanysZoneIsASetting() {
        context.withPropertyValues("engagement-board.zone=Pacific/Auckland").run(started -> {
            Clock clock = started.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
            // 11:00 UTC on 6 December is already the 7th in Auckland (UTC+13 in summer).
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-06T11:00:00Z")));
            assertThat(LocalDate.now(clock)).isEqualTo("2026-12-07");
        });
    }

    @Test
    void byDefaultTheCompanyIsInTheDemoBoardsZone() {
        context.run(started -> assertThat(started.getBean(Clock.class).getZone())
                .isEqualTo(ZoneId.of("Europe/Amsterdam")));
    }

    @Test
    void anIdThatIsNoTimeZoneStopsTheStart() {
        context.withPropertyValues("engagement-board.zone=Mars/Olympus").run(started -> assertThat(started)
                .hasFailed().getFailure().hasStackTraceContaining("engagement-board.zone=Mars/Olympus is not a time zone"));
    }

    @Test
    void itFollowsTheEnginesClockWhenATestMovesIt() {
        Clock clock = new EngineClock(ZoneId.of("UTC"));
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        ClockUtil.setCurrentTime(Date.from(later));
        assertThat(clock.instant()).isEqualTo(later);
        assertThat(clock.withZone(ZoneId.of("Europe/Amsterdam")).instant()).isEqualTo(later);
        ClockUtil.reset();
        assertThat(clock.instant()).isAfter(Instant.parse("2025-01-01T00:00:00Z")).isBefore(later);
    }
}
