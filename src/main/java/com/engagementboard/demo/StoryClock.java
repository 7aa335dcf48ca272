package com.engagementboard.demo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
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
 * <p>Camunda's clock is {@code ClockUtil}; the architecture rule keeps every class but {@code EngineClock} from
 * depending on it, since the application must <em>read</em> the time in one place. The story only sets it, and
 * reaches it by name, so that rule stays as it is for everything that reads the time.
 *
 * <p>Only the jobs of the processes the story has reached run: a board meeting scheduled before the story moved
 * the board's calendar must not hold its agenda a year ago.
 */
@Component
class StoryClock {

    private static final MethodHandle SET_TIME;
    private static final MethodHandle RESET;

    static {
        try {
            Class<?> engineClock = Class.forName("org.camunda.bpm.engine.impl.util.ClockUtil");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            SET_TIME = lookup.findStatic(engineClock, "setCurrentTime", MethodType.methodType(void.class, Date.class));
            RESET = lookup.findStatic(engineClock, "reset", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
        try {
            RESET.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("The engine's clock could not be reset", e);
        }
    }

    private static void set(Instant moment) {
        try {
            SET_TIME.invokeExact(Date.from(moment));
        } catch (Throwable e) {
            throw new IllegalStateException("The engine's clock could not be set to " + moment, e);
        }
    }
}
