package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the application acknowledged survives {@code kill -9}, on the embedded default database (H2
 * run) and on PostgreSQL (PostgreSQL run), each a database of this test's own. The application runs as a
 * {@link Node}, takes a burst of touchpoint creations, charter submissions, a head's acceptances through
 * the engine's REST API and the chair's withdrawals from several threads, and is killed with SIGKILL
 * mid-burst: no shutdown hook runs, nothing is closed or flushed. Started again on the same database, it
 * has every write it answered 2xx to, and its domain records and process instances agree (the
 * consistency report is empty).
 *
 * <p>On H2 this holds the shipped URL options to their word ({@code WRITE_DELAY=0}: the report that
 * started this saw 30 of 275 acknowledged writes lost without it). On PostgreSQL the server outlives the
 * application; what is tested there is that no acknowledged write was only in the node's memory, and that
 * the job executor's half-done work (jobs locked by the dead node) neither loses nor doubles anything.
 */
class KillNineDurabilityIT {

    /** Acknowledged touchpoint creations before the kill, or five minutes of burst on a slow machine. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 250;
    private static final String CSV = Leftovers.SERVICE_AND_IT_CSV;

    private final ObjectMapper json = new ObjectMapper();
    private final Leftovers leftovers = new Leftovers();

    @TempDir
    Path directory;

    @AfterEach
    void closeLeftovers() throws Exception {
        leftovers.closeAll();
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndRecordsAgreeWithProcesses() throws Exception {
        ScratchDatabase database = ScratchDatabase.ofThisRun(directory.resolve("eb"), "eb_kill9");
        leftovers.add(database);
        if (!database.isPostgres()) {
            assertThat(database.url()).as("the scratch H2 file has the shipped URL options")
                    .endsWith(shippedH2Options());
        }

        Node first = Node.start("first", directory, database);
        leftovers.add(first);
        first.awaitReady();

        Queue<String> touchpoints = new ConcurrentLinkedQueue<>();
        Queue<Long> submittedCharters = new ConcurrentLinkedQueue<>();
        Queue<String> completedTasks = new ConcurrentLinkedQueue<>();
        Queue<Long> withdrawnCharters = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService burst = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        Instant started = Instant.now();
        for (int t = 0; t < 3; t++) {
            String prefix = "kill9-" + t + "-";
            writers.add(burst.submit(() -> createTouchpoints(first, prefix, touchpoints, killed)));
        }
        writers.add(burst.submit(() -> submitChartersAndAccept(first, submittedCharters, completedTasks,
                withdrawnCharters, killed)));

        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while ((touchpoints.size() < ACKNOWLEDGED_BEFORE_KILL || completedTasks.isEmpty())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
            assertThat(first.isAlive()).as("the application died during the burst").isTrue();
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        killed.set(true);
        first.kill9();
        burst.shutdown();
        assertThat(burst.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<?> writer : writers) {
            writer.get();
        }
        assertThat(touchpoints).as("acknowledged touchpoints before the kill").hasSizeGreaterThanOrEqualTo(20);
        assertThat(submittedCharters).as("charters submitted before the kill").isNotEmpty();
        assertThat(completedTasks).as("acceptances completed before the kill").isNotEmpty();

        Node second = Node.start("second", directory, database);
        leftovers.add(second);
        second.awaitReady();

        List<String> lost = new ArrayList<>();
        for (String code : touchpoints) {
            if (second.json("GET", "/api/touchpoints/" + code, "cmo", null).statusCode() != 200) {
                lost.add("touchpoint " + code);
            }
        }
        for (long charterId : submittedCharters) {
            HttpResponse<String> charter = second.json("GET", "/api/charter/drafts/" + charterId, "cmo", null);
            if (charter.statusCode() != 200 || "DRAFT".equals(json.readTree(charter.body()).path("status").asText())) {
                lost.add("submission of charter " + charterId + ": " + charter.body());
            }
        }
        for (long charterId : withdrawnCharters) {
            HttpResponse<String> charter = second.json("GET", "/api/charter/drafts/" + charterId, "cmo", null);
            if (!"WITHDRAWN".equals(json.readTree(charter.body()).path("status").asText())) {
                lost.add("withdrawal of charter " + charterId + ": " + charter.body());
            }
        }
        for (String taskId : completedTasks) {
            HttpResponse<String> history = second.json("GET", "/engine-rest/history/task?taskId=" + taskId, "admin",
                    null);
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            JsonNode entries = json.readTree(history.body());
            if (entries.size() != 1 || entries.get(0).path("endTime").isNull()) {
                lost.add("completion of task " + taskId + ": " + history.body());
            }
        }
        int acknowledged = touchpoints.size() + submittedCharters.size() + withdrawnCharters.size()
                + completedTasks.size();
        System.out.printf("KillNineDurabilityIT: %s (%s): %d writes acknowledged before kill -9 (%d touchpoints in "
                + "%.1f s, %.1f/s; %d charters submitted, %d acceptances completed, %d charters withdrawn), "
                + "lost: %d%n", database.isPostgres() ? "PostgreSQL" : "H2", database.name(), acknowledged,
                touchpoints.size(), seconds, touchpoints.size() / seconds, submittedCharters.size(),
                completedTasks.size(), withdrawnCharters.size(), lost.size());
        assertThat(lost).as("acknowledged writes missing after kill -9 (of %d)", acknowledged).isEmpty();

        HttpResponse<String> consistency = second.json("GET", "/api/admin/consistency", "admin", null);
        assertThat(consistency.statusCode()).as(consistency.body()).isEqualTo(200);
        assertThat(json.readTree(consistency.body()).path("totalElements").asLong()).as(consistency.body()).isZero();
        // What an operator watches after such a restart (the unit tests' context has no Prometheus registry).
        HttpResponse<String> metrics = second.get("/actuator/prometheus", "admin", "text/plain");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("engagement_tasks_open ", "engagement_incidents_open 0.0",
                "engagement_jobs_failed 0.0");
        assertThat(second.get("/actuator/prometheus", "cmo", "text/plain").statusCode()).isEqualTo(403);
        assertThat(second.json("GET", "/actuator/health/liveness", "admin", null).body()).contains("\"jobExecutor\"");
        second.stop();
    }

    /** The options of the shipped H2 URL ({@code application.properties}), which this test holds to their word. */
    private static String shippedH2Options() throws IOException {
        Properties shipped = new Properties();
        // The main application.properties: the test one lives under config/ and points at memory.
        try (InputStream in = KillNineDurabilityIT.class.getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the classpath").isNotNull();
            shipped.load(in);
        }
        String url = shipped.getProperty("spring.datasource.url");
        String defaultFile = "jdbc:h2:file:./data/engagement-board";
        assertThat(url).as("the embedded default database").startsWith(defaultFile);
        return url.substring(defaultFile.length());
    }

