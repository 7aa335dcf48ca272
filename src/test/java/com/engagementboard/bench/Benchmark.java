package com.engagementboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The benchmark of issue 9: {@code ./mvnw -Pbench verify} (see BENCHMARKS.md). Per database and run:
 * <ol>
 * <li>the jar in a JVM of its own on a new database: start-up; the organisation through the API; the
 * charter's CSV import, submission and acceptance by every head over HTTP; a board meeting's votes over
 * HTTP; the open tasks through the API; stop;</li>
 * <li>the register's decisions by SQL; start again on the full database: start-up, latencies of five
 * reads from 8 clients, resident memory; stop;</li>
 * <li>the application in this JVM on another new database: the same acceptance and votes through
 * Camunda's Java API, for the overhead ratio.</li>
 * </ol>
 * Prints a table and writes target/bench/results.json; with {@code -Dbench.writeMarkdown=true} also
 * BENCHMARKS.md ({@link BenchmarksMarkdown}).
 */
public final class Benchmark {

    private final BenchConfig config;
    private final Results results;

    private Benchmark(BenchConfig config) {
        this.config = config;
        this.results = new Results(config);
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        if (Boolean.parseBoolean(System.getProperty("bench.reportOnly", "false"))) {
            Path markdown = config.baseDir().resolve("BENCHMARKS.md");
            BenchmarksMarkdown.write(config.output().resolve("results.json"), markdown);
            System.out.println(Results.table(Session.JSON.readTree(config.output().resolve("results.json").toFile())));
            System.out.println("Wrote " + markdown);
            return;
        }
        System.out.printf("Benchmark: %d touchpoints, %d functions (%d allocations), %d open tasks, %d decisions, "
                + "%d vote items, %d run(s), %d clients, %d requests an endpoint; jar %s%n", config.touchpoints(),
                config.functions(), config.allocations(), config.tasks(), config.decisions(), config.voteItems(),
                config.runs(), config.clients(), config.requests(), config.jar());
        Benchmark benchmark = new Benchmark(config);
        boolean failed = benchmark.runAll();
        Path file = benchmark.results.write();
        JsonNode written = Session.JSON.readTree(file.toFile());
        System.out.println(Results.table(written));
        System.out.println("Results: " + file);
        if (Boolean.parseBoolean(System.getProperty("bench.writeMarkdown", "false"))) {
            Path markdown = config.baseDir().resolve("BENCHMARKS.md");
            BenchmarksMarkdown.write(file, markdown);
            System.out.println("Wrote " + markdown);
        }
        // Spring's and HTTP clients' threads must not keep the JVM.
        System.exit(failed ? 1 : 0);
    }

    private boolean runAll() {
        boolean failed = false;
        if (!results.representative()) {
            results.note("Smoke run: sizes, runs or requests below the issue's; the figures are not to be compared "
                    + "with the targets.");
        }
        if (config.h2()) {
            failed |= runDatabase("h2");
        } else {
            results.status("h2", "not measured: -Dbench.h2=false");
        }
        if (config.postgres()) {
            failed |= runDatabase("postgres");
        } else {
            String env = System.getenv("POSTGRES_URL");
            results.status("postgres", env != null && !env.isBlank()
                    ? "not measured: POSTGRES_URL is set, but the benchmark empties the database it is given; name a "
                            + "database of its own with -Dbench.postgres.url"
                    : Files.exists(Path.of("/usr/bin/psql")) || Files.exists(Path.of("/usr/bin/pg_lsclusters"))
                            ? "not measured: PostgreSQL is installed, but no database was named (-Dbench.postgres.url)"
                            : "not measured: PostgreSQL is not installed");
        }
        return failed;
    }

    private boolean runDatabase(String name) {
        for (int run = 1; run <= config.runs(); run++) {
            System.out.printf("%n== %s, run %d of %d ==%n", name, run, config.runs());
            try {
                overHttp(name, run);
                if (config.inProcess()) {
                    inProcess(name, run);
                    ratio(name, "acceptances");
                    ratio(name, "votes");
                }
            } catch (Exception e) {
                e.printStackTrace();
                results.note(name + " run " + run + " failed: " + e);
                results.status(name, "incomplete: run " + run + " failed (" + e.getMessage() + ")");
                return true;
            }
        }
        return false;
    }

    private Database database(String name, Path folder) throws Exception {
        Database database = name.equals("postgres") ? Database.postgres(config) : Database.h2(folder);
        database.empty();
        return database;
    }

    private Path folder(String label) throws IOException {
        Path folder = config.output().resolve(label);
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        return folder;
    }

