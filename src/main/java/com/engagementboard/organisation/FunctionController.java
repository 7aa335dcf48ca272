package com.engagementboard.organisation;

import com.engagementboard.organisation.OrganisationViews.FunctionView;
import com.engagementboard.security.ChairOrAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/functions")
@Tag(name = "Organisation")
class FunctionController {

    private final FunctionService functions;

    FunctionController(FunctionService functions) {
        this.functions = functions;
    }

    @GetMapping
    @Operation(summary = "Every function, with its division and head")
    List<FunctionView> all() {
        return functions.all().stream().map(FunctionView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One function")
    FunctionView one(@PathVariable String code) {
        return FunctionView.of(functions.get(code));
    }

    @PostMapping
    @ChairOrAdmin
    @Operation(summary = "Create a function and its head group head-<code> (chair or administrator)")
    ResponseEntity<FunctionView> create(@RequestBody @Validated({ Default.class, OnCreate.class }) FunctionRequest request) {
        BusinessFunction function = functions.create(request);
        return ResponseEntity.created(URI.create("/api/functions/" + function.getCode())).body(FunctionView.of(function));
    }

    @PutMapping("/{code}")
    @ChairOrAdmin
    @Operation(summary = "Change a function's name, division or head (chair or administrator)")
    FunctionView update(@PathVariable String code, @RequestBody @Validated FunctionRequest request) {
        return FunctionView.of(functions.update(code, request));
    }

    @DeleteMapping("/{code}")
    @ChairOrAdmin
    @Operation(summary = "Delete a function and its head group (chair or administrator)")
    ResponseEntity<Void> delete(@PathVariable String code) {
        functions.delete(code);
        return ResponseEntity.noContent().build();
    }
}
