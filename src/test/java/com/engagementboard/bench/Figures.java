package com.engagementboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark reports: each figure with its unit, what it measures, and the target where
 * it has one. Values are collected per run; the report gives min, median and max.
 */
final class Figures {

    /** A figure; {@code target} null when the issue sets none; {@code atMost}: lower is better. */
    record Figure(String id, String label, String unit, Double target, boolean atMost, String how) {
        String targetText() {
            return target == null ? "" : (atMost ? "< " : "≥ ") + format(target) + " " + unit;
        }
    }

    static final List<Figure> ALL = new ArrayList<>();
    private static final Map<String, Figure> BY_ID = new LinkedHashMap<>();

    static {
        add("startup.empty", "Start-up to ready, empty database", "s", 15.0, true,
                "launch of `java -jar` to /actuator/health/readiness UP, on a new database (schema creation included)");
        add("build", "Building the organisation (set-up, not a target)", "s", null, true,
                "head users, functions and touchpoints through the API, 8 clients");
        add("import.cold", "CSV import, the first in a new JVM (not a target)", "s", null, true,
                "the same request right after start-up, its code still cold (interpreted, classes loading); that "
                        + "draft is then discarded");
        add("import", "CSV import and check of the charter", "s", 2.0, true,
                "POST /api/charter/drafts (text/csv), the second in the JVM, as on a running server: parse, check "
                        + "for gaps and conflicts, store, answer the draft with its first page");
        add("submit", "Submit the charter", "s", 2.0, true,
                "POST /api/charter/drafts/{id}/submit: checks again, puts the version in acceptance, starts the "
                        + "process up to its save point");
        add("asked", "Submit until every head has their task (not a target)", "s", null, true,
                "from the submit request to the moment the job after the save point has created every head's "
                        + "acceptance task (polled through /engine-rest/task/count)");
        add("accept", "Acceptance by every head, to effective", "s", null, true,
                "8 clients, each head finds and completes their task over HTTP, until GET /api/charter shows the new version");
        add("acceptances.http", "Charter acceptances per second, HTTP", "/s", null, false,
                "completions through /engine-rest/task/{id}/complete by 8 clients (task list + complete per head)");
        add("acceptances.engine", "Charter acceptances per second, Java API", "/s", null, false,
                "the same query and completion through TaskService in the application's JVM, 8 threads");
        add("acceptances.ratio", "Acceptances: HTTP / Java API", "", 0.5, false,
                "1 means no overhead; the issue asks at least half the engine's rate");
        add("votes.http", "Board votes per second, HTTP", "/s", null, false,
                "each item's votes by its core members through /engine-rest/task/{id}/complete, 8 clients");
        add("votes.engine", "Board votes per second, Java API", "/s", null, false,
                "the same votes through TaskService in the application's JVM, 8 threads");
        add("votes.ratio", "Votes: HTTP / Java API", "", 0.5, false,
                "1 means no overhead; the issue asks at least half the engine's rate");
        add("seed.tasks", "Seeding the open tasks through the API (set-up)", "s", null, true,
                "POST /api/board/agenda-items without facts, 8 clients: each leaves a task with its author");
        add("seed.decisions", "Seeding the register by SQL (set-up)", "s", null, true,
                "JDBC batch inserts into board_decision while the application is stopped");
        add("startup.full", "Start-up to ready, full database", "s", 15.0, true,
                "the same launch on the database holding everything above");
        for (String[] endpoint : new String[][] {
                { "charter", "GET /api/charter", "100" },
                { "tasks", "GET /engine-rest/task?candidateGroup=head-…&maxResults=50 (a head)", "50" },
                { "tasklist", "Tasklist: POST /camunda/api/engine/…/filter/{All my tasks}/list (a head)", "50" },
                { "owners", "GET /api/touchpoints/{code}/owners", null },
                { "decisions", "GET /api/board/decisions?touchpoint=…", "50" } }) {
            for (String p : List.of("p50", "p95", "p99")) {
                Double target = p.equals("p95") && endpoint[2] != null ? Double.valueOf(endpoint[2]) : null;
                add("latency." + endpoint[0] + "." + p, endpoint[1] + " " + p, "ms", target, true,
                        "8 logged-in clients (session cookie) on loopback, after the warm-up");
            }
            add("latency." + endpoint[0] + ".warmup95", endpoint[1] + " p95 while warming up (not a target)", "ms",
                    null, true, "the warm-up requests right after the restart, while both JVMs compile the code");
        }
        add("latency.basic.p50", "GET /api/touchpoints/{code}/owners with HTTP Basic, p50", "ms", null, true,
                "the same request as an API client sends it: every request checks the password (PBKDF2, 310,000 iterations)");
        add("memory", "Resident memory after the run", "MiB", 1024.0, true,
                "VmRSS of the application's process (/proc/<pid>/status), -Xmx768m, after the latencies");
        add("startup.engine", "Start-up in the Java API run's JVM", "s", null, true,
                "SpringApplication.run to ready, new database, in a new JVM per run (EngineRun)");
    }

    private static void add(String id, String label, String unit, Double target, boolean atMost, String how) {
        Figure figure = new Figure(id, label, unit, target, atMost, how);
        ALL.add(figure);
        BY_ID.put(id, figure);
    }

    static Figure get(String id) {
        Figure figure = BY_ID.get(id);
        if (figure == null) {
            throw new IllegalArgumentException("No figure " + id);
        }
        return figure;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private Figures() {
    }
}
