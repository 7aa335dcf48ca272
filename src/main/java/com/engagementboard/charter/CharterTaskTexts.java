package com.engagementboard.charter;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.charter.TouchpointCharterProcess.Elements;
import com.engagementboard.charter.TouchpointCharterProcess.Typed;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.engagementboard.engine.TaskTexts;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.BoundedText;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the charter's forms say to people, from the register as it stands when a form is opened: the rights
 * a head is asked to accept or renews, whom the chair chases, the disputed rights, how a head's declined
 * rights were settled, a withdrawal, the board's ruling and a review's proposals. The function a head's task
 * is for is the one it carries ({@code functionCode}, its multi-instance element). People's words (names of
 * functions, touchpoints and people, titles, reasons, notes, proposals) are escaped.
 */
@Component
class CharterTaskTexts implements TaskTexts {

    /** Touchpoints whose other owners an acceptance names (as many as its summary has room for). */
    static final int SHOWN_TOUCHPOINTS = 60;

    private final CharterAcceptance charter;
    private final CharterForms forms;
    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final CharterReviewRepository reviews;
    private final People people;

    CharterTaskTexts(CharterAcceptance charter, CharterForms forms, CharterRepository charters,
            AllocationRepository allocations, CharterReviewRepository reviews, People people) {
        this.reviews = reviews;
        this.people = people;
        this.charter = charter;
        this.forms = forms;
        this.charters = charters;
        this.allocations = allocations;
    }

    @Override
    public String processKey() {
        return TouchpointCharterProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        long charterId = TouchpointCharterProcess.charterId(task.getExecution().getProcessBusinessKey());
        String code = Typed.FUNCTION_CODE.get(task);
        Map<String, String> texts = new HashMap<>();
        if (charters.findById(charterId).isEmpty()) {
            String name = textOf(task.getTaskDefinitionKey());
            if (!name.isEmpty()) {
                texts.put(name, "_This charter version is not in the register._");
            }
            return texts;
        }
        if (code != null) {
            // A head's form names their function in its heading: escaped (the task's name reads the stored one).
            texts.put(Variables.FUNCTION_NAME, functionName(code));
        }
        switch (task.getTaskDefinitionKey()) {
            case Elements.ACCEPT_RIGHTS -> texts.put(Variables.RIGHTS_SUMMARY, acceptanceRights(charterId, code,
                    Typed.RESOLUTION_NOTE.get(task)));
            case Elements.REVIEW_CHARTER -> texts.put(Variables.RIGHTS_SUMMARY, renewedRights(charterId, code));
            case Elements.CHASE_ACCEPTANCE -> texts.put(Variables.CHASE_CONTEXT, charter.chaseContext(charterId, code,
                    Typed.ACCEPTANCE_DUE.get(task)));
            case Elements.RESOLVE_DISPUTE -> texts.put(Variables.DISPUTE_SUMMARY, disputeSummary(charterId,
                    Boolean.TRUE.equals(Typed.DISPUTE_TAKEN_BACK.get(task))));
            case Elements.READ_SETTLEMENT -> {
                // The chair's reasoning as it was when she settled (the notice's inputs), not the newest round's.
                boolean pinned = task.hasVariable(Typed.SETTLED_BY.name());
                String note = (pinned ? Typed.SETTLEMENT_NOTE : Typed.RESOLUTION_NOTE).get(task);
                String by = (pinned ? Typed.SETTLED_BY : Typed.RESOLVED_BY).get(task);
                texts.put(Variables.SETTLEMENT_SUMMARY, code == null ? "" : charter.settlementNotice(charterId, code,
                        note, by));
            }
            case Elements.READ_WITHDRAWAL -> {
                texts.put(Variables.WITHDRAWAL_NOTICE, code == null ? "" : charter.withdrawalNotice(charterId, code));
            }
            case Elements.READ_BOARD_RULING -> texts.put(Variables.RULING_SUMMARY,
                    rulingSummary(charterId, code, task.getCreateTime() == null ? null
                            : task.getCreateTime().toInstant()));
            case Elements.TAKE_UP_AMENDMENT -> texts.put(Variables.PROPOSALS_SUMMARY, proposalsSummary(charterId,
                    reviewRound(task)));
            default -> {
            }
        }
        return texts;
    }

