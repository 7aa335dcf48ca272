package com.engagementboard.organisation;

import com.engagementboard.organisation.OrganisationViews.TouchpointView;
import com.engagementboard.security.ChairOrAdmin;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.groups.Default;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/touchpoints")
@Tag(name = "Organisation")
class TouchpointController {

    private final TouchpointService touchpoints;

    TouchpointController(TouchpointService touchpoints) {
        this.touchpoints = touchpoints;
    }

    @GetMapping
    @Operation(summary = "Touchpoints, highest priority first (then by code), one page at a time; every filter "
            + "given must match")
    PageView<TouchpointView> find(
            @Parameter(description = "EXTERNAL_DIRECT, EXTERNAL_INDIRECT or INTERNAL")
            @RequestParam(required = false) TouchpointKind kind,
            @Parameter(description = "journey stage: CONSIDER, EVALUATE, BUY, EXPERIENCE, ADVOCATE or BOND")
            @RequestParam(required = false) JourneyStage stage,
            @Parameter(description = "priority, 1 (low) to 5 (high)")
            @RequestParam(required = false) @Min(1) @Max(5) Integer priority,
            Paging paging) {
        return PageView.of(touchpoints.find(kind, stage, priority, paging), TouchpointView::of);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One touchpoint")
    TouchpointView one(@PathVariable String code) {
        return TouchpointView.of(touchpoints.get(code));
    }

    @PostMapping
    @ChairOrAdmin
    @Operation(summary = "Register a touchpoint (chair or administrator)")
    ResponseEntity<TouchpointView> create(
            @RequestBody @Validated({ Default.class, OnCreate.class }) TouchpointRequest request) {
        Touchpoint touchpoint = touchpoints.create(request);
        return ResponseEntity.created(URI.create("/api/touchpoints/" + touchpoint.getCode()))
                .body(TouchpointView.of(touchpoint));
    }

    @PutMapping("/{code}")
    @ChairOrAdmin
    @Operation(summary = "Change a touchpoint (chair or administrator)")
    TouchpointView update(@PathVariable String code, @RequestBody @Validated TouchpointRequest request) {
        return TouchpointView.of(touchpoints.update(code, request));
    }

    @DeleteMapping("/{code}")
    @ChairOrAdmin
    @Operation(summary = "Remove a touchpoint (chair or administrator)")
    ResponseEntity<Void> delete(@PathVariable String code) {
        touchpoints.delete(code);
        return ResponseEntity.noContent().build();
    }
}
