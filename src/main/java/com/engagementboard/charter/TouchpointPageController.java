package com.engagementboard.charter;

import com.engagementboard.charter.CharterMatrixPageController.Cell;
import com.engagementboard.charter.CharterMatrixPageController.VersionHeader;
import com.engagementboard.charter.CharterMatrixPageController.Versions;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.Groups;
import com.engagementboard.web.PageZone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A touchpoint's page: what it is, who holds each of its four rights now (and how they came to hold it), which
 * function held each right in each version of the charter, and the board's decisions that name it.
 */
@Controller
class TouchpointPageController {

    /** The versions a touchpoint's history goes back over, newest first. */
    static final int HISTORY_VERSIONS = 100;
    /** The decisions naming it a page shows, newest first. */
    static final int DECISIONS = 50;

    private final TouchpointService touchpoints;
    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final People people;
    private final PageZone pageZone;

    TouchpointPageController(TouchpointService touchpoints, CharterRepository charters,
            AllocationRepository allocations, People people, PageZone pageZone) {
        this.touchpoints = touchpoints;
        this.charters = charters;
        this.allocations = allocations;
        this.people = people;
        this.pageZone = pageZone;
    }

    /** One right now: its state as the matrix shows it, and how the function in force came to hold it. */
    record Holding(Cell cell, String how) {
    }

    /** One version of the touchpoint's history: which function held each right (null: nobody). */
    record HistoryRow(VersionHeader version, List<HistoryCell> cells) {
    }

    record HistoryCell(String right, String owner, String state, boolean changed) {
    }

    record DecisionRow(long id, Long meetingId, String title, String outcome, boolean escalated, String decidedAt) {
    }

    /** A change proposed at the touchpoint: its first line, where it stands, who proposed it and when. */
    record ChangeRow(long id, String what, String status, String proposer, String proposedAt) {
    }

    /**
     * A standing permission in force: what front-line teams may change without asking, up to what cost; whether
     * the person reading heads its function (and so may revoke it).
     */
    record PermissionRow(long id, String scope, long costLimit, String function, String grantedBy, String grantedAt,
            boolean revocable) {
    }

    @GetMapping("/touchpoints/{code}")
    @Transactional(readOnly = true)
    String touchpoint(@PathVariable String code, Authentication authentication, Model model) {
        Touchpoint touchpoint = touchpoints.get(code);
        ZoneId zone = pageZone.zone();
        Versions versions = CharterMatrixPageController.versions(charters, allocations, authentication);
        List<Allocation> history = allocations.findHistoryOfTouchpoint(touchpoint.getId(),
                CharterMatrixPageController.seesWorkInProgress(authentication)
                        ? List.of(CharterStatus.EFFECTIVE, CharterStatus.SUPERSEDED, CharterStatus.IN_ACCEPTANCE)
                        : List.of(CharterStatus.EFFECTIVE, CharterStatus.SUPERSEDED));
        Map<Long, Map<RightKind, List<Allocation>>> byVersion = new HashMap<>();
        history.forEach(a -> byVersion.computeIfAbsent(a.getCharter().getId(), k -> new EnumMap<>(RightKind.class))
                .computeIfAbsent(a.getRight(), k -> new ArrayList<>()).add(a));
        List<Allocation> draft = versions.draft() == null ? List.of()
                : allocations.findOfTouchpoints(versions.draft().getId(), List.of(touchpoint.getId()));

        List<Holding> owners = new ArrayList<>();
        for (RightKind right : RightKind.values()) {
            List<Allocation> inForce = versions.inForce() == null ? null
                    : rights(byVersion, versions.inForce().getId()).get(right);
            List<Allocation> inAcceptance = versions.inAcceptance() == null ? null
                    : rights(byVersion, versions.inAcceptance().getId()).get(right);
            List<Allocation> drafted = draft.stream().filter(a -> a.getRight() == right).toList();
            Cell cell = CharterMatrixPageController.cell(right, inForce, inAcceptance, drafted, versions);
            owners.add(new Holding(cell, inForce == null || inForce.isEmpty() ? null : holding(cell, inForce.get(0),
                    zone)));
        }

        model.addAttribute("touchpoint", touchpoint);
        model.addAttribute("kind", CharterMatrixPageController.words(touchpoint.getKind()));
        model.addAttribute("stage", CharterMatrixPageController.words(touchpoint.getJourneyStage()));
        model.addAttribute("inForce", CharterMatrixPageController.header(versions.inForce(), zone));
        model.addAttribute("owners", owners);
        model.addAttribute("rights", java.util.Arrays.stream(RightKind.values())
                .map(CharterMatrixPageController::words).toList());
        model.addAttribute("history", history(byVersion, versions, zone));
        model.addAttribute("decisions", allocations.findDecisionsNaming(code, PageRequest.of(0, DECISIONS)).stream()
                .map(row -> new DecisionRow(((Number) row[0]).longValue(), (Long) row[1], (String) row[2],
                        outcome((String) row[3]), Boolean.TRUE.equals(row[4]),
                        CharterMatrixPageController.time((Instant) row[5], zone)))
                .toList());
        model.addAttribute("decisionsShown", DECISIONS);
        model.addAttribute("changes", allocations.findChangesAt(code, PageRequest.of(0, DECISIONS)).stream()
                .map(row -> new ChangeRow(((Number) row[0]).longValue(), firstLine((String) row[1]),
                        row[2].toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        people.nameOf((String) row[3]), CharterMatrixPageController.time((Instant) row[4], zone)))
                .toList());
        Set<String> groups = Set.copyOf(Groups.of(authentication));
        model.addAttribute("permissions", allocations.findStandingPermissionsAt(code).stream()
                .map(row -> new PermissionRow(((Number) row[5]).longValue(), (String) row[0],
                        ((Number) row[1]).longValue(), (String) row[2], people.nameOf((String) row[3]),
                        CharterMatrixPageController.time((Instant) row[4], zone),
                        groups.contains(Groups.head((String) row[6]))))
                .toList());
        // The head of the operating function in force grants standing permissions here.
        List<Allocation> operate = versions.inForce() == null ? null
                : rights(byVersion, versions.inForce().getId()).get(RightKind.OPERATE);
        BusinessFunction operator = operate == null || operate.size() != 1 ? null : operate.get(0).getFunction();
        model.addAttribute("grantAs", operator != null && groups.contains(operator.getHeadGroup())
                ? operator.getName() : null);
        return "touchpoint";
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static Map<RightKind, List<Allocation>> rights(Map<Long, Map<RightKind, List<Allocation>>> byVersion,
            Long charterId) {
        return byVersion.getOrDefault(charterId, Map.of());
    }

    /**
     * The versions newest first (the one in acceptance on top), back to the oldest that gives a right over the
     * touchpoint; each right's owner marked where it differs from the version before.
     */
    private List<HistoryRow> history(Map<Long, Map<RightKind, List<Allocation>>> byVersion, Versions versions,
            ZoneId zone) {
        List<CharterVersion> rows = new ArrayList<>();
        if (versions.inAcceptance() != null) {
            rows.add(versions.inAcceptance());
        }
        rows.addAll(charters.findByNumberNotNull(PageRequest.of(0, HISTORY_VERSIONS,
                Sort.by(Sort.Direction.DESC, "number"))).getContent());
        int oldest = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (byVersion.containsKey(rows.get(i).getId())) {
                oldest = i;
            }
        }
        List<HistoryRow> history = new ArrayList<>();
        for (int i = 0; i <= oldest; i++) {
            Map<RightKind, List<Allocation>> held = rights(byVersion, rows.get(i).getId());
            Map<RightKind, List<Allocation>> before = i + 1 < rows.size() ? rights(byVersion, rows.get(i + 1).getId())
                    : Map.of();
            List<HistoryCell> cells = new ArrayList<>();
            for (RightKind right : RightKind.values()) {
                String owner = owner(held.get(right));
                String previous = owner(before.get(right));
                // Against the version before (the very first version changes nothing).
                boolean changed = i + 1 < rows.size() && !java.util.Objects.equals(owner, previous);
                cells.add(new HistoryCell(CharterMatrixPageController.words(right), owner, state(held.get(right)),
                        changed));
            }
            history.add(new HistoryRow(CharterMatrixPageController.header(rows.get(i), zone), cells));
        }
        return history;
    }

