package com.engagementboard.charter;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Division;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.security.Groups;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Pager;
import com.engagementboard.web.PageZone;
import com.engagementboard.web.Paging;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The charter as people read it: the matrix (touchpoints down, the four rights across, the owner function's
 * name in each cell, coloured and labelled by its state), the versions, and what changed between two of them.
 *
 * <p>A cell's state, from what the charter records:
 * <ul>
 * <li><b>effective</b>: the version in force gives the right to the function (an accepted allocation);</li>
 * <li><b>pending</b>: the version in acceptance gives it to a function other than the one in force (or to one
 * where none is in force) and it is not in force yet: its head has not answered ({@link AllocationStatus#PENDING}),
 * or the right is accepted and takes force with the version;</li>
 * <li><b>declined</b>: the head of the function the version in acceptance gives it to declined it
 * ({@link AllocationStatus#DECLINED}): the chair upholds it, moves it or sends the dispute to the board;</li>
 * <li><b>conflict</b>: several functions claim the right in the version in acceptance or in the chair's newest
 * draft (what {@link CharterChecks} calls a conflict, which blocks the draft's submission);</li>
 * <li><b>gap</b>: no function holds it, in force or in acceptance.</li>
 * </ul>
 *
 * <p>A touchpoint belongs to no division; its division is that of the functions owning its rights (in force or in
 * acceptance), and the division filter keeps the touchpoints with a right held by a function of that division.
 */
@Controller
class CharterMatrixPageController {

    static final int MAX_SIZE = 100;
    static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final CharterReading reading;
    private final FunctionService functions;
    private final TouchpointService touchpoints;
    private final PageZone zone;

    CharterMatrixPageController(CharterRepository charters, AllocationRepository allocations, CharterReading reading,
            FunctionService functions, TouchpointService touchpoints, PageZone zone) {
        this.charters = charters;
        this.allocations = allocations;
        this.reading = reading;
        this.functions = functions;
        this.touchpoints = touchpoints;
        this.zone = zone;
    }

    /** A choice in a filter: the value sent, the words shown. */
    record Option(String value, String label) {
    }

    /** One right of one touchpoint: who holds it (names), in which state, in words. */
    record Cell(String right, String state, String owner, String label, String note) {
    }

    record Row(String code, String name, String division, String kind, String stage, int priority, List<Cell> cells) {
    }

    /** A version as the pages name it: number (null until it takes force), title, status in words, since when. */
    record VersionHeader(Long id, Integer number, String title, String status, String since) {
    }

    record VersionRow(int number, String title, String status, String statusClass, String effectiveAt,
            String supersededAt, String reviewDate, String diff) {
    }

    /** One changed right: the touchpoint (code for the link, name to read), the right, the owners' names. */
    record ChangeRow(String code, String touchpoint, String right, String before, String after) {
    }

    /** The versions a matrix reads: the one in force, the one in acceptance and the chair's newest draft. */
    record Versions(CharterVersion inForce, CharterVersion inAcceptance, CharterVersion draft) {

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            for (CharterVersion v : Arrays.asList(inForce, inAcceptance, draft)) {
                if (v != null) {
                    ids.add(v.getId());
                }
            }
            return ids;
        }

        /** The versions whose owners the function and division filters read: in force and in acceptance. */
        List<Long> owning() {
            List<Long> ids = new ArrayList<>();
            for (CharterVersion v : Arrays.asList(inForce, inAcceptance)) {
                if (v != null) {
                    ids.add(v.getId());
                }
            }
            // No version at all: a list the database accepts, matching nothing.
            return ids.isEmpty() ? List.of(-1L) : ids;
        }
    }

    @GetMapping("/charter")
    @Transactional(readOnly = true)
    String matrix(@RequestParam(required = false) String division, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String function, @RequestParam(required = false) String q,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Authentication authentication, Model model) {
        TouchpointKind kindFilter = enumOf(TouchpointKind.class, kind);
        JourneyStage stageFilter = enumOf(JourneyStage.class, stage);
        Integer priorityFilter = priorityOf(priority);
        String divisionFilter = blankToNull(division);
        String functionFilter = blankToNull(function);
        String search = blankToNull(q);
        Paging paging = paging(page, size);

        Versions versions = versions(charters, allocations, authentication);
        Page<Touchpoint> rows = allocations.findMatrixPage(kindFilter, stageFilter, priorityFilter, likePattern(search),
                functionFilter, divisionFilter, versions.owning(), paging.pageable());
        List<Long> ids = rows.getContent().stream().map(Touchpoint::getId).toList();
        List<Allocation> rights = ids.isEmpty() || versions.ids().isEmpty() ? List.of()
                : allocations.findOfTouchpointsInVersions(versions.ids(), ids);
        PageView<Row> view = PageView.of(rows(rows.getContent(), rights, versions), paging, rows.getTotalElements());

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("division", divisionFilter);
        filters.put("kind", kindFilter == null ? null : kindFilter.name());
        filters.put("stage", stageFilter == null ? null : stageFilter.name());
        filters.put("priority", priorityFilter == null ? null : priorityFilter.toString());
        filters.put("function", functionFilter);
        filters.put("q", search);

        ZoneId zone = zone();
        model.addAttribute("inForce", header(versions.inForce(), zone));
        model.addAttribute("inAcceptance", header(versions.inAcceptance(), zone));
        model.addAttribute("draft", versions.draft() == null ? null : header(versions.draft(), zone));
        model.addAttribute("rows", view.content());
        model.addAttribute("pager", Pager.of(view, "/charter", filters));
        model.addAttribute("rights", Arrays.stream(RightKind.values()).map(CharterMatrixPageController::words).toList());
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.values().stream().anyMatch(Objects::nonNull));
        model.addAttribute("size", paging.size());
        model.addAttribute("sizes", new TreeSet<>(List.of(25, Paging.DEFAULT_SIZE, MAX_SIZE, paging.size())));
        model.addAttribute("divisions", functions.divisions().stream()
                .map(d -> new Option(d.getCode(), d.getName())).toList());
        model.addAttribute("functions", functions.all().stream()
                .map(f -> new Option(f.getCode(), f.getName())).toList());
        model.addAttribute("kinds", Arrays.stream(TouchpointKind.values())
                .map(k -> new Option(k.name(), words(k))).toList());
        model.addAttribute("stages", Arrays.stream(JourneyStage.values())
                .map(s -> new Option(s.name(), words(s))).toList());
        model.addAttribute("priorities", IntStream.rangeClosed(1, 5).mapToObj(p -> new Option("" + p, "" + p)).toList());
        model.addAttribute("tasklist", TASKLIST);
        return "charter";
    }

    @GetMapping("/charter/versions")
    @Transactional(readOnly = true)
    String versions(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Model model) {
        Paging paging = paging(page, size);
        PageView<CharterViews.VersionSummary> versions = reading.versions(paging);
        ZoneId zone = zone();
        model.addAttribute("versions", versions.content().stream().map(v -> new VersionRow(v.number(), v.title(),
                words(v.status()), v.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                time(v.effectiveAt(), zone), time(v.supersededAt(), zone), day(v.reviewDate()),
                v.number() > 1 ? "/charter/versions/" + (v.number() - 1) + "/diff/" + v.number() : null)).toList());
        model.addAttribute("pager", Pager.of(versions, "/charter/versions", Map.of()));
        model.addAttribute("inAcceptance", header(charters.findFirstByStatus(CharterStatus.IN_ACCEPTANCE).orElse(null),
                zone));
        return "charter-versions";
    }

    @GetMapping("/charter/versions/{from}/diff/{to}")
    @Transactional(readOnly = true)
    String diff(@PathVariable int from, @PathVariable int to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model) {
        Paging paging = paging(page, size);
        CharterViews.Diff diff = reading.diff(from, to, paging);
        List<CharterViews.Change> changes = diff.changes().content();
        Map<String, Touchpoint> touchpointsByCode = changes.isEmpty() ? Map.of()
                : touchpoints.byCodes(changes.stream().map(CharterViews.Change::touchpoint).collect(Collectors.toSet()));
        TreeSet<String> functionCodes = new TreeSet<>();
        changes.forEach(c -> {
            if (c.before() != null) {
                functionCodes.add(c.before());
            }
            if (c.after() != null) {
                functionCodes.add(c.after());
            }
        });
        Map<String, BusinessFunction> functionsByCode = functionCodes.isEmpty() ? Map.of()
                : functions.byCodes(functionCodes);
        model.addAttribute("changes", changes.stream().map(c -> new ChangeRow(c.touchpoint(),
                Optional.ofNullable(touchpointsByCode.get(c.touchpoint())).map(Touchpoint::getName).orElse(c.touchpoint()),
                words(c.right()), nameOf(functionsByCode, c.before()), nameOf(functionsByCode, c.after()))).toList());
        ZoneId zone = zone();
        model.addAttribute("from", header(charters.findByNumber(from).orElse(null), zone));
        model.addAttribute("to", header(charters.findByNumber(to).orElse(null), zone));
        model.addAttribute("pager", Pager.of(diff.changes(), "/charter/versions/" + from + "/diff/" + to, Map.of()));
        return "charter-diff";
    }

    /**
     * Whether this person reads the charter's work in progress (the version in acceptance, the chair's draft):
     * the chair, the core group and administrators, who read drafts through {@code /api/charter/drafts} too.
     * Everyone else reads the version in force, as {@code /api/charter} answers them.
     */
    static boolean seesWorkInProgress(Authentication authentication) {
        Set<String> seeing = Set.of(Groups.authority(Groups.BOARD_CHAIR), Groups.authority(Groups.BOARD_CORE),
                Groups.authority(Groups.ADMIN));
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(seeing::contains);
    }

    /**
     * The version in force, and for those who {@link #seesWorkInProgress see work in progress} the one in
     * acceptance and the chair's newest draft: three small queries.
     */
    static Versions versions(CharterRepository charters, AllocationRepository allocations,
            Authentication authentication) {
        if (!seesWorkInProgress(authentication)) {
            return new Versions(charters.findFirstByStatus(CharterStatus.EFFECTIVE).orElse(null), null, null);
        }
        return new Versions(charters.findFirstByStatus(CharterStatus.EFFECTIVE).orElse(null),
                charters.findFirstByStatus(CharterStatus.IN_ACCEPTANCE).orElse(null),
                allocations.findNewestDrafts(PageRequest.of(0, 1)).stream().findFirst().orElse(null));
    }

    private static List<Row> rows(List<Touchpoint> page, List<Allocation> rights, Versions versions) {
        Map<Long, List<Allocation>> byTouchpoint = rights.stream()
                .collect(Collectors.groupingBy(a -> a.getTouchpoint().getId()));
        return page.stream().map(t -> row(t, byTouchpoint.getOrDefault(t.getId(), List.of()), versions)).toList();
    }

    private static Row row(Touchpoint t, List<Allocation> rights, Versions versions) {
        Map<RightKind, List<Allocation>> inForce = byRight(rights, versions.inForce());
        Map<RightKind, List<Allocation>> inAcceptance = byRight(rights, versions.inAcceptance());
        Map<RightKind, List<Allocation>> draft = byRight(rights, versions.draft());
        List<Cell> cells = new ArrayList<>();
        for (RightKind right : RightKind.values()) {
            cells.add(cell(right, inForce.get(right), inAcceptance.get(right), draft.get(right), versions));
        }
        TreeSet<String> divisions = new TreeSet<>();
        boolean groupWide = false;
        for (Allocation a : rights) {
            if (versions.draft() != null && a.getCharter().getId().equals(versions.draft().getId())) {
                continue;
            }
            Division d = a.getFunction().getDivision();
            if (d == null) {
                groupWide = true;
            } else {
                divisions.add(d.getName());
            }
        }
        if (groupWide) {
            divisions.add("Group-wide");
        }
        String division = divisions.isEmpty() ? "—" : String.join(", ", divisions);
        return new Row(t.getCode(), t.getName(), division, words(t.getKind()), words(t.getJourneyStage()),
                t.getPriority(), cells);
    }

    private static Map<RightKind, List<Allocation>> byRight(List<Allocation> rights, CharterVersion version) {
        Map<RightKind, List<Allocation>> byRight = new EnumMap<>(RightKind.class);
        if (version != null) {
            rights.stream().filter(a -> a.getCharter().getId().equals(version.getId()))
                    .forEach(a -> byRight.computeIfAbsent(a.getRight(), k -> new ArrayList<>()).add(a));
        }
        return byRight;
    }

    /** The state of one right: see the class's comment. */
    static Cell cell(RightKind right, List<Allocation> inForce, List<Allocation> inAcceptance, List<Allocation> draft,
            Versions versions) {
        String name = words(right);
        Allocation held = inForce == null || inForce.isEmpty() ? null : inForce.get(0);
        String heldBy = held == null ? null : held.getFunction().getName();
        if (inAcceptance != null && inAcceptance.size() > 1) {
            return conflict(name, inAcceptance, "in the version in acceptance, “" + versions.inAcceptance().getTitle()
                    + "”", heldBy);
        }
        if (draft != null && draft.size() > 1) {
            return conflict(name, draft, "in the chair's draft “" + versions.draft().getTitle() + "”", heldBy);
        }
        Allocation asked = inAcceptance == null || inAcceptance.isEmpty() ? null : inAcceptance.get(0);
        boolean sameAsInForce = asked != null && held != null
                && asked.getFunction().getId().equals(held.getFunction().getId())
                && (asked.isCarriedOver() || asked.getStatus() == AllocationStatus.ACCEPTED);
        String was = heldBy == null ? "" : " In force: " + heldBy + ".";
        if (asked != null && !sameAsInForce) {
            String owner = asked.getFunction().getName();
            String version = "“" + versions.inAcceptance().getTitle() + "”";
            return switch (asked.getStatus()) {
                case DECLINED -> new Cell(name, "declined", owner, "Declined",
                        "Its head declined it in " + version + ": the chair upholds it, gives it to another function"
                                + " or sends the dispute to the board." + was);
                case PENDING -> new Cell(name, "pending", owner, "Pending",
                        "Awaits the acceptance of its head in " + version + "." + was);
                case ACCEPTED -> new Cell(name, "pending", owner, "Accepted, not in force yet",
                        "Accepted in " + version + "; it takes force with that version." + was);
            };
        }
        if (held != null) {
            return new Cell(name, "effective", heldBy, "In force",
                    "Held in version " + versions.inForce().getNumber() + ", in force.");
        }
        return new Cell(name, "gap", null, "Gap", "No function holds this right.");
    }

    private static Cell conflict(String right, List<Allocation> claims, String where, String heldBy) {
        String owners = claims.stream().map(a -> a.getFunction().getName()).distinct().sorted()
                .collect(Collectors.joining(" / "));
        return new Cell(right, "conflict", owners, "Conflict", "Claimed by " + owners + " " + where
                + ": the chair gives it to one function, or the board decides."
                + (heldBy == null ? "" : " In force: " + heldBy + "."));
    }

    static VersionHeader header(CharterVersion v, ZoneId zone) {
        if (v == null) {
            return null;
        }
        Instant since = switch (v.getStatus()) {
            case EFFECTIVE -> v.getEffectiveAt();
            case IN_ACCEPTANCE -> v.getSubmittedAt();
            case SUPERSEDED -> v.getSupersededAt();
            case WITHDRAWN -> v.getWithdrawnAt();
            case DRAFT -> v.getCreatedAt();
        };
        return new VersionHeader(v.getId(), v.getNumber(), v.getTitle(), words(v.getStatus()), time(since, zone));
    }

    private ZoneId zone() {
        return zone.zone();
    }

    static String time(Instant when, ZoneId zone) {
        return when == null ? "" : TIME.withZone(zone).format(when);
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** A page of at most {@value #MAX_SIZE} rows, read leniently: a bad value is the default. */
    static Paging paging(String page, String size) {
        return Paging.lenient(page, size, MAX_SIZE);
    }

    private static String nameOf(Map<String, BusinessFunction> functions, String code) {
        if (code == null) {
            return null;
        }
        BusinessFunction function = functions.get(code);
        return function == null ? code : function.getName();
    }

    /** A lower-case LIKE pattern for a name containing the text, its wildcards escaped with '!'. */
    private static String likePattern(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static Integer priorityOf(String value) {
        try {
            int priority = Integer.parseInt(value == null ? "" : value.trim());
            return priority >= 1 && priority <= 5 ? priority : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String words(RightKind right) {
        return capitalised(right.word());
    }

    static String words(TouchpointKind kind) {
        return switch (kind) {
            case EXTERNAL_DIRECT -> "External, direct";
            case EXTERNAL_INDIRECT -> "External, indirect";
            case INTERNAL -> "Internal";
        };
    }

    static String words(JourneyStage stage) {
        return capitalised(stage.name().toLowerCase(Locale.ROOT));
    }

    static String words(CharterStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case IN_ACCEPTANCE -> "Out for acceptance";
            case EFFECTIVE -> "In force";
            case SUPERSEDED -> "Superseded";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
