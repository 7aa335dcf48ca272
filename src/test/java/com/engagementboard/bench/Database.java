package com.engagementboard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The database a run uses: a fresh H2 file database in the run's folder, or an emptied PostgreSQL one. */
record Database(String name, String url, String user, String password) {

    static Database h2(Path folder) {
        // The application's own options (application.properties), with the file in the run's folder.
        return new Database("h2", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("engagement-board")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=5000", "sa", "");
    }

    static Database postgres(BenchConfig config) {
        return new Database("postgres", config.postgresUrl(), config.postgresUser(), config.postgresPassword());
    }

    boolean isPostgres() {
        return name.equals("postgres");
    }

    /** Arguments for the application: its datasource, and the postgres profile on PostgreSQL. */
    List<String> applicationArguments() {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + user);
        args.add("--spring.datasource.password=" + password);
        if (isPostgres()) {
            args.add("--spring.profiles.active=postgres");
        }
        return args;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * PostgreSQL: drops and recreates the schema public, so that each run starts empty (give the
     * benchmark a database of its own). H2 starts from a new folder instead.
     */
    void empty() throws SQLException {
        if (!isPostgres()) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }
}
