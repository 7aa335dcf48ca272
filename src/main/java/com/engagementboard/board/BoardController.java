package com.engagementboard.board;

import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.ItemView;
import com.engagementboard.board.BoardViews.MeetingView;
import com.engagementboard.security.ChairOrAdmin;
import com.engagementboard.web.Csv;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board: its set-up, meetings, agenda items, decision register and actions. */
@RestController
@Tag(name = "Board")
class BoardController {

    record CallMeeting(@NotNull Instant at, @Size(max = 2000) String reason) {
    }

    private final BoardSetupService setup;
    private final MeetingScheduler scheduler;
    private final AgendaItems items;
    private final BoardRegister register;
    private final BoardActions actions;
    private final BoardMeetings meetings;

    BoardController(BoardSetupService setup, MeetingScheduler scheduler, AgendaItems items, BoardRegister register,
            BoardActions actions, BoardMeetings meetings) {
        this.meetings = meetings;
        this.setup = setup;
        this.scheduler = scheduler;
        this.items = items;
        this.register = register;
        this.actions = actions;
    }

    @GetMapping("/api/board")
    @Operation(summary = "The board's set-up: chair, members, core group, cadence, quorum and decision rule")
    BoardSetupService.BoardView board() {
        return setup.view();
    }

    @PutMapping("/api/board")
    @ChairOrAdmin
    @Operation(summary = "Set up the board (chair or administrator); a new cadence applies to the next meeting")
    BoardSetupService.BoardView update(@RequestBody @Validated BoardSetupRequest request) {
        return setup.update(request);
    }

    @PostMapping("/api/board/meetings")
    @PreAuthorize("hasAuthority('GROUP_board-chair')")
    @Operation(summary = "Call an extraordinary meeting (chair)")
    ResponseEntity<MeetingView> call(@RequestBody @Validated CallMeeting request, Principal chair) {
        Meeting meeting = scheduler.callExtraordinary(request.at(), request.reason(), chair.getName());
        return ResponseEntity.created(URI.create("/api/board/meetings/" + meeting.getId()))
                .body(register.meeting(meeting.getId()));
    }

    @GetMapping("/api/board/meetings")
    @Operation(summary = "Past and upcoming meetings, newest first, with their agendas, one page at a time")
    PageView<MeetingView> meetings(Paging paging) {
        return register.meetings(paging);
    }

    @GetMapping("/api/board/meetings/{id}")
    @Operation(summary = "One meeting with its agenda")
    MeetingView meeting(@PathVariable long id) {
        return register.meeting(id);
    }

    @PostMapping("/api/board/agenda-items")
    @PreAuthorize("hasAuthority('GROUP_board-member')")
    @Operation(summary = "Submit an agenda item with its fact base (board members); without facts it is returned")
    ResponseEntity<ItemView> submit(@RequestBody @Validated AgendaItemRequest request, Principal author) {
        AgendaItem item = items.submit(request, author.getName());
        return ResponseEntity.created(URI.create("/api/board/agenda-items/" + item.getId()))
                .body(ItemView.of(items.get(item.getId())));
    }

    /** Why its author withdraws an item; the chair reads it. */
    record Withdrawal(@Schema(maxLength = AgendaItem.MAX_WITHDRAWAL_REASON) String reason) {
    }

    @PostMapping("/api/board/agenda-items/{id}/withdraw")
    @Operation(summary = "Withdraw one's own agenda item, with a reason, until the agenda it is on is published (its "
            + "author): 403 for anyone else, 409 once it is decided, withdrawn or on a published agenda")
    ItemView withdrawItem(@PathVariable long id, @RequestBody Withdrawal withdrawal, Principal author) {
        items.withdrawByAuthor(id, author.getName(), withdrawal == null ? null : withdrawal.reason());
        return ItemView.of(items.get(id));
    }

    @GetMapping("/api/board/agenda-items/{id}")
    @Operation(summary = "One agenda item with its status and fact base")
    ItemView item(@PathVariable long id) {
        return ItemView.of(items.get(id));
    }

    @GetMapping("/api/board/decisions")
    @Operation(summary = "The decision register, newest first, one page at a time; searchable by touchpoint, "
            + "function, outcome, escalation and date range (from/to: dates, inclusive)")
    PageView<DecisionView> decisions(@RequestParam(required = false) String touchpoint,
            @RequestParam(required = false) String function, @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Paging paging) {
        return register.decisions(touchpoint, function, outcome, escalated, from, to, paging);
    }

    @GetMapping(value = "/api/board/decisions.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The whole decision register as CSV (a download: not paged), with the same filters")
    ResponseEntity<String> decisionsCsv(@RequestParam(required = false) String touchpoint,
            @RequestParam(required = false) String function, @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String body = Csv.write(List.of("id", "decided_at", "meeting", "item", "outcome", "escalated", "title",
                "touchpoints", "functions", "votes"),
                register.decisions(touchpoint, function, outcome, escalated, from, to).stream()
                        .map(d -> Arrays.asList(d.id(), d.decidedAt(), d.meetingId(), d.itemId(), d.outcome(),
                                d.escalated(), d.title(), String.join(" ", d.touchpoints()),
                                String.join(" ", d.functions()), d.votes()))
                        .toList());
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"board-decisions.csv\"").body(body);
    }

    @GetMapping("/api/board/actions")
    @Operation(summary = "Actions at touchpoints, overdue ones first, then open ones by due date, then done ones, "
            + "one page at a time; ?status=OPEN or DONE")
    PageView<BoardActions.ActionView> actions(@RequestParam(required = false) BoardAction.Status status,
            Paging paging) {
        return actions.all(status, paging);
    }

    /**
     * Why the chair calls a meeting off; every member is told. Not named CallOff: the OpenAPI document names schemas
     * by simple name, and the meeting view's CallOff (by, at, reason) would stand for this body (BadInputIT on
     * PostgreSQL called a meeting off with a "wrong" {@code by} the body never had).
     */
    record CallOffRequest(@Schema(maxLength = Meeting.MAX_REASON) String reason) {
    }

    @PostMapping("/api/board/meetings/{id}/call-off")
    @PreAuthorize("hasAuthority('GROUP_board-chair')")
    @Operation(summary = "Call a meeting off before it opens (chair), with a reason: the items on its agenda are "
            + "carried over to the next meeting, every member is told, no minutes are written; 409 once it is in "
            + "session, closed or called off")
    MeetingView callOff(@PathVariable long id, @RequestBody CallOffRequest callOff, Principal chair) {
        meetings.callOff(id, callOff == null ? null : callOff.reason(), chair.getName());
        return register.meeting(id);
    }

    /** Why the chair cancels an action; its owner is told. */
    record CancellationRequest(@Schema(maxLength = BoardAction.MAX_NOTE) String reason) {
    }

    @PostMapping("/api/board/actions/{id}/cancel")
    @Operation(summary = "Cancel an open or blocked action, with a reason (chair): its owner's task ends; 409 once "
            + "it is done or cancelled")
    BoardActions.ActionView cancelAction(@PathVariable long id, @RequestBody CancellationRequest cancellation,
            Principal user) {
        return actions.cancel(id, cancellation == null ? null : cancellation.reason(), user.getName());
    }

    /** Outcomes of the register. */
    enum Outcome { APPROVED, REJECTED }
}
