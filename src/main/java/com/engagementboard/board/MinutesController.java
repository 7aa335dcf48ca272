package com.engagementboard.board;

import com.engagementboard.web.ConflictException;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.PageForms;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The minutes of a meeting, as a page and as a PDF; and the chair's page to call a meeting off. */
@Controller
@Tag(name = "Board")
class MinutesController {

    private final MeetingMinutes minutes;
    private final BoardMeetings meetings;
    private final BoardRegister register;

    MinutesController(MeetingMinutes minutes, BoardMeetings meetings, BoardRegister register) {
        this.minutes = minutes;
        this.meetings = meetings;
        this.register = register;
    }

    /** The chair's page: the meeting, its agenda, and a reason to call it off (chair only, linked from her agenda task). */
    @GetMapping("/board/meetings/{id}/call-off")
    String callOffPage(@PathVariable long id, Model model) {
        return callOffPage(id, model, null, null);
    }

    @PostMapping("/board/meetings/{id}/call-off")
    String callOff(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
            Model model, HttpServletResponse response) {
        return PageForms.submit(() -> meetings.callOff(id, reason, user.getName()),
                "redirect:/board/meetings/" + id + "/call-off", response,
                refusal -> callOffPage(id, model, refusal, reason));
    }

    private String callOffPage(long id, Model model, String refusal, String reason) {
        BoardViews.MeetingView meeting = register.meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("callable", List.of("SCHEDULED", "AGENDA_CLOSED", "AGENDA_PUBLISHED")
                .contains(meeting.status()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", reason);
        model.addAttribute("maxReason", Meeting.MAX_REASON);
        // In the board's zone, as the minutes and the board's tasks say it.
        model.addAttribute("zone", minutes.when().getZone().getId());
        return "meeting-call-off";
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
