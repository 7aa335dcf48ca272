package com.engagementboard.charter;

import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftPatch;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.Paging;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chair's drafts of the charter: made from JSON or CSV, from scratch or as an amendment of the
 * effective version, checked for gaps and conflicts, and submitted for acceptance. Every refusal
 * happens before anything is written.
 */
@Service
public class CharterDrafts {

    private static final int MAX_REPORTED_PROBLEMS = 50;

    private final CharterRepository charters;
    private final TouchpointService touchpoints;
    private final FunctionService functions;
    private final CharterProcessStarter processes;
    private final EntityManager entities;
    private final Clock clock;

    CharterDrafts(CharterRepository charters, TouchpointService touchpoints, FunctionService functions,
            CharterProcessStarter processes, EntityManager entities, Clock clock) {
        this.clock = clock;
        this.charters = charters;
        this.touchpoints = touchpoints;
        this.functions = functions;
        this.processes = processes;
        this.entities = entities;
    }

    /** A resolved allocation line. */
    record Resolved(Touchpoint touchpoint, RightKind right, BusinessFunction function) {
    }

    /**
     * A new draft. When a version is in force, the draft starts from it: every right the draft does
     * not state is carried over, accepted already, so a draft about a few touchpoints never strips the
     * others of their owners. {@code amend} only insists that there be a version in force.
     */
    @Transactional
    public CharterVersion create(DraftRequest request, boolean amend, String userId, IntFunction<String> where) {
        List<Touchpoint> scope = scope(request.touchpoints());
        List<Resolved> lines = resolve(request.allocations(), where, false);
        if (amend && effective().isEmpty()) {
            throw new ConflictException("No effective charter",
                    "There is no effective charter to amend; create a draft without ?amend=true.");
        }
        CharterVersion draft = new CharterVersion(request.title(), userId, now(), null);
        compose(draft, scope, lines);
        return charters.save(draft);
    }

    @Transactional(readOnly = true)
    public CharterVersion get(long id) {
        CharterVersion draft = charters.findById(id).orElseThrow(() -> new NotFoundException("charter draft", "" + id));
        draft.getAllocations().size();
        draft.getScope().size();
        draft.getDropped().size();
        return draft;
    }

    /** The draft as the chair sees it: its allocations with how each was settled, its gaps, conflicts and warnings. */
    @Transactional(readOnly = true)
    CharterViews.DraftView view(long id, Paging paging) {
        CharterVersion draft = get(id);
        return CharterViews.DraftView.of(draft, CharterChecks.of(draft, touchpoints.find(null, null, null)), paging);
    }

    /** The draft's gaps (blocking ones first), conflicts and warnings, whole. */
    @Transactional(readOnly = true)
    CharterChecks checks(long id) {
        return CharterChecks.of(get(id), touchpoints.find(null, null, null));
    }

    /** Replaces what the draft states; what it does not state comes from the version in force, as on creation. */
    @Transactional
    public CharterVersion replace(long id, DraftRequest request, IntFunction<String> where) {
        CharterVersion draft = editable(id);
        List<Touchpoint> scope = scope(request.touchpoints());
        List<Resolved> lines = resolve(request.allocations(), where, false);
        draft.retitle(request.title());
        draft.clearContent();
        charters.flush();
        compose(draft, scope, lines);
        return charters.saveAndFlush(draft);
    }

    @Transactional
    public CharterVersion patch(long id, DraftPatch patch, IntFunction<String> where) {
        CharterVersion draft = editable(id);
        List<Touchpoint> scope = scope(patch.touchpoints());
        List<Resolved> lines = patch.allocations() == null ? List.of() : resolve(patch.allocations(), where, true);
        if (patch.title() != null) {
            if (patch.title().isBlank()) {
                throw new InvalidInputException("title", "must not be blank");
            }
            draft.retitle(patch.title());
        }
        draft.getScope().addAll(scope);
        apply(draft, lines);
        return charters.saveAndFlush(draft);
    }

    @Transactional
    public void delete(long id) {
        charters.delete(editable(id));
    }

