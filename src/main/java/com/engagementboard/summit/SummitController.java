package com.engagementboard.summit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.PageForms;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Pager;
import com.engagementboard.web.Paging;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Convening summits, their reports (JSON, page, PDF) and the sourcing register. */
@Controller
@Tag(name = "Summit")
class SummitController {

    record Summary(Long id, String title, Instant at, String status, String outcome) {
    }

    /** One summit in the list of summits, as people read it. */
    record Row(long id, String title, Instant at, String status, String badge, String chair) {
    }

    /** The longest page of the summits' list. */
    static final int MAX_PAGE_SIZE = 100;

    private final Summits summits;
    private final SummitReport reports;
    private final SummitPdf pdf;
    private final People people;
    private final Clock clock;

    SummitController(Summits summits, SummitReport reports, SummitPdf pdf, People people, Clock clock) {
        this.clock = clock;
        this.summits = summits;
        this.reports = reports;
        this.pdf = pdf;
        this.people = people;
    }

    @PostMapping("/api/summits")
    @PreAuthorize("hasAuthority('GROUP_board-chair')")
    @ResponseBody
    @Operation(summary = "Convene a summit (chair): the report lists divisions and functions with nobody invited")
    ResponseEntity<SummitReport.Report> convene(@RequestBody @Validated SummitRequest request, Principal chair) {
        Summit summit = summits.convene(request, chair.getName());
        return ResponseEntity.created(URI.create("/api/summits/" + summit.getId())).body(reports.of(summit.getId()));
    }

    /** Why the chair cancels a summit; every participant is told. */
    record CancellationRequest(@Schema(maxLength = Summit.MAX_REASON) String reason) {
    }

    /** When the summit meets instead, and why; every participant is told. */
    record PostponementRequest(Instant at, @Schema(maxLength = Summit.MAX_REASON) String reason) {
    }

    @PostMapping("/api/summits/{id}/cancel")
    @ResponseBody
    @Operation(summary = "Cancel a summit (chair), with a reason: its open tasks end and every participant is told; "
            + "409 once it has closed")
    SummitReport.Report cancel(@PathVariable long id, @RequestBody CancellationRequest cancellation, Principal chair) {
        summits.cancel(id, cancellation == null ? null : cancellation.reason(), chair.getName());
        return reports.of(id);
    }

    @PostMapping("/api/summits/{id}/postpone")
    @ResponseBody
    @Operation(summary = "Postpone a summit before it opens (chair), to a later date and with a reason: the pre-work "
            + "given is kept, the rest is due by the new date, every participant is told; 409 once it has opened")
    SummitReport.Report postpone(@PathVariable long id, @RequestBody PostponementRequest postponement, Principal chair) {
        summits.postpone(id, postponement == null ? null : postponement.at(),
                postponement == null ? null : postponement.reason(), chair.getName());
        return reports.of(id);
    }

    @GetMapping("/api/summits")
    @ResponseBody
    @Operation(summary = "Every summit, newest first")
    List<Summary> all() {
        return summits.all().stream().map(s -> new Summary(s.getId(), s.getTitle(), s.getAt(), s.getStatus().name(),
                s.getOutcome())).toList();
    }

    @GetMapping("/api/summits/{id}")
    @ResponseBody
    @Operation(summary = "A summit's report: vision, plan, sourcing, what it founded, what changed since the last")
    SummitReport.Report report(@PathVariable long id) {
        return reports.of(id);
    }

