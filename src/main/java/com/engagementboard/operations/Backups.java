package com.engagementboard.operations;

import com.engagementboard.web.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database. While the application runs, H2 holds its file locked, so
 * copying {@code ./data} is not a backup; H2's {@code BACKUP TO} writes a zip of the database file from
 * inside, consistent to one moment (MVStore's multi-version concurrency), without stopping the writers.
 * On PostgreSQL the database server is the one to back up, with its own tool ({@code pg_dump}): a backup
 * written by one application node would land on that node's disk, not on the database's.
 */
@Service
class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final String PREFIX = "engagement-board-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One backup file: its name in the folder, its size, when it was taken and how long it took. */
    record Backup(String file, String folder, long sizeBytes, Instant takenAt, long tookMillis) {
    }

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final Clock clock;

    Backups(DataSource dataSource, BackupProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    /** Writes {@code engagement-board-<UTC time>.zip} into the backup folder; 409 on any database but H2. */
    Backup take() {
        Instant takenAt = clock.instant();
        Path folder = properties.folder().toAbsolutePath().normalize();
        Path file = folder.resolve(PREFIX + STAMP.format(takenAt) + ".zip");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new ConflictException("Back up the database server instead",
                        "This application runs on " + product + ", a database server of its own: back it up there, "
                                + "with pg_dump -Fc (see README, \"Backup and restore\"). The backup endpoint copies "
                                + "the embedded H2 database only.");
            }
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                throw new ConflictException("Nothing to back up",
                        "This application runs on an in-memory database, which ends with it: there is no file to "
                                + "back up.");
            }
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                throw new ConflictException("A backup of this moment exists",
                        "A backup named " + file.getFileName() + " exists already. Try again in a moment.");
            }
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // A literal, not a parameter: BACKUP TO takes none. The name is ours, the folder the operator's.
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Backup backup = new Backup(file.getFileName().toString(), folder.toString(), Files.size(file), takenAt, took);
            LOG.info("Backup {} written to {}: {} bytes in {} ms", backup.file(), folder, backup.sizeBytes(), took);
            return backup;
        } catch (SQLException | IOException failed) {
            throw new IllegalStateException("The backup to " + file + " failed", failed);
        }
    }
}
