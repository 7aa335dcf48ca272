package com.engagementboard.board;

import com.engagementboard.board.BoardMeetingProcess.Typed;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts meetings on the calendar: there is always one upcoming regular meeting on the cadence (the
 * next one is scheduled when an agenda closes), and the chair may call extraordinary ones. Each
 * meeting is a {@code board-meeting} instance whose timers are the meeting's clock.
 */
@Service
class MeetingScheduler {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", java.util.Locale.ENGLISH);

    private final BoardSetupRepository setups;
    private final MeetingRepository meetings;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final SystemAccount system;
    private final Clock clock;

    MeetingScheduler(BoardSetupRepository setups, MeetingRepository meetings, RuntimeService runtime,
            ManagementService management, SystemAccount system, Clock clock) {
        this.system = system;
        this.clock = clock;
        this.setups = setups;
        this.meetings = meetings;
        this.runtime = runtime;
        this.management = management;
    }

    private Instant now() {
        return clock.instant();
    }

    /** The upcoming regular meeting, if one is scheduled. */
    @Transactional(readOnly = true)
    Optional<Meeting> upcomingRegular() {
        return meetings.findFirstByKindAndStatusOrderByScheduledAtAsc(Meeting.Kind.REGULAR, Meeting.Status.SCHEDULED);
    }

    /** Schedules the first regular meeting after the given moment. */
    @Transactional
    Meeting scheduleRegularAfter(Instant after) {
        BoardSetup setup = setups.findById(BoardSetup.SINGLETON).orElseThrow();
        Instant at = setup.nextMeetingAfter(after).toInstant();
        return schedule(setup, Meeting.Kind.REGULAR, at, null, null);
    }

    /** The chair calls an extraordinary meeting; its agenda closes at the cut-off, or now if that is past. */
    @Transactional
    Meeting callExtraordinary(Instant at, String reason, String chair) {
        BoardSetup setup = setups.findById(BoardSetup.SINGLETON).orElseThrow(() -> new ConflictException(
                "No board yet", "There is no board to call a meeting of: set the board up first (its chair, "
                        + "members and cadence, PUT /api/board), then call the meeting."));
        if (!at.isAfter(now())) {
            throw new InvalidInputException("at", "must be in the future");
        }
        return schedule(setup, Meeting.Kind.EXTRAORDINARY, at, chair, reason);
    }

    /** A new cadence takes effect for the next regular meeting, without a redeploy. */
    @Transactional
    void cadenceChanged(BoardSetup setup) {
        Optional<Meeting> upcoming = upcomingRegular();
        if (upcoming.isEmpty()) {
            scheduleRegularAfter(now());
            return;
        }
        Meeting meeting = upcoming.get();
        Instant at = setup.nextMeetingAfter(now()).toInstant();
        Instant cutoff = cutoff(setup, at);
        meeting.reschedule(at, cutoff, at.plus(Duration.ofMinutes(setup.getMeetingMinutes())));
        // The application moves the meeting's clock itself (as the system): nobody is granted to rewrite a
        // meeting's variables or timers.
        system.run(() -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meeting.getId())).singleResult();
            if (instance != null) {
                runtime.setVariables(instance.getId(), variables(meeting, setup));
                Job timer = management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(BoardMeetingProcess.Elements.AGENDA_CUTOFF).singleResult();
                if (timer != null) {
                    management.setJobDuedate(timer.getId(), Date.from(cutoff));
                }
            }
        });
    }

    private Meeting schedule(BoardSetup setup, Meeting.Kind kind, Instant at, String calledBy, String reason) {
        Meeting meeting = meetings.saveAndFlush(new Meeting(kind, at, cutoff(setup, at),
                at.plus(Duration.ofMinutes(setup.getMeetingMinutes())), calledBy, reason));
        system.run(() -> runtime.startProcessInstanceByKey(BoardMeetingProcess.KEY,
                BoardMeetingProcess.businessKey(meeting.getId()), variables(meeting, setup)));
        return meeting;
    }

    private Instant cutoff(BoardSetup setup, Instant at) {
        Instant cutoff = at.minus(Duration.ofHours(setup.getAgendaCutoffHours()));
        return cutoff.isBefore(now()) ? now() : cutoff;
    }

    private static VariableMap variables(Meeting meeting, BoardSetup setup) {
        VariableMap variables = Variables.createVariables();
        Typed.MEETING_ID.set(variables, meeting.getId());
        Typed.MEETING_AT.set(variables, Date.from(meeting.getScheduledAt()));
        Typed.AGENDA_CUTOFF.set(variables, Date.from(meeting.getAgendaCutoff()));
        Typed.MEETING_ENDS_AT.set(variables, Date.from(meeting.getEndsAt()));
        Typed.MEETING_LABEL.set(variables, LABEL.format(meeting.getScheduledAt().atZone(ZoneId.of(setup.getTimeZone()))));
        return variables;
    }
}
