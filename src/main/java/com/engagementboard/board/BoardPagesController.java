package com.engagementboard.board;

import com.engagementboard.security.Groups;
import com.engagementboard.web.Pager;
import com.engagementboard.web.Paging;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The board's record as pages: the decision register (searchable) and each decision, the meetings and each
 * meeting's agenda, votes and decisions, and the actions by owner and status. Read by every logged-in person.
 */
@Controller
class BoardPagesController {

    /** The most rows a page of these lists shows; a larger size asked for is cut to it. */
    static final int MAX_PAGE_SIZE = 100;

    private final BoardPages pages;

    BoardPagesController(BoardPages pages) {
        this.pages = pages;
    }

    /** The page asked for, leniently (never a 400 for an edited address), at most {@value #MAX_PAGE_SIZE} rows. */
    static Paging paging(String page, String size) {
        return Paging.lenient(page, size, MAX_PAGE_SIZE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAChoice) {
            return null;
        }
    }

    @GetMapping("/board/decisions")
    String decisions(@RequestParam(required = false) String q, @RequestParam(required = false) String touchpoint,
            @RequestParam(required = false) String function, @RequestParam(required = false) String meeting,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model) {
        String text = blankToNull(q);
        if (text != null && text.length() > BoardRegister.MAX_SEARCH_TEXT) {
            text = text.substring(0, BoardRegister.MAX_SEARCH_TEXT);
        }
        String touchpointCode = blankToNull(touchpoint);
        String functionCode = blankToNull(function);
        Long meetingId = id(meeting);
        BoardController.Outcome result = choice(BoardController.Outcome.class, outcome);
        BoardPages.Register register = pages.register(text, meetingId, touchpointCode, functionCode, result,
                paging(page, size));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", text);
        filters.put("touchpoint", touchpointCode);
        filters.put("function", functionCode);
        filters.put("meeting", meetingId == null ? null : meetingId.toString());
        filters.put("outcome", result == null ? null : result.name());
        model.addAttribute("register", register);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.values().stream().anyMatch(v -> v != null));
        model.addAttribute("maxText", BoardRegister.MAX_SEARCH_TEXT);
        model.addAttribute("pager", Pager.of(register.page(), "/board/decisions", filters));
        // The download takes the API's filters (touchpoint, function, outcome); it is the whole register, not a page.
        Map<String, Object> csvFilters = new LinkedHashMap<>();
        csvFilters.put("touchpoint", touchpointCode);
        csvFilters.put("function", functionCode);
        csvFilters.put("outcome", filters.get("outcome"));
        model.addAttribute("csv", Pager.link("/api/board/decisions.csv", csvFilters, 0, Paging.DEFAULT_SIZE));
        return "board-decisions";
    }

    @GetMapping("/board/decisions/{id}")
    String decision(@PathVariable long id, Model model) {
        model.addAttribute("d", pages.decision(id));
        return "board-decision";
    }

    @GetMapping("/board/meetings")
    String meetings(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Model model) {
        BoardPages.Meetings meetings = pages.meetings(paging(page, size));
        model.addAttribute("meetings", meetings);
        model.addAttribute("pager", Pager.of(meetings.page(), "/board/meetings", Map.of()));
        return "board-meetings";
    }

    @GetMapping("/board/meetings/{id}")
    String meeting(@PathVariable long id, Authentication user, Model model) {
        BoardPages.MeetingPage meeting = pages.meeting(id);
        model.addAttribute("m", meeting);
        // The chair may call a meeting off until it opens (the call-off page itself is the chair's only).
        model.addAttribute("mayCallOff", meeting.beforeOpening() && user != null
                && Groups.of(user).contains(Groups.BOARD_CHAIR));
        return "board-meeting";
    }

    @GetMapping("/board/actions")
    String actions(@RequestParam(required = false) String owner, @RequestParam(required = false) String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        String ownerCode = blankToNull(owner);
        BoardAction.Status state = choice(BoardAction.Status.class, status);
        BoardPages.Actions actions = pages.actions(ownerCode, state, paging(page, size));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("owner", ownerCode);
        filters.put("status", state == null ? null : state.name());
        model.addAttribute("actions", actions);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", ownerCode != null || state != null);
        model.addAttribute("statuses", BoardAction.Status.values());
        model.addAttribute("pager", Pager.of(actions.page(), "/board/actions", filters));
        return "board-actions";
    }
}
