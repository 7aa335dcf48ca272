package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.board.BoardMeetingProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while the application serves, restored into a fresh node, holds every record a company
 * relies on and the processes go on from it. On a database of this test's own: in the H2 run the backup
 * is the administrator's {@code POST /api/admin/backups} (H2's {@code BACKUP TO}) and the restore the
 * zip's {@code .mv.db} in a new data folder; in the PostgreSQL run the backup is {@code pg_dump -Fc} of the
 * node's database and the restore {@code pg_restore} into a new database (the commands README gives).
 *
 * <p>The first node holds a charter in acceptance (IT accepted, service's task open, its deadline timers
 * set), the board's decision on a member's item from a meeting that voted, the demo board's next meeting
 * with its timers, and the engine's history. The second node, on the restore, shows the same records,
 * the same open tasks and the same timers (ids and due dates), a write made after the backup is not
 * there, and the open acceptance, completed on it, makes the charter effective.
 */
class BackupRestoreIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
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
    void aBackupRestoredIntoAFreshNodeHoldsEveryRecordTimerAndOpenTaskAndTheProcessesGoOn() throws Exception {
        ScratchDatabase original = ScratchDatabase.ofThisRun(directory.resolve("original"), "eb_backup");
        leftovers.add(original);
        Path backups = directory.resolve("backups");
        Node first = Node.start("first", directory.resolve("original"), original,
                "--engagement-board.backup.folder=" + backups.toAbsolutePath());
        leftovers.add(first);
        first.awaitReady();

        long charterId = charterInAcceptance(first);
        long decisionId = decidedItem(first);
        JsonNode before = quietSnapshot(first, charterId);

        Instant backupStarted = Instant.now();
        ScratchDatabase restored;
        Path backupFile;
        if (original.isPostgres()) {
            HttpResponse<String> refused = first.json("POST", "/api/admin/backups", "admin", null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(refused.body()).path("detail").asText()).contains("pg_dump");
            backupFile = backups.resolve(original.name() + ".dump");
            Files.createDirectories(backups);
            run(original, "pg_dump", "-Fc", "-f", backupFile.toString(), original.name());
        } else {
            assertThat(first.json("POST", "/api/admin/backups", "nobody", null).statusCode()).isEqualTo(401);
            HttpResponse<String> forbidden = first.json("POST", "/api/admin/backups", "cmo", null);
            assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> taken = first.json("POST", "/api/admin/backups", "admin", null);
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
            JsonNode backup = json.readTree(taken.body());
            backupFile = backups.resolve(backup.path("file").asText());
            assertThat(backupFile.getFileName().toString()).matches("engagement-board-\\d{8}T\\d{6}\\.\\d{3}Z\\.zip");
            assertThat(backupFile).exists();
            assertThat(backup.path("sizeBytes").asLong()).isEqualTo(Files.size(backupFile));
        }
        long backupMillis = Duration.between(backupStarted, Instant.now()).toMillis();
        long backupBytes = Files.size(backupFile);

        assertThat(snapshot(first, charterId)).as("the first node's records while the backup was taken")
                .isEqualTo(before);
        // A write after the backup: the restore must not have it.
        HttpResponse<String> late = first.json("POST", "/api/touchpoints", "cmo", """
                {"code":"after-the-backup","name":"After the backup","description":"Made by BackupRestoreIT",
                 "kind":"EXTERNAL_INDIRECT","channel":"Post","journeyStage":"EXPERIENCE","priority":2}""");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);

        Instant restoreStarted = Instant.now();
        if (original.isPostgres()) {
            restored = ScratchDatabase.postgres("eb_restored");
            leftovers.add(restored);
            run(restored, "pg_restore", "--no-owner", "--exit-on-error", "-d", restored.name(), backupFile.toString());
        } else {
            restored = ScratchDatabase.h2(directory.resolve("restored"));
            leftovers.add(restored);
            unzipDatabaseFile(backupFile, directory.resolve("restored"));
        }
        long restoreMillis = Duration.between(restoreStarted, Instant.now()).toMillis();
        first.stop();

        Node second = Node.start("second", directory.resolve("restored"), restored);
        leftovers.add(second);
        second.awaitReady();

        JsonNode after = snapshot(second, charterId);
        before.fieldNames().forEachRemaining(part -> assertThat(after.path(part))
                .as("the restored node's %s", part).isEqualTo(before.path(part)));
        assertThat(second.json("GET", "/api/touchpoints/after-the-backup", "cmo", null).statusCode())
                .as("a touchpoint created after the backup").isEqualTo(404);
        HttpResponse<String> consistency = second.json("GET", "/api/admin/consistency", "admin", null);
        assertThat(consistency.statusCode()).as(consistency.body()).isEqualTo(200);
        assertThat(json.readTree(consistency.body()).path("totalElements").asLong()).as(consistency.body()).isZero();
        assertThat(after.path("decisions").toString()).contains("\"id\":" + decisionId);

        // The processes go on: service accepts its rights on the restored node, and the charter takes force.
        JsonNode open = tasks(second, "service.head", charterId);
        assertThat(open).as("service's open acceptance on the restored node").hasSize(1);
        HttpResponse<String> accepted = second.json("POST", "/engine-rest/task/" + open.get(0).path("id").asText()
                + "/complete", "service.head", "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", "
                        + "\"type\": \"String\"}}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        String status = awaitStatus(second, "/api/charter/drafts/" + charterId, "EFFECTIVE");
        assertThat(status).as("charter %d after service accepted on the restored node", charterId)
                .isEqualTo("EFFECTIVE");

        int records = 1 + after.path("decisions").size() + after.path("meetings").size() + after.path("items").size()
                + after.path("touchpoints").asInt() + after.path("jobs").size() + after.path("tasks").size()
                + after.path("instances").size() + after.path("history").asInt();
        System.out.printf("BackupRestoreIT: %s: %d records checked on the restored node (1 charter, %d decisions, "
                + "%d meetings, %d agenda items, %d touchpoints, %d timers and jobs with their due dates, %d open "
                + "tasks, %d process instances, %d historic instances), lost: 0; backup %s of %,d bytes taken in "
                + "%d ms while the node ran, restored in %d ms%n",
                original.isPostgres() ? "PostgreSQL (pg_dump -Fc, pg_restore)" : "H2 (POST /api/admin/backups)",
                records, after.path("decisions").size(), after.path("meetings").size(), after.path("items").size(),
                after.path("touchpoints").asInt(), after.path("jobs").size(), after.path("tasks").size(),
                after.path("instances").size(), after.path("history").asInt(), backupFile.getFileName(), backupBytes,
                backupMillis, restoreMillis);
        second.stop();
    }

    // --- records ------------------------------------------------------------------------------------

    /** A charter submitted, IT's acceptance completed, service's left open (its deadline timers set). */
    private long charterInAcceptance(Node node) throws Exception {
        HttpResponse<String> draft = node.call("POST", "/api/charter/drafts?title="
                + URLEncoder.encode("Backup charter", StandardCharsets.UTF_8), "cmo", "text/csv", CSV);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = json.readTree(draft.body()).path("id").asLong();
        HttpResponse<String> submitted = node.json("POST", "/api/charter/drafts/" + id + "/submit", "cmo", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode itTasks = awaitTasks(node, "it.head", id);
        awaitTasks(node, "service.head", id);
        for (JsonNode task : itTasks) {
            HttpResponse<String> done = node.json("POST", "/engine-rest/task/" + task.path("id").asText()
                    + "/complete", "it.head", "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", "
                            + "\"type\": \"String\"}}}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        }
        return id;
    }

    /**
     * The sales head submits an item with its facts; the chair calls an extraordinary meeting, whose
     * agenda cut-off and start the administrator fires through the engine's REST API (as Cockpit would),
     * publishes the agenda with the item, puts it to the vote; three of the four core members approve.
     * Returns the decision's id in the register.
     */
    private long decidedItem(Node node) throws Exception {
        HttpResponse<String> item = node.json("POST", "/api/board/agenda-items", "sales.head", """
                {"title": "Shorten the call-centre script", "decisionAsked": "Shall the script be shortened?",
                 "touchpoints": ["call-centre-script"],
                 "facts": {"customerBehaviour": "Callers hang up after 90 seconds"}}""");
        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        long itemId = json.readTree(item.body()).path("id").asLong();
        // The item's process checks the facts and queues it a moment later (the job executor's step).
        assertThat(awaitStatus(node, "/api/board/agenda-items/" + itemId, "QUEUED")).as("item %d", itemId)
                .isEqualTo("QUEUED");
        HttpResponse<String> called = node.json("POST", "/api/board/meetings", "cmo", "{\"at\": \""
                + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"BackupRestoreIT\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).path("id").asLong();
        JsonNode instances = read(node, "/engine-rest/process-instance?businessKey="
                + BoardMeetingProcess.businessKey(meetingId));
        assertThat(instances).hasSize(1);
        String meeting = instances.get(0).path("id").asText();

        fire(node, meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        complete(node, "cmo", awaitTask(node, "cmo", meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                string(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId)) + ", \""
                        + BoardMeetingProcess.Variables.DEFERRED_ITEMS + "\": {\"value\": \"[]\", \"type\": \"Json\"}");
        fire(node, meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        complete(node, "cmo", awaitTask(node, "cmo", meeting, BoardMeetingProcess.Elements.PRESENT_ITEM),
                string(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            complete(node, voter, awaitTask(node, voter, meeting, BoardMeetingProcess.Elements.VOTE),
                    string(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE));
        }
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode decision : read(node, "/api/board/decisions?size=100").path("content")) {
                if (decision.path("itemId").asLong() == itemId) {
                    assertThat(decision.path("outcome").asText()).isEqualTo("APPROVED");
                    return decision.path("id").asLong();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no decision on item " + itemId + " within " + WAIT + ":\n" + node.tail());
    }

    /**
     * What a restore must give back, read through the API: the charter, the register, the meetings and
     * items, the touchpoints, every job of the engine (timers with their due dates, {@code ACT_RU_JOB}),
     * every open task, every running and every historic process instance.
     */
    private JsonNode snapshot(Node node, long charterId) throws Exception {
        ObjectNode snapshot = json.createObjectNode();
        snapshot.set("charter", read(node, "/api/charter/drafts/" + charterId));
        snapshot.set("decisions", read(node, "/api/board/decisions?size=100").path("content"));
        snapshot.set("meetings", read(node, "/api/board/meetings?size=100").path("content"));
        ArrayNode items = json.createArrayNode();
        for (JsonNode meeting : snapshot.path("meetings")) {
            for (JsonNode entry : meeting.path("agenda")) {
                items.add(entry);
            }
        }
        snapshot.set("items", items);
        snapshot.put("touchpoints", read(node, "/api/touchpoints?size=1").path("totalElements").asInt());
        ArrayNode jobs = pick(read(node, "/engine-rest/job?sortBy=jobId&sortOrder=asc&maxResults=1000"),
                "id", "dueDate", "processInstanceId", "jobDefinitionId", "retries", "suspended");
        for (JsonNode job : jobs) {
            if (job.path("processInstanceId").isNull()) {
                // The engine's own history clean-up job: every node that starts schedules it anew in the batch
                // window, so only its being there is compared.
                ((ObjectNode) job).put("dueDate", "set by each start");
            }
        }
        snapshot.set("jobs", jobs);
        snapshot.set("tasks", pick(read(node, "/engine-rest/task?sortBy=id&sortOrder=asc&maxResults=1000"),
                "id", "name", "assignee", "due", "processInstanceId", "taskDefinitionKey"));
        snapshot.set("instances", pick(read(node, "/engine-rest/process-instance?sortBy=instanceId&sortOrder=asc"
                + "&maxResults=1000"), "id", "businessKey", "definitionId", "ended", "suspended"));
        snapshot.put("history", read(node, "/engine-rest/history/process-instance/count").path("count").asInt());
        assertThat(snapshot.path("jobs")).as("timers of the charter and the demo board").isNotEmpty();
        return snapshot;
    }

    /**
     * The first node's records once nothing moves any more (the job executor has taken every step that was
     * due): two snapshots a second apart that agree. Bounded by {@link #WAIT}.
     */
    private JsonNode quietSnapshot(Node node, long charterId) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode previous = snapshot(node, charterId);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            JsonNode current = snapshot(node, charterId);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the first node's records did not settle within " + WAIT);
    }

    private ArrayNode pick(JsonNode array, String... fields) {
        ArrayNode picked = json.createArrayNode();
        for (JsonNode element : array) {
            ObjectNode row = picked.addObject();
            for (String field : fields) {
                row.set(field, element.path(field));
            }
        }
        return picked;
    }

    // --- backup and restore -------------------------------------------------------------------------

    /** Runs a PostgreSQL client tool against the database's server (host, port, user from its JDBC URL). */
    private static void run(ScratchDatabase database, String tool, String... arguments) throws Exception {
        URI server = URI.create(database.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "-h", server.getHost(),
                "-p", String.valueOf(server.getPort() < 0 ? 5432 : server.getPort()), "-U", database.user()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s ended", tool).isTrue();
        assertThat(process.exitValue()).as("%s %s:%n%s", tool, command, output).isZero();
    }

    /** {@code unzip} of the backup's one {@code .mv.db} file into an empty data folder. */
    private static void unzipDatabaseFile(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
                entries.add(entry.getName());
                Files.copy(entriesIn, folder.resolve(Path.of(entry.getName()).getFileName()));
            }
        }
        assertThat(entries).as("the backup's files").containsExactly("engagement-board.mv.db");
    }

    // --- over HTTP ----------------------------------------------------------------------------------

    private JsonNode read(Node node, String path) throws Exception {
        HttpResponse<String> response = node.json("GET", path, "admin", null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode tasks(Node node, String user, long charterId) throws Exception {
        HttpResponse<String> tasks = node.json("GET", "/engine-rest/task?processInstanceBusinessKey=charter-"
                + charterId, user, null);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        return json.readTree(tasks.body());
    }

    private JsonNode awaitTasks(Node node, String user, long charterId) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = tasks(node, user, charterId);
            if (!tasks.isEmpty()) {
                return tasks;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " got no task of charter " + charterId + " within " + WAIT);
    }

    private JsonNode awaitTask(Node node, String user, String instance, String taskDefinitionKey) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> tasks = node.json("GET", "/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=" + taskDefinitionKey, user, null);
            assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
            JsonNode list = json.readTree(tasks.body());
            if (!list.isEmpty()) {
                return list.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " got no " + taskDefinitionKey + " within " + WAIT + ":\n" + node.tail());
    }

    private void complete(Node node, String user, JsonNode task, String variables) throws Exception {
        HttpResponse<String> done = node.json("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                user, "{\"variables\": {" + variables + "}}");
        assertThat(done.statusCode()).as("%s completes %s: %s", user, task.path("name").asText(), done.body())
                .isEqualTo(204);
    }

    /** Executes the instance's jobs at the element now, as an administrator would in Cockpit. */
    private void fire(Node node, String instance, String activityId) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode jobs = read(node, "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId);
            if (!jobs.isEmpty()) {
                for (JsonNode job : jobs) {
                    HttpResponse<String> executed = node.json("POST", "/engine-rest/job/" + job.path("id").asText()
                            + "/execute", "admin", null);
                    assertThat(executed.statusCode()).as("execute %s: %s", activityId, executed.body())
                            .isEqualTo(204);
                }
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job at " + activityId + " within " + WAIT + ":\n" + node.tail());
    }

    /** Waits for the record at the path to reach the status; returns the last status read. */
    private String awaitStatus(Node node, String path, String expected) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = read(node, path).path("status").asText();
            if (expected.equals(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }

    private static String string(String name, String value) {
        return "\"" + name + "\": {\"value\": \"" + value.replace("\"", "\\\"") + "\", \"type\": \"String\"}";
    }
}
