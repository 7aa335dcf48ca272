package com.engagementboard.summit;

import com.engagementboard.board.AgendaItems;
import com.engagementboard.board.BoardSetupRequest;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.RightKind;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The summit: invitations, pre-work, the three sessions and what it founds. */
@Service
class Summits {

    private final SummitRepository summits;
    private final People people;
    private final FunctionService functions;
    private final TouchpointService touchpoints;
    private final CharterReading charter;
    private final CharterDrafts drafts;
    private final BoardSetupService board;
    private final AgendaItems agenda;
    private final RuntimeService runtime;
    private final SystemAccount system;
    private final Clock clock;
    private final java.time.format.DateTimeFormatter when;

    Summits(SummitRepository summits, People people, FunctionService functions, TouchpointService touchpoints,
            CharterReading charter, CharterDrafts drafts, BoardSetupService board, AgendaItems agenda,
            RuntimeService runtime, SystemAccount system, Clock clock) {
        this.system = system;
        this.clock = clock;
        this.when = SummitTexts.WHEN.withZone(clock.getZone());
        this.summits = summits;
        this.people = people;
        this.functions = functions;
        this.touchpoints = touchpoints;
        this.charter = charter;
        this.drafts = drafts;
        this.board = board;
        this.agenda = agenda;
        this.runtime = runtime;
    }

    private Instant now() {
        return clock.instant();
    }

