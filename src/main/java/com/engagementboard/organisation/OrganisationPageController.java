package com.engagementboard.organisation;

import java.util.Map;
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

    OrganisationPageController(DivisionRepository divisions, FunctionService functions,
            TouchpointService touchpoints) {
        this.divisions = divisions;
        this.functions = functions;
        this.touchpoints = touchpoints;
    }

    @GetMapping("/organisation")
    @Transactional(readOnly = true)
    String organisation(Model model) {
        model.addAttribute("divisions", divisions.findAllByOrderByName());
        model.addAttribute("functions", functions.all().stream().map(OrganisationViews.FunctionView::of).toList());
        Map<TouchpointKind, java.util.List<Touchpoint>> byKind = touchpoints.find(null, null, null).stream()
                .collect(Collectors.groupingBy(Touchpoint::getKind, () -> new TreeMap<>(), Collectors.toList()));
        model.addAttribute("touchpointsByKind", byKind);
        return "organisation";
    }
}
