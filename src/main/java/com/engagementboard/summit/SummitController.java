package com.engagementboard.summit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** Convening summits, their reports (JSON, page, PDF) and the sourcing register. */
@Controller
@Tag(name = "Summit")
class SummitController {

    record Summary(Long id, String title, java.time.Instant at, String status, String outcome) {
    }

    private final Summits summits;
    private final SummitReport reports;
    private final SummitPdf pdf;

    SummitController(Summits summits, SummitReport reports, SummitPdf pdf) {
        this.summits = summits;
        this.reports = reports;
        this.pdf = pdf;
    }

    @PostMapping("/api/summits")
    @PreAuthorize("hasAuthority('GROUP_board-chair')")
    @ResponseBody
    @Operation(summary = "Convene a summit (chair): the report lists divisions and functions with nobody invited")
    ResponseEntity<SummitReport.Report> convene(@RequestBody @Validated SummitRequest request, Principal chair) {
        Summit summit = summits.convene(request, chair.getName());
        return ResponseEntity.created(URI.create("/api/summits/" + summit.getId())).body(reports.of(summit.getId()));
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

    @GetMapping("/summits/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("report", reports.of(id));
        return "summit";
    }
}
