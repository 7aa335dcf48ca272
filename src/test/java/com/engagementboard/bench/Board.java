package com.engagementboard.bench;

import com.engagementboard.board.BoardMeetingProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The board's part: open tasks, a meeting whose items wait for votes, and the decision register. */
final class Board {

    /** The demo board's members who may submit items (everyone in board-member). */
    static final List<String> MEMBERS = List.of("marketing.head", "communications.head", "sales.head",
            "service.head", "operations.head", "product.head", "it.head", "brand.head", "insight.lead",
            "digital.lead", "branch.lead", "compliance.lead", "people.lead");
    /** The demo core group: they vote. */
    static final List<String> CORE = List.of("cmo", "retail.head", "business.head", "wealth.head");

    /** A vote task and whom it is for; votes of one item are cast by one client, in turn. */
    record VoteTask(String id, String voter) {
    }

    private final BenchConfig config;
    private final Organisation organisation;
    private final Map<String, Session> people = new java.util.concurrent.ConcurrentHashMap<>();

    Board(BenchConfig config, Organisation organisation) {
        this.config = config;
        this.organisation = organisation;
    }

    Session person(String user) {
        return people.computeIfAbsent(user, u -> Session.login(organisation.port(), u, Organisation.DEMO_PASSWORD));
    }

    /**
     * Open tasks through the API: items submitted without a fact base go back to their authors, each
     * an open task "Add the facts to: ..." (agenda-item process, Task_CompleteFactBase).
     */
    void seedOpenTasks(int count) {
        Load.drain(config.clients(), MEMBERS, this::person);
        Load.parallel(config.clients(), count, i -> {
            ObjectNode item = Session.JSON.createObjectNode().put("title", "Benchmark open item " + i)
                    .put("decisionAsked", "Shall the board look at touchpoint " + Organisation.touchpoint(i % config.touchpoints()) + "?");
            person(MEMBERS.get(i % MEMBERS.size())).postJson("/api/board/agenda-items", item.toString()).expect(201);
        });
    }

