package com.engagementboard.demo;

import com.engagementboard.engine.EngineClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The story's time: the engine's clock moved to the moment a step happens, and the jobs due by then run, as
 * the job executor would have run them at that moment. The application reads its time from the engine's clock
 * ({@code engine/EngineClock}), so the records the processes write are dated when the story says.
 *
 * <p>Camunda's clock is {@code ClockUtil}, which only {@code EngineClock} touches: the story moves it through
 * {@link EngineClock#travelTo} and puts it back with {@link EngineClock#backToNow}.
 *
 * <p>Only the jobs of the processes the story has reached run: a board meeting scheduled before the story moved
 * the board's calendar must not hold its agenda a year ago.
 */
@Component
class StoryClock {

    private final ManagementService management;
    private final Clock clock;
    private Set<String> awake = Set.of();
    /** How far the story has been told. */
    private Instant told;

    StoryClock(ManagementService management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    /** The engine's (and so the application's) time now. */
    Instant now() {
        return clock.instant();
    }

    /** The company's zone, in which the story's days begin and end. */
    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** From now on, the jobs of these processes run when they fall due. */
    void wake(Set<String> processKeys) {
        awake = Set.copyOf(processKeys);
    }

    /**
     * Moves the engine's clock on to the moment and runs the jobs of the awake processes that are due by then.
     * Never back: what the jobs did up to then has happened.
     */
    void advanceTo(Instant moment) {
        if (told != null && moment.isBefore(told)) {
            throw new IllegalStateException("The story's steps overlap: back to " + moment + " after " + told);
        }
        told = moment;
        set(moment);
        runDueJobs();
    }

    /** Runs the due jobs of the awake processes until none is left (a job may create others due at once). */
    void runDueJobs() {
        Set<String> processKeys = awake;
        for (int round = 0; round < 200; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessDefinitionKey() != null
                            && processKeys.contains(job.getProcessDefinitionKey())).toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                // An earlier job may have ended the element this one belonged to.
                if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new IllegalStateException("Jobs kept falling due at " + now() + ": the story stops here");
    }

    /** The engine's clock back to the wall clock. */
    void reset() {
        told = null;
        EngineClock.backToNow();
    }

    private static void set(Instant moment) {
        EngineClock.travelTo(moment);
    }
}