    /** The chair convenes: unknown participants are refused; the summit's process starts with the pre-work. */
    @Transactional
    Summit convene(SummitRequest request, String chair) {
        List<String> invited = List.copyOf(new LinkedHashSet<>(request.participants()));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < invited.size(); i++) {
            if (!people.userExists(invited.get(i))) {
                problems.add(new FieldProblem("participants[" + i + "]", "there is no user '" + invited.get(i) + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Summit summit = summits.saveAndFlush(new Summit(request.title(), request.at(), chair, invited, now()));
        VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
        SummitProcess.Typed.SUMMIT_ID.set(variables, summit.getId());
        SummitProcess.Typed.SUMMIT_TITLE.set(variables, summit.getTitle());
        SummitProcess.Typed.PARTICIPANTS.set(variables, invited);
        SummitProcess.Typed.PRE_WORK_PARTICIPANTS.set(variables, invited);
        SummitProcess.Typed.PRE_WORK_DUE.set(variables, preWorkDue(request.at()));
        SummitProcess.Typed.SUMMIT_ENDS.set(variables, summitEnds(request.at()));
        // The chair starts from the last summit's vision, if there was one.
        SummitProcess.Typed.VISION.set(variables, previousVision());
        system.run(() -> runtime.startProcessInstanceByKey(SummitProcess.KEY, SummitProcess.businessKey(summit.getId()),
                variables));
        return summit;
    }

    /** Pre-work is due the day before the summit meets (or when it meets, if that day has passed). */
    Date preWorkDue(Instant at) {
        Instant due = at.minus(Duration.ofDays(1));
        return Date.from(due.isAfter(now()) ? due : at);
    }

    /** The end of the summit's day: the chair's steps in the summit are due then. */
    static Date summitEnds(Instant at) {
        return Date.from(at.plus(Duration.ofDays(1)));
    }

    /**
     * The chair cancels the summit, with her reason: every open task of it ends and each participant is
     * told why. Refused (409) once it has closed, or if it was cancelled already.
     */
    @Transactional
    Summit cancel(long id, String reason, String userId) {
        String why = InvalidInputException.requireReason("reason", reason, Summit.MAX_REASON,
                "say why the summit is cancelled: the participants are told");
        Summit summit = get(id);
        summit.cancel(now(), userId, why);
        summits.saveAndFlush(summit);
        correlate(SummitProcess.Messages.CANCELLED, id);
        return summit;
    }

    /**
     * The chair moves the summit to a later date before it opens, with her reason: the pre-work given so far
     * is kept, the others are asked again by the new date, and each participant is told. Refused (409) once
     * the summit has opened; the new date must lie ahead (400).
     */
    @Transactional
    Summit postpone(long id, Instant newAt, String reason, String userId) {
        String why = InvalidInputException.requireReason("reason", reason, Summit.MAX_REASON,
                "say why the summit is postponed: the participants are told");
        if (newAt == null || !newAt.isAfter(now())) {
            throw new InvalidInputException(List.of(new FieldProblem("at",
                    "give the new date and time of the summit, later than now")));
        }
        Summit summit = get(id);
        if (summit.getStatus() == Summit.Status.CONVENED && !newAt.isAfter(summit.getAt())) {
            throw new InvalidInputException(List.of(new FieldProblem("at",
                    "postponing moves the summit later than it meets now: give a date after that")));
        }
        summit.postpone(newAt, now(), userId, why);
        summits.saveAndFlush(summit);
        correlate(SummitProcess.Messages.POSTPONED, id);
        return summit;
    }

    /**
     * Tells the summit's instance; refused (409, and nothing written) if no instance waits for the message, such
     * as one started from an earlier version of the process that the start-up migration could not move.
     */
    private void correlate(String message, long summitId) {
        boolean received = system.call(() -> !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(SummitProcess.businessKey(summitId)).correlateAllWithResult().isEmpty());
        if (!received) {
            throw new ConflictException("The summit's process cannot take this", "No process of summit " + summitId
                    + " waits for this: its process was ended or deleted, or runs an earlier version the start-up "
                    + "migration did not move (a WARN line names why); nothing was changed.");
        }
    }

    /**
     * The check the postponement makes first: a {@code SummitPostponed} message for a summit the chair has not
     * postponed (one sent through the engine's API, or a second time) is refused, and moves nothing.
     */
    @Transactional(readOnly = true)
    void requirePostponed(long summitId) {
        get(summitId).requirePostponementPending();
    }

    /** The process moved the summit to its new date: its postponement is carried out (and cannot be replayed). */
    @Transactional
    Summit postponementCarriedOut(long summitId) {
        Summit summit = get(summitId);
        summit.postponementCarriedOut();
        return summit;
    }

    /** The participants whose pre-work is not in yet: asked again after a postponement. */
    @Transactional(readOnly = true)
    List<String> preWorkOutstanding(long summitId) {
        return get(summitId).getParticipants().stream().filter(p -> !p.preWorkIn()).map(SummitParticipant::userId).toList();
    }

    /** The endorsement round closed: those who gave no answer are recorded as such. */
    @Transactional
    void closeEndorsement(long summitId) {
        get(summitId).closeEndorsement();
    }

    /**
     * The check the cancellation's event subprocess makes first: a {@code SummitCancelled} message for a summit
     * the record does not say is cancelled (one sent through the engine's API) is refused, and ends nothing.
     */
    @Transactional(readOnly = true)
    void requireCancelled(long summitId) {
        get(summitId).requireCancelled();
    }

    /**
     * The summit was not brought to its close within {@code days} after its day: it lapses, with that reason.
     * One that closed or was cancelled already does not; whether it lapsed.
     */
    @Transactional
    boolean lapse(long summitId, int days) {
        Summit summit = get(summitId);
        if (!summit.getStatus().canMoveTo(Summit.Status.CANCELLED)) {
            return false;
        }
        summit.lapse(now(), "It was neither closed nor cancelled within " + days + " days after its day ("
                + when.format(summit.getAt()) + "), so it lapsed");
        return true;
    }

    /** Who is told that a summit lapsed: every participant and the chair. */
    @Transactional(readOnly = true)
    List<String> lapseNotified(long summitId) {
        Summit summit = get(summitId);
        Set<String> told = new LinkedHashSet<>();
        told.add(summit.getChair());
        summit.getParticipants().forEach(p -> told.add(p.userId()));
        return new ArrayList<>(told);
    }

    /** The summit, if it is in the record (its lists loaded), for what reads it in a form. */
    @Transactional(readOnly = true)
    Optional<Summit> find(long id) {
        return summits.findById(id).map(summit -> {
            summit.getParticipants().forEach(p -> p.assessments().size());
            summit.getPlan().size();
            return summit;
        });
    }

    @Transactional(readOnly = true)
    Summit get(long id) {
        Summit summit = summits.findById(id).orElseThrow(() -> new NotFoundException("summit", "" + id));
        summit.getParticipants().forEach(p -> p.assessments().size());
        summit.getPlan().size();
        summit.getSourcing().size();
        return summit;
    }

    /** Divisions and functions with nobody invited: the invitation list must reach across the organisation. */
    @Transactional(readOnly = true)
    List<String> coverageWarnings(Summit summit) {
        Set<String> invited = summit.getParticipants().stream().map(SummitParticipant::userId).collect(Collectors.toSet());
        List<BusinessFunction> all = functions.all();
        List<String> warnings = new ArrayList<>();
        List<String[]> uncovered = new ArrayList<>();
        for (BusinessFunction function : all) {
            List<String> heads = people.membersOf(function.getHeadGroup());
            if (heads.stream().noneMatch(invited::contains)) {
                uncovered.add(new String[] {"Function " + function.getName(), function.getHeadUserId()});
            }
        }
        functions.divisions().forEach(division -> {
            boolean covered = invited.contains(division.getHeadUserId()) || all.stream()
                    .filter(f -> f.getDivision() != null && f.getDivision().getCode().equals(division.getCode()))
                    .anyMatch(f -> invited.contains(f.getHeadUserId()));
            if (!covered) {
                uncovered.add(new String[] {"Division " + division.getName(), division.getHeadUserId()});
            }
        });
        // The heads by name, in one query.
        Map<String, String> names = people.namesOf(uncovered.stream().map(u -> u[1]).filter(Objects::nonNull).toList());
        uncovered.forEach(u -> warnings.add(u[0] + ": nobody invited (its head is "
                + (u[1] == null ? "not named" : names.get(u[1])) + ")"));
        return warnings;
    }

    @Transactional
    void recordAssessment(long summitId, String userId, Map<String, Object> answers) {
        Summit summit = get(summitId);
        List<SummitParticipant.Assessment> assessments = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            String today = FormValues.text(answers.get(SummitProcess.Variables.TODAY_PREFIX + stage));
            String wanted = FormValues.text(answers.get(SummitProcess.Variables.WANTED_PREFIX + stage));
            String evidence = FormValues.text(answers.get(SummitProcess.Variables.EVIDENCE_PREFIX + stage));
            if (today != null || wanted != null || evidence != null) {
                assessments.add(new SummitParticipant.Assessment(stage.name(), today, wanted, evidence));
            }
        }
        summit.preWork(userId, assessments, now());
    }

    @Transactional
    void open(long summitId) {
        get(summitId).open(now());
    }

    @Transactional
    void vision(long summitId, String text) {
        get(summitId).vision(text);
    }

    @Transactional
    void endorse(long summitId, String userId, String endorsement, String objection) {
        get(summitId).endorse(userId, endorsement, SummitProcess.OBJECT.equals(endorsement) ? objection : null);
    }

    @Transactional(readOnly = true)
    List<SummitParticipant> objections(long summitId) {
        return get(summitId).getParticipants().stream().filter(p -> SummitProcess.OBJECT.equals(p.endorsement()))
                .toList();
    }

    @Transactional
    void recordDissent(long summitId) {
        Summit summit = get(summitId);
        summit.dissent(objections(summitId).stream().map(p -> people.nameOf(p.userId()) + ": " + p.objection())
                .collect(Collectors.joining("\n")));
    }

    /** The last closed summit's vision, to start from. */
    @Transactional(readOnly = true)
    String previousVision() {
        return summits.findFirstByStatusOrderByClosedAtDesc(Summit.Status.CLOSED).map(Summit::getVision).orElse(null);
    }

    @Transactional
    void plan(long summitId, List<SummitPlans.PlanLine> lines) {
        get(summitId).plan(lines.stream().map(l -> new Summit.PlanActivity(l.touchpoint(), l.activity(),
                String.join(" ", l.functions()), l.dependsOn(), l.owners().get(RightKind.DESIGN),
                l.owners().get(RightKind.BUILD), l.owners().get(RightKind.OPERATE), l.owners().get(RightKind.RENEW)))
                .toList());
    }

    /** A touchpoint several functions work on while no charter says who owns it: by names. */
    record Silo(String touchpoint, List<String> functions) {
    }

    /**
     * The silos of the summit's plan: touchpoints several functions work on while no charter covers them, the
     * functions by name as the chair knows them (their codes where a function is no longer known).
     */
    @Transactional(readOnly = true)
    List<Silo> silos(Summit summit) {
        Map<String, Set<String>> involved = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Summit.PlanActivity activity : summit.getPlan()) {
            involved.computeIfAbsent(activity.touchpoint.getCode(), k -> new TreeSet<>())
                    .addAll(Arrays.stream(activity.functions.split("\\s+")).filter(s -> !s.isEmpty()).toList());
            names.put(activity.touchpoint.getCode(), activity.touchpoint.getName());
        }
        Map<String, BusinessFunction> known = functions.byCodes(involved.values().stream().flatMap(Set::stream)
                .collect(Collectors.toSet()));
        Set<String> covered = charter.covered(involved.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList());
        return involved.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && !covered.contains(e.getKey()))
                .map(e -> new Silo(names.get(e.getKey()), e.getValue().stream()
                        .map(code -> known.containsKey(code) ? known.get(code).getName() : code).toList()))
                .toList();
    }