    /** Creates touchpoints one after another until the kill; keeps the codes that were answered 201. */
    private Void createTouchpoints(Node node, String prefix, Queue<String> acknowledged, AtomicBoolean killed)
            throws Exception {
        for (int i = 0; !killed.get(); i++) {
            String code = prefix + i;
            try {
                HttpResponse<String> created = node.json("POST", "/api/touchpoints", "cmo", """
                        {"code":"%s","name":"Touchpoint %s","description":"Made by KillNineDurabilityIT",
                         "kind":"EXTERNAL_INDIRECT","channel":"Post","journeyStage":"EXPERIENCE","priority":2}"""
                        .formatted(code, code));
                if (created.statusCode() == 201) {
                    acknowledged.add(code);
                } else {
                    failUnlessKilled(killed, "POST /api/touchpoints " + code, created);
                }
            } catch (IOException connectionGone) {
                if (!killed.get()) {
                    throw connectionGone;
                }
            }
        }
        return null;
    }

    /**
     * The chair drafts and submits charters; the head of IT accepts their rights through the engine's
     * REST API. Keeps every charter answered as submitted and every task answered as completed.
     */
    private Void submitChartersAndAccept(Node node, Queue<Long> submitted, Queue<String> completed,
            Queue<Long> withdrawn, AtomicBoolean killed) throws Exception {
        for (int i = 0; !killed.get(); i++) {
            try {
                HttpResponse<String> draft = node.call("POST", "/api/charter/drafts?title="
                        + URLEncoder.encode("Kill -9 charter " + i, StandardCharsets.UTF_8), "cmo", "text/csv", CSV);
                if (draft.statusCode() != 201) {
                    failUnlessKilled(killed, "draft", draft);
                    continue;
                }
                long id = json.readTree(draft.body()).path("id").asLong();
                HttpResponse<String> submit = node.json("POST", "/api/charter/drafts/" + id + "/submit", "cmo", null);
                if (submit.statusCode() != 200) {
                    failUnlessKilled(killed, "submit", submit);
                    continue;
                }
                submitted.add(id);
                // The job executor asks the heads a moment after the submission's save point.
                HttpResponse<String> tasks = null;
                for (int poll = 0; poll < 100 && !killed.get(); poll++) {
                    tasks = node.json("GET", "/engine-rest/task?processInstanceBusinessKey=charter-" + id, "it.head",
                            null);
                    if (tasks.statusCode() != 200 || !json.readTree(tasks.body()).isEmpty()) {
                        break;
                    }
                    Thread.sleep(100);
                }
                if (tasks == null || tasks.statusCode() != 200) {
                    if (tasks != null) {
                        failUnlessKilled(killed, "tasks", tasks);
                    }
                    continue;
                }
                for (JsonNode task : json.readTree(tasks.body())) {
                    String taskId = task.path("id").asText();
                    HttpResponse<String> done = node.json("POST", "/engine-rest/task/" + taskId + "/complete",
                            "it.head", "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}");
                    if (done.statusCode() == 204) {
                        completed.add(taskId);
                    } else {
                        failUnlessKilled(killed, "complete", done);
                    }
                }
                // One version is in acceptance at a time (service never answers here): the chair withdraws it,
                // so that the next one can go out. The job executor may be moving the charter on from the
                // acceptance just completed: a 409 "changed by someone else" asks to try again, as a person would.
                HttpResponse<String> withdrawal = null;
                for (int attempt = 0; attempt < 20 && !killed.get(); attempt++) {
                    withdrawal = node.json("POST", "/api/charter/drafts/" + id + "/withdraw", "cmo",
                            "{\"reason\": \"Kill -9: the next charter goes out.\"}");
                    if (withdrawal.statusCode() != 409 || !withdrawal.body().contains("Changed by someone else")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                if (withdrawal == null) {
                    continue;
                }
                if (withdrawal.statusCode() == 200) {
                    withdrawn.add(id);
                } else {
                    failUnlessKilled(killed, "withdraw", withdrawal);
                }
            } catch (IOException connectionGone) {
                if (!killed.get()) {
                    throw connectionGone;
                }
            }
        }
        return null;
    }

    private static void failUnlessKilled(AtomicBoolean killed, String what, HttpResponse<String> response) {
        if (!killed.get()) {
            fail(what + ": " + response.statusCode() + " " + response.body());
        }
    }
}