    /**
     * The chair withdraws a version in acceptance, with her reason: it is WITHDRAWN, never takes force, and its
     * process ends every open task and tells the heads. Refused (409) once it is effective, and for a draft
     * (a draft is discarded instead).
     */
    @Transactional
    public CharterVersion withdraw(long id, String reason, String userId) {
        String why = InvalidInputException.requireReason("reason", reason, CharterVersion.MAX_WITHDRAWAL_REASON,
                "say why the version is withdrawn: the heads are told");
        CharterVersion version = charters.findById(id)
                .orElseThrow(() -> new NotFoundException("charter version", String.valueOf(id)));
        version.withdraw(now(), userId, why);
        charters.saveAndFlush(version);
        processes.withdrawn(id);
        return version;
    }

    /**
     * Sends the draft out for acceptance: refused while another version is in acceptance (one at a time),
     * while it has gaps or conflicts, or when it changes nothing in the version in force. A draft begun
     * under an older version (or none) is first based on the version in force now.
     */
    @Transactional
    public CharterVersion submit(long id) {
        CharterVersion draft = editable(id);
        charters.findFirstByStatus(CharterStatus.IN_ACCEPTANCE).ifPresent(other -> {
            throw anotherInAcceptance(other, clock.getZone());
        });
        java.util.Optional<CharterVersion> inForce = effective();
        inForce.filter(draft::basedOnOtherThan).ifPresent(draft::carryOver);
        CharterChecks checks = CharterChecks.of(draft, touchpoints.find(null, null, null));
        if (draft.getAllocations().isEmpty()) {
            throw new ConflictException("Empty draft", "The draft allocates no rights; add allocations first.");
        }
        if (checks.blocksSubmission()) {
            List<CharterChecks.Gap> gaps = checks.blockingGaps();
            // The first of each (a draft can have thousands), with the counts; the whole lists are paged.
            throw new ConflictException("Gaps or conflicts",
                    "The draft has " + gaps.size() + " gap(s) and " + checks.conflicts().size()
                            + " conflict(s): give every right of every touchpoint in scope to exactly one function.")
                    .with("gaps", CharterChecks.listed(gaps)).with("conflicts", CharterChecks.listed(checks.conflicts()))
                    .with("counts", checks.counts());
        }
        if (inForce.isPresent() && !changes(draft, inForce.get())) {
            throw new ConflictException("Nothing to change",
                    "The draft changes nothing in version " + inForce.get().getNumber() + ".");
        }
        draft.submit(now());
        try {
            charters.saveAndFlush(draft);
        } catch (DataIntegrityViolationException race) {
            // Another submission took the one acceptance slot between the check above and this write.
            if (!CharterVersion.holdsAcceptanceSlot(race)) {
                throw race;
            }
            throw submittedMeanwhile();
        }
        // Written; the process's steps read what they need. Left in the persistence context, the draft's
        // and the version in force's thousands of rights were dirty-checked before each step's query
        // (60 heads, two queries each): most of a large charter's submission. The audit lines stay queued.
        entities.clear();
        processes.start(draft.getId());
        return draft;
    }

