package com.engagementboard.change;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.board.AgendaItems;
import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.RightKind;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.Groups;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Touchpoint changes: proposed by anyone, routed by the charter, decided, built and confirmed by the owners the
 * charter in force names (or by the board), each step recorded in the change's history.
 */
@Service
public class Changes {

    /** Longest estimate a proposer may give: a trillion, far beyond any change a board sees. */
    static final long MAX_COST = 1_000_000_000_000L;

    private final TouchpointChangeRepository changes;
    private final ChangeEventRepository events;
    private final StandingPermissionRepository permissions;
    private final TouchpointService touchpoints;
    private final FunctionService functions;
    private final CharterReading charter;
    private final AgendaItems agenda;
    private final People people;
    private final RuntimeService runtime;
    private final SystemAccount system;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    Changes(TouchpointChangeRepository changes, ChangeEventRepository events, StandingPermissionRepository permissions,
            TouchpointService touchpoints, FunctionService functions, CharterReading charter, AgendaItems agenda,
            People people, RuntimeService runtime, SystemAccount system, Clock clock,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.changes = changes;
        this.events = events;
        this.permissions = permissions;
        this.touchpoints = touchpoints;
        this.functions = functions;
        this.charter = charter;
        this.agenda = agenda;
        this.people = people;
        this.runtime = runtime;
        this.system = system;
        this.clock = clock;
    }

    // --- proposing -------------------------------------------------------------------------------------------