    /** The review round the chair's amendment task is for; 0 if the instance has none. */
    private static int reviewRound(DelegateTask task) {
        Integer round = Typed.REVIEW_ROUND.get(task);
        return round == null ? 0 : round;
    }

    /** The function's name for a form's heading, escaped (the task's name reads the stored one). */
    private String functionName(String code) {
        return code == null ? "" : escape(charter.function(code).getName());
    }

    private static String textOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Elements.ACCEPT_RIGHTS, Elements.REVIEW_CHARTER -> Variables.RIGHTS_SUMMARY;
            case Elements.CHASE_ACCEPTANCE -> Variables.CHASE_CONTEXT;
            case Elements.RESOLVE_DISPUTE -> Variables.DISPUTE_SUMMARY;
            case Elements.READ_SETTLEMENT -> Variables.SETTLEMENT_SUMMARY;
            case Elements.READ_WITHDRAWAL -> Variables.WITHDRAWAL_NOTICE;
            case Elements.READ_BOARD_RULING -> Variables.RULING_SUMMARY;
            case Elements.TAKE_UP_AMENDMENT -> Variables.PROPOSALS_SUMMARY;
            default -> "";
        };
    }

    /**
     * The version asked about, how many rights of each kind, then a line per touchpoint (its name, the rights
     * asked, who holds its other rights) as far as they fit, then a link to the whole list. Bounded: a head of
     * a large company is asked hundreds of rights.
     */
    String acceptanceRights(long charterId, String functionCode, String why) {
        if (functionCode == null) {
            return "_This task names no function._";
        }
        List<Allocation> rights = charter.pendingFor(charterId, functionCode).stream().sorted(CharterViews.ORDER)
                .toList();
        if (rights.isEmpty()) {
            return "_No right of this version waits for " + escape(charter.function(functionCode).getName())
                    + "'s answer any more._";
        }
        Map<Long, List<Allocation>> holders = charter.holdersOf(charterId, rights, SHOWN_TOUCHPOINTS);
        Map<RightKind, Long> byKind = rights.stream().collect(Collectors.groupingBy(Allocation::getRight,
                () -> new EnumMap<>(RightKind.class), Collectors.counting()));
        String counts = byKind.entrySet().stream().map(e -> e.getKey().word() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String page = CharterPageController.rightsPage(charterId, functionCode);
        CharterVersion version = rights.get(0).getCharter();
        // A version takes its number when it takes force: in acceptance it is "the charter" by its title.
        String head = (version.getNumber() == null ? "The charter" : "Charter version " + version.getNumber()) + " *"
                + escape(version.getTitle()) + "*" + (version.getNumber() == null ? ", out for acceptance," : "")
                + " gives your function these rights.\n\n"
                + "**" + (rights.size() == 1 ? "1 right" : rights.size() + " rights") + "**: " + counts
                + " ([the whole list](" + page + "))\n\n";
        boolean moved = rights.stream().anyMatch(a -> a.getReallocatedFrom() != null);
        if (moved && why != null && !why.isBlank()) {
            head += "**Why rights were re-allocated to you:** " + escape(BoundedText.text(why.strip(), 600, "..."))
                    + "\n\n";
        }
        Map<Touchpoint, List<Allocation>> byTouchpoint = rights.stream().collect(Collectors.groupingBy(
                Allocation::getTouchpoint, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = byTouchpoint.entrySet().stream().map(e -> "- **" + escape(e.getKey().getName()) + "**: "
                + e.getValue().stream().map(a -> a.getRight().word() + (a.getReallocatedFrom() == null ? ""
                        : " (" + escape(charter.reallocation(a)) + ")")).collect(Collectors.joining(", "))
                + others(functionCode, holders.get(e.getKey().getId()))).toList();
        return head + BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET - head.length(),
                more -> "- ... and " + more + " more touchpoints: [see all " + rights.size() + " rights](" + page + ")");
    }

    /** Who holds a touchpoint's other rights: " (build and operate: Operations)". */
    private static String others(String functionCode, List<Allocation> rightsOfTouchpoint) {
        if (rightsOfTouchpoint == null) {
            return "";
        }
        Map<String, List<String>> byFunction = rightsOfTouchpoint.stream()
                .filter(a -> !a.getFunction().getCode().equals(functionCode))
                .sorted(Comparator.comparing(Allocation::getRight))
                .collect(Collectors.groupingBy(a -> a.getFunction().getName(), TreeMap::new,
                        Collectors.mapping(a -> a.getRight().word(), Collectors.toList())));
        return byFunction.isEmpty() ? "" : byFunction.entrySet().stream()
                .map(e -> String.join(" and ", e.getValue()) + ": " + escape(e.getKey()))
                .collect(Collectors.joining("; ", " (", ")"));
    }

    /** The touchpoints a function renews, a line each, bounded, with a link to the function's rights. */
    String renewedRights(long charterId, String functionCode) {
        if (functionCode == null) {
            return "_This task names no function._";
        }
        List<Allocation> renewed = charter.renewedBy(charterId, functionCode);
        return BoundedText.lines(renewed.stream().map(a -> "- **" + escape(a.getTouchpoint().getName()) + "**")
                .toList(), BoundedText.DEFAULT_BUDGET, more -> "- ... and " + more + " more: [see all "
                        + renewed.size() + " with the function's other rights]("
                        + CharterPageController.rightsPage(charterId, functionCode) + ")");
    }

    /**
     * The disputed rights with who declined them and why; when the board did not rule in time, what the
     * version's record says of it first.
     */
    String disputeSummary(long charterId, boolean takenBack) {
        String said = takenBack ? charter.noRulingSaid(charterId) : null;
        return (said == null ? "" : said + "\n\n") + forms.disputeSummary(charterId);
    }

    /**
     * The board's ruling as the charter applied it to the function's rights: the words recorded on those rights
     * when it was applied (never the register's newest state), and which rights it settled, bounded.
     */
    String rulingSummary(long charterId, String functionCode, Instant told) {
        if (functionCode == null) {
            return "_This task names no function._";
        }
        List<Allocation> all = java.util.stream.Stream.concat(
                allocations.findByCharterIdAndFunctionCode(charterId, functionCode).stream(),
                allocations.findByCharterIdAndReallocatedFrom(charterId, functionCode).stream()).distinct()
                .filter(a -> a.getSettlement() == Settlement.BOARD_RULED && a.getDecidedAt() != null)
                .toList();
        // The ruling the notice was created for, not a later one (a second dispute round may go to the board while
        // it is open). The task's creation time is the engine's, to the millisecond: a second's leeway, and every
        // ruling if the clocks disagree more than that.
        List<Allocation> before = told == null ? all
                : all.stream().filter(a -> !a.getDecidedAt().isAfter(told.plusSeconds(1))).toList();
        List<Allocation> ruled = before.isEmpty() ? all : before;
        Instant when = ruled.stream().map(Allocation::getDecidedAt).max(Comparator.naturalOrder()).orElse(null);
        if (when == null) {
            return "_No ruling of the board on this version's rights is in the register._";
        }
        List<Allocation> thisRuling = ruled.stream().filter(a -> when.equals(a.getDecidedAt()))
                .sorted(CharterViews.ORDER).toList();
        String note = Objects.requireNonNullElse(thisRuling.get(0).getDecisionNote(), "");
        String words = note.startsWith(Allocation.RULED_BY_BOARD) ? note.substring(Allocation.RULED_BY_BOARD.length())
                : note;
        List<String> lines = thisRuling.stream().map(a -> "- **" + escape(CharterForms.describe(a)) + "**: "
                + (a.getReallocatedFrom() == null ? "stays with " : "now with ") + escape(a.getFunction().getName()))
                .toList();
        String head = escape(words.strip()) + "\n\n**The rights it settled:**\n\n";
        return head + BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET - head.length(), more -> "- ... and "
                + more + " more: [the function's rights](" + CharterPageController.rightsPage(charterId, functionCode)
                + ")");
    }

    /** The proposals of a review round, each by the function's name, with who made it by name, bounded. */
    String proposalsSummary(long charterId, int round) {
        List<String> lines = reviews.findByCharterIdAndRoundOrderById(charterId, round).stream()
                .filter(r -> TouchpointCharterProcess.PROPOSE_CHANGES.equals(r.getDecision()))
                .map(r -> "- **" + escape(r.getFunction().getName()) + "**: " + escape(r.getProposal()) + " ("
                        + escape(people.nameOf(r.getDecidedBy())) + ")")
                .toList();
        if (lines.isEmpty()) {
            return "_No proposal of this review is in the register._";
        }
        return BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET, more -> "- ... and " + more + " more proposals");
    }
}
