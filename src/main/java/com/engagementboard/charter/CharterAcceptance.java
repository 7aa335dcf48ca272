package com.engagementboard.charter;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code touchpoint-charter} process does to a charter version: ask the heads, record their
 * decisions, settle disputes, make the version effective, and review it on its clock.
 */
@Service
class CharterAcceptance {

    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final CharterReviewRepository reviews;
    private final FunctionService functions;
    private final CharterProperties properties;
    private final CharterProcessStarter processes;
    private final People people;
    private final Clock clock;

    /** The most touchpoints an agenda item names (as {@code AgendaItemRequest} allows). */
    static final int MAX_BOARD_TOUCHPOINTS = 50;

    CharterAcceptance(CharterRepository charters, AllocationRepository allocations, CharterReviewRepository reviews,
            FunctionService functions, CharterProperties properties, CharterProcessStarter processes, People people,
            Clock clock) {
        this.people = people;
        this.clock = clock;
        this.charters = charters;
        this.allocations = allocations;
        this.reviews = reviews;
        this.functions = functions;
        this.properties = properties;
        this.processes = processes;
    }

    /** The functions that have rights waiting for their head's acceptance, in code order. */
    @Transactional(readOnly = true)
    List<String> pendingFunctions(long charterId) {
        return allocations.findFunctionCodes(charterId, AllocationStatus.PENDING);
    }

    @Transactional(readOnly = true)
    List<Allocation> pendingFor(long charterId, String functionCode) {
        return allocations.findByCharterIdAndFunctionCodeAndStatus(charterId, functionCode, AllocationStatus.PENDING);
    }

    /**
     * Every right of the version over the first {@code limit} touchpoints of {@code rights}, by touchpoint id:
     * who holds the other rights of what a head is asked to accept (one query).
     */
    @Transactional(readOnly = true)
    Map<Long, List<Allocation>> holdersOf(long charterId, List<Allocation> rights, int limit) {
        List<Long> touchpointIds = rights.stream().map(a -> a.getTouchpoint().getId()).distinct().limit(limit).toList();
        return touchpointIds.isEmpty() ? Map.of() : allocations.findOfTouchpoints(charterId, touchpointIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(a -> a.getTouchpoint().getId()));
    }