    @GetMapping(value = "/api/summits/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A summit's report as a PDF")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"summit-" + id + ".pdf\"").body(pdf.of(reports.of(id)));
    }

    @GetMapping("/api/sourcing")
    @ResponseBody
    @Operation(summary = "The sourcing register: each ecosystem element in-house, by partners or mixed, and why")
    List<SummitReport.SourcingView> sourcing() {
        return reports.register();
    }

    /**
     * Every summit, newest first, a page at a time (at most {@value #MAX_PAGE_SIZE} rows): title, date in the
     * company's zone, where it stands in words, who chairs it; each links to its page.
     */
    @GetMapping("/summits")
    String list(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
            Model model) {
        // A person's page: an edited address is never a 400 (a size above the longest page is cut to it).
        Paging paging = Paging.lenient(page, size, MAX_PAGE_SIZE);
        // Summits are few (one or two a year): the service's list, cut to the page.
        PageView<Summit> found = PageView.of(summits.all(), paging);
        Map<String, String> chairs = people.namesOf(found.content().stream().map(Summit::getChair).toList());
        model.addAttribute("summits", found.map(s -> new Row(s.getId(), s.getTitle(), s.getAt(),
                statusInWords(s.getStatus()), badge(s.getStatus()), chairs.get(s.getChair()))));
        model.addAttribute("pager", Pager.of(found, "/summits", Map.of()));
        model.addAttribute("zone", clock.getZone().getId());
        return "summits";
    }

    static String statusInWords(Summit.Status status) {
        return switch (status) {
            case CONVENED -> "Convened: pre-work under way";
            case IN_SESSION -> "In session";
            case CLOSED -> "Closed: report ready";
            case CANCELLED -> "Cancelled";
        };
    }

    /** The shared badge for a state (app.css): planned or going on, done, called off. */
    static String badge(Summit.Status status) {
        return switch (status) {
            case CONVENED, IN_SESSION -> "badge-pending";
            case CLOSED -> "badge-effective";
            case CANCELLED -> "badge-declined";
        };
    }

    @GetMapping("/summits/{id}")
    String page(@PathVariable long id, Authentication user, Model model) {
        return page(id, user, model, null, null);
    }

    /** The chair cancels the summit from its page. */
    @PostMapping("/summits/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
            Model model, HttpServletResponse response) {
        return PageForms.submit(() -> summits.cancel(id, reason, user.getName()), "redirect:/summits/" + id, response,
                refusal -> page(id, user, model, refusal, reason));
    }

    /** The chair postpones the summit from its page (the date and time read in the company's zone). */
    @PostMapping("/summits/{id}/postpone")
    String postpone(@PathVariable long id, @RequestParam(required = false) String at,
            @RequestParam(required = false) String reason, Authentication user, Model model,
            HttpServletResponse response) {
        return PageForms.submit(() -> summits.postpone(id, localDateTime(at), reason, user.getName()),
                "redirect:/summits/" + id, response, refusal -> page(id, user, model, refusal, reason));
    }

    /** A date and time from the page's form, in the company's zone. */
    private Instant localDateTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem("at", "give the new date and time, such as "
                    + "2027-03-01T09:00")));
        }
    }

    private String page(long id, Authentication user, Model model, String refusal, String reason) {
        SummitReport.Report report = reports.of(id);
        boolean chair = user != null && user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Groups.authority(Groups.BOARD_CHAIR)));
        model.addAttribute("report", report);
        // The report's people by name, in one query (the JSON keeps their user ids); where it stands in words.
        Map<String, String> names = people.namesOf(java.util.stream.Stream.of(java.util.stream.Stream.of(report.chair()),
                report.missingPreWork().stream(), report.assessments().stream().map(SummitReport.AssessmentView::user))
                .flatMap(s -> s).toList());
        model.addAttribute("names", names);
        model.addAttribute("missingPreWork", report.missingPreWork().stream().map(names::get).toList());
        model.addAttribute("status", statusInWords(Summit.Status.valueOf(report.status())));
        model.addAttribute("cancellable", chair && ("CONVENED".equals(report.status())
                || "IN_SESSION".equals(report.status())));
        model.addAttribute("postponable", chair && "CONVENED".equals(report.status()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", reason);
        model.addAttribute("maxReason", Summit.MAX_REASON);
        // Times on the page, and the one the chair types in to postpone, are in the company's zone.
        model.addAttribute("zone", clock.getZone().getId());
        return "summit";
    }
}
