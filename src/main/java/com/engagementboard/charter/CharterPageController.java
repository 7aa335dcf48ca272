package com.engagementboard.charter;

import com.engagementboard.security.Groups;
import com.engagementboard.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;

/**
 * The charter's pages: every right a version gives one function (what a head's acceptance form links to
 * when there are more rights than the form shows; for the function's head, the chair and administrators),
 * and the chair's page to withdraw a version in acceptance (linked from her chase tasks in the Tasklist).
 */
@Controller
class CharterPageController {

    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final CharterDrafts drafts;
    private final Clock clock;

    CharterPageController(CharterRepository charters, AllocationRepository allocations, CharterDrafts drafts,
            Clock clock) {
        this.clock = clock;
        this.charters = charters;
        this.allocations = allocations;
        this.drafts = drafts;
    }

    static String withdrawPage(long charterId) {
        return "/charter/" + charterId + "/withdraw";
    }

    /** The chair's page: the version, where its acceptance stands, and a reason to withdraw it (chair only). */
    @GetMapping("/charter/{charterId}/withdraw")
    @Transactional(readOnly = true)
    String withdrawal(@PathVariable long charterId, Model model) {
        return withdrawalPage(charterId, model, null, null);
    }

    @PostMapping("/charter/{charterId}/withdraw")
    String withdraw(@PathVariable long charterId, @RequestParam(required = false) String reason, Authentication user,
            Model model, HttpServletResponse response) {
        return PageForms.submit(() -> drafts.withdraw(charterId, reason, user.getName()),
                "redirect:" + withdrawPage(charterId), response,
                refusal -> withdrawalPage(charterId, model, refusal, reason));
    }

    private String withdrawalPage(long charterId, Model model, String refusal, String reason) {
        CharterVersion charter = charters.findById(charterId).orElseThrow(() -> new NotFoundException("charter",
                String.valueOf(charterId)));
        Map<AllocationStatus, Long> counts = new java.util.EnumMap<>(AllocationStatus.class);
        for (AllocationStatus status : AllocationStatus.values()) {
            counts.put(status, allocations.countByCharterIdAndStatus(charterId, status));
        }
        model.addAttribute("charter", charter);
        model.addAttribute("counts", counts);
        model.addAttribute("withdrawable", charter.getStatus() == CharterStatus.IN_ACCEPTANCE);
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", reason);
        model.addAttribute("maxReason", CharterVersion.MAX_WITHDRAWAL_REASON);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
                java.util.Locale.ENGLISH).withZone(clock.getZone());
        model.addAttribute("submitted", charter.getSubmittedAt() == null ? "-" : when.format(charter.getSubmittedAt()));
        model.addAttribute("withdrawnAt", charter.getWithdrawnAt() == null ? "" : when.format(charter.getWithdrawnAt()));
        return "charter-withdraw";
    }

    static String rightsPage(long charterId, String functionCode) {
        return "/charter/" + charterId + "/functions/" + functionCode;
    }

    @GetMapping("/charter/{charterId}/functions/{code}")
    @Transactional(readOnly = true)
    String rights(@PathVariable long charterId, @PathVariable String code, Authentication user, Model model) {
        List<String> allowed = List.of(Groups.authority(Groups.head(code)), Groups.authority(Groups.BOARD_CHAIR),
                Groups.authority(Groups.ADMIN));
        if (user.getAuthorities().stream().noneMatch(a -> allowed.contains(a.getAuthority()))) {
            throw new AccessDeniedException("Only the head of " + code + ", the chair and administrators see this page");
        }
        CharterVersion charter = charters.findById(charterId).orElseThrow(() -> new NotFoundException("charter",
                String.valueOf(charterId)));
        Map<RightKind, List<Allocation>> byRight = allocations.findByCharterIdAndFunctionCode(charterId, code).stream()
                .sorted(java.util.Comparator.comparing((Allocation a) -> a.getTouchpoint().getName()))
                .collect(Collectors.groupingBy(Allocation::getRight, TreeMap::new, Collectors.toList()));
        model.addAttribute("charter", charter);
        model.addAttribute("function", code);
        model.addAttribute("byRight", byRight);
        model.addAttribute("total", byRight.values().stream().mapToInt(List::size).sum());
        return "charter-rights";
    }
}