    private void overHttp(String db, int run) throws Exception {
        Path folder = folder(db + "-run-" + run);
        Database database = database(db, folder);
        String title = "Benchmark charter " + UUID.randomUUID();
        try (ChildApp app = ChildApp.start(config, database, folder, "empty")) {
            results.add(db, "startup.empty", app.startupSeconds());
            Organisation organisation = new Organisation(config, app.port());
            results.add(db, "build", seconds(organisation::build));
            long[] draft = new long[1];
            // The first import in a new JVM runs the import's code cold (interpreted, its classes loading):
            // reported apart; that draft is discarded and the import timed again, as on a running server.
            results.add(db, "import.cold", seconds(() -> draft[0] = organisation.importDraft(title + " (warm-up)")));
            organisation.discard(draft[0]);
            results.add(db, "import", seconds(() -> draft[0] = organisation.importDraft(title)));
            long submitted = System.nanoTime();
            results.add(db, "submit", seconds(() -> organisation.submit(draft[0])));
            if (!organisation.awaitHeadsAsked(draft[0], 600)) {
                throw new IllegalStateException("Not every head had their acceptance task within 10 minutes");
            }
            results.add(db, "asked", (System.nanoTime() - submitted) / 1e9);
            organisation.loginHeads();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger acceptRetries = new AtomicInteger();
            long started = System.nanoTime();
            double completing = Load.drain(config.clients(), organisation.functions(),
                    f -> accepted.addAndGet(organisation.acceptOverHttp(f, draft[0], acceptRetries)));
            results.add(db, "acceptances.http", accepted.get() / completing);
            if (!organisation.awaitEffective(title, 600)) {
                throw new IllegalStateException("The charter did not become effective within 10 minutes");
            }
            results.add(db, "accept", (System.nanoTime() - started) / 1e9);

            Board board = new Board(config, organisation);
            List<List<Board.VoteTask>> items = board.meetingWaitingForVotes(config.voteItems());
            Board.CORE.forEach(board::person);
            AtomicInteger cast = new AtomicInteger();
            AtomicInteger retries = new AtomicInteger();
            double voting = Load.drain(config.clients(), items, item -> cast.addAndGet(board.voteOverHttp(item, retries)));
            results.add(db, "votes.http", cast.get() / voting);
            results.note(db + " run " + run + ": " + accepted.get() + " acceptances (" + acceptRetries.get() + " retried), " + cast.get()
                    + " votes on " + items.size() + " items (" + retries.get() + " retried) over HTTP; a retry follows a "
                    + "concurrent change in the same process instance");

            // An amendment waits for acceptance, so every head has an open task in their list.
            long amendment = organisation.importAmendment("Benchmark amendment " + UUID.randomUUID());
            organisation.submit(amendment);
            if (!organisation.awaitHeadsAsked(amendment, 600)) {
                throw new IllegalStateException("The amendment's heads were not asked within 10 minutes");
            }
            results.add(db, "seed.tasks", seconds(() -> board.seedOpenTasks(config.tasks())));
        }
        results.add(db, "seed.decisions", seconds(() -> {
            try {
                Board.seedDecisions(database, config.decisions(), config.touchpoints(), config.functions());
            } catch (Exception e) {
                throw new IllegalStateException("Seeding decisions: " + e, e);
            }
        }));
        try (ChildApp app = ChildApp.start(config, database, folder, "full")) {
            results.add(db, "startup.full", app.startupSeconds());
            latencies(db, app.port());
            results.add(db, "memory", app.residentMiB());
        }
    }

    private void latencies(String db, int port) {
        String head = Organisation.function(0);
        List<Session> chairs = sessions(port, "cmo", Organisation.DEMO_PASSWORD);
        List<Session> heads = sessions(port, Organisation.head(head), Organisation.HEAD_PASSWORD);
        List<Session> employees = sessions(port, "employee", Organisation.DEMO_PASSWORD);
        String filter = heads.get(0).get("/engine-rest/filter?name=" + Session.enc("All my tasks")).expect(200)
                .json().get(0).get("id").asText();
        String tasklistBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
        measure(db, "charter", i -> ok(session(chairs).get("/api/charter")));
        measure(db, "tasks", i -> ok(session(heads).get("/engine-rest/task?candidateGroup=head-" + head
                + "&maxResults=50")));
        measure(db, "tasklist", i -> ok(session(heads).webappPost("/filter/" + filter
                + "/list?firstResult=0&maxResults=15", tasklistBody)));
        measure(db, "owners", i -> ok(session(employees).get("/api/touchpoints/" + randomTouchpoint() + "/owners")));
        measure(db, "decisions", i -> ok(session(chairs).get("/api/board/decisions?touchpoint=" + randomTouchpoint())));
        Session basic = Session.basic(port, "employee", Organisation.DEMO_PASSWORD);
        Load.Latencies withBasic = Load.latencies(config.clients(), config.clients() * 2, Math.min(200, config.requests()),
                i -> ok(basic.get("/api/touchpoints/" + randomTouchpoint() + "/owners")));
        results.add(db, "latency.basic.p50", withBasic.p50());
        results.note(db + ": " + Organisation.head(head) + "'s group holds "
                + heads.get(0).get("/engine-rest/task/count?candidateGroup=head-" + head).json().path("count").asLong()
                + " open task(s); a decision search by touchpoint answers "
                + count(chairs.get(0).get("/api/board/decisions?touchpoint=" + Organisation.touchpoint(0)).json())
                + " decision(s) (one sample)");
    }

