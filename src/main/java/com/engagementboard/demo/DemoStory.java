package com.engagementboard.demo;

import com.engagementboard.board.AgendaItemProcess;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.board.BoardSetupService.BoardView;
import com.engagementboard.charter.CharterOverview;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.summit.SummitProcess;
import java.time.DayOfWeek;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * answer; three weekly meetings with votes, a tie, an escalation to the CEO and actions (one done, one overdue);
 * an item waiting for the next meeting, which is on the calendar (or, while today's meeting is in session, on its
 * agenda).
 *
 * <p>Told once, on the first start (no summit held yet, no charter in force, only the demo board's first
 * meeting on the calendar); later starts leave everything alone. Off where the demo data is off ({@code prod}).
 * The story runs the jobs that fall due itself, at their moment; Camunda starts its job executor only once the
 * application is ready, and should it run already, it waits while the story is told. The engine's clock is back
 * to the wall clock before anything else runs; meanwhile {@link StoryGate} answers every request with a 503.
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
    private final CharterOverview overview;
    private final StoryGate gate;
    private final BoardSetupService board;
    private final StoryClock clock;
    private final SummitChapter summit;
    private final CharterChapter charterChapter;
    private final BoardChapter boardChapter;

    DemoStory(ProcessEngine engine, CharterReading charter, CharterOverview overview, StoryGate gate,
            BoardSetupService board, StoryClock clock,
            SummitChapter summit, CharterChapter charterChapter, BoardChapter boardChapter) {
        this.engine = engine;
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.charter = charter;
        this.overview = overview;
        this.gate = gate;
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
        gate.close();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean executing = jobs != null && jobs.isActive();
        if (executing) {
            jobs.shutdown();
        }
        Instant now = clock.now();
        Map<String, Long> spent;
        try {
            spent = tell(now);
        } catch (RuntimeException e) {
            // A demo that could not be told whole is no reason to keep the application from starting.
            LOG.error("Demo story: stopped after {} ms; what was told so far stays",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), e);
            return;
        } finally {
            clock.reset();
            gate.open();
            if (executing) {
                jobs.start();
            }
        }
        LOG.info("Demo story: a summit, two charter versions, three board meetings and the next one told in {} ms "
                + "(ms by chapter: {})", Duration.ofNanos(System.nanoTime() - started).toMillis(), spent);
    }

    /** Why the story is not told now, or null to tell it: only on the demo's first start. */
    private String whyNot() {
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(SummitProcess.KEY).count() > 0) {
            return "a summit was held already";
        }
        if (charter.effectiveVersionId().isPresent()) {
            return "a charter version is in force already";
        }
        // Anyone's own work (a draft, an item for the board, and so the decisions and actions after it) is never
        // taken into the story: the story only tells a board that has done nothing yet.
        if (overview.workInProgress().isPresent()
                || history.createHistoricProcessInstanceQuery().processDefinitionKey(TouchpointCharterProcess.KEY)
                        .count() > 0) {
            return "the charter has a version or a draft already";
        }
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(AgendaItemProcess.KEY).count() > 0) {
            return "the board has items of its own already";
        }
        if (board.current().isEmpty()) {
            return "the board is not set up";
        }
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY).count() != 1
                || runtime.createProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY).count() != 1) {
            return "the board's calendar is not the one the demo board starts with";
        }
        ProcessInstance first = runtime.createProcessInstanceQuery().processDefinitionKey(BoardMeetingProcess.KEY)
                .singleResult();
        if (!runtime.getActiveActivityIds(first.getId()).contains(BoardMeetingProcess.Elements.AGENDA_CUTOFF)
                || !nextMeeting().isAfter(clock.now())) {
            return "the demo board's first meeting is under way already";
        }
        return null;
    }

    /** Tells the story up to now; how long each chapter took, in milliseconds. */
    private Map<String, Long> tell(Instant now) {
        BoardView demoBoard = board.current().orElseThrow();
        ZoneId boardZone = ZoneId.of(demoBoard.cadence().timeZone());
        ZonedDateTime next = nextMeeting().atZone(boardZone);
        // The last three regular meetings whose session is over (on a Monday morning, last week's is the last).
        ZonedDateTime last = next.minusWeeks(1);
        if (last.plusMinutes(demoBoard.meetingMinutes()).toInstant().isAfter(now)) {
            last = last.minusWeeks(1);
        }
        List<Instant> meetings = List.of(last.minusWeeks(2).toInstant(), last.minusWeeks(1).toInstant(),
                last.toInstant());
        Instant summitAt = now.atZone(clock.zone()).minusYears(1).with(LocalTime.of(9, 0)).toInstant();

        // Until the chair moves the board's calendar, the meeting the demo board scheduled sleeps.
        clock.wake(union(SummitChapter.PROCESSES, CharterChapter.PROCESSES));
        List<Step> steps = new ArrayList<>();
        Instant charterSubmitted = summitAt.plus(Duration.ofDays(7));
        Instant calendarMoved = meetings.get(0).minus(Duration.ofDays(3));
        // The Saturday morning after the second meeting, before the next items come in.
        Instant done = meetings.get(1).plus(Duration.ofDays(5)).minus(Duration.ofHours(1));
        steps.add(new Step("summit", summitAt.minus(Duration.ofDays(14)),
                () -> summit.tell(summitAt, demoBoard.members(), demoBoard.core())));
        steps.add(new Step("charter", charterSubmitted, () -> charterChapter.firstVersion(charterSubmitted)));
        steps.add(new Step("board", calendarMoved, () -> {
            boardChapter.backToDemoCadence(calendarMoved, demoBoard);
            // The meeting is on the demo's calendar now: from here on, the board's timers run when due.
            clock.wake(ALL_PROCESSES);
        }));
        List<List<BoardChapter.Item>> agendas = List.of(BoardScript.FIRST_MEETING, BoardScript.SECOND_MEETING,
                BoardScript.THIRD_MEETING);
        for (int i = 0; i < meetings.size(); i++) {
            Instant at = meetings.get(i);
            List<BoardChapter.Item> items = agendas.get(i);
            steps.add(new Step("board", at.minus(Duration.ofDays(2)), () -> boardChapter.meeting(at, items)));
        }
        steps.add(new Step("board", done, () -> boardChapter.actionDone(done, BoardScript.DONE_ACTION,
                "Tracking SMS live since Friday: 'where is my card' calls down by half.")));
        // A Tuesday or Wednesday nine to fifteen days ago: the heads it asks are past their five working days, and
        // its answers fall between Tuesday and Friday, apart from the board's weekends of agendas and Monday meetings.
        ZonedDateTime amendedDay = now.atZone(clock.zone()).minusDays(9).with(LocalTime.of(11, 0));
        while (amendedDay.getDayOfWeek() != DayOfWeek.TUESDAY && amendedDay.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            amendedDay = amendedDay.minusDays(1);
        }
        Instant amended = amendedDay.toInstant();
        steps.add(new Step("charter", amended, () -> charterChapter.amendment(amended)));
        // The item waiting goes to the meeting after the story's last: the next on the calendar, or (on a Monday
        // morning) today's, in session now, whose agenda the chair prepared the evening before.
        Instant following = last.plusWeeks(1).toInstant();
        Instant queued = earliest(now.minus(Duration.ofMinutes(30)), following.minus(Duration.ofHours(26)));
        steps.add(new Step("board", queued, () -> boardChapter.submit(queued, BoardScript.NEXT_MEETING)));
        if (!following.isAfter(now)) {
            steps.add(new Step("board", following.minus(Duration.ofHours(20)),
                    () -> boardChapter.prepareAgenda(following)));
        }
        // Each step in the order it happened (the amendment falls between meetings, depending on the weekday).
        steps.sort(Comparator.comparing(Step::at));
        Map<String, Long> spent = new TreeMap<>();
        for (Step step : steps) {
            long begun = System.nanoTime();
            step.work().run();
            spent.merge(step.chapter(), (System.nanoTime() - begun) / 1_000_000, Long::sum);
        }
        // Up to now: whatever fell due since (reminders of late answers, an agenda closing) runs now.
        clock.advanceTo(now);
        return spent;
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
    private record Step(String chapter, Instant at, Runnable work) {
    }
}
