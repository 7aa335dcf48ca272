package com.engagementboard.change;

import com.engagementboard.security.Groups;
import com.engagementboard.web.PageView;
import com.engagementboard.web.PageZone;
import com.engagementboard.web.Pager;
import com.engagementboard.web.Paging;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The changes pages: where a proposer sees their proposals stand, a head sees what their functions have to
 * decide, build or confirm, and anyone reads every change; one change with its history.
 */
@Controller
class ChangePagesController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final int MAX_PAGE_SIZE = 200;

    /** Which changes a list shows. */
    enum Show { MINE, FUNCTIONS, ALL }

    private final Changes changes;
    private final PageZone zone;

    ChangePagesController(Changes changes, PageZone zone) {
        this.changes = changes;
        this.zone = zone;
    }

    /** One row of the list, in words. */
    record Row(long id, String proposed, String touchpoint, String what, String status, String route,
            String proposer) {
    }

    @GetMapping("/changes")
    String list(@RequestParam(required = false) String show, @RequestParam(required = false) String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Authentication user, Model model) {
        Show which = choice(Show.class, show, Show.MINE);
        TouchpointChange.Status state = choice(TouchpointChange.Status.class, status, null);
        List<String> functions = Groups.of(user).stream().filter(Groups::isHeadGroup)
                .map(Groups::functionOfHeadGroup).toList();
        PageView<ChangeViews.ChangeView> found = changes.find(new Changes.Filter(
                which == Show.MINE ? user.getName() : null, null, state,
                which == Show.FUNCTIONS ? functions : null), Paging.lenient(page, size, MAX_PAGE_SIZE));
        PageView<Row> rows = found.map(this::row);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("show", which.name().toLowerCase(Locale.ROOT));
        filters.put("status", state == null ? null : state.name());
        model.addAttribute("rows", rows);
        model.addAttribute("show", which.name().toLowerCase(Locale.ROOT));
        model.addAttribute("headOfAFunction", !functions.isEmpty());
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", TouchpointChange.Status.values());
        model.addAttribute("pager", Pager.of(rows, "/changes", filters));
        return "changes";
    }

    @GetMapping("/changes/{id}")
    String one(@PathVariable long id, Model model) {
        ChangeViews.ChangeView change = changes.view(id);
        model.addAttribute("c", change);
        model.addAttribute("status", words(change.status()));
        model.addAttribute("proposed", time(change.createdAt()));
        model.addAttribute("buildDue", time(change.buildDue()));
        model.addAttribute("history", change.history().stream().map(e -> Map.of("at", time(e.at()), "who",
                e.actorName(), "what", words(e.kind()), "note", e.note() == null ? "" : e.note())).toList());
        return "change";
    }

    private Row row(ChangeViews.ChangeView c) {
        String what = c.whatChange().strip().lines().findFirst().orElse("");
        return new Row(c.id(), time(c.createdAt()), c.touchpointName() == null ? "not named yet" : c.touchpointName(),
                what.length() > 120 ? what.substring(0, 117) + "..." : what, words(c.status()),
                c.route() == null ? "" : words(c.route()), c.proposerName());
    }

    private String time(Instant when) {
        return when == null ? "" : TIME.withZone(zone.zone()).format(when);
    }

    /** A status or a kind of step as people say it: "in design", "board approved". */
    static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAChoice) {
            return otherwise;
        }
    }
}