    /** A change proposed through {@code POST /api/changes}: recorded whole, then its process routes it. */
    @Transactional
    TouchpointChange propose(ChangeRequest request, String proposer) {
        List<FieldProblem> problems = new ArrayList<>();
        Touchpoint touchpoint = touchpoints.exists(request.touchpoint()) ? touchpoints.get(request.touchpoint()) : null;
        if (touchpoint == null) {
            problems.add(new FieldProblem("touchpoint", "there is no touchpoint '" + request.touchpoint() + "'"));
        }
        Set<BusinessFunction> affected = functionsNamed(request.functionsAffected(), "functionsAffected", problems);
        StandingPermission permission = permissionNamed(request.standingPermission(), touchpoint, "standingPermission",
                problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TouchpointChange change = new TouchpointChange(touchpoint, proposer, request.whatChange().strip(),
                request.why().strip(), FormValues.text(request.evidence()), request.urgency(), request.estimatedCost(),
                clock.instant());
        change.details(touchpoint, affected, permission, clock.instant());
        changes.saveAndFlush(change);
        event(change, proposer, "PROPOSED", null);
        VariableMap variables = Variables.createVariables();
        TouchpointChangeProcess.Typed.PROPOSER.set(variables, proposer);
        TouchpointChangeProcess.Typed.CHANGE_ID.set(variables, change.getId());
        TouchpointChangeProcess.Typed.CHANGE_TITLE.set(variables, change.title());
        TouchpointChangeProcess.Typed.DETAILS_GIVEN.set(variables, true);
        system.run(() -> runtime.startProcessInstanceByKey(TouchpointChangeProcess.KEY,
                TouchpointChangeProcess.businessKey(change.getId()), variables));
        return change;
    }

    /** A change from the Tasklist's start form: its words; the proposer names the touchpoint next. */
    @Transactional
    TouchpointChange fromForm(String proposer, String what, String why, String evidence, String urgency, long cost) {
        TouchpointChange change = changes.saveAndFlush(new TouchpointChange(null, proposer, what, why, evidence,
                TouchpointChange.Urgency.valueOf(urgency), cost, clock.instant()));
        event(change, proposer, "PROPOSED", null);
        return change;
    }

    /** The touchpoint, the functions affected and the standing permission the proposer names in the Tasklist. */
    @Transactional
    TouchpointChange details(long id, String touchpointCode, Collection<String> functionCodes, Long permissionId,
            String proposer) {
        TouchpointChange change = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        Touchpoint touchpoint = touchpointCode != null && touchpoints.exists(touchpointCode)
                ? touchpoints.get(touchpointCode) : null;
        if (touchpoint == null) {
            problems.add(new FieldProblem(TouchpointChangeProcess.Variables.TOUCHPOINT,
                    "pick the touchpoint the change is at"));
        }
        Set<BusinessFunction> affected = functionsNamed(functionCodes, TouchpointChangeProcess.Variables
                .FUNCTIONS_AFFECTED, problems);
        StandingPermission permission = permissionNamed(permissionId, touchpoint,
                TouchpointChangeProcess.Variables.STANDING_PERMISSION, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        change.details(touchpoint, affected, permission, clock.instant());
        event(change, proposer, "DETAILED", null);
        return change;
    }

    private Set<BusinessFunction> functionsNamed(Collection<String> codes, String field, List<FieldProblem> problems) {
        Set<BusinessFunction> named = new LinkedHashSet<>();
        if (codes == null) {
            return named;
        }
        Map<String, BusinessFunction> known = functions.byCodes(codes);
        for (String code : codes) {
            BusinessFunction function = known.get(code);
            if (function == null) {
                problems.add(new FieldProblem(field, "there is no function '" + code + "'"));
            } else {
                named.add(function);
            }
        }
        return named;
    }

    private StandingPermission permissionNamed(Long id, Touchpoint touchpoint, String field,
            List<FieldProblem> problems) {
        if (id == null) {
            return null;
        }
        StandingPermission permission = permissions.findById(id).orElse(null);
        if (permission == null || !permission.active()) {
            problems.add(new FieldProblem(field, "there is no standing permission " + id + " in force"));
            return null;
        }
        if (touchpoint != null && !permission.getTouchpoint().getId().equals(touchpoint.getId())) {
            problems.add(new FieldProblem(field, "that standing permission is for "
                    + permission.getTouchpoint().getName() + ", not for " + touchpoint.getName()));
            return null;
        }
        return permission;
    }

    // --- routing -----------------------------------------------------------------------------------------------

    /** What the decision table reads: the facts of the change and of the charter in force. */
    record RoutingFacts(boolean withinStandingPermission, boolean charterCovers, int functionsAffected,
            long estimatedCost, int touchpointPriority) {
    }

    @Transactional(readOnly = true)
    RoutingFacts routingFacts(long id) {
        TouchpointChange change = get(id);
        Map<RightKind, String> owners = charter.owners(change.getTouchpoint().getCode());
        boolean covers = owners.values().stream().allMatch(java.util.Objects::nonNull);
        BusinessFunction operator = function(owners.get(RightKind.OPERATE));
        StandingPermission permission = change.getStandingPermission();
        boolean within = permission != null
                && permission.covers(change.getTouchpoint(), change.getEstimatedCost(), operator);
        return new RoutingFacts(within, covers, change.getFunctionsAffected().size(), change.getEstimatedCost(),
                change.getTouchpoint().getPriority());
    }

    /** Who works on a routed change: the head groups of its owners (the chair's where the charter names none). */
    record Routed(String title, String designGroup, String buildGroup, String operateGroup, boolean gap,
            Instant buildDue) {
    }

    /** The route the table chose, with the charter's owners of the touchpoint now. */
    @Transactional
    Routed route(long id, String route, String reason) {
        TouchpointChange change = get(id);
        Map<RightKind, String> owners = charter.owners(change.getTouchpoint().getCode());
        boolean gap = owners.values().stream().anyMatch(java.util.Objects::isNull);
        change.routed(route, reason == null ? route : reason, function(owners.get(RightKind.DESIGN)),
                function(owners.get(RightKind.BUILD)), function(owners.get(RightKind.OPERATE)), gap, clock.instant());
        Instant due = null;
        if (TouchpointChangeProcess.STANDING.equals(route)) {
            due = dueIn(TouchpointChangeProcess.DEFAULT_BUILD_WEEKS);
            change.dueBy(due);
        }
        event(change, "system", "ROUTED", routeInWords(route) + ": " + change.getRouteReason());
        return new Routed(change.title(), group(change.getDesignFunction()), group(change.getBuildFunction()),
                group(change.getOperateFunction()), gap, due);
    }

    private static String routeInWords(String route) {
        return switch (route) {
            case TouchpointChangeProcess.OWNER -> "to the touchpoint's owners";
            case TouchpointChangeProcess.BOARD -> "to the board";
            default -> "within a standing permission";
        };
    }

    private BusinessFunction function(String code) {
        return code == null ? null : functions.get(code);
    }

    private static String group(BusinessFunction function) {
        return function == null ? Groups.BOARD_CHAIR : function.getHeadGroup();
    }

    /** On the board's next agenda, with its facts; the chair is told of a charter gap. Returns the item's id. */
    @Transactional
    long sendToBoard(long id) {
        TouchpointChange change = get(id);
        String facts = "Proposed by " + people.nameOf(change.getProposer()) + ". Why: " + change.getWhy()
                + (change.getEvidence() == null ? "" : "\nCustomer evidence: " + change.getEvidence())
                + "\nUrgency: " + change.getUrgency().name().toLowerCase(java.util.Locale.ROOT)
                + "; estimated cost " + change.getEstimatedCost() + "; functions affected: "
                + names(change.getFunctionsAffected()) + "\nRouted to the board: " + change.getRouteReason();
        long item = agenda.queueChange(id, "Change at " + change.title(),
                "Approve this change at " + change.getTouchpoint().getName() + ": " + change.getWhatChange(),
                change.getTouchpoint().getCode(), facts, change.getProposer());
        change.onAgenda(item);
        event(change, "system", "TO_BOARD", "agenda item " + item);
        if (change.isCharterGap()) {
            event(change, "system", "GAP_FLAGGED", "the charter in force gives "
                    + change.getTouchpoint().getName() + " no owner for " + missingRights(change));
        }
        return item;
    }

    /** The rights of the change's touchpoint the charter in force leaves without an owner, in words. */
    @Transactional(readOnly = true)
    String missingRights(long id) {
        return missingRights(get(id));
    }

    private String missingRights(TouchpointChange change) {
        List<String> missing = new ArrayList<>();
        charter.owners(change.getTouchpoint().getCode()).forEach((right, owner) -> {
            if (owner == null) {
                missing.add(right.word());
            }
        });
        return missing.isEmpty() ? "no right (the charter was completed since)" : String.join(", ", missing);
    }

    /**
     * The board decided the change's item: approved, it goes to build; rejected, it is closed. The decision is read
     * from the board's register, so a message sent by hand without one changes nothing (409).
     */
    @Transactional
    boolean boardDecided(long id) {
        TouchpointChange change = get(id);
        Boolean approved = change.getAgendaItemId() == null ? null
                : agenda.approved(change.getAgendaItemId()).orElse(null);
        if (approved == null) {
            // An engine-side refusal both engine doors answer with 409 (a message sent by hand through them).
            throw new com.engagementboard.web.IllegalTransitionException("Change " + id, change.getStatus(),
                    "moved on by the board: the board has not decided its agenda item, and it waits for the board's "
                            + "decision", List.of());
        }
        if (approved) {
            Instant due = dueIn(TouchpointChangeProcess.DEFAULT_BUILD_WEEKS);
            change.approved("board", "approved by the board (agenda item " + change.getAgendaItemId() + ")", due,
                    clock.instant());
            event(change, "board", "BOARD_APPROVED", "agenda item " + change.getAgendaItemId());
        } else {
            change.closedByBoard("rejected by the board (agenda item " + change.getAgendaItemId() + ")",
                    clock.instant());
            event(change, "board", "BOARD_CLOSED", "agenda item " + change.getAgendaItemId());
        }
        return approved;
    }

    // --- the owners' steps ---------------------------------------------------------------------------------------

    @Transactional
    Instant approve(long id, String userId, String note, int weeks) {
        TouchpointChange change = get(id);
        Instant due = dueIn(weeks);
        change.approved(userId, note, due, clock.instant());
        event(change, userId, "APPROVED", note);
        return due;
    }

    @Transactional
    void reject(long id, String userId, String reason) {
        TouchpointChange change = get(id);
        change.rejected(userId, reason, clock.instant());
        event(change, userId, "REJECTED", reason);
    }

    @Transactional
    void ask(long id, String userId, String question) {
        TouchpointChange change = get(id);
        change.asked(userId, question, clock.instant());
        event(change, userId, "ASKED", question);
    }

    @Transactional
    void answered(long id, String userId, String answer) {
        TouchpointChange change = get(id);
        change.answered(clock.instant());
        event(change, userId, "ANSWERED", answer);
    }

    /** The proposer left the head's question unanswered for 30 days: the change is withdrawn. */
    @Transactional
    void noAnswer(long id) {
        TouchpointChange change = get(id);
        change.withdrawnUnanswered(clock.instant());
        event(change, "system", "NO_ANSWER", "the question went unanswered for 30 days: the change is withdrawn");
    }

    /** The proposer did not name the touchpoint of a change started without it for 30 days: it is withdrawn. */
    @Transactional
    void neverPlaced(long id) {
        TouchpointChange change = get(id);
        change.withdrawnUnplaced(clock.instant());
        event(change, "system", "NOT_PLACED", "the proposer did not name the touchpoint in 30 days: the change is "
                + "withdrawn");
    }

    @Transactional
    void standing(long id) {
        TouchpointChange change = get(id);
        StandingPermission permission = change.getStandingPermission();
        event(change, "system", "STANDING", permission == null ? null
                : "standing permission " + permission.getId() + " of " + permission.getFunction().getName() + ": "
                        + permission.getScope());
    }

    @Transactional
    void reminded(long id) {
        event(get(id), "system", "REMINDED", "the build is overdue");
    }

    /** Everyone who built the change, each round: who may not confirm it (four eyes). */
    @Transactional(readOnly = true)
    Set<String> builders(long id) {
        return events.findByChangeIdOrderByIdAsc(id).stream().filter(e -> "BUILT".equals(e.getKind()))
                .map(ChangeEvent::getActor).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Transactional
    void built(long id, String userId, String report) {
        TouchpointChange change = get(id);
        change.built(userId, clock.instant());
        event(change, userId, "BUILT", report);
    }

    @Transactional
    void live(long id, String userId, String note) {
        TouchpointChange change = get(id);
        if (builders(id).contains(userId)) {
            throw new ConflictException("Four eyes", "The person who built a change does not confirm it.");
        }
        change.live(userId, clock.instant());
        event(change, userId, "LIVE", note);
    }

    @Transactional
    Instant sendBack(long id, String userId, String note) {
        TouchpointChange change = get(id);
        Instant due = dueIn(1);
        change.sentBack(due, clock.instant());
        event(change, userId, "SENT_BACK", note);
        return due;
    }

    private Instant dueIn(int weeks) {
        return clock.instant().plus(Duration.ofDays(7L * weeks));
    }

    private void event(TouchpointChange change, String actor, String kind, String note) {
        events.save(new ChangeEvent(change.getId(), clock.instant(), actor, kind, note));
    }

    @Transactional(readOnly = true)
    boolean exists(long id) {
        return changes.existsById(id);
    }

    TouchpointChange get(long id) {
        return changes.findById(id).orElseThrow(() -> new NotFoundException("change", String.valueOf(id)));
    }

    // --- what forms show -------------------------------------------------------------------------------------------

    /**
     * The change as its tasks show it, in markdown: the proposal, the route and the owners, the standing
     * permission that applies, the last questions and answers, and earlier changes at the touchpoint. People's
     * words are escaped; bounded to fit a text variable.
     */
    @Transactional(readOnly = true)
    String summary(long id) {
        TouchpointChange change = get(id);
        StringBuilder text = new StringBuilder();
        text.append("**Proposed by:** ").append(escape(people.nameOf(change.getProposer())))
                .append("  \n**Urgency:** ").append(change.getUrgency().name().toLowerCase(java.util.Locale.ROOT))
                .append("; **estimated cost:** ").append(change.getEstimatedCost())
                .append("  \n**Functions affected:** ").append(escape(names(change.getFunctionsAffected())))
                .append("\n\n**What should change:** ").append(escape(change.getWhatChange()))
                .append("\n\n**Why:** ").append(escape(change.getWhy()));
        if (change.getEvidence() != null) {
            text.append("\n\n**Customer evidence:** ").append(escape(change.getEvidence()));
        }
        if (change.getRoute() != null) {
            text.append("\n\n**Routed ").append(routeInWords(change.getRoute())).append(":** ")
                    .append(escape(change.getRouteReason()))
                    .append("  \n**Owners:** design ").append(name(change.getDesignFunction()))
                    .append(", build ").append(name(change.getBuildFunction()))
                    .append(", operate ").append(name(change.getOperateFunction()));
        }
        if (change.getStandingPermission() != null) {
            text.append("\n\n**Standing permission:** ").append(escape(change.getStandingPermission().label()));
        }
        List<String> said = events.findByChangeIdOrderByIdAsc(id).stream()
                .filter(e -> e.getNote() != null && List.of("ASKED", "ANSWERED", "BUILT", "SENT_BACK")
                        .contains(e.getKind()))
                .map(e -> "- " + escape(people.nameOf(e.getActor())) + " (" + e.getKind().toLowerCase(
                        java.util.Locale.ROOT).replace('_', ' ') + "): " + escape(oneLine(e.getNote())))
                .toList();
        if (!said.isEmpty()) {
            text.append("\n\n**So far:**\n").append(String.join("\n", said));
        }
        if (change.getTouchpoint() != null) {
            List<String> earlier = changes.findTop10ByTouchpointCodeOrderByIdDesc(change.getTouchpoint().getCode())
                    .stream().filter(c -> !c.getId().equals(change.getId()))
                    .map(c -> "- " + escape(oneLine(c.getWhatChange())) + " (" + c.getStatus().name()
                            .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
                    .toList();
            if (!earlier.isEmpty()) {
                text.append("\n\n**Earlier changes at ").append(escape(change.getTouchpoint().getName()))
                        .append(":**\n").append(String.join("\n", earlier));
            }
        }
        return BoundedText.text(text.toString(), BoundedText.DEFAULT_BUDGET,
                "_... the whole change is on its page_");
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String name(BusinessFunction function) {
        return function == null ? "_nobody (a charter gap)_" : escape(function.getName());
    }

    private static String names(Collection<BusinessFunction> functions) {
        return functions.isEmpty() ? "none named"
                : String.join(", ", functions.stream().map(BusinessFunction::getName).toList());
    }

    /** Every touchpoint as a choice, by name. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> touchpointOptions() {
        return touchpoints.find(null, null, null).stream()
                .map(t -> FormValues.option(t.getCode(), t.getName())).toList();
    }

    /** Every function as a choice, by name. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> functionOptions() {
        return functions.all().stream().map(f -> FormValues.option(f.getCode(), f.getName())).toList();
    }

    /**
     * Every standing permission in force as a choice: its touchpoint, what it allows and up to what cost. Left
     * empty, the change lies within none.
     */
    @Transactional(readOnly = true)
    List<Map<String, Object>> permissionOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        permissions.findActive().forEach(p -> options.add(FormValues.option(String.valueOf(p.getId()), p.label())));
        return options;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** Which changes a list shows: each filter when given. */
    record Filter(String proposer, String touchpoint, TouchpointChange.Status status, Collection<String> functions) {
    }

    @Transactional(readOnly = true)
    PageView<ChangeViews.ChangeView> find(Filter filter, Paging paging) {
        boolean anyFunction = filter.functions() == null;
        Collection<String> codes = anyFunction || filter.functions().isEmpty() ? List.of("") : filter.functions();
        return PageView.of(changes.find(filter.proposer(), filter.touchpoint(), filter.status(), anyFunction, codes,
                paging.in(Sort.unsorted())), c -> ChangeViews.ChangeView.of(c, List.of(), people));
    }

    @Transactional(readOnly = true)
    ChangeViews.ChangeView view(long id) {
        return ChangeViews.ChangeView.of(get(id), events.findByChangeIdOrderByIdAsc(id).stream()
                .map(e -> ChangeViews.EventView.of(e, people)).toList(), people);
    }

    // --- standing permissions ----------------------------------------------------------------------------------

    /**
     * The head of a touchpoint's OPERATE owner records what front-line teams may change there without asking, up
     * to a cost limit. Anyone else: 403; a touchpoint the charter gives no operating owner: 409.
     */
    @Transactional
    StandingPermission grant(String touchpointCode, String scope, long costLimit, String userId,
            Collection<String> groups) {
        Touchpoint touchpoint = touchpoints.get(touchpointCode);
        BusinessFunction operator = function(charter.owners(touchpointCode).get(RightKind.OPERATE));
        if (operator == null) {
            throw new ConflictException("No operating owner", "The charter in force gives " + touchpoint.getName()
                    + " no OPERATE owner: nobody may grant standing permissions there yet.");
        }
        if (!groups.contains(operator.getHeadGroup())) {
            throw new AccessDeniedException("Only the head of " + operator.getName() + " grants standing permissions");
        }
        publisher.publishEvent(ProposalForm.PERMISSIONS_CHANGED);
        return permissions.saveAndFlush(new StandingPermission(touchpoint, operator, scope.strip(), costLimit, userId,
                clock.instant()));
    }

    @Transactional
    StandingPermission revoke(long id, String userId, Collection<String> groups) {
        StandingPermission permission = permissions.findById(id)
                .orElseThrow(() -> new NotFoundException("standing permission", String.valueOf(id)));
        if (!groups.contains(permission.getFunction().getHeadGroup())) {
            throw new AccessDeniedException("Only the head of " + permission.getFunction().getName()
                    + " revokes its standing permissions");
        }
        permission.revoke(userId, clock.instant());
        publisher.publishEvent(ProposalForm.PERMISSIONS_CHANGED);
        return permission;
    }

    @Transactional(readOnly = true)
    List<StandingPermission> permissionsAt(String touchpointCode) {
        touchpoints.get(touchpointCode);
        return permissions.findByTouchpointCodeAndRevokedAtIsNullOrderById(touchpointCode);
    }
}
