package com.engagementboard.demo;

import static com.engagementboard.summit.SummitProcess.Elements.ASSESS_JOURNEY;
import static com.engagementboard.summit.SummitProcess.Elements.DECIDE_OUTCOME;
import static com.engagementboard.summit.SummitProcess.Elements.DECIDE_SOURCING;
import static com.engagementboard.summit.SummitProcess.Elements.DRAFT_VISION;
import static com.engagementboard.summit.SummitProcess.Elements.ENDORSE_VISION;
import static com.engagementboard.summit.SummitProcess.Elements.OPEN_SUMMIT;
import static com.engagementboard.summit.SummitProcess.Elements.PLAN_TOUCHPOINTS;

import com.engagementboard.summit.SourcingElement;
import com.engagementboard.summit.SummitConvener;
import com.engagementboard.summit.SummitProcess;
import com.engagementboard.summit.SummitProcess.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Last year's summit, lived through its process: the chair and the division heads give their pre-work, the chair
 * opens it, everyone endorses the vision, the chair plans two touchpoints, decides the sourcing and founds the board
 * (weekly on Monday at 10:00; the board later moved to 09:00). The summit itself then starts the first charter
 * draft from the plan and puts the plan on the board's agenda.
 */
@Component
class SummitChapter {

    static final Set<String> PROCESSES = Set.of(SummitProcess.KEY);
    static final String CHAIR = "cmo";
    static final List<String> PARTICIPANTS = List.of("cmo", "retail.head", "business.head", "wealth.head");
    /** The board the summit founds: the demo's members and core group, on Mondays at ten. */
    static final String FOUNDED_AT = "10:00";

    private static final String PLAN = """
            touchpoint,activity,functions,dependsOn,design,build,operate,renew
            product-launch-briefing,Brief the front line before every launch,marketing product,,marketing,product,\
            service,marketing
            complaint-handling,"One complaint process for phone, branch and online",service operations it,,service,\
            it,service,service
            """;

    private final SummitConvener convener;
    private final RuntimeService runtime;
    private final StoryClock clock;
    private final Cast cast;

    SummitChapter(SummitConvener convener, RuntimeService runtime, StoryClock clock, Cast cast) {
        this.convener = convener;
        this.runtime = runtime;
        this.clock = clock;
        this.cast = cast;
    }