    /** The entries of a list answer, plain or paged ({content, totalElements}). */
    private static long count(JsonNode answer) {
        return answer.isArray() ? answer.size() : answer.path("totalElements").asLong(answer.path("content").size());
    }

    private void measure(String db, String endpoint, java.util.function.IntPredicate call) {
        Load.Latencies latencies = Load.latencies(config.clients(), config.warmup(), config.requests(), call);
        if (latencies.errors() > 0) {
            results.note(db + ": " + endpoint + " had " + latencies.errors() + " failed requests of " + latencies.requests());
        }
        results.add(db, "latency." + endpoint + ".p50", latencies.p50());
        results.add(db, "latency." + endpoint + ".p95", latencies.p95());
        results.add(db, "latency." + endpoint + ".p99", latencies.p99());
        results.add(db, "latency." + endpoint + ".warmup95", latencies.warmupP95());
    }

    private final ThreadLocal<Integer> client = new ThreadLocal<>();
    private final AtomicInteger clients = new AtomicInteger();

    /** Each client thread keeps to its own session (its own connection and cookie), as 8 people would. */
    private Session session(List<Session> sessions) {
        Integer mine = client.get();
        if (mine == null) {
            mine = clients.getAndIncrement();
            client.set(mine);
        }
        return sessions.get(mine % sessions.size());
    }

    private List<Session> sessions(int port, String user, String password) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < config.clients(); i++) {
            sessions.add(Session.login(port, user, password));
        }
        return sessions;
    }

    private String randomTouchpoint() {
        return Organisation.touchpoint(ThreadLocalRandom.current().nextInt(config.touchpoints()));
    }

    private static boolean ok(Session.Response response) {
        return response.status() == 200;
    }

    /**
     * The Java API's run in a new JVM ({@link EngineRun}), as the jar's run is: both measure an
     * application whose code the JIT has seen for the same time, so the ratio compares like with like.
     * (Inside this JVM the second and third runs found the engine's code compiled by the first.)
     */
    private void inProcess(String db, int run) throws Exception {
        Path out = config.output().resolve(db + "-engine-run-" + run + ".json");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of(EngineRun.class.getName(), db, String.valueOf(run), out.toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The Java API run took over an hour");
        }
        if (process.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("The Java API run failed (exit " + process.exitValue() + "); see its output above");
        }
        results.absorb(out);
    }

    /** {@link EngineRun}'s work, in its JVM: the flows through the Java API, their figures written to {@code out}. */
    static void engineRun(String db, int run, Path out) throws Exception {
        Benchmark benchmark = new Benchmark(BenchConfig.fromSystemProperties());
        benchmark.inThisJvm(db, run);
        benchmark.results.exportTo(out);
    }

    private void inThisJvm(String db, int run) throws Exception {
        Path folder = folder(db + "-engine-run-" + run);
        Database database = database(db, folder);
        String title = "Benchmark charter " + UUID.randomUUID();
        try (InProcessApp app = InProcessApp.start(database, folder)) {
            results.add(db, "startup.engine", app.startupSeconds());
            Organisation organisation = new Organisation(config, app.port());
            organisation.build();
            long draft = organisation.importDraft(title);
            organisation.submit(draft);
            if (!organisation.awaitHeadsAsked(draft, 600)) {
                throw new IllegalStateException("Not every head had their acceptance task within 10 minutes (in-process)");
            }
            EngineFlows engine = new EngineFlows(app);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger acceptRetries = new AtomicInteger();
            double completing = Load.drain(config.clients(), organisation.functions(),
                    f -> accepted.addAndGet(engine.accept(f, draft, acceptRetries)));
            results.add(db, "acceptances.engine", accepted.get() / completing);
            if (!organisation.awaitEffective(title, 600)) {
                throw new IllegalStateException("The charter did not become effective within 10 minutes (in-process)");
            }
            Board board = new Board(config, organisation);
            List<List<Board.VoteTask>> items = board.meetingWaitingForVotes(config.voteItems());
            AtomicInteger cast = new AtomicInteger();
            AtomicInteger retries = new AtomicInteger();
            double voting = Load.drain(config.clients(), items, item -> cast.addAndGet(engine.vote(item, retries)));
            results.add(db, "votes.engine", cast.get() / voting);
            results.note(db + " run " + run + ": " + accepted.get() + " acceptances (" + acceptRetries.get() + " retried), " + cast.get()
                    + " votes on " + items.size() + " items (" + retries.get() + " retried) through the Java API");
        }
    }

    /** The HTTP rate over the engine's rate of this run. */
    private void ratio(String db, String flow) {
        List<Double> http = valuesOf(db, flow + ".http");
        List<Double> engine = valuesOf(db, flow + ".engine");
        if (!http.isEmpty() && !engine.isEmpty()) {
            results.add(db, flow + ".ratio", http.get(http.size() - 1) / engine.get(engine.size() - 1));
        }
    }

    private List<Double> valuesOf(String db, String figure) {
        return results.values(db, figure);
    }

    static double seconds(Runnable step) {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
