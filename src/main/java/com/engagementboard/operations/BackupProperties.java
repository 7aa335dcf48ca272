package com.engagementboard.operations;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the online backups of the embedded database go ({@code engagement-board.backup.folder}, relative
 * to the working directory unless absolute). Keep it on another disk than {@code ./data}: a backup on the
 * disk that failed is no backup.
 */
@ConfigurationProperties("engagement-board.backup")
record BackupProperties(@DefaultValue("./backups") Path folder) {
}
