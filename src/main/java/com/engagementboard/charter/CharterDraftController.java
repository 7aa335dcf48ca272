package com.engagementboard.charter;

import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftPatch;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.CharterViews.DraftView;
import com.engagementboard.web.Csv;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chair drafts charter versions here and submits them for acceptance. */
@RestController
@RequestMapping("/api/charter/drafts")
@Tag(name = "Charter")
@PreAuthorize("hasAuthority('GROUP_board-chair')")
class CharterDraftController {

    /** Who reads a draft and its checks: the chair, the board's core group, administrators. */
    private static final String READERS = "hasAnyAuthority('GROUP_board-chair', 'GROUP_board-core', 'GROUP_camunda-admin')";

    static final String CSV_HEADER = "touchpoint,right,function";

    private final CharterDrafts drafts;

    CharterDraftController(CharterDrafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a draft from JSON (chair). With a version in force the draft starts from it: the "
            + "rights it does not state are carried over, accepted; ?amend=true refuses when no version is in force")
    ResponseEntity<DraftView> create(@RequestBody @Validated DraftRequest request,
            @RequestParam(defaultValue = "false") boolean amend, Principal user) {
        return created(drafts.create(request, amend, user.getName(), i -> "allocations[" + i + "]"));
    }

    @PostMapping(consumes = "text/csv")
    @Operation(summary = "Create a draft from CSV with the header touchpoint,right,function (chair)")
    ResponseEntity<DraftView> createFromCsv(@RequestBody String csv, @RequestParam String title,
            @RequestParam(defaultValue = "false") boolean amend, Principal user) {
        if (title.isBlank() || title.length() > 200) {
            throw new InvalidInputException("title", "must be between 1 and 200 characters");
        }
        List<Csv.Row> rows = allocationRows(csv);
        List<AllocationLine> lines = rows.stream().map(r -> new AllocationLine(r.get(0), r.get(1), r.get(2))).toList();
        return created(drafts.create(new DraftRequest(title, null, lines), amend, user.getName(),
                i -> "line " + rows.get(i).line()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A draft with one page of its allocations (and how each was settled; by touchpoint code and "
            + "right), its first 200 gaps (every unowned right of the organisation; blocksSubmission for the "
            + "touchpoints it covers, listed first), conflicts and warnings, and how many of each (counts)")
    DraftView get(@PathVariable long id, Paging paging) {
        return drafts.view(id, paging);
    }

    @GetMapping("/{id}/gaps")
    @PreAuthorize(READERS)
    @Operation(summary = "A draft's gaps, one page at a time: those of the touchpoints it covers (blocking) first, "
            + "then every other unowned right of the organisation")
    PageView<CharterChecks.Gap> gaps(@PathVariable long id, Paging paging) {
        return PageView.of(drafts.checks(id).gaps(), paging);
    }

    @GetMapping("/{id}/conflicts")
    @PreAuthorize(READERS)
    @Operation(summary = "A draft's conflicts (a right given to more than one function), one page at a time")
    PageView<CharterChecks.Conflict> conflicts(@PathVariable long id, Paging paging) {
        return PageView.of(drafts.checks(id).conflicts(), paging);
    }

    @GetMapping("/{id}/warnings")
    @PreAuthorize(READERS)
    @Operation(summary = "A draft's warnings (an owner with no head, a right that loses its owner), one page at a time")
    PageView<CharterChecks.Warning> warnings(@PathVariable long id, Paging paging) {
        return PageView.of(drafts.checks(id).warnings(), paging);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a draft's title, scope and allocations (chair)")
    DraftView replace(@PathVariable long id, @RequestBody @Validated DraftRequest request) {
        return drafts.view(drafts.replace(id, request, i -> "allocations[" + i + "]").getId(), Paging.first());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some allocations (each replaces its touchpoint and right; no function drops it, "
            + "and a right the version in force holds then shows as losing its owner)")
    DraftView patch(@PathVariable long id, @RequestBody @Validated DraftPatch patch) {
        return drafts.view(drafts.patch(id, patch, i -> "allocations[" + i + "]").getId(), Paging.first());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Discard a draft (chair)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        drafts.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Send the draft to the function heads for acceptance; 409 while it has gaps or conflicts, "
            + "and while another version is in acceptance (one at a time: the problem names it; withdraw it or wait)")
    DraftView submit(@PathVariable long id) {
        return drafts.view(drafts.submit(id).getId(), Paging.first());
    }

    /** Why the chair withdraws a version in acceptance; the heads are told. */
    record Withdrawal(@Schema(maxLength = CharterVersion.MAX_WITHDRAWAL_REASON) String reason) {
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a version in acceptance (chair), with a reason: its open tasks end, the heads "
            + "are told, it never takes force; 409 once it is effective")
    DraftView withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal, Principal user) {
        return drafts.view(drafts.withdraw(id, withdrawal == null ? null : withdrawal.reason(), user.getName())
                .getId(), Paging.first());
    }

    private ResponseEntity<DraftView> created(CharterVersion draft) {
        return ResponseEntity.created(URI.create("/api/charter/drafts/" + draft.getId()))
                .body(drafts.view(draft.getId(), Paging.first()));
    }

    /**
     * The "touchpoint,right,function" rows after the header (values may be quoted), each with three
     * values; problems name the line of the text.
     */
    static List<Csv.Row> allocationRows(String csv) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(csv);
        } catch (Csv.MalformedCsvException e) {
            throw e.asInvalidInput();
        }
        if (rows.isEmpty() || !String.join(",", rows.get(0).cells()).replace(" ", "").equalsIgnoreCase(CSV_HEADER)) {
            throw new InvalidInputException("line " + (rows.isEmpty() ? 1 : rows.get(0).line()),
                    "must be the header '" + CSV_HEADER + "'");
        }
        List<Csv.Row> allocations = rows.subList(1, rows.size());
        for (Csv.Row row : allocations) {
            if (row.size() != 3) {
                throw new InvalidInputException("line " + row.line(),
                        "must have three values touchpoint,right,function: '" + row + "'");
            }
        }
        return allocations;
    }
}