    private static String owner(List<Allocation> held) {
        return held == null || held.isEmpty() ? null
                : held.stream().map(a -> a.getFunction().getName()).distinct().sorted()
                        .collect(Collectors.joining(" / "));
    }

    private static String state(List<Allocation> held) {
        if (held == null || held.isEmpty()) {
            return "gap";
        }
        if (held.size() > 1) {
            return "conflict";
        }
        return switch (held.get(0).getStatus()) {
            case PENDING -> "pending";
            case DECLINED -> "declined";
            case ACCEPTED -> held.get(0).getCharter().getStatus() == CharterStatus.IN_ACCEPTANCE ? "pending"
                    : "effective";
        };
    }

    /**
     * How the function in force came to hold the right; where the cell shows another function (a version in
     * acceptance moves the right), the function in force is named, so that its acceptance is not read as the new
     * owner's.
     */
    private String holding(Cell cell, Allocation inForce, ZoneId zone) {
        String holder = inForce.getFunction().getName();
        return holder.equals(cell.owner()) ? how(inForce, zone)
                : "In force now with " + holder + ": " + lowerFirst(how(inForce, zone));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** How the function in force came to hold the right, in words, with people's names. */
    private String how(Allocation a, ZoneId zone) {
        String when = a.getDecidedAt() == null ? "" : ", " + CharterMatrixPageController.time(a.getDecidedAt(), zone);
        String by = a.getDecidedBy() == null ? null
                : Allocation.BOARD.equals(a.getDecidedBy()) ? "the board" : people.nameOf(a.getDecidedBy());
        String settled = a.getSettlement() == null ? "Accepted" : switch (a.getSettlement()) {
            case HEAD_ACCEPTED -> "Accepted by its head" + (by == null ? "" : ", " + by);
            case CHAIR_UPHELD -> "Upheld by the chair" + (by == null ? "" : ", " + by) + ", over the head's objection";
            case BOARD_RULED -> "Ruled by the board";
            case CARRIED_OVER -> "Accepted" + (by == null ? "" : " by " + by);
        };
        String carried = a.getCarriedFrom() == null ? "" : " (carried over from version " + a.getCarriedFrom() + ")";
        return settled + when + carried;
    }

    private static String outcome(String outcome) {
        if (outcome == null || outcome.isEmpty()) {
            return "";
        }
        String lower = outcome.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
