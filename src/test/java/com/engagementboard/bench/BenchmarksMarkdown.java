package com.engagementboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes BENCHMARKS.md from target/bench/results.json: the command, the machine, the figures with
 * min / median / max, the targets (PASS / MISS on the median), the ratios and Camunda's sizing guide.
 * Everything is regenerated except the section "What was changed to reach them", which is kept from
 * the existing file (between its two markers) so that it is written by hand once.
 */
public final class BenchmarksMarkdown {

    static final String CHANGES_START = "<!-- changes:start (kept when BENCHMARKS.md is regenerated) -->";
    static final String CHANGES_END = "<!-- changes:end -->";

    private BenchmarksMarkdown() {
    }

    /** {@code args[0]}: results.json (default target/bench/results.json); {@code args[1]}: BENCHMARKS.md. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
        Path markdown = Path.of(args.length > 1 ? args[1] : "BENCHMARKS.md");
        write(results, markdown);
        System.out.println("Wrote " + markdown + " from " + results);
    }

    static void write(Path resultsFile, Path markdown) throws IOException {
        JsonNode results = Session.JSON.readTree(resultsFile.toFile());
        String changes = Files.exists(markdown) ? keptChanges(Files.readString(markdown)) : null;
        Files.writeString(markdown, render(results, changes), StandardCharsets.UTF_8);
    }

    static String keptChanges(String existing) {
        int start = existing.indexOf(CHANGES_START);
        int end = existing.indexOf(CHANGES_END);
        return start < 0 || end < start ? null : existing.substring(start + CHANGES_START.length(), end).strip();
    }

    static String render(JsonNode results, String changes) {
        StringBuilder md = new StringBuilder();
        JsonNode scale = results.path("scale");
        JsonNode machine = results.path("machine");
        md.append("# Benchmarks\n\n");
        md.append("Generated from `target/bench/results.json` (").append(results.path("generatedAt").asText())
                .append(") by `BenchmarksMarkdown`; do not edit by hand except the section *What was changed to "
                        + "reach them*, which regeneration keeps.\n\n");
        if (!results.path("representative").asBoolean()) {
            md.append("> **Smoke run: these figures are not representative.** The sizes, runs or request counts "
                    + "are below the issue's, and the machine was shared with other builds. They show that the "
                    + "benchmark works end to end, not how fast the product is. Run the full benchmark on a quiet "
                    + "machine and regenerate this file.\n\n");
        }

        md.append("## Command\n\n```\n").append(results.path("command").asText()).append("\n```\n\n");
        md.append("Builds the jar, skips the unit and integration tests, and runs "
                + "`com.engagementboard.bench.Benchmark` (test sources) in a JVM of its own. Sizes and runs are "
                + "properties: `-Dbench.runs=3 -Dbench.touchpoints=2000 -Dbench.functions=60 -Dbench.tasks=10000 "
                + "-Dbench.decisions=50000 -Dbench.voteItems=100 -Dbench.clients=8 -Dbench.requests=1000` are the "
                + "defaults. A quick smoke run: `./mvnw -Pbench verify -Dbench.runs=1 -Dbench.touchpoints=200 "
                + "-Dbench.functions=10 -Dbench.tasks=500 -Dbench.decisions=2000 -Dbench.voteItems=10 "
                + "-Dbench.requests=200`. PostgreSQL is measured too when `-Dbench.postgres.url=jdbc:postgresql://…` names a "
                + "database of its own (user and password: `-Dbench.postgres.user`, `-Dbench.postgres.password`, "
                + "else `POSTGRES_USER`, `POSTGRES_PASSWORD`, else engagement/engagement): **the benchmark empties "
                + "it** (drops the schema public), so it never takes `POSTGRES_URL` by itself. `-Dbench.writeMarkdown=true` rewrites this file after "
                + "the run; `-Dbench.reportOnly=true` only rewrites it from the last results.json.\n\n");

        md.append("## How it measures\n\n");
        md.append("- **The application** runs as in production: the jar in a JVM of its own (`java -Xmx")
                .append(scale.path("heap").asText()).append(" -XX:SharedArchiveFile=target/app/engagement-board.jsa -jar target/app/*.jar`, as the README "
                        + "starts it: the jar extracted by packaging, with its class-data archive) on a free port, on a new H2 file "
                        + "database in `target/bench/<database>-run-<n>/` (PostgreSQL: the given database, emptied). "
                        + "Each run starts from a new database; the report gives min, median and max over ")
                .append(scale.path("runs").asInt()).append(" run(s).\n");
        md.append("- **Clients** are `HttpURLConnection` over loopback (HTTP/1.1, kept alive; each client "
                + "thread sends one request at a time on its own thread). They log in with the login form "
                + "and keep the session cookie (with the CSRF token for writes), as browsers and the Tasklist do. "
                + "An API client sending HTTP Basic instead pays a password check (PBKDF2, 310,000 iterations) on "
                + "every request: one figure shows that cost.\n");
        md.append("- **Latencies** are a running server's: ").append(scale.path("warmup").asInt())
                .append(" warm-up requests an endpoint (until the JIT has compiled the path on the server and in "
                        + "the clients; their p95 is reported apart, not as a target), then ")
                .append(scale.path("requests").asInt()).append(" requests an endpoint from ")
                .append(scale.path("clients").asInt()).append(" threads, each with its own session; nearest-rank "
                        + "percentiles; touchpoints picked at random. Measured after restarting on the full "
                        + "database. The Tasklist query is the request the Tasklist sends when a head opens the "
                        + "default filter \"All my tasks\": `POST /camunda/api/engine/engine/default/filter/{id}/list"
                        + "?firstResult=0&maxResults=15` with its sort body and the XSRF header.\n");
        md.append("- **Import, submit, acceptance**: the time of the request (import: the CSV draft with its "
                + "checks, timed the second time in the JVM after a first import that is reported as cold and "
                + "discarded; submit: checks, the version in acceptance, the process started up to its save point; "
                + "asked: from the submit request until every head's task exists, created by the job executor "
                + "after the save point); acceptance: from the first head "
                + "opening their list to `GET /api/charter` showing the new version (the last steps run on the "
                + "job executor).\n");
        md.append("- **Rates and the overhead ratio**: acceptances (each head: its task query, then complete) and "
                + "votes (each item's voters in turn, one client an item) by ")
                .append(scale.path("clients").asInt()).append(" clients, over HTTP against the jar, and through "
                        + "`TaskService` with the same user and groups in a new JVM per run (`EngineRun`, -Xmx1g "
                        + "shared with its clients), where the same application is started (`SpringApplication`) on "
                        + "another new database with the same organisation and charter. The set-up goes over HTTP in "
                        + "both, so both JVMs have run the same code for about as long when the measured completions "
                        + "start; only those completions differ.\n");
        md.append("- **Start-up**: from launching the process to `/actuator/health/readiness` answering UP (JVM, "
                + "schema creation or check, deployment, the application's start-up runners). **Memory**: VmRSS "
                + "of the application's process after the latencies.\n\n");

        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Cores | ").append(machine.path("cores").asInt()).append(" |\n");
        md.append("| Memory | ").append(machine.path("memoryMiB").asLong() / 1024.0 > 0
                ? String.format(java.util.Locale.ROOT, "%.1f GiB", machine.path("memoryMiB").asLong() / 1024.0) : "?")
                .append(" |\n");
        md.append("| CPU | ").append(machine.path("cpu").asText()).append(" |\n");
        md.append("| Java | ").append(machine.path("java").asText()).append(" |\n");
        md.append("| OS | ").append(machine.path("os").asText()).append(" |\n");
        md.append("| Load average at start | ").append(machine.path("loadAverage").asText()).append(" |\n");
        md.append("| Application heap | -Xmx").append(scale.path("heap").asText()).append(" |\n\n");

        md.append("## What is built, and how\n\n");
        md.append("| | How many | How |\n|---|---|---|\n");
        md.append("| Functions, each with a head user and group | ").append(scale.path("functions").asInt())
                .append(" | API: `POST /engine-rest/user/create` (administrator), `POST /api/functions` (chair) |\n");
        md.append("| Touchpoints | ").append(scale.path("touchpoints").asInt())
                .append(" | API: `POST /api/touchpoints` (chair), 8 clients |\n");
        md.append("| Charter allocations (touchpoint × right → function) | ").append(scale.path("allocations").asInt())
                .append(" | API: CSV draft, submit, every head accepts over HTTP; then an amendment is submitted "
                        + "and left open, so every head has a task waiting |\n");
        md.append("| Open tasks | ").append(scale.path("openTasks").asInt())
                .append(" | API: agenda items without a fact base (`POST /api/board/agenda-items`), each returned to "
                        + "its author as a task; 8 clients |\n");
        md.append("| Board meeting with items to vote on | ").append(scale.path("voteItems").asInt())
                .append(" | API: items with facts, an extraordinary meeting; its timers fired by the administrator "
                        + "through `/engine-rest/job/{id}/execute` (as from Cockpit); each item called to a vote |\n");
        md.append("| Decisions in the register | ").append(scale.path("decisions").asInt())
                .append(" | **SQL**: JDBC batch inserts into `board_decision` while the application is stopped "
                        + "(through the API, a decision is the end of a meeting's vote: 50,000 would take hours). "
                        + "They have no audit entries and no engine history. |\n\n");

        List<Map.Entry<String, JsonNode>> databases = new ArrayList<>();
        results.path("databases").fields().forEachRemaining(databases::add);

        md.append("## Targets (issue 9)\n\n");
        md.append("PASS or MISS is judged on the median of the runs.\n\n");
        md.append("| Figure | Target |");
        databases.forEach(db -> md.append(" ").append(db.getKey()).append(" median (min – max) | |"));
        md.append("\n|---|---|");
        databases.forEach(db -> md.append("---|---|"));
        md.append("\n");
        for (Figures.Figure figure : Figures.ALL) {
            if (figure.target() == null) {
                continue;
            }
            md.append("| ").append(figure.label()).append(" | ").append(figure.targetText()).append(" |");
            for (Map.Entry<String, JsonNode> db : databases) {
                JsonNode f = db.getValue().path("figures").path(figure.id());
                if (f.isMissingNode()) {
                    md.append(" – | |");
                } else {
                    md.append(" ").append(span(f)).append(" | ")
                            .append(f.path("meetsTarget").asBoolean() ? "PASS" : "**MISS**").append(" |");
                }
            }
            md.append("\n");
        }
        md.append("\n");

        for (Map.Entry<String, JsonNode> db : databases) {
            md.append("## All figures: ").append(db.getKey()).append("\n\n");
            md.append("Status: ").append(db.getValue().path("status").asText()).append(".\n\n");
            JsonNode figures = db.getValue().path("figures");
            if (figures.size() == 0) {
                continue;
            }
            md.append("| Figure | min | median | max | unit | runs | what it measures |\n|---|---|---|---|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode f = e.getValue();
                md.append("| ").append(f.path("label").asText()).append(" | ").append(num(f, "min")).append(" | ")
                        .append(num(f, "median")).append(" | ").append(num(f, "max")).append(" | ")
                        .append(f.path("unit").asText()).append(" | ").append(f.path("runs").size()).append(" | ")
                        .append(f.path("how").asText()).append(" |\n");
            }
            md.append("\n");
        }

        md.append("## Ratios\n\n");
        for (Map.Entry<String, JsonNode> db : databases) {
            JsonNode figures = db.getValue().path("figures");
            for (String flow : List.of("acceptances", "votes")) {
                JsonNode ratio = figures.path(flow + ".ratio");
                if (!ratio.isMissingNode()) {
                    md.append("- ").append(db.getKey()).append(", ").append(flow).append(": HTTP ")
                            .append(num(figures.path(flow + ".http"), "median")).append("/s, Java API ")
                            .append(num(figures.path(flow + ".engine"), "median")).append("/s: the HTTP flow runs at ")
                            .append(num(ratio, "median")).append(" × the engine's rate (target ≥ 0.5: ")
                            .append(ratio.path("meetsTarget").asBoolean() ? "PASS" : "MISS")
                            .append("); the product's overhead is the rest.\n");
                }
            }
        }
        JsonNode h2 = results.path("databases").path("h2").path("figures");
        JsonNode pg = results.path("databases").path("postgres").path("figures");
        if (pg.size() > 0 && h2.size() > 0) {
            md.append("\nPostgreSQL / H2 (medians; above 1 for times means PostgreSQL is slower, for rates faster):\n\n");
            md.append("| Figure | H2 | PostgreSQL | PostgreSQL / H2 |\n|---|---|---|---|\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = h2.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = pg.path(e.getKey());
                if (!other.isMissingNode()) {
                    md.append("| ").append(e.getValue().path("label").asText()).append(" | ").append(num(e.getValue(), "median"))
                            .append(" | ").append(num(other, "median")).append(" | ")
                            .append(Figures.format(other.path("median").asDouble() / e.getValue().path("median").asDouble()))
                            .append(" |\n");
                }
            }
        } else {
            md.append("\nPostgreSQL: ").append(results.path("databases").path("postgres").path("status")
                    .asText("not measured")).append("; no ratio to H2.\n");
        }
        md.append("\n");

        md.append("## Against Camunda's sizing guide\n\n");
        md.append("Camunda's sizing guide puts a 4-core notebook at 100 to 500 process instances a second; this "
                + "machine has ").append(machine.path("cores").asInt()).append(" core(s), so about ")
                .append(machine.path("cores").asInt() * 25).append(" to ").append(machine.path("cores").asInt() * 125)
                .append(" a second would be the same per core. The guide's instances are small (a few steps, no "
                        + "authorization checks, history off or low); here every step runs with authorizations on, "
                        + "full history, the application's engine plugins and its domain tables in the same "
                        + "transaction.\n\n");
        if (h2.size() > 0) {
            JsonNode seeded = h2.path("seed.tasks");
            if (!seeded.isMissingNode()) {
                double perSecond = scale.path("openTasks").asDouble() / seeded.path("median").asDouble();
                md.append("- Agenda items started through the API: ").append(Figures.format(perSecond))
                        .append(" process instances a second over HTTP (each: an item row, a process instance, "
                                + "its fact-base check and a user task), 8 clients.\n");
            }
            double best = Math.max(seeded.isMissingNode() ? 0 : scale.path("openTasks").asDouble()
                    / seeded.path("median").asDouble(), h2.path("votes.http").path("median").asDouble(0));
            double low = machine.path("cores").asInt() * 25.0;
            double high = machine.path("cores").asInt() * 125.0;
            md.append("- Where the product stands: at best ").append(Figures.format(best))
                    .append(" instances or steps a second over HTTP, ")
                    .append(best < low ? "below" : best > high ? "above" : "within")
                    .append(" the guide's range scaled to this machine's cores (")
                    .append(Figures.format(low)).append(" to ").append(Figures.format(high)).append(").\n");
            md.append("- Task completions (each moves a running instance on): charter acceptances ")
                    .append(num(h2.path("acceptances.http"), "median")).append("/s over HTTP and ")
                    .append(num(h2.path("acceptances.engine"), "median")).append("/s through the Java API (each "
                            + "acceptance records up to hundreds of rights); board votes ")
                    .append(num(h2.path("votes.http"), "median")).append("/s over HTTP and ")
                    .append(num(h2.path("votes.engine"), "median")).append("/s through the Java API.\n\n");
        }

        JsonNode notes = results.path("notes");
        if (notes.size() > 0) {
            md.append("## Notes from the run\n\n");
            notes.forEach(n -> md.append("- ").append(n.asText()).append("\n"));
            md.append("\n");
        }

        md.append("## What was changed to reach them\n\n").append(CHANGES_START).append("\n");
        md.append(changes == null || changes.isBlank()
                ? "(To be written after the full run on a quiet machine: what was changed in the product to "
                        + "reach the targets, with the figures before and after.)"
                : changes);
        md.append("\n").append(CHANGES_END).append("\n");
        return md.toString();
    }

    private static String span(JsonNode figure) {
        return num(figure, "median") + " " + figure.path("unit").asText() + " (" + num(figure, "min") + " – "
                + num(figure, "max") + ")";
    }

    private static String num(JsonNode figure, String field) {
        JsonNode value = figure.path(field);
        return value.isMissingNode() ? "–" : Figures.format(value.asDouble());
    }
}