    /**
     * Why a draft is not submitted while another version is in acceptance, in words the chair can act on:
     * which version, since when (a day in {@code zone}, the company's), and that she can withdraw it or wait until
     * it takes force.
     */
    static ConflictException anotherInAcceptance(CharterVersion other, ZoneId zone) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH).withZone(zone);
        String withdraw = CharterPageController.withdrawPage(other.getId());
        return new ConflictException("Another version is in acceptance", "Charter version " + other.getId()
                + ", \"" + other.getTitle() + "\", is in acceptance"
                + (other.getSubmittedAt() == null ? "" : " since " + day.format(other.getSubmittedAt()))
                + "; only one version goes out for acceptance at a time. Wait until it takes force, or withdraw it "
                + "with a reason (the page " + withdraw + ", or POST /api/charter/drafts/" + other.getId()
                + "/withdraw); then submit this draft again. Nothing was changed.")
                .with("inAcceptance", other.getId()).with("withdraw", withdraw);
    }

    /** The same refusal when another submission won a race for the acceptance slot. */
    static ConflictException submittedMeanwhile() {
        return new ConflictException("Another version is in acceptance", "Another charter version was submitted "
                + "for acceptance at the same moment; only one version goes out for acceptance at a time. Wait "
                + "until it takes force, or withdraw it with a reason; then submit this draft again. Nothing was "
                + "changed.");
    }

    /** Whether the draft states a right of its own or takes one away from the version in force. */
    private static boolean changes(CharterVersion draft, CharterVersion inForce) {
        if (draft.getAllocations().stream().anyMatch(a -> !a.isCarriedOver())) {
            return true;
        }
        Set<Allocation.RightKey> stated = draft.statedRights();
        return inForce.getAllocations().stream().anyMatch(held -> !stated.contains(held.rightKey()));
    }

    /** A draft's content: what the version in force holds, then the draft's own lines over it. */
    private void compose(CharterVersion draft, List<Touchpoint> scope, List<Resolved> lines) {
        apply(draft, lines);
        draft.getScope().addAll(scope);
        effective().ifPresent(draft::carryOver);
    }

    private CharterVersion editable(long id) {
        CharterVersion draft = get(id);
        if (!draft.isDraft()) {
            throw new ConflictException("Not a draft any more", "Charter version " + id + " is "
                    + draft.getStatus() + "; only drafts can be changed, submitted or discarded.");
        }
        return draft;
    }

    private java.util.Optional<CharterVersion> effective() {
        return charters.findFirstByStatus(CharterStatus.EFFECTIVE);
    }

    /**
     * Each resolved line replaces the allocations of its touchpoint and right, carried over or not; a
     * line without a function drops the right (it is then not carried over from the version in force).
     * Several lines for one right give it to several functions: a conflict the draft shows.
     */
    private static void apply(CharterVersion draft, List<Resolved> lines) {
        // Keys and one pass over the allocations, not a scan per line: a CSV draft has thousands of lines.
        Set<Allocation.RightKey> replaced = new HashSet<>();
        List<Resolved> stating = new ArrayList<>();
        for (Resolved line : lines) {
            if (line.function() == null) {
                draft.drop(line.touchpoint(), line.right());
                continue;
            }
            if (replaced.add(Allocation.RightKey.of(line.touchpoint(), line.right()))) {
                draft.undrop(line.touchpoint(), line.right());
            }
            stating.add(line);
        }
        draft.getAllocations().removeIf(a -> replaced.contains(a.rightKey()));
        Set<Allocation.Holding> held = draft.getAllocations().stream().map(Allocation::holding)
                .collect(Collectors.toCollection(HashSet::new));
        for (Resolved line : stating) {
            Allocation allocation = new Allocation(draft, line.touchpoint(), line.right(), line.function());
            if (held.add(allocation.holding())) {
                draft.getAllocations().add(allocation);
            }
        }
    }

    private List<Touchpoint> scope(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Map<String, Touchpoint> known = touchpoints.byCodes(codes);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.containsKey(codes.get(i))) {
                problems.add(new FieldProblem("touchpoints[" + i + "]", "there is no touchpoint '" + codes.get(i) + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return codes.stream().map(known::get).distinct().toList();
    }

    /** Resolves codes to touchpoints and functions, naming every line that is wrong. */
    List<Resolved> resolve(List<AllocationLine> lines, IntFunction<String> where, boolean functionOptional) {
        Map<String, Touchpoint> knownTouchpoints = touchpoints.byCodes(
                lines.stream().map(AllocationLine::touchpoint).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, BusinessFunction> knownFunctions = functions.byCodes(
                lines.stream().map(AllocationLine::function).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<FieldProblem> problems = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AllocationLine line = lines.get(i);
            List<String> wrong = new ArrayList<>();
            Touchpoint touchpoint = knownTouchpoints.get(line.touchpoint());
            if (blank(line.touchpoint())) {
                wrong.add("touchpoint is missing");
            } else if (touchpoint == null) {
                wrong.add("there is no touchpoint '" + line.touchpoint() + "'");
            }
            RightKind right = right(line.right());
            if (right == null) {
                wrong.add(blank(line.right()) ? "right is missing" : "'" + line.right()
                        + "' is not a right; rights are " + Arrays.toString(RightKind.values()));
            }
            BusinessFunction function = knownFunctions.get(line.function());
            if (blank(line.function())) {
                if (!functionOptional) {
                    wrong.add("function is missing");
                }
            } else if (function == null) {
                wrong.add("there is no function '" + line.function() + "'");
            }
            if (wrong.isEmpty()) {
                resolved.add(new Resolved(touchpoint, right, function));
            } else if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new FieldProblem(where.apply(i), String.join("; ", wrong)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return resolved;
    }

    private static RightKind right(String value) {
        if (blank(value)) {
            return null;
        }
        return Stream.of(RightKind.values()).filter(r -> r.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Instant now() {
        return clock.instant();
    }
}