    /**
     * What the chair reads before chasing a function's answer: its head by name, the version and how many
     * rights wait, and when they were asked and due.
     */
    @Transactional(readOnly = true)
    String chaseContext(long charterId, String functionCode, Date due) {
        CharterVersion version = charters.findById(charterId).orElseThrow();
        BusinessFunction function = functions.get(functionCode);
        int pending = pendingFor(charterId, functionCode).size();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH).withZone(clock.getZone());
        String head = function.getHeadUserId() == null ? "The head of " + escape(function.getName())
                : "**" + escape(people.nameOf(function.getHeadUserId())) + "**, head of " + escape(function.getName())
                        + ",";
        return head + " was asked to accept " + (pending == 1 ? "1 right" : pending + " rights") + " of charter version "
                + version.getNumber() + ", *" + escape(version.getTitle()) + "*"
                + (version.getSubmittedAt() == null ? "" : ", on " + day.format(version.getSubmittedAt()))
                + (due == null ? "" : "; the answer was due on " + day.format(due.toInstant()))
                + ". [The rights waiting](" + CharterPageController.rightsPage(charterId, functionCode) + ")"
                + "\n\nIf the version should not take force at all, [withdraw it](" + CharterPageController
                        .withdrawPage(charterId) + "): every head it asked is told why.";
    }

    /** Where a right asked again came from: "re-allocated from Operations by Clara Martens", or null. */
    @Transactional(readOnly = true)
    String reallocation(Allocation allocation) {
        if (allocation.getReallocatedFrom() == null) {
            return null;
        }
        String by = Allocation.BOARD.equals(allocation.getReallocatedBy()) ? "the board"
                : people.nameOf(allocation.getReallocatedBy());
        return "re-allocated from " + functions.get(allocation.getReallocatedFrom()).getName() + " by " + by;
    }

    @Transactional(readOnly = true)
    BusinessFunction function(String code) {
        return functions.get(code);
    }

    /**
     * The head's answer: every pending right of the function is accepted except the declined ones. Only
     * a member of the function's head group answers for it (checked in Camunda's identity service), only
     * while the version is out for acceptance, and only about rights still pending; a refusal writes nothing.
     */
    @Transactional
    void record(long charterId, String functionCode, Collection<Long> declined, String reason, String userId) {
        CharterVersion charter = charter(charterId);
        if (charter.getStatus() != CharterStatus.IN_ACCEPTANCE) {
            throw new ConflictException("Version not in acceptance", "Charter version " + charterId + " is "
                    + charter.getStatus() + "; its rights cannot be accepted or declined any more.");
        }
        BusinessFunction function = functions.get(functionCode);
        if (userId == null || !people.groupsOf(userId).contains(function.getHeadGroup())) {
            throw new AccessDeniedException(userId + " is not a member of " + function.getHeadGroup()
                    + ": only the head of " + function.getName() + " accepts or declines its rights.");
        }
        List<Allocation> pending = pendingFor(charterId, functionCode);
        for (Long id : declined) {
            if (pending.stream().noneMatch(a -> a.getId().equals(id))) {
                Allocation other = allocations.findById(id).filter(a -> a.getCharter().getId() == charterId)
                        .orElseThrow(() -> new ConflictException("Not a right of this version", "Right " + id
                                + " is not part of charter version " + charterId + "."));
                throw new ConflictException("Right not pending", other.describe() + " is " + other.getStatus()
                        + "; only a right waiting for " + functionCode + "'s answer can be declined.");
            }
        }
        Instant now = now();
        for (Allocation allocation : pending) {
            if (declined.contains(allocation.getId())) {
                allocation.decline(userId, now, reason);
            } else {
                allocation.acceptAsHead(userId, function.getHeadGroup(), now);
            }
        }
    }

    @Transactional(readOnly = true)
    List<Allocation> disputed(long charterId) {
        return allocations.findByCharterIdAndStatus(charterId, AllocationStatus.DECLINED);
    }

    /** Gives each disputed right to its new function, for that head to accept; accepted rights stay accepted. */
    @Transactional
    void reallocate(long charterId, Map<Long, BusinessFunction> newOwners, String note, String userId) {
        CharterVersion charter = charters.findById(charterId).orElseThrow();
        List<String> moves = new ArrayList<>();
        for (Allocation allocation : disputed(charterId)) {
            BusinessFunction owner = newOwners.get(allocation.getId());
            moves.add("Re-allocated " + allocation.getRight() + " of " + allocation.getTouchpoint().getCode()
                    + " from " + allocation.getFunction().getCode() + " to " + owner.getCode() + " by " + userId);
            allocation.reallocate(owner, userId);
        }
        // One note for the whole resolution, bounded: a dispute may hold hundreds of rights, and each right
        // records where it came from and who moved it.
        charter.addNote(BoundedText.lines(moves, 2_000, more -> "... and " + more + " more rights re-allocated by "
                + userId) + ": " + BoundedText.text(note, 1_000, "..."));
    }

    /** The dispute as the board's agenda item: the chair's proposal, the touchpoints' priority, the heads' reasons. */
    @Transactional(readOnly = true)
    DisputeSentToBoard disputeForBoard(long charterId, Map<Long, BusinessFunction> proposal, String note, String chair) {
        List<Allocation> disputed = disputed(charterId);
        StringBuilder asked = new StringBuilder("Approve the chair's allocation of the disputed rights of charter draft \"")
                .append(charter(charterId).getTitle()).append("\": ");
        List<String> facts = new ArrayList<>();
        for (Allocation a : disputed) {
            asked.append(a.getRight()).append(" of ").append(a.getTouchpoint().getCode()).append(" to ")
                    .append(proposal.get(a.getId()).getCode()).append("; ");
            facts.add("- " + a.getTouchpoint().getName() + " (priority " + a.getTouchpoint().getPriority() + " of 5, "
                    + a.getTouchpoint().getKind() + "): " + a.getRight() + " declined by " + a.getDecidedBy() + " for "
                    + a.getFunction().getName() + ": " + a.getDecisionNote());
        }
        asked.append("The chair's reasoning: ").append(note);
        List<String> touchpoints = disputed.stream().map(a -> a.getTouchpoint().getCode()).distinct().toList();
        String title = "Charter dispute: " + disputed.stream().map(a -> a.getTouchpoint().getCode() + " " + a.getRight())
                .distinct().collect(java.util.stream.Collectors.joining(", "));
        String question = asked.toString();
        // Bounded like every text the board's forms show: a dispute may hold hundreds of rights, and the
        // item's fact column holds 4,000 characters; the draft lists them all.
        String draft = "/api/charter/drafts/" + charterId;
        return new DisputeSentToBoard(charterId, title.length() > 200 ? title.substring(0, 197) + "..." : title,
                question.length() > 2000 ? question.substring(0, 1997) + "..." : question,
                touchpoints.size() > MAX_BOARD_TOUCHPOINTS ? touchpoints.subList(0, MAX_BOARD_TOUCHPOINTS) : touchpoints,
                BoundedText.lines(facts, BoundedText.DEFAULT_BUDGET, more -> "- ... and " + more
                        + " more disputed rights: see the draft, " + draft),
                chair);
    }

    /**
     * The board approved the chair's proposal: each disputed right goes to the proposed function,
     * accepted by the board's ruling. Returns the functions concerned (who held or now hold them).
     */
    @Transactional
    List<String> applyRuling(long charterId, Map<Long, BusinessFunction> proposal, String ruling) {
        Instant now = now();
        Set<String> concerned = new TreeSet<>();
        for (Allocation allocation : disputed(charterId)) {
            concerned.add(allocation.getFunction().getCode());
            allocation.ruleByBoard(proposal.get(allocation.getId()), now, ruling);
            concerned.add(allocation.getFunction().getCode());
        }
        return List.copyOf(concerned);
    }

    /** The functions whose declined rights are in dispute: whom the chair's settlement is told to. */
    @Transactional(readOnly = true)
    List<String> disputingFunctions(long charterId) {
        return disputed(charterId).stream().map(a -> a.getFunction().getCode()).distinct().sorted().toList();
    }

    /**
     * What a function that declined rights is told once the chair settled them, read from the register: each
     * right in words, where it went (or that it stays), who decided and why. Bounded: a function may have
     * declined hundreds of rights.
     */
    @Transactional(readOnly = true)
    String settlementNotice(long charterId, String functionCode, String note, String userId) {
        List<String> lines = new ArrayList<>();
        allocations.findByCharterIdAndReallocatedFrom(charterId, functionCode).stream()
                .filter(a -> !Allocation.BOARD.equals(a.getReallocatedBy()))
                .forEach(a -> lines.add("- **" + escape(CharterForms.describe(a)) + "**: now goes to "
                        + escape(a.getFunction().getName()) + ", whose head is asked to accept it"));
        allocations.findByCharterIdAndFunctionCode(charterId, functionCode).stream()
                .filter(a -> a.getSettlement() == Settlement.CHAIR_UPHELD)
                .forEach(a -> lines.add("- **" + escape(CharterForms.describe(a)) + "**: stays with your function, "
                        + "accepted in the chair's name"));
        String by = escape(people.nameOf(userId));
        String why = note == null || note.isBlank() ? "" : "\n\n**" + by + "'s reasoning:** "
                + escape(BoundedText.text(note.strip(), 800, "..."));
        return "The chair, " + by + ", settled the rights " + escape(functions.get(functionCode).getName())
                + " declined in charter version " + charters.findById(charterId).orElseThrow().getNumber() + ":\n\n"
                + BoundedText.lines(lines, 2_000, more -> "- ... and " + more + " more: [the function's rights]("
                        + CharterPageController.rightsPage(charterId, functionCode) + ")")
                + why;
    }

    /** The functions whose heads the withdrawn version asked something of: each is told it was withdrawn. */
    @Transactional(readOnly = true)
    List<String> withdrawnFunctions(long charterId) {
        charter(charterId).requireStatus("told as withdrawn", CharterStatus.WITHDRAWN);
        return allocations.countAskedByFunction(charterId).stream().map(row -> (String) row[0]).toList();
    }

    /**
     * What a head is told when the chair withdraws a version, read from the register: who withdrew it,
     * when and why, and that none of the rights they were asked about takes force.
     */
    @Transactional(readOnly = true)
    String withdrawalNotice(long charterId, String functionCode) {
        CharterVersion version = charter(charterId);
        long asked = allocations.countAskedByFunction(charterId).stream().filter(row -> functionCode.equals(row[0]))
                .mapToLong(row -> ((Number) row[1]).longValue()).sum();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH).withZone(clock.getZone());
        if (version.getWithdrawnAt() == null) {
            return "_This charter version is not withdrawn in the register._";
        }
        return "The chair, **" + escape(people.nameOf(version.getWithdrawnBy())) + "**, withdrew the charter draft *"
                + escape(version.getTitle()) + "* on " + day.format(version.getWithdrawnAt()) + ".\n\n**Why:** "
                + escape(BoundedText.text(version.getWithdrawalReason().strip(), 800, "...")) + "\n\n"
                + "None of the " + (asked == 1 ? "right" : asked + " rights") + " "
                + escape(functions.get(functionCode).getName())
                + " was asked to accept in it takes force, and any acceptance still open for it has ended. "
                + "The charter in force is unchanged.";
    }

    /** A newer version superseded this one: the register says so, whatever a message claims. */
    @Transactional(readOnly = true)
    void requireSuperseded(long charterId) {
        charter(charterId).requireStatus("ended as superseded", CharterStatus.SUPERSEDED);
    }

    /** The chair's ruling is final: the disputed rights stay with the functions they were given to. */
    @Transactional
    void uphold(long charterId, String note, String userId) {
        Instant now = now();
        for (Allocation allocation : disputed(charterId)) {
            allocation.upholdByChair(userId, now, note);
        }
    }

    /**
     * In one transaction: this version becomes effective with the next number and a review date, and
     * the version that was effective is superseded (its process stops waiting for its review). Refused,
     * with nothing written, unless every right of the version is accepted with a record of how. If
     * another version took force while this one was out for acceptance, the rights this one does not
     * state are carried over from it first, so that none loses its owner.
     */
    @Transactional
    LocalDate makeEffective(long charterId) {
        CharterVersion charter = charters.findById(charterId).orElseThrow();
        charter.requireReadyToTakeForce();
        Optional<CharterVersion> previous = charters.findFirstByStatus(CharterStatus.EFFECTIVE);
        previous.filter(charter::basedOnOtherThan).ifPresent(charter::carryOver);
        Instant now = now();
        previous.ifPresent(p -> p.supersede(now));
        charters.flush();
        LocalDate review = today().plusMonths(properties.reviewMonths());
        charter.becomeEffective(charters.highestNumber() + 1, now, review);
        charters.flush();
        previous.ifPresent(p -> processes.superseded(p.getId()));
        return review;
    }

    /** The functions holding RENEW rights in the version, who review it. */
    @Transactional(readOnly = true)
    List<String> renewOwners(long charterId) {
        return allocations.findByCharterIdAndRight(charterId, RightKind.RENEW).stream()
                .map(a -> a.getFunction().getCode()).collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /** The touchpoints a function renews in the version. */
    @Transactional(readOnly = true)
    List<Allocation> renewedBy(long charterId, String functionCode) {
        return allocations.findByCharterIdAndRight(charterId, RightKind.RENEW).stream()
                .filter(a -> a.getFunction().getCode().equals(functionCode)).sorted(CharterViews.ORDER).toList();
    }

    @Transactional
    void recordReview(long charterId, int round, String functionCode, String decision, String proposal,
            String userId) {
        reviews.save(new CharterReview(charterId, round, functions.get(functionCode), decision, proposal, userId,
                now()));
    }

    /**
     * The review closed before every RENEW owner answered: each owner without an answer in this round is
     * recorded as {@link CharterReview#NO_ANSWER}, which proposes no change. Returns the functions that stayed
     * silent, by code.
     */
    @Transactional
    List<String> recordUnansweredReview(long charterId, int round) {
        Set<String> answered = new TreeSet<>();
        reviews.findByCharterIdAndRoundOrderById(charterId, round).forEach(r -> answered.add(r.getFunction().getCode()));
        List<String> silent = renewOwners(charterId).stream().filter(code -> !answered.contains(code)).toList();
        Instant now = now();
        for (String code : silent) {
            reviews.save(new CharterReview(charterId, round, functions.get(code), CharterReview.NO_ANSWER, null,
                    CharterReview.NOBODY, now));
        }
        return silent;
    }

    /**
     * The board did not rule on the dispute within the working days the charter waits: the version's record
     * says so, and the dispute goes back to the chair ({@link #noRulingSaid} is what she reads of it).
     */
    @Transactional
    void recordNoRuling(long charterId, int days) {
        CharterVersion version = charter(charterId);
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH).withZone(clock.getZone());
        version.addNote(NO_RULING + days + " working days; on " + day.format(now())
                + " it went back to the chair, unresolved.");
    }

    private static final String NO_RULING = "The board did not rule on the dispute within ";

    /**
     * What the chair reads above the disputed rights when the board did not rule in time: the version's note
     * of it (the newest), and what she can do; null when the record has none.
     */
    @Transactional(readOnly = true)
    String noRulingSaid(long charterId) {
        String notes = charters.findById(charterId).map(CharterVersion::getNotes).orElse(null);
        if (notes == null) {
            return null;
        }
        String said = null;
        for (String line : notes.split("\n")) {
            if (line.startsWith(NO_RULING)) {
                said = line;
            }
        }
        return said == null ? null : "**" + escape(said) + "** Decide it yourself (re-allocate or uphold), send it "
                + "to the board again, or [withdraw the version](" + CharterPageController.withdrawPage(charterId) + ").";
    }

    /** The board rejected the chair's proposal: the version's record says so, with the ruling's words. */
    @Transactional
    void recordRejectedRuling(long charterId, String ruling) {
        charter(charterId).addNote("The board rejected the chair's proposal for the disputed rights"
                + (ruling == null || ruling.isBlank() ? "." : ": " + BoundedText.text(ruling.strip(), 1_000, "...")));
    }

    /** The proposals of a review round by the name of the function that made them, each with who made it, by name. */
    @Transactional(readOnly = true)
    Map<String, String> proposals(long charterId, int round) {
        Map<String, String> proposals = new LinkedHashMap<>();
        reviews.findByCharterIdAndRoundOrderById(charterId, round).stream()
                .filter(r -> TouchpointCharterProcess.PROPOSE_CHANGES.equals(r.getDecision()))
                .forEach(r -> proposals.put(r.getFunction().getName(), r.getProposal() + " ("
                        + people.nameOf(r.getDecidedBy()) + ")"));
        return proposals;
    }

    /** Opens an amendment draft of the effective version for the chair, noting the proposals. */
    @Transactional
    long openAmendment(long charterId, Map<String, String> proposals) {
        CharterVersion effective = charters.findById(charterId).orElseThrow();
        CharterVersion draft = new CharterVersion("Amendment of version " + effective.getNumber()
                + " proposed by its review", effective.getCreatedBy(), now(), null);
        draft.getScope().addAll(effective.getScope());
        draft.carryOver(effective);
        proposals.forEach((function, proposal) -> draft.addNote(function + " proposes: " + proposal));
        return charters.save(draft).getId();
    }

    @Transactional
    LocalDate scheduleNextReview(long charterId) {
        CharterVersion charter = charters.findById(charterId).orElseThrow();
        LocalDate next = today().plusMonths(properties.reviewMonths());
        charter.scheduleReview(next);
        return next;
    }

    /** The most rights a head picks from in the acceptance form (engagement-board.charter.picker-rights). */
    int pickerRights() {
        return properties.pickerRights();
    }

    CharterVersion charter(long charterId) {
        return charters.findById(charterId).orElseThrow(() -> new NotFoundException("charter version", "" + charterId));
    }

    static Map<String, Object> option(String label, Object value) {
        Map<String, Object> option = new HashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    private Instant now() {
        return clock.instant();
    }

    /** Today in the company's zone. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
