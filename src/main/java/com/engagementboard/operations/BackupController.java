package com.engagementboard.operations;

import com.engagementboard.security.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: an online backup of the embedded database, taken while the application serves. */
@RestController
@Tag(name = "Operations")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/admin/backups")
    @AdminOnly
    @Operation(summary = "Back up the embedded H2 database into the backup folder, while the application runs "
            + "(administrators): 201 with the file's name and size; 409 on PostgreSQL, which is backed up with "
            + "pg_dump")
    ResponseEntity<Backups.Backup> take() {
        return ResponseEntity.status(HttpStatus.CREATED).body(backups.take());
    }
}
