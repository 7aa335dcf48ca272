package com.engagementboard.bench;

import java.nio.file.Path;

/**
 * What the benchmark builds and how hard it pushes, from system properties ({@code -Dbench.*}); the
 * defaults are the organisation (2,000 touchpoints, 60 functions, 8,000 allocations, 10,000
 * open tasks, 50,000 decisions).
 */
record BenchConfig(Path baseDir, Path jar, int runs, int touchpoints, int functions, int tasks, int decisions,
        int voteItems, int clients, int requests, int warmup, String heap, String postgresUrl, String postgresUser,
        String postgresPassword, boolean inProcess, boolean h2) {

    static BenchConfig fromSystemProperties() {
        Path base = Path.of(System.getProperty("bench.baseDir", ".")).toAbsolutePath().normalize();
        return new BenchConfig(base, jar(base), integer("bench.runs", 3), integer("bench.touchpoints", 2000),
                integer("bench.functions", 60), integer("bench.tasks", 10_000), integer("bench.decisions", 50_000),
                integer("bench.voteItems", 100), integer("bench.clients", 8), integer("bench.requests", 1000),
                integer("bench.warmup", 2000), System.getProperty("bench.heap", "768m"),
                // Only when named for the benchmark: it empties the database (POSTGRES_URL may be someone's data).
                text("bench.postgres.url", null),
                text("bench.postgres.user", env("POSTGRES_USER", "engagement")),
                text("bench.postgres.password", env("POSTGRES_PASSWORD", "engagement")),
                Boolean.parseBoolean(System.getProperty("bench.inProcess", "true")),
                // false measures PostgreSQL alone (with bench.inProcess=false its full database is kept to profile).
                Boolean.parseBoolean(System.getProperty("bench.h2", "true")));
    }

    /** Every touchpoint gets its four rights (design, build, operate, renew). */
    int allocations() {
        return touchpoints * 4;
    }

    Path output() {
        return baseDir.resolve("target").resolve("bench");
    }

    boolean postgres() {
        return postgresUrl != null && !postgresUrl.isBlank();
    }

    private static Path jar(Path base) {
        String given = System.getProperty("bench.jar");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        // The production start: the jar extracted by packaging to target/app, with its class-data archive.
        Path extracted = base.resolve("target").resolve("app");
        Path folder = java.nio.file.Files.isDirectory(extracted) ? extracted : base.resolve("target");
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No application jar in target/: run ./mvnw -Pbench verify (it packages first)"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot list target/: " + e, e);
        }
    }

    private static int integer(String name, int otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static String text(String name, String otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
