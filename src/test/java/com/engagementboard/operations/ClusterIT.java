package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.BrowserSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes, each an operating-system process of its own, on one fresh PostgreSQL database: Camunda's cluster
 * model (README, "A cluster"). Both start at the same moment on the empty database; a charter submitted on one
 * is accepted on the other; a timer made due fires once across both; a browser session opened on one is served
 * by the other, and ends on both; a node killed with SIGKILL while it holds a job leaves that job to the other
 * node once the job's lock has expired.
 *
 * <p>The nodes run with a job lock time of {@link #LOCK_TIME} (the default is five minutes) and look for jobs at
 * least every {@link #MAX_ACQUISITION_WAIT}, so that the job of a dead node moves within the test's time; each
 * names itself in the job log ({@code hostname}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Duration LOCK_TIME = Duration.ofSeconds(20);
    static final Duration MAX_ACQUISITION_WAIT = Duration.ofSeconds(3);
    /** A first run of the held job sleeps this long: far beyond the test, which kills the node first. */
    static final Duration HOLD = Duration.ofMinutes(10);

    private static final String TWO_FUNCTIONS = """
            touchpoint,right,function
            complaint-handling,DESIGN,service
            complaint-handling,BUILD,it
            complaint-handling,OPERATE,service
            complaint-handling,RENEW,service
            """;
    private static final String IT_ONLY = """
            touchpoint,right,function
            complaint-handling,DESIGN,it
            complaint-handling,BUILD,it
            complaint-handling,OPERATE,it
            complaint-handling,RENEW,it
            """;
    private static final String ACCEPT_ALL =
            "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}";
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> requests = new LinkedHashMap<>();
    private final List<String> figures = new ArrayList<>();

    @TempDir
    static Path folder;

    private ScratchDatabase database;
    private Node a;
    private Node b;
    private int kills;
    /** The charter whose acceptance timer fired; its head's task is completed through the Tasklist. */
    private long timerCharter;
    private Instant classStarted;

    @BeforeAll
    void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        ScratchDatabase.assumePostgresRun("Two nodes on one database");
        classStarted = Instant.now();
        database = ScratchDatabase.postgres("eb_cluster");
        a = Node.start("a", folder.resolve("a"), database, nodeArguments("a"));
        b = Node.start("b", folder.resolve("b"), database, nodeArguments("b"));
        a.awaitReady();
        b.awaitReady();
        figures.add("both nodes ready %.0f s after starting at once".formatted(seconds(classStarted)));
        requests.put("a", new AtomicInteger());
        requests.put("b", new AtomicInteger());
    }

    private static String[] nodeArguments(String label) {
        return new String[] {
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--camunda.bpm.job-execution.max-wait=" + MAX_ACQUISITION_WAIT.toMillis(),
                "--camunda.bpm.generic-properties.properties.hostname=node-" + label};
    }

    @AfterAll
    void stopNodesAndDropTheDatabase() throws Exception {
        try {
            for (Node node : new Node[] {a, b}) {
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
        if (classStarted != null) {
            System.out.printf("ClusterIT: nodes 2, requests per node %s, kills survived %d, %s, class %.0f s%n",
                    requests, kills, String.join(", ", figures), seconds(classStarted));
        }
    }

    @Test
    @Order(1)
    void nodesStartedAtOnceOnAnEmptyDatabaseDeployEachProcessOnce() throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> definitions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select KEY_, count(*), max(VERSION_) from ACT_RE_PROCDEF group by KEY_ order by KEY_")) {
                while (rows.next()) {
                    definitions.add(rows.getString(1) + " x" + rows.getInt(2) + " v" + rows.getInt(3));
                }
            }
            assertThat(definitions).as("process definitions (key, count, highest version)")
                    .contains("touchpoint-charter x1 v1", "board-meeting x1 v1")
                    .allMatch(definition -> definition.endsWith(" x1 v1"));
            assertThat(single(statement, "select count(*) from ACT_RE_DEPLOYMENT where NAME_ = 'engagement-board'"))
                    .as("deployments of the process application").isEqualTo(1);
            // The change proposal form with its choices: each node publishes it unless the latest has them.
            assertThat(single(statement, "select count(*) from ACT_RE_DEPLOYMENT where NAME_ <> 'engagement-board'"
                    + " and NAME_ <> 'change-proposal-choices'")).as("other deployments").isZero();
            assertThat(single(statement, "select count(*) from flyway_schema_history where not success"))
                    .as("failed migrations").isZero();
            assertThat(single(statement, "select count(*) from ACT_ID_USER where ID_ = 'cmo'"))
                    .as("the demo chair, created once").isEqualTo(1);
            figures.add("%d process definitions, 1 deployment".formatted(definitions.size()));
        }
        boolean waited = Files.readString(a.log()).contains("Another node is starting")
                || Files.readString(b.log()).contains("Another node is starting");
        figures.add(waited ? "one node waited for the other's start" : "the nodes' starts did not overlap");
    }

    @Test
    @Order(2)
    void aCharterSubmittedOnOneNodeIsAcceptedOnTheOther() throws Exception {
        long charter = submitCharter(a, "Cluster charter", TWO_FUNCTIONS);
        for (String head : List.of("service.head", "it.head")) {
            for (JsonNode task : awaitTasks(b, charter, head)) {
                HttpResponse<String> done = call(b, "POST", "/engine-rest/task/" + task.path("id").asText()
                        + "/complete", head, "application/json", ACCEPT_ALL);
                assertThat(done.statusCode()).as("%s completes on node b: %s", head, done.body()).isEqualTo(204);
            }
        }
        String status = awaitStatus(a, charter, "EFFECTIVE");
        assertThat(status).as("charter %d as node a sees it", charter).isEqualTo("EFFECTIVE");
    }

    @Test
    @Order(3)
    void aTimerDueNowFiresOnceAcrossBothNodes() throws Exception {
        long charter = submitCharter(b, "Cluster timer charter", IT_ONLY);
        timerCharter = charter;
        awaitTasks(a, charter, "it.head");
        String instance = processInstance(a, charter);
        JsonNode jobs = readJson(call(a, "GET", "/engine-rest/job?processInstanceId=" + instance
                + "&activityId=BoundaryEvent_AcceptanceOverdue", "admin", null, null));
        assertThat(jobs).as("the acceptance-overdue timer of charter %d", charter).hasSize(1);
        String job = jobs.get(0).path("id").asText();

        Instant due = Instant.now();
        HttpResponse<String> moved = call(a, "PUT", "/engine-rest/job/" + job + "/duedate", "admin",
                "application/json", "{\"duedate\": \"%s\", \"cascade\": false}".formatted(
                        CAMUNDA_DATE.format(due.minusSeconds(60))));
        assertThat(moved.statusCode()).as("due date set: %s", moved.body()).isEqualTo(204);

        String successes = "/engine-rest/history/job-log?jobId=" + job + "&successLog=true";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (readJson(call(b, "GET", successes, "admin", null, null)).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        double fired = seconds(due);
        // Both nodes look again at least once more before the count is taken.
        Thread.sleep(MAX_ACQUISITION_WAIT.multipliedBy(3).toMillis());

        JsonNode ran = readJson(call(b, "GET", successes, "admin", null, null));
        assertThat(ran).as("successful runs of the timer job").hasSize(1);
        JsonNode reminded = readJson(call(a, "GET", "/engine-rest/history/activity-instance?processInstanceId="
                + instance + "&activityId=Task_RemindHead", "admin", null, null));
        assertThat(reminded).as("runs of 'Mark overdue and remind'").hasSize(1);
        int reminders = 0;
        for (JsonNode task : readJson(call(a, "GET", "/engine-rest/task?processInstanceId=" + instance, "admin",
                null, null))) {
            for (JsonNode comment : readJson(call(b, "GET", "/engine-rest/task/" + task.path("id").asText()
                    + "/comment", "admin", null, null))) {
                reminders += comment.path("message").asText().startsWith("Reminder:") ? 1 : 0;
            }
        }
        assertThat(reminders).as("reminder comments on the head's task").isEqualTo(1);
        figures.add("timer fired once, on %s, %.1f s after it was made due".formatted(
                ran.get(0).path("hostname").asText(), fired));
    }

    @Test
    @Order(4)
    void aBrowserSessionOpenedOnOneNodeIsServedByTheOtherAndEndsOnBoth() throws Exception {
        BrowserSession onA = new BrowserSession(a.port()).login("it.head", "demo");
        count(a, 3);
        BrowserSession onB = onA.on(b.port());

        HttpResponse<String> page = onB.get("/", "text/html");
        assertThat(page.statusCode()).as("the home page on node b").isEqualTo(200);
        assertThat(page.body()).as("the page of someone logged in").contains("class=\"logout\"");
        HttpResponse<String> api = onB.get("/api/touchpoints");
        assertThat(api.statusCode()).as("/api on node b: %s", api.body()).isEqualTo(200);
        HttpResponse<String> tasks = onB.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=charter-"
                + timerCharter);
        assertThat(tasks.statusCode()).as("the Tasklist's engine API on node b: %s", tasks.body()).isEqualTo(200);
        assertThat(onB.cookie("XSRF-TOKEN")).as("the webapps' CSRF cookie").isNotNull();
        count(b, 3);

        // The token the webapps handed out on node b is known to node a: it lives in the shared session.
        JsonNode open = json.readTree(tasks.body());
        assertThat(open).as("it.head's open tasks").isNotEmpty();
        String task = open.get(0).path("id").asText();
        HttpResponse<String> completed = onA.tasklistPost("/task/" + task + "/complete", ACCEPT_ALL);
        assertThat(completed.statusCode()).as("a task completed through the Tasklist on node a: %s",
                completed.body()).isEqualTo(204);
        count(a, 1);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select distinct ATTRIBUTE_NAME from SPRING_SESSION_ATTRIBUTES "
                        + "order by ATTRIBUTE_NAME")) {
            List<String> attributes = new ArrayList<>();
            while (rows.next()) {
                attributes.add(rows.getString(1));
            }
            assertThat(attributes).as("what the shared sessions hold").isNotEmpty();
            figures.add("session attributes " + attributes);
        }

        HttpResponse<String> logout = onB.postJson("/camunda/api/admin/auth/user/default/logout", "{}",
                onB.cookie("XSRF-TOKEN"));
        assertThat(logout.statusCode()).as("logout on node b").isEqualTo(200);
        assertThat(onA.get("/api/touchpoints").statusCode()).as("/api on node a after logging out on b")
                .isEqualTo(401);
        assertThat(onA.get("/camunda/api/engine/engine/default/task").statusCode())
                .as("the Tasklist's engine API on node a after logging out on b").isEqualTo(401);
        assertThat(onA.get("/", "text/html").statusCode()).as("a page on node a after logging out on b")
                .isEqualTo(302);
        count(b, 1);
        count(a, 3);
    }

    @Test
    @Order(5)
    void aJobHeldByANodeKilledWithSigkillRunsOnTheOtherAfterItsLockExpires() throws Exception {
        deployHeldJobProcess(a);
        HttpResponse<String> started = call(b, "POST", "/engine-rest/process-definition/key/ClusterHeldJob/start",
                "admin", "application/json", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = json.readTree(started.body()).path("id").asText();

        Path first = folder.resolve(HeldJob.FIRST);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(first) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(first).as("a node took the job").exists();
        String holder = Files.readString(first).strip();
        Node dying = holder.equals("a") ? a : b;
        Node survivor = dying == a ? b : a;
        Instant held = Instant.parse(Files.readString(folder.resolve(HeldJob.RUN + holder)).strip());
        dying.kill9();
        kills++;
        Instant killed = Instant.now();

        String history = "/engine-rest/history/process-instance/" + instance;
        deadline = Instant.now().plus(LOCK_TIME).plus(Duration.ofSeconds(60));
        JsonNode done = readJson(call(survivor, "GET", history, "admin", null, null));
        while (done.path("endTime").isNull() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            done = readJson(call(survivor, "GET", history, "admin", null, null));
        }
        assertThat(done.path("state").asText()).as("the held job's process on node %s", survivor.label())
                .isEqualTo("COMPLETED");
        Path secondRun = folder.resolve(HeldJob.RUN + survivor.label());
        assertThat(secondRun).as("node %s ran the job", survivor.label()).exists();
        Instant taken = Instant.parse(Files.readString(secondRun).strip());
        assertThat(taken).as("node %s took the job once its lock (%s) had expired", survivor.label(), LOCK_TIME)
                .isAfterOrEqualTo(held.plus(LOCK_TIME).minusSeconds(1));
        JsonNode runs = readJson(call(survivor, "GET", "/engine-rest/history/job-log?processInstanceId=" + instance
                + "&successLog=true", "admin", null, null));
        assertThat(runs).as("successful runs of the held job").hasSize(1);
        assertThat(runs.get(0).path("hostname").asText()).isEqualTo("node-" + survivor.label());
        HttpResponse<String> health = call(survivor, "GET", "/actuator/health/readiness", "admin", null, null);
        assertThat(health.statusCode()).as("node %s after its peer's death", survivor.label()).isEqualTo(200);
        figures.add(("held job moved from node %s (killed) to node %s in %.1f s after the kill, %.1f s after "
                + "it was taken (lock %d s)").formatted(holder, survivor.label(),
                Duration.between(killed, taken).toMillis() / 1000.0, Duration.between(held, taken).toMillis() / 1000.0,
                LOCK_TIME.toSeconds()));
    }

    /**
     * The held job's work: it notes which node runs it (the node's working folder is named after it) and when;
     * the first run anywhere then sleeps, holding the job, until the test kills that node.
     */
    public static class HeldJob implements JavaDelegate {

        static final String FIRST = "held-job.first";
        static final String RUN = "held-job.run.";

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            Path workingFolder = Path.of("").toAbsolutePath();
            Path shared = workingFolder.getParent();
            String node = workingFolder.getFileName().toString();
            Files.writeString(shared.resolve(RUN + node), Instant.now().toString());
            try {
                Files.writeString(Files.createFile(shared.resolve(FIRST + ".tmp." + node)), node);
                Files.move(shared.resolve(FIRST + ".tmp." + node), shared.resolve(FIRST));
            } catch (FileAlreadyExistsException notFirst) {
                return;
            }
            Thread.sleep(HOLD.toMillis());
        }
    }

    private void deployHeldJobProcess(Node node) throws IOException, InterruptedException {
        byte[] bpmn;
        try (InputStream in = ClusterIT.class.getResourceAsStream("/cluster/cluster-held-job.bpmn")) {
            assertThat(in).as("cluster/cluster-held-job.bpmn on the test classpath").isNotNull();
            bpmn = in.readAllBytes();
        }
        String boundary = "cluster-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "cluster-held-job (ClusterIT)\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; "
                + "filename=\"cluster-held-job.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length() + bpmn.length + tail.length];
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(bpmn, 0, body, head.length(), bpmn.length);
        System.arraycopy(tail, 0, body, head.length() + bpmn.length, tail.length);
        HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(node.uri("/engine-rest/deployment/create"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        count(node, 1);
        assertThat(deployed.statusCode()).as("the test's process deployed by the administrator: %s",
                deployed.body()).isEqualTo(200);
    }

    private long submitCharter(Node node, String title, String csv) throws IOException, InterruptedException {
        HttpResponse<String> draft = call(node, "POST", "/api/charter/drafts?title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), "cmo", "text/csv", csv);
        assertThat(draft.statusCode()).as("draft on node %s: %s", node.label(), draft.body()).isEqualTo(201);
        long id = json.readTree(draft.body()).path("id").asLong();
        HttpResponse<String> submit = call(node, "POST", "/api/charter/drafts/" + id + "/submit", "cmo", null, null);
        assertThat(submit.statusCode()).as("submit on node %s: %s", node.label(), submit.body()).isEqualTo(200);
        return id;
    }

    /** The head's open acceptance tasks of a charter, once the job executor (either node's) has asked them. */
    private JsonNode awaitTasks(Node node, long charter, String head) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode tasks;
        do {
            tasks = readJson(call(node, "GET", "/engine-rest/task?processInstanceBusinessKey=charter-" + charter,
                    head, null, null));
            if (!tasks.isEmpty()) {
                return tasks;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no task for " + head + " on charter " + charter + " within 90 s");
    }

    private String awaitStatus(Node node, long charter, String wanted) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String status;
        do {
            status = readJson(call(node, "GET", "/api/charter/drafts/" + charter, "cmo", null, null))
                    .path("status").asText();
            if (status.equals(wanted)) {
                return status;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private String processInstance(Node node, long charter) throws IOException, InterruptedException {
        JsonNode instances = readJson(call(node, "GET", "/engine-rest/process-instance?businessKey=charter-" + charter,
                "admin", null, null));
        assertThat(instances).as("the process of charter %d", charter).hasSize(1);
        return instances.get(0).path("id").asText();
    }

    private HttpResponse<String> call(Node node, String method, String path, String user, String contentType,
            String body) throws IOException, InterruptedException {
        count(node, 1);
        return node.call(method, path, user, contentType, body);
    }

    private JsonNode readJson(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void count(Node node, int calls) {
        requests.get(node.label()).addAndGet(calls);
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