    /** The summit meets at the moment given (a year ago); it is convened two weeks before. */
    void tell(Instant at, List<String> members, List<String> core) {
        clock.advanceTo(at.minus(Duration.ofDays(14)));
        convene("Customer engagement summit " + at.atZone(clock.zone()).getYear(), at);
        ProcessInstance summit = runtime.createProcessInstanceQuery().processDefinitionKey(SummitProcess.KEY)
                .singleResult();
        String id = summit.getId();

        clock.advanceTo(at.minus(Duration.ofDays(2)));
        for (String participant : PARTICIPANTS) {
            cast.complete(participant, cast.assignedTask(id, ASSESS_JOURNEY, participant), preWork(participant));
        }
        clock.advanceTo(at.plus(Duration.ofMinutes(15)));
        cast.complete(CHAIR, cast.openTask(id, OPEN_SUMMIT), Map.of());
        clock.advanceTo(at.plus(Duration.ofHours(1)));
        cast.complete(CHAIR, cast.openTask(id, DRAFT_VISION), Map.of(Variables.VISION, "Customers trust us to "
                + "know them: one bank that answers the same way in every branch, call and app, and keeps its "
                + "promises."));
        clock.advanceTo(at.plus(Duration.ofHours(2)));
        for (String participant : PARTICIPANTS) {
            cast.complete(participant, cast.assignedTask(id, ENDORSE_VISION, participant),
                    Map.of(Variables.ENDORSEMENT, SummitProcess.ENDORSE));
        }
        clock.advanceTo(at.plus(Duration.ofHours(4)));
        cast.complete(CHAIR, cast.openTask(id, PLAN_TOUCHPOINTS), Map.of(Variables.PLAN, PLAN));
        clock.advanceTo(at.plus(Duration.ofHours(5)));
        cast.complete(CHAIR, cast.openTask(id, DECIDE_SOURCING), sourcing());
        clock.advanceTo(at.plus(Duration.ofHours(6)));
        cast.complete(CHAIR, cast.openTask(id, DECIDE_OUTCOME), foundBoard(members, core));
        clock.runDueJobs();
        if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            throw new IllegalStateException("The summit did not close: it waits at "
                    + runtime.getActiveActivityIds(id));
        }
    }

    /** Convenes the summit as {@code POST /api/summits} does, a year ago (see {@link SummitConvener}). */
    private void convene(String title, Instant at) {
        convener.convene(title, at, PARTICIPANTS, CHAIR);
    }

    private static Map<String, Object> preWork(String participant) {
        Map<String, Object> answers = new HashMap<>();
        answers.put(Variables.TODAY_PREFIX + "CONSIDER", "Customers know our name from advertising, little else");
        answers.put(Variables.WANTED_PREFIX + "CONSIDER", "Known for plain advice before anyone buys");
        answers.put(Variables.TODAY_PREFIX + "BUY", "Opening an account online takes 25 minutes and often stalls");
        answers.put(Variables.WANTED_PREFIX + "BUY", "Open an account in ten minutes on any channel");
        answers.put(Variables.TODAY_PREFIX + "EXPERIENCE", "Each channel answers a complaint in its own way");
        answers.put(Variables.WANTED_PREFIX + "EXPERIENCE", "One answer, wherever the customer asks");
        answers.put(Variables.EVIDENCE_PREFIX + "EXPERIENCE", "Complaint log and NPS survey (" + participant + ")");
        return answers;
    }

    private static Map<String, Object> sourcing() {
        Map<String, Object> form = new HashMap<>();
        for (SourcingElement element : SourcingElement.values()) {
            form.put(Variables.MODE_PREFIX + element, SummitProcess.IN_HOUSE);
            form.put(Variables.REASON_PREFIX + element, "Close to the customer: we keep it ourselves");
        }
        form.put(Variables.MODE_PREFIX + SourcingElement.DATA_ANALYTICS, SummitProcess.PARTNER);
        form.put(Variables.PARTNERS_PREFIX + SourcingElement.DATA_ANALYTICS, "Northwind Analytics");
        form.put(Variables.REASON_PREFIX + SourcingElement.DATA_ANALYTICS, "Specialists we could not hire in time");
        form.put(Variables.MODE_PREFIX + SourcingElement.PRODUCT_INNOVATION, SummitProcess.MIXED);
        form.put(Variables.PARTNERS_PREFIX + SourcingElement.PRODUCT_INNOVATION, "City Fintech Lab");
        form.put(Variables.REASON_PREFIX + SourcingElement.PRODUCT_INNOVATION, "Ideas from outside, products from us");
        return form;
    }

    private static Map<String, Object> foundBoard(List<String> members, List<String> core) {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.OUTCOME, SummitProcess.FOUND_BOARD);
        form.put(Variables.BOARD_MEMBERS, picked(members));
        form.put(Variables.BOARD_CORE, picked(core));
        form.put(Variables.BOARD_CADENCE, "WEEKLY");
        form.put(Variables.BOARD_WEEKDAY, "MONDAY");
        form.put(Variables.BOARD_TIME, FOUNDED_AT);
        form.put(Variables.BOARD_TIME_ZONE, "Europe/Amsterdam");
        form.put(Variables.BOARD_QUORUM, 3);
        return form;
    }

    /** People picked in the Tasklist's picker: a Json list of user ids. */
    private static Object picked(List<String> users) {
        return SpinValues.jsonValue(users.stream().map(user -> "\"" + user + "\"")
                .collect(Collectors.joining(",", "[", "]"))).create();
    }
}
