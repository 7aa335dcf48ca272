package com.engagementboard.admin;

import com.engagementboard.security.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: where domain records and process instances disagree, for example after a crash or
 * a process instance deleted in Cockpit. Every capability that runs processes contributes a
 * {@link ConsistencyCheck}.
 */
@RestController
class ConsistencyController {

    private final List<ConsistencyCheck> checks;

    ConsistencyController(List<ConsistencyCheck> checks) {
        this.checks = checks;
    }

    /** The answer: every mismatch found, and when. */
    record Report(List<Mismatch> mismatches, Instant checkedAt) {
    }

    @GetMapping("/api/admin/consistency")
    @AdminOnly
    @Operation(summary = "Mismatches between domain records and process instances (administrators)")
    Report consistency() {
        Instant checkedAt = Instant.now();
        List<Mismatch> found = runChecks();
        if (!found.isEmpty()) {
            // Each check reads records and instances one after the other, so a write in flight between
            // the two can look like a mismatch once: only what a second look still finds is reported.
            List<Mismatch> again = runChecks();
            found = new ArrayList<>(found.stream().filter(again::contains).toList());
        }
        return new Report(found, checkedAt);
    }

    private List<Mismatch> runChecks() {
        List<Mismatch> found = new ArrayList<>();
        checks.forEach(check -> found.addAll(check.mismatches()));
        found.sort(Comparator.comparing(Mismatch::entity).thenComparing(Mismatch::id).thenComparing(Mismatch::kind));
        return found;
    }
}