    /** The summit finds its silos once its plan is in, and records them for its report. */
    @Transactional
    void findSilos(long summitId) {
        Summit summit = get(summitId);
        String silos = silos(summit).stream().map(s -> "- **" + s.touchpoint() + "**: " + String.join(", ",
                s.functions()) + " work on it and no charter says who owns it").collect(Collectors.joining("\n"));
        summit.silos(silos.isEmpty() ? null : silos);
    }

    @Transactional
    void sourcing(long summitId, List<Summit.Sourcing> decisions) {
        get(summitId).sourcing(decisions);
    }

    @Transactional
    void foundBoard(long summitId, BoardSetupRequest request) {
        get(summitId).outcome(SummitProcess.FOUND_BOARD, null);
        board.update(request);
    }

    @Transactional
    void nameExistingBody(long summitId, String name) {
        get(summitId).outcome(SummitProcess.NAME_EXISTING_BODY, name);
    }

    /** The first charter draft: the plan's touchpoints with the owners it suggests (gaps left for the chair). */
    @Transactional
    void seedCharterDraft(long summitId) {
        Summit summit = get(summitId);
        summit.requireInSession("the source of a charter draft");
        List<AllocationLine> lines = new ArrayList<>();
        Set<String> scope = new LinkedHashSet<>();
        for (Summit.PlanActivity a : summit.getPlan()) {
            scope.add(a.touchpoint.getCode());
            for (RightKind right : RightKind.values()) {
                String owner = switch (right) {
                    case DESIGN -> a.design;
                    case BUILD -> a.build;
                    case OPERATE -> a.operate;
                    case RENEW -> a.renew;
                };
                if (owner != null) {
                    lines.add(new AllocationLine(a.touchpoint.getCode(), right.name(), owner));
                }
            }
        }
        long id = drafts.create(new DraftRequest("First charter draft from " + summit.getTitle(), List.copyOf(scope),
                lines), false, summit.getChair(), i -> "plan line " + (i + 1)).getId();
        summit.charterDraft(id);
    }

