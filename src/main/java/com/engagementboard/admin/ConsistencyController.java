package com.engagementboard.admin;

import com.engagementboard.security.AdminOnly;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
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
    private final Clock clock;

    ConsistencyController(List<ConsistencyCheck> checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * The answer: one page of the mismatches found (in the same five fields as every list that grows,
     * {@link PageView}), and when they were looked for. A database restored from a backup taken before
     * a thousand charter acceptances could disagree in a thousand places: the page keeps the answer
     * bounded, the total says how many there are.
     */
    record Report(List<Mismatch> content, int page, int size, long totalElements, int totalPages,
            Instant checkedAt) {

        static Report of(PageView<Mismatch> found, Instant checkedAt) {
            return new Report(found.content(), found.page(), found.size(), found.totalElements(),
                    found.totalPages(), checkedAt);
        }
    }

    @GetMapping("/api/admin/consistency")
    @AdminOnly
    @Operation(summary = "Mismatches between domain records and process instances (administrators)")
    Report consistency(Paging paging) {
        Instant checkedAt = clock.instant();
        List<Mismatch> found = runChecks();
        if (!found.isEmpty()) {
            // Each check reads records and instances one after the other, so a write in flight between
            // the two can look like a mismatch once: only what a second look still finds is reported.
            List<Mismatch> again = runChecks();
            found = new ArrayList<>(found.stream().filter(again::contains).toList());
        }
        return Report.of(PageView.of(found, paging), checkedAt);
    }

    private List<Mismatch> runChecks() {
        List<Mismatch> found = new ArrayList<>();
        checks.forEach(check -> found.addAll(check.mismatches()));
        found.sort(Comparator.comparing(Mismatch::entity).thenComparing(Mismatch::id).thenComparing(Mismatch::kind));
        return found;
    }
}
