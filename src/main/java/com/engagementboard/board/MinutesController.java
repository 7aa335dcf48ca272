package com.engagementboard.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The minutes of a meeting, as a page and as a PDF. */
@Controller
@Tag(name = "Board")
class MinutesController {

    private final MeetingMinutes minutes;

    MinutesController(MeetingMinutes minutes) {
        this.minutes = minutes;
    }

    @GetMapping("/board/meetings/{id}/minutes")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("minutes", minutes.of(id));
        model.addAttribute("when", minutes.when());
        return "minutes";
    }

    @GetMapping(value = "/api/board/meetings/{id}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The minutes of a meeting as a PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] body = minutes.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"minutes-" + id + ".pdf\"").body(body);
    }
}
