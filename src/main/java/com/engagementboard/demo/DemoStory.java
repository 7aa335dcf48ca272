package com.engagementboard.demo;

import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.board.BoardSetupService.BoardView;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.summit.SummitProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo that is alive on its first start: a year of the board's life, lived through the processes themselves,
 * with the engine's clock set to the moment each step happened. Last year's summit; the first charter version,
 * accepted by every head and in force; an amendment in acceptance with a declined right and heads still to
 * answer; four weekly meetings with votes, a tie, an escalation to the CEO and actions (one done, one overdue);
 * an item waiting for the next meeting, which is on the calendar.
 *
 * <p>Told once, on the first start (no summit held yet, no charter in force, only the demo board's first
 * meeting on the calendar); later starts leave everything alone. Off where the demo data is off ({@code prod}).
 * The job executor waits while the story runs, so no timer fires in the past but those the story runs itself,
 * and the engine's clock is back to the wall clock before anything else runs.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = { "engagement-board.demo-data", "engagement-board.demo-board",
        "engagement-board.demo-story" }, havingValue = "true")
class DemoStory implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStory.class);
    private static final Set<String> ALL_PROCESSES = union(SummitChapter.PROCESSES, CharterChapter.PROCESSES,
            BoardChapter.PROCESSES);

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final CharterReading charter;
    private final BoardSetupService board;
    private final StoryClock clock;
    private final SummitChapter summit;
    private final CharterChapter charterChapter;
    private final BoardChapter boardChapter;

    DemoStory(ProcessEngine engine, CharterReading charter, BoardSetupService board, StoryClock clock,
            SummitChapter summit, CharterChapter charterChapter, BoardChapter boardChapter) {
        this.engine = engine;
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.charter = charter;
        this.board = board;
        this.clock = clock;
        this.summit = summit;
        this.charterChapter = charterChapter;
        this.boardChapter = boardChapter;
    }

    @Override
    public void run(ApplicationArguments args) {
        String why = whyNot();
        if (why != null) {
            LOG.info("Demo story: not told ({})", why);
            return;
        }
        long started = System.nanoTime();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean executing = jobs != null && jobs.isActive();
        if (executing) {
            jobs.shutdown();
        }
        Instant now = clock.now();
        try {
            tell(now);
        } finally {
            clock.reset();
            if (executing) {
                jobs.start();
            }
        }
        LOG.info("Demo story: a summit, two charter versions, four board meetings and the next one told in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Why the story is not told now, or null to tell it: only on the demo's first start. */
    private String whyNot() {
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(SummitProcess.KEY).count() > 0) {
            return "a summit was held already";
        }
        if (charter.effectiveVersionId().isPresent()) {
            return "a charter version is in force already";
        }
        if (board.current().isEmpty()) {
            return "the board is not set up";
        }
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY).count() != 1
                || runtime.createProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY).count() != 1) {
            return "the board's calendar is not the one the demo board starts with";
        }
        return null;
    }

    private void tell(Instant now) {
        BoardView demoBoard = board.current().orElseThrow();
        ZoneId boardZone = ZoneId.of(demoBoard.cadence().timeZone());
        ZonedDateTime next = nextMeeting().atZone(boardZone);
        List<Instant> meetings = List.of(next.minusWeeks(4).toInstant(), next.minusWeeks(3).toInstant(),
                next.minusWeeks(2).toInstant(), next.minusWeeks(1).toInstant());
        Instant summitAt = now.atZone(clock.zone()).minusYears(1).with(LocalTime.of(9, 0)).toInstant();

        // Until the chair moves the board's calendar, the meeting the demo board scheduled sleeps.
        clock.wake(union(SummitChapter.PROCESSES, CharterChapter.PROCESSES));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(summitAt.minus(Duration.ofDays(14)), () -> summit.tell(summitAt, demoBoard.members(),
                demoBoard.core())));
        steps.add(new Step(summitAt.plus(Duration.ofDays(7)), () -> charterChapter.firstVersion(
                summitAt.plus(Duration.ofDays(7)))));
        steps.add(new Step(meetings.get(0).minus(Duration.ofDays(3)), () -> {
            boardChapter.backToDemoCadence(meetings.get(0).minus(Duration.ofDays(3)), demoBoard);
            // The meeting is on the demo's calendar now: from here on, the board's timers run when due.
            clock.wake(ALL_PROCESSES);
        }));
        steps.add(new Step(meetings.get(0).minus(Duration.ofDays(2)), () -> boardChapter.meeting(meetings.get(0),
                BoardScript.FIRST_MEETING)));
        steps.add(new Step(meetings.get(1).minus(Duration.ofDays(2)), () -> boardChapter.meeting(meetings.get(1),
                BoardScript.SECOND_MEETING)));
        Instant done = meetings.get(1).plus(Duration.ofDays(5));
        steps.add(new Step(done, () -> boardChapter.actionDone(done, BoardScript.DONE_ACTION,
                "Tracking SMS live since Friday: 'where is my card' calls down by half.")));
        steps.add(new Step(meetings.get(2).minus(Duration.ofDays(2)), () -> boardChapter.meeting(meetings.get(2),
                BoardScript.THIRD_MEETING)));
        steps.add(new Step(meetings.get(3).minus(Duration.ofDays(2)), () -> boardChapter.meeting(meetings.get(3),
                BoardScript.FOURTH_MEETING)));
        Instant amended = now.atZone(clock.zone()).minusDays(9).with(LocalTime.of(11, 0)).toInstant();
        steps.add(new Step(amended, () -> charterChapter.amendment(amended)));
        Instant queued = earliest(now.minus(Duration.ofMinutes(30)), next.toInstant().minus(Duration.ofHours(26)));
        steps.add(new Step(queued, () -> boardChapter.submit(queued, BoardScript.NEXT_MEETING)));
        // Each step in the order it happened (the amendment falls between meetings, depending on the weekday).
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            step.work().run();
        }
        // Up to now: whatever fell due since (reminders of late answers, an agenda closing) runs now.
        clock.advanceTo(now);
    }

    /** The demo board's first regular meeting, as the board's set-up scheduled it. */
    private Instant nextMeeting() {
        ProcessInstance meeting = runtime.createProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY)
                .singleResult();
        return ((Date) runtime.getVariable(meeting.getId(), BoardMeetingProcess.Variables.MEETING_AT)).toInstant();
    }

    /** How a draft's line is named in a refusal. */
    static String field(int index) {
        return "allocations[" + index + "]";
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** One step of the story, at the moment it begins. */
    private record Step(Instant at, Runnable work) {
    }
}