    /** The plan's activities become items of the board's first meeting, with the summit's facts. */
    @Transactional
    void seedBoardAgenda(long summitId) {
        Summit summit = get(summitId);
        summit.requireInSession("the source of agenda items");
        for (Summit.PlanActivity a : summit.getPlan()) {
            // In names, as the board reads its agenda: functions, the touchpoint depended on, who gave the evidence.
            Map<String, BusinessFunction> known = functions.byCodes(Arrays.stream(a.functions.split("[\\s,]+"))
                    .filter(code -> !code.isEmpty()).collect(Collectors.toSet()));
            String involved = Arrays.stream(a.functions.split("[\\s,]+")).filter(code -> !code.isEmpty())
                    .map(code -> known.containsKey(code) ? known.get(code).getName() : code)
                    .collect(Collectors.joining(", "));
            String dependsOn = a.dependsOn == null || a.dependsOn.isBlank() ? null
                    : touchpoints.exists(a.dependsOn) ? touchpoints.get(a.dependsOn).getName() : a.dependsOn;
            String facts = "From the summit " + summit.getTitle() + ": touchpoint priority " + a.touchpoint.getPriority()
                    + " of 5; functions involved: " + involved
                    + (dependsOn == null ? "" : "; depends on: " + dependsOn)
                    + summit.getParticipants().stream().flatMap(p -> p.assessments().stream()
                            .filter(s -> s.stage.equals(a.touchpoint.getJourneyStage().name()) && s.evidence != null)
                            .map(s -> "; evidence (" + people.nameOf(p.userId()) + "): " + s.evidence))
                            .collect(Collectors.joining());
            agenda.queue(a.touchpoint.getName() + ": " + a.activity, "Adopt the summit's plan for " + a.touchpoint.getName()
                    + ": " + a.activity, List.of(a.touchpoint.getCode()), facts.length() > 4000 ? facts.substring(0, 3997)
                            + "..." : facts, summit.getChair());
        }
    }

    @Transactional
    void close(long summitId) {
        get(summitId).close(now());
    }

    @Transactional(readOnly = true)
    List<Summit> all() {
        return summits.findAllByOrderByAtDesc();
    }

    @Transactional(readOnly = true)
    Optional<Summit> previous(Summit summit) {
        return summits.findFirstByStatusAndIdNotOrderByClosedAtDesc(Summit.Status.CLOSED, summit.getId())
                .filter(p -> summit.getClosedAt() == null || p.getClosedAt().isBefore(summit.getClosedAt()));
    }

    /** The sourcing register: the five elements as the last summit that decided them decided. */
    @Transactional(readOnly = true)
    Optional<Summit> lastWithSourcing() {
        // A cancelled summit founds nothing: its sourcing decisions never become the register.
        return summits.findAllByOrderByAtDesc().stream().filter(s -> s.getStatus() != Summit.Status.CANCELLED)
                .filter(s -> !s.getSourcing().isEmpty()).findFirst();
    }

}
