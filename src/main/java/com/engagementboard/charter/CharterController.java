package com.engagementboard.charter;

import com.engagementboard.charter.CharterViews.Diff;
import com.engagementboard.charter.CharterViews.MatrixRow;
import com.engagementboard.charter.CharterViews.Owners;
import com.engagementboard.charter.CharterViews.Ownership;
import com.engagementboard.charter.CharterViews.VersionSummary;
import com.engagementboard.charter.CharterViews.VersionView;
import com.engagementboard.charter.CharterViews.WholeMatrix;
import com.engagementboard.web.Csv;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reading the charter: everyone logged in. */
@RestController
@Tag(name = "Charter")
class CharterController {

    private final CharterReading charter;

    CharterController(CharterReading charter) {
        this.charter = charter;
    }

    @GetMapping("/api/charter")
    @Operation(summary = "The effective version: number, dates, and one page of its matrix (one row per touchpoint, "
            + "by code, with the owner of each right); acceptances: who accepted the rights of the touchpoints on "
            + "that page")
    VersionView effective(Paging paging) {
        return charter.effective(paging);
    }

    @GetMapping(value = "/api/charter.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The whole effective matrix as CSV (a download: not paged)")
    ResponseEntity<String> csv() {
        WholeMatrix version = charter.effectiveMatrix();
        String body = Csv.write(List.of("touchpoint", "name", "design", "build", "operate", "renew"),
                version.rows().stream().map(CharterController::row).toList());
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"charter-v" + version.number() + ".csv\"")
                .body(body);
    }

    private static List<String> row(MatrixRow row) {
        return Arrays.asList(row.touchpoint(), row.name(), row.design(), row.build(), row.operate(), row.renew());
    }

    @GetMapping("/api/charter/versions")
    @Operation(summary = "The numbered versions, newest first, one page at a time")
    PageView<VersionSummary> versions(Paging paging) {
        return charter.versions(paging);
    }

    @GetMapping("/api/charter/versions/{number}")
    @Operation(summary = "One version with one page of its matrix, and who accepted the rights of the touchpoints "
            + "on that page, and when")
    VersionView version(@PathVariable int number, Paging paging) {
        return charter.version(number, paging);
    }

    @GetMapping("/api/charter/versions/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another: one page of the rights whose owner differs, by "
            + "touchpoint code and right")
    Diff diff(@PathVariable int from, @PathVariable int to, Paging paging) {
        return charter.diff(from, to, paging);
    }

    @GetMapping("/api/functions/{code}/rights")
    @Operation(summary = "The rights a function holds in the effective charter, by touchpoint code, one page at a time")
    PageView<Ownership> rights(@PathVariable String code, Paging paging) {
        return charter.rightsOf(code, paging);
    }

    @GetMapping("/api/touchpoints/{code}/owners")
    @Operation(summary = "Who designs, builds, operates and renews a touchpoint in the effective charter")
    Owners owners(@PathVariable String code) {
        return charter.ownersOf(code);
    }
}
