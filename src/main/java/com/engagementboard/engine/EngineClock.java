package com.engagementboard.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock: the process engine's time, in the company's zone. The engine's timers, due dates
 * and locks run on Camunda's {@link ClockUtil}; reading the time from it here means that the records the
 * application writes agree with them, and that a test which moves the engine's clock moves the application's
 * with it. The only place the application reads {@link ClockUtil}.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Moves the engine's time, and with it the application's, to {@code at}: only the demo story does, to live
     * through a year that has passed (every timer, due date and record then says that year). Undone by
     * {@link #backToNow()}.
     */
    public static void travelTo(Instant at) {
        ClockUtil.setCurrentTime(java.util.Date.from(at));
    }

    /** The engine's time back to the wall clock's. */
    public static void backToNow() {
        ClockUtil.reset();
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new EngineClock(other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
