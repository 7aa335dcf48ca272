package com.engagementboard.board;

import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageZone;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's set-up. Writing it keeps the Camunda groups {@code board-chair}, {@code board-member}
 * and {@code board-core} in step, and moves the next regular meeting to the new cadence.
 */
@Service
public class BoardSetupService implements PageZone {

    static final int DEFAULT_CUTOFF_HOURS = 24;
    static final int DEFAULT_MEETING_MINUTES = 120;

    public record BoardView(String chair, List<String> members, List<String> core, BoardSetupRequest.CadenceRequest cadence,
            int quorum, int agendaCutoffHours, int meetingMinutes, String decisionRule) {
    }

    private final BoardSetupRepository setups;
    private final BoardMemberRepository members;
    private final People people;
    private final MeetingScheduler scheduler;
    private final Clock clock;

    BoardSetupService(BoardSetupRepository setups, BoardMemberRepository members, People people,
            MeetingScheduler scheduler, Clock clock) {
        this.setups = setups;
        this.members = members;
        this.people = people;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The board's time zone once it is set up, the company's before: one query. */
    @Override
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return setups.findById(BoardSetup.SINGLETON).map(BoardSetup::getTimeZone).map(id -> {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException notAZone) {
                // Checked when the board is set up; a zone the Java runtime no longer knows is the company's.
                return clock.getZone();
            }
        }).orElse(clock.getZone());
    }

    @Transactional(readOnly = true)
    boolean isSetUp() {
        return setups.existsById(BoardSetup.SINGLETON);
    }

    @Transactional(readOnly = true)
    BoardSetup setup() {
        return setups.findById(BoardSetup.SINGLETON).orElseThrow(() -> new NotFoundException("board set-up",
                "(none yet: PUT /api/board, or hold a summit that founds the board)"));
    }

    @Transactional(readOnly = true)
    List<String> coreMembers() {
        return members.findByCoreTrueOrderByUserId().stream().map(BoardMember::getUserId).toList();
    }

    @Transactional(readOnly = true)
    List<String> allMembers() {
        return members.findAllByOrderByUserId().stream().map(BoardMember::getUserId).toList();
    }

    @Transactional(readOnly = true)
    BoardView view() {
        BoardSetup setup = setup();
        return new BoardView(setup.getChair(), allMembers(), coreMembers(),
                new BoardSetupRequest.CadenceRequest(setup.getCadence(), setup.getDayOfWeek(), setup.getDayOfMonth(),
                        setup.getTime(), setup.getTimeZone()),
                setup.getQuorum(), setup.getAgendaCutoffHours(), setup.getMeetingMinutes(),
                "simple majority of the core group's votes cast; the chair's vote breaks a tie");
    }

    /** The board as it is set up, if it is. */
    @Transactional(readOnly = true)
    public java.util.Optional<BoardView> current() {
        return isSetUp() ? java.util.Optional.of(view()) : java.util.Optional.empty();
    }

    /** Checks everything first; writes nothing unless the whole set-up is valid. */
    @Transactional
    public BoardView update(BoardSetupRequest request) {
        validate(request);
        BoardSetup setup = setups.findById(BoardSetup.SINGLETON).orElseGet(() -> new BoardSetup(request.chair()));
        boolean cadenceChanged = !setups.existsById(BoardSetup.SINGLETON)
                || setup.getCadence() != request.cadence().type()
                || !Objects.equals(setup.getDayOfWeek(), request.cadence().dayOfWeek())
                || !Objects.equals(setup.getDayOfMonth(), request.cadence().dayOfMonth())
                || !request.cadence().time().equals(setup.getTime())
                || !request.cadence().timeZone().equals(setup.getTimeZone())
                || setup.getAgendaCutoffHours() != cutoff(request) || setup.getMeetingMinutes() != minutes(request);
        setup.update(request.chair(), request.cadence().type(), request.cadence().dayOfWeek(),
                request.cadence().dayOfMonth(), request.cadence().time(), request.cadence().timeZone(),
                request.quorum(), cutoff(request), minutes(request));
        setups.saveAndFlush(setup);
        Set<String> all = new LinkedHashSet<>(request.members());
        // One by one, not in a batch: each removal is a change the audit trail records.
        members.deleteAll();
        members.flush();
        all.forEach(user -> members.save(new BoardMember(user, request.core().contains(user))));
        members.flush();
        people.setMembers(Groups.BOARD_MEMBER, List.copyOf(all));
        people.setMembers(Groups.BOARD_CORE, List.copyOf(new LinkedHashSet<>(request.core())));
        people.setMembers(Groups.BOARD_CHAIR, List.of(request.chair()));
        if (cadenceChanged) {
            scheduler.cadenceChanged(setup);
        }
        return view();
    }

    private static int cutoff(BoardSetupRequest request) {
        return request.agendaCutoffHours() == null ? DEFAULT_CUTOFF_HOURS : request.agendaCutoffHours();
    }

    private static int minutes(BoardSetupRequest request) {
        return request.meetingMinutes() == null ? DEFAULT_MEETING_MINUTES : request.meetingMinutes();
    }

    /** Checks a set-up without writing it: 400 naming each field that is wrong. */
    public void validate(BoardSetupRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>(request.members());
        for (String user : all) {
            if (!people.userExists(user)) {
                problems.add(new FieldProblem("members", "there is no user '" + user + "'"));
            }
        }
        for (String user : request.core()) {
            if (!all.contains(user)) {
                problems.add(new FieldProblem("core", "'" + user + "' is in the core group but not a member"));
            }
        }
        if (!request.core().contains(request.chair())) {
            problems.add(new FieldProblem("chair", "'" + request.chair()
                    + "' must be in the core group (the chair's vote breaks a tie)"));
        }
        int coreSize = new LinkedHashSet<>(request.core()).size();
        if (request.quorum() > coreSize) {
            problems.add(new FieldProblem("quorum", "is " + request.quorum() + " but the core group has only "
                    + coreSize + " members"));
        }
        BoardSetupRequest.CadenceRequest cadence = request.cadence();
        if (cadence.type() == Cadence.WEEKLY && cadence.dayOfWeek() == null) {
            problems.add(new FieldProblem("cadence.dayOfWeek", "is required for a weekly board (MONDAY to SUNDAY)"));
        }
        if (cadence.type() == Cadence.MONTHLY && cadence.dayOfMonth() == null) {
            problems.add(new FieldProblem("cadence.dayOfMonth", "is required for a monthly board (1 to 28)"));
        }
        if (cadence.time() == null || !cadence.time().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            problems.add(new FieldProblem("cadence.time", "must be a time of day as HH:mm"));
        }
        try {
            ZoneId.of(cadence.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new FieldProblem("cadence.timeZone", "'" + cadence.timeZone()
                    + "' is not a time zone; use a region id such as Europe/Amsterdam"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
