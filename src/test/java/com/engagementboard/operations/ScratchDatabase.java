package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of one test's own, which no other test writes to: a new H2 file with the shipped options,
 * or a new PostgreSQL database on the server of {@code POSTGRES_URL} (its role needs {@code CREATEDB};
 * {@code .ci/run} grants it), dropped again by {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final boolean postgres;

    private ScratchDatabase(String name, String url, String user, String password, boolean postgres) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
    }

    /** True in the PostgreSQL run of the integration tests ({@code spring.profiles.active=postgres}). */
    public static boolean postgresRun() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    /**
     * Skips a PostgreSQL-only test outside the PostgreSQL run; on CI ({@code CI=true}) that run exists, so
     * the H2 run may skip it but {@code POSTGRES_URL} must be set.
     */
    public static void assumePostgresRun(String why) {
        if (!postgresRun()) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertThat(ci && System.getenv("POSTGRES_URL") == null)
                    .as("on CI the integration tests run on PostgreSQL too (POSTGRES_URL)").isFalse();
            assumeTrue(false, why + ": the PostgreSQL run of this test checks it");
        }
    }

    /**
     * The database of this run for a test of its own: a new PostgreSQL database ({@code prefix_<random>}) in
     * the PostgreSQL run, a new H2 file in {@code folder} otherwise.
     */
    public static ScratchDatabase ofThisRun(Path folder, String prefix) throws SQLException {
        return postgresRun() ? postgres(prefix) : h2(folder);
    }

    /** A new H2 file database in {@code folder}, with the options of {@code application.properties}. */
    public static ScratchDatabase h2(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("engagement-board")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=5000";
        return new ScratchDatabase(folder.getFileName().toString(), url, "sa", "", false);
    }

    /** A new, empty PostgreSQL database named {@code prefix_<random>} next to {@code POSTGRES_URL}'s. */
    public static ScratchDatabase postgres(String prefix) throws SQLException {
        String base = System.getenv("POSTGRES_URL");
        assertThat(base).as("POSTGRES_URL (the PostgreSQL run sets it)").isNotBlank();
        String user = System.getenv().getOrDefault("POSTGRES_USER", "engagement");
        String password = System.getenv().getOrDefault("POSTGRES_PASSWORD", "engagement");
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase();
        try (Connection connection = DriverManager.getConnection(base, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return new ScratchDatabase(name, withDatabase(base, name), user, password, true);
    }

    /** The same server's database {@code name}: {@code jdbc:postgresql://host:port/<name>?options}. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? "" : url.substring(query);
        return head.substring(0, head.lastIndexOf('/') + 1) + name + tail;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Arguments that point the application at this database (and the postgres profile on PostgreSQL). */
    public List<String> applicationArguments() {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + user);
        args.add("--spring.datasource.password=" + password);
        if (postgres) {
            args.add("--spring.profiles.active=postgres");
        }
        return args;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops a PostgreSQL database (closing what still connects to it); an H2 file goes with its folder. */
    @Override
    public void close() throws SQLException {
        if (!postgres) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(System.getenv("POSTGRES_URL"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }
}
