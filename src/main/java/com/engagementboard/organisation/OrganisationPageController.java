package com.engagementboard.organisation;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organisation at a glance: divisions, functions with their heads, touchpoints by kind. */
@Controller
class OrganisationPageController {

    private final DivisionRepository divisions;
    private final FunctionService functions;
    private final TouchpointService touchpoints;
    private final People people;

    OrganisationPageController(DivisionRepository divisions, FunctionService functions,
            TouchpointService touchpoints, People people) {
        this.divisions = divisions;
        this.functions = functions;
        this.touchpoints = touchpoints;
        this.people = people;
    }

    @GetMapping("/organisation")
    @Transactional(readOnly = true)
    String organisation(Model model) {
        var allDivisions = divisions.findAllByOrderByName();
        var allFunctions = functions.all().stream().map(OrganisationViews.FunctionView::of).toList();
        model.addAttribute("divisions", allDivisions);
        model.addAttribute("functions", allFunctions);
        // Heads by name, in one query.
        model.addAttribute("names", people.namesOf(java.util.stream.Stream.concat(
                allDivisions.stream().map(Division::getHeadUserId),
                allFunctions.stream().map(OrganisationViews.FunctionView::headUserId)).filter(Objects::nonNull)
                .toList()));
        Map<TouchpointKind, java.util.List<Touchpoint>> byKind = touchpoints.find(null, null, null).stream()
                .collect(Collectors.groupingBy(Touchpoint::getKind, () -> new TreeMap<>(), Collectors.toList()));
        model.addAttribute("touchpointsByKind", byKind);
        return "organisation";
    }
}
