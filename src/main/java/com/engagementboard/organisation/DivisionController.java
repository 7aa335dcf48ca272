package com.engagementboard.organisation;

import com.engagementboard.organisation.OrganisationViews.DivisionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/divisions")
@Tag(name = "Organisation")
class DivisionController {

    private final DivisionRepository divisions;
    private final FunctionRepository functions;

    DivisionController(DivisionRepository divisions, FunctionRepository functions) {
        this.divisions = divisions;
        this.functions = functions;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "The divisions of the company, with their heads and functions")
    List<DivisionView> all() {
        return divisions.findAllByOrderByName().stream()
                .map(d -> new DivisionView(d.getCode(), d.getName(), d.getHeadUserId(),
                        functions.findByDivisionOrderByName(d).stream().map(BusinessFunction::getCode).toList()))
                .toList();
    }
}
