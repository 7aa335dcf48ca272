package com.engagementboard.cases;

import com.engagementboard.security.Groups;
import com.engagementboard.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where a case stands: the page of one process instance with its diagram (drawn in the browser by bpmn-js
 * from {@code diagram.bpmn}, its steps marked from {@code state}), and the addresses that lead from a charter
 * version, a meeting or a summit to its case.
 */
@Controller
class CaseController {

    static final String BPMN_XML = "application/xml";

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable String id, Authentication user, Model model, HttpServletResponse response) {
        model.addAttribute("c", cases.view(id, user.getName(), Groups.of(user)));
        // The page that draws the diagram, and it alone, allows bpmn-js's own fixed inline styles (see the policy).
        response.setHeader("Content-Security-Policy", CasePagePolicy.HEADER);
        return "case";
    }

    @GetMapping(value = "/cases/{id}/diagram.bpmn", produces = BPMN_XML)
    @ResponseBody
    byte[] diagram(@PathVariable String id, Authentication user, HttpServletResponse response) {
        byte[] xml = cases.diagram(id, user.getName(), Groups.of(user));
        // A process definition version never changes: the browser may keep it while the person stays logged in.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        return xml;
    }

    @GetMapping(value = "/cases/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Cases.CaseState state(@PathVariable String id, Authentication user) {
        return cases.state(id, user.getName(), Groups.of(user));
    }

    @GetMapping("/charter/{charterId}/case")
    String charterVersion(@PathVariable long charterId, Authentication user) {
        return toCase(cases.ofCharterVersion(charterId, user.getName(), Groups.of(user)).orElseThrow(() -> new NotFoundException(
                "case of charter version", String.valueOf(charterId))));
    }

    @GetMapping("/board/meetings/{meetingId}/case")
    String meeting(@PathVariable long meetingId, Authentication user) {
        return toCase(cases.ofMeeting(meetingId, user.getName(), Groups.of(user)).orElseThrow(() -> new NotFoundException("case of meeting",
                String.valueOf(meetingId))));
    }

    @GetMapping("/summits/{summitId}/case")
    String summit(@PathVariable long summitId, Authentication user) {
        return toCase(cases.ofSummit(summitId, user.getName(), Groups.of(user)).orElseThrow(() -> new NotFoundException("case of summit",
                String.valueOf(summitId))));
    }

    private static String toCase(String instanceId) {
        return "redirect:/cases/" + instanceId;
    }
}