    /**
     * A meeting in session whose items each wait for the core group's votes: members submit items with
     * facts, the chair calls an extraordinary meeting, the administrator fires its timers through the
     * engine's REST API (agenda cut-off, meeting start: as Cockpit would), the chair takes the agenda
     * and calls each item to a vote. Returns the vote tasks, grouped by item.
     */
    List<List<VoteTask>> meetingWaitingForVotes(int items) {
        Load.parallel(config.clients(), items, i -> {
            ObjectNode item = Session.JSON.createObjectNode().put("title", "Benchmark vote " + i)
                    .put("decisionAsked", "Approve the benchmark proposal " + i + "?");
            item.putArray("touchpoints").add(Organisation.touchpoint(i % config.touchpoints()));
            item.putObject("facts").put("touchpointPriority", "High").put("customerBehaviour", "Measured")
                    .put("competitorMoves", "None known");
            JsonNode created = person(MEMBERS.get(i % MEMBERS.size()))
                    .postJson("/api/board/agenda-items", item.toString()).expect(201).json();
            if (!"QUEUED".equals(created.path("status").asText())) {
                throw new IllegalStateException("Item not queued: " + created);
            }
        });
        Session chair = organisation.chair;
        Session admin = organisation.admin;
        String at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        long meetingId = chair.postJson("/api/board/meetings",
                "{\"at\": \"" + at + "\", \"reason\": \"Benchmark\"}").expect(201).json().get("id").asLong();
        String instance = admin.get("/engine-rest/process-instance?businessKey="
                + BoardMeetingProcess.businessKey(meetingId)).expect(200).json().get(0).get("id").asText();
        Set<String> timers = Set.of(BoardMeetingProcess.Elements.AGENDA_CUTOFF,
                BoardMeetingProcess.Elements.MEETING_STARTS, BoardMeetingProcess.Elements.MEETING_TIME);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The meeting did not reach its items within 5 minutes");
            }
            JsonNode present = admin.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                    + BoardMeetingProcess.Elements.PRESENT_ITEM).expect(200).json();
            if (present.size() >= items) {
                AtomicInteger retries = new AtomicInteger();
                Load.drain(config.clients(), list(present), task -> TaskCompletion.complete(chair,
                        task.get("id").asText(), "{\"variables\": {\"" + BoardMeetingProcess.Variables.ITEM_ACTION
                                + "\": {\"value\": \"" + BoardMeetingProcess.VOTE_ACTION + "\", \"type\": \"String\"}}}",
                        retries));
                break;
            }
            for (JsonNode task : admin.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                    + BoardMeetingProcess.Elements.PREPARE_AGENDA).expect(200).json()) {
                TaskCompletion.complete(chair, task.get("id").asText(), "{}", new AtomicInteger());
            }
            for (String timer : timers) {
                for (JsonNode job : admin.get("/engine-rest/job?processInstanceId=" + instance + "&activityId=" + timer)
                        .expect(200).json()) {
                    admin.post("/engine-rest/job/" + job.get("id").asText() + "/execute", null, null).expect(204, 404, 500);
                }
            }
            Readiness.sleep(200);
        }
        Map<String, List<VoteTask>> byItem = new LinkedHashMap<>();
        JsonNode votes = admin.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                + BoardMeetingProcess.Elements.VOTE + "&maxResults=100000").expect(200).json();
        for (JsonNode task : votes) {
            byItem.computeIfAbsent(task.get("name").asText(), n -> new ArrayList<>())
                    .add(new VoteTask(task.get("id").asText(), task.get("assignee").asText()));
        }
        return new ArrayList<>(byItem.values());
    }

    /**
     * Votes over HTTP: each voter, logged in, approves their task through /engine-rest as the Tasklist's
     * form does. A task gone because the outcome is already certain is skipped; a concurrent change
     * (409, or 500 for an optimistic-locking failure) is retried. Returns the votes cast.
     */
    int voteOverHttp(List<VoteTask> item, AtomicInteger retries) {
        String body = "{\"variables\": {\"" + BoardMeetingProcess.Variables.VOTE + "\": {\"value\": \""
                + BoardMeetingProcess.APPROVE + "\", \"type\": \"String\"}, \""
                + BoardMeetingProcess.Variables.VOTE_COMMENT + "\": {\"value\": \"Benchmark\", \"type\": \"String\"}}}";
        int cast = 0;
        for (VoteTask vote : item) {
            if (TaskCompletion.complete(person(vote.voter()), vote.id(), body, retries)) {
                cast++;
            }
        }
        return cast;
    }

    /**
     * The register's bulk, by SQL while the application is stopped: decisions of one meeting and item
     * (a meeting and an item made for the purpose), each naming two touchpoints and a function, spread
     * over five years. The API writes a decision only at the end of a meeting's vote: 50,000 of those
     * would take hours. Not in the audit trail, not in the engine's history.
     */
    static void seedDecisions(Database database, int count, int touchpoints, int functions) throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long meetingId;
            long itemId;
            try (PreparedStatement meeting = connection.prepareStatement("insert into board_meeting (kind, scheduled_at, "
                    + "agenda_cutoff, ends_at, status, called_by, reason, opened_at, closed_at) values ('EXTRAORDINARY', "
                    + "?, ?, ?, 'CLOSED', 'cmo', 'Benchmark register', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 1; i <= 5; i++) {
                    meeting.setTimestamp(i, now);
                }
                meeting.executeUpdate();
                meetingId = generated(meeting);
            }
            try (PreparedStatement item = connection.prepareStatement("insert into agenda_item (kind, title, "
                    + "decision_asked, author, status, created_at) values ('MEMBER', 'Benchmark register', "
                    + "'Seeded', 'cmo', 'DECIDED', ?)", Statement.RETURN_GENERATED_KEYS)) {
                item.setTimestamp(1, now);
                item.executeUpdate();
                itemId = generated(item);
            }
            try (PreparedStatement decision = connection.prepareStatement("insert into board_decision (meeting_id, "
                    + "item_id, outcome, title, decision_asked, fact_base, votes, escalated, touchpoints, functions, "
                    + "decided_at) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)")) {
                Instant start = Instant.now().minus(5 * 365, ChronoUnit.DAYS);
                for (int i = 0; i < count; i++) {
                    decision.setLong(1, meetingId);
                    decision.setLong(2, itemId);
                    decision.setString(3, i % 4 == 0 ? "REJECTED" : "APPROVED");
                    decision.setString(4, "Seeded decision " + i);
                    decision.setString(5, "Shall the board approve seeded proposal " + i + "?");
                    decision.setString(6, "Priority: high. Behaviour: measured. Competitors: none known.");
                    decision.setString(7, "cmo APPROVE, retail.head APPROVE, business.head APPROVE");
                    decision.setString(8, Organisation.touchpoint(i % touchpoints) + ","
                            + Organisation.touchpoint((i * 7 + 3) % touchpoints));
                    decision.setString(9, Organisation.function(i % functions));
                    decision.setTimestamp(10, Timestamp.from(start.plusSeconds(i * 3000L)));
                    decision.addBatch();
                    if (i % 1000 == 999) {
                        decision.executeBatch();
                        connection.commit();
                    }
                }
                decision.executeBatch();
                connection.commit();
            }
            // The register is searched through one row per touchpoint and function (V7), which the
            // application writes with each decision: the seeded decisions get theirs here.
            try (PreparedStatement read = connection.prepareStatement(
                        "select id, touchpoints, functions from board_decision where meeting_id = ?");
                    PreparedStatement touchpointRow = connection.prepareStatement(
                        "insert into board_decision_touchpoint (decision_id, touchpoint_code) values (?, ?)");
                    PreparedStatement functionRow = connection.prepareStatement(
                        "insert into board_decision_function (decision_id, function_code) values (?, ?)")) {
                read.setLong(1, meetingId);
                int rows = 0;
                try (ResultSet decisions = read.executeQuery()) {
                    while (decisions.next()) {
                        long id = decisions.getLong(1);
                        rows += searchRows(touchpointRow, id, decisions.getString(2));
                        rows += searchRows(functionRow, id, decisions.getString(3));
                        if (rows >= 1000) {
                            touchpointRow.executeBatch();
                            functionRow.executeBatch();
                            rows = 0;
                        }
                    }
                }
                touchpointRow.executeBatch();
                functionRow.executeBatch();
                connection.commit();
            }
        }
    }

    private static int searchRows(PreparedStatement insert, long decisionId, String codes)
            throws java.sql.SQLException {
        int rows = 0;
        for (String code : new java.util.LinkedHashSet<>(List.of(codes.split(",")))) {
            if (!code.isBlank()) {
                insert.setLong(1, decisionId);
                insert.setString(2, code.trim());
                insert.addBatch();
                rows++;
            }
        }
        return rows;
    }

    private static long generated(PreparedStatement statement) throws java.sql.SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
