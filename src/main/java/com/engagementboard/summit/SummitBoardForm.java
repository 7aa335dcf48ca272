package com.engagementboard.summit;

import com.engagementboard.board.BoardSetupRequest;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.organisation.People;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summit's founding form: what it starts with (the board as it is set up, everyone to pick from, the
 * zones), the chair's answer read as the board's set-up request, and the board's own refusal said on the
 * form's field with people named. {@link Summits} founds the board once the form reads.
 */
@Service
class SummitBoardForm {

    private final Summits summits;
    private final BoardSetupService board;
    private final People people;
    private final Clock clock;

    SummitBoardForm(Summits summits, BoardSetupService board, People people, Clock clock) {
        this.summits = summits;
        this.board = board;
        this.people = people;
        this.clock = clock;
    }

    /** Where the board's own checks point, in the founding form's words. */
    private static final Map<String, String> FORM_FIELDS = Map.of("members", SummitProcess.Variables.BOARD_MEMBERS,
            "core", SummitProcess.Variables.BOARD_CORE, "chair", SummitProcess.Variables.BOARD_CORE,
            "quorum", SummitProcess.Variables.BOARD_QUORUM,
            "cadence.dayOfWeek", SummitProcess.Variables.BOARD_WEEKDAY,
            "cadence.dayOfMonth", SummitProcess.Variables.BOARD_MONTH_DAY,
            "cadence.time", SummitProcess.Variables.BOARD_TIME,
            "cadence.timeZone", SummitProcess.Variables.BOARD_TIME_ZONE);

    /** The board the chair founds, as a set-up request; checked by the board's own rules. */
    BoardSetupRequest boardRequest(String chair, Map<String, Object> form) {
        List<String> members = FormValues.strings(form.get(SummitProcess.Variables.BOARD_MEMBERS));
        List<String> core = FormValues.strings(form.get(SummitProcess.Variables.BOARD_CORE));
        String cadence = FormValues.text(form.get(SummitProcess.Variables.BOARD_CADENCE));
        boolean weekly = !"MONTHLY".equals(cadence);
        // The form picks a weekday or a day of the month; the API may still send either as boardDay.
        String day = FormValues.text(form.get(weekly ? SummitProcess.Variables.BOARD_WEEKDAY
                : SummitProcess.Variables.BOARD_MONTH_DAY));
        if (day == null) {
            day = FormValues.text(form.get(SummitProcess.Variables.BOARD_DAY));
        }
        DayOfWeek dayOfWeek = null;
        Integer dayOfMonth = null;
        try {
            if (weekly) {
                dayOfWeek = DayOfWeek.valueOf(day == null ? "" : day.toUpperCase(Locale.ROOT));
            } else {
                dayOfMonth = new BigDecimal(day == null ? "" : day).intValueExact();
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw weekly ? new InvalidInputException(SummitProcess.Variables.BOARD_WEEKDAY, "pick the weekday the "
                    + "board meets on (Monday to Sunday)")
                    : new InvalidInputException(SummitProcess.Variables.BOARD_MONTH_DAY, "give the day of the month "
                            + "the board meets on, 1 to 28");
        }
        Object quorum = form.get(SummitProcess.Variables.BOARD_QUORUM);
        int q;
        try {
            q = quorum instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(quorum).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(SummitProcess.Variables.BOARD_QUORUM, "must be a number");
        }
        return new BoardSetupRequest(chair, members, core, new BoardSetupRequest.CadenceRequest(
                weekly ? com.engagementboard.board.Cadence.WEEKLY : com.engagementboard.board.Cadence.MONTHLY,
                dayOfWeek, dayOfMonth, time(FormValues.text(form.get(SummitProcess.Variables.BOARD_TIME))),
                FormValues.text(form.get(SummitProcess.Variables.BOARD_TIME_ZONE))), q, null, null);
    }

    /** "9:00" as "09:00": people write the hour without its leading zero. */
    static String time(String time) {
        return time != null && time.matches("\\d:[0-5]\\d") ? "0" + time : time;
    }

    /**
     * The board's refusal of a founding as the form's own: the first problem, on the form's field, with
     * people named ("Clara Martens must be in the core group") rather than by their user ids.
     */
    FieldProblem formProblem(InvalidInputException refused, BoardSetupRequest request) {
        Object errors = refused.getBody().getProperties() == null ? null
                : refused.getBody().getProperties().get("errors");
        if (errors instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof FieldProblem problem) {
            String message = problem.message();
            if (request != null) {
                for (String user : new LinkedHashSet<>(concat(request.members(), request.core(),
                        List.of(request.chair())))) {
                    message = message.replace("'" + user + "'", people.nameOf(user));
                }
            }
            return new FieldProblem(FORM_FIELDS.getOrDefault(problem.field(), problem.field()),
                    message);
        }
        return new FieldProblem("board", String.valueOf(refused.getBody().getDetail()));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    /**
     * What the founding form starts with: everyone to pick from, the board as it is set up (members, core,
     * cadence, quorum) or, for a first board, the chair in the core group meeting weekly on Monday at 09:00
     * in the company's zone.
     */
    @Transactional(readOnly = true)
    VariableMap outcomeForm(long summitId) {
        Summit summit = summits.get(summitId);
        VariableMap form = org.camunda.bpm.engine.variable.Variables.createVariables();
        SummitProcess.Typed.USER_OPTIONS.set(form, FormValues.json(people.pickerOptions()));
        Optional<BoardSetupService.BoardView> current = board.current();
        List<String> members = current.map(BoardSetupService.BoardView::members).orElse(List.of(summit.getChair()));
        List<String> core = current.map(BoardSetupService.BoardView::core).orElse(List.of(summit.getChair()));
        SummitProcess.Typed.BOARD_MEMBERS.set(form, FormValues.json(members));
        SummitProcess.Typed.BOARD_CORE.set(form, FormValues.json(core));
        BoardSetupRequest.CadenceRequest cadence = current.map(BoardSetupService.BoardView::cadence).orElse(null);
        SummitProcess.Typed.BOARD_CADENCE.set(form, cadence == null ? "WEEKLY" : cadence.type().name());
        SummitProcess.Typed.BOARD_WEEKDAY.set(form, cadence == null ? "MONDAY"
                : cadence.dayOfWeek() == null ? null : cadence.dayOfWeek().name());
        SummitProcess.Typed.BOARD_MONTH_DAY.set(form, cadence == null ? null : cadence.dayOfMonth());
        SummitProcess.Typed.BOARD_TIME.set(form, cadence == null ? "09:00" : cadence.time());
        String zone = cadence == null ? clock.getZone().getId() : cadence.timeZone();
        SummitProcess.Typed.BOARD_TIME_ZONE.set(form, zone);
        // Region ids (Europe/Amsterdam), and the zone chosen now, whatever its form (the company's zone may be UTC).
        TreeSet<String> zones = ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.matches("[A-Z][a-z]+/[A-Za-z_/-]+") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        zones.add(zone);
        SummitProcess.Typed.TIME_ZONE_OPTIONS.set(form, FormValues.json(zones.stream()
                .map(z -> FormValues.option(z, z.replace('_', ' '))).toList()));
        SummitProcess.Typed.BOARD_QUORUM.set(form, current.map(BoardSetupService.BoardView::quorum)
                .orElse(Math.min(3, core.size())));
        return form;
    }

    void checkBoard(BoardSetupRequest request) {
        board.validate(request);
    }
}
