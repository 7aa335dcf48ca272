package com.engagementboard.charter;

import com.engagementboard.charter.CharterViews.Diff;
import com.engagementboard.charter.CharterViews.MatrixRow;
import com.engagementboard.charter.CharterViews.Owners;
import com.engagementboard.charter.CharterViews.Ownership;
import com.engagementboard.charter.CharterViews.VersionSummary;
import com.engagementboard.charter.CharterViews.VersionView;
import com.engagementboard.web.Csv;
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
    @Operation(summary = "The effective version: number, dates, and one row per touchpoint with the owner of each right")
    VersionView effective() {
        return charter.effective();
    }

    @GetMapping(value = "/api/charter.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The effective matrix as CSV")
    ResponseEntity<String> csv() {
        VersionView version = charter.effective();
        String body = Csv.write(List.of("touchpoint", "name", "design", "build", "operate", "renew"),
                version.matrix().stream().map(CharterController::row).toList());
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"charter-v" + version.number() + ".csv\"")
                .body(body);
    }

    private static List<String> row(MatrixRow row) {
        return Arrays.asList(row.touchpoint(), row.name(), row.design(), row.build(), row.operate(), row.renew());
    }

    @GetMapping("/api/charter/versions")
    @Operation(summary = "Every numbered version, newest first")
    List<VersionSummary> versions() {
        return charter.versions();
    }

    @GetMapping("/api/charter/versions/{number}")
    @Operation(summary = "One version with its matrix and who accepted what and when")
    VersionView version(@PathVariable int number) {
        return charter.version(number);
    }

    @GetMapping("/api/charter/versions/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another: each right whose owner differs")
    Diff diff(@PathVariable int from, @PathVariable int to) {
        return charter.diff(from, to);
    }

    @GetMapping("/api/functions/{code}/rights")
    @Operation(summary = "The rights a function holds in the effective charter")
    List<Ownership> rights(@PathVariable String code) {
        return charter.rightsOf(code);
    }

    @GetMapping("/api/touchpoints/{code}/owners")
    @Operation(summary = "Who designs, builds, operates and renews a touchpoint in the effective charter")
    Owners owners(@PathVariable String code) {
        return charter.ownersOf(code);
    }
}
