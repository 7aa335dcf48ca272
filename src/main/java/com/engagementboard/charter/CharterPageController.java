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

/**
 * Every right a charter version gives one function, on one page: what a head's acceptance form links
 * to when there are more rights than the form shows. For the function's head, the chair and
 * administrators.
 */
@Controller
class CharterPageController {

    private final CharterRepository charters;
    private final AllocationRepository allocations;

    CharterPageController(CharterRepository charters, AllocationRepository allocations) {
        this.charters = charters;
        this.allocations = allocations;
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
