package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.bench.Session;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.web.FormValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twenty clients complete the same task at the same moment (released together by a barrier), through
 * every door a task can be completed by: the Tasklist's engine API (session and XSRF token), the engine
 * REST API (HTTP Basic) and the application's {@code /api/charter/tasks}. Exactly one wins; the others
 * get a clear 409 or 404; the records the completion writes (a head's acceptance, a vote, the decision
 * it settles and the decision's action) exist once, and the process moved once. The job executor runs,
 * as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=500", "engagement-board.demo-board=true" })
class SameTaskRaceIT {

    private static final int CLIENTS = 20;
    private static final String CHARTER_CSV = CharterFixtures.THREE_FUNCTIONS_CSV;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    /** One person's click, as sent by one of the racing clients. */
    private interface Door {
        Session.Response click(Session client, String taskId);
    }

    private static Door tasklist(String variables) {
        return (client, taskId) -> client.webappPost("/task/" + taskId + "/submit-form", "{\"variables\": {"
                + variables + "}}");
    }

    private static Door engineRest(String variables) {
        return (client, taskId) -> client.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {"
                + variables + "}}");
    }

    private static String string(String name, String value) {
        return "\"" + name + "\": {\"value\": \"" + value + "\", \"type\": \"String\"}";
    }

    @Test
    void aHeadsAcceptanceIsRecordedOnceWhicheverDoorTwentyClicksComeThrough() throws Exception {
        // One version goes out at a time: what other tests left in acceptance on the shared database is withdrawn.
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        Session chair = Session.basic(port, "cmo", "demo");
        String title = "Race " + UUID.randomUUID();
        long charterId = chair.post("/api/charter/drafts?title=" + Session.enc(title), "text/csv", CHARTER_CSV)
                .expect(201).json().get("id").asLong();
        chair.post("/api/charter/drafts/" + charterId + "/submit", null, null).expect(200);
        String instance = awaitInstance(TouchpointCharterProcess.businessKey(charterId));

        String accept = string(TouchpointCharterProcess.Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL);
        raceAcceptance(charterId, instance, "service", 4, "Tasklist engine API", sessions("service.head"),
                tasklist(accept));
        raceAcceptance(charterId, instance, "it", 2, "/engine-rest (HTTP Basic)", basics("it.head"),
                engineRest(accept));
        raceAcceptance(charterId, instance, "communications", 2, "/api/charter/tasks", sessions("communications.head"),
                (client, taskId) -> client.postJson("/api/charter/tasks/" + taskId + "/complete",
                        "{\"" + TouchpointCharterProcess.Variables.DECISION + "\": \""
                                + TouchpointCharterProcess.ACCEPT_ALL + "\"}"));

        // Every head accepted: the version takes effect, once.
        await("charter " + charterId + " effective", () -> "EFFECTIVE".equals(jdbc.queryForObject(
                "select status from charter_version where id = ?", String.class, charterId)));
        assertThat(activityCount(instance, TouchpointCharterProcess.Elements.MAKE_EFFECTIVE)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from charter_version where title = ?", Integer.class, title))
                .isEqualTo(1);
    }

    private void raceAcceptance(long charterId, String instance, String function, int rights, String door,
            List<Session> clients, Door click) throws Exception {
        String head = function + ".head";
        Session asHead = clients.get(0);
        String taskId = awaitOne(() -> asHead.get("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + TouchpointCharterProcess.Elements.ACCEPT_RIGHTS + "&candidateGroup=head-"
                + function).expect(200).json());
        int recordedBefore = activityCount(instance, TouchpointCharterProcess.Elements.RECORD_ACCEPTANCE);

        assertOneWinner(door, race(clients, client -> click.click(client, taskId)));

        await(head + "'s acceptance recorded", () -> activityCount(instance,
                TouchpointCharterProcess.Elements.RECORD_ACCEPTANCE) > recordedBefore);
        Map<String, Object> allocations = jdbc.queryForMap("""
                select count(*) as rows_,
                       sum(case when a.status = 'ACCEPTED' and a.decided_by = ? then 1 else 0 end) as accepted
                from charter_allocation a join business_function f on f.id = a.function_id
                where a.charter_version_id = ? and f.code = ?""", head, charterId, function);
        int audited = jdbc.queryForObject("""
                select count(*) from audit_entry e where e.entity_type = 'Allocation' and e.action = 'UPDATED'
                  and e.entity_id in (select cast(a.id as varchar(20)) from charter_allocation a
                  join business_function f on f.id = a.function_id where a.charter_version_id = ? and f.code = ?)""",
                Integer.class, charterId, function);
        int completed = (int) history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count();
        System.out.printf("SameTaskRaceIT: %s: %s's %d rights: %s allocation rows, %s accepted, %d audit entries, "
                + "task completed %d time(s), acceptances recorded %d%n", door, head, rights,
                allocations.get("rows_"), allocations.get("accepted"), audited, completed,
                activityCount(instance, TouchpointCharterProcess.Elements.RECORD_ACCEPTANCE));
        assertThat(((Number) allocations.get("rows_")).intValue()).as("allocation rows, none added").isEqualTo(rights);
        assertThat(((Number) allocations.get("accepted")).intValue()).as("accepted by " + head).isEqualTo(rights);
        assertThat(audited).as("one audit entry per accepted right").isEqualTo(rights);
        assertThat(completed).isEqualTo(1);
        assertThat(activityCount(instance, TouchpointCharterProcess.Elements.RECORD_ACCEPTANCE))
                .as("the process recorded the acceptance once").isEqualTo(recordedBefore + 1);
    }

    @Test
    void theVoteThatDecidesAnItemIsCastOnceAndTheDecisionAndItsActionAreRecordedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long byTasklist = submitItem("Race by the Tasklist " + run);
        long byEngineRest = submitItem("Race by the engine REST API " + run);
        String meeting = meetingInSessionWith(List.of(byTasklist, byEngineRest), run);

        Session chair = Session.basic(port, "cmo", "demo");
        for (JsonNode present : chair.get("/engine-rest/task?processInstanceId=" + meeting + "&taskDefinitionKey="
                + BoardMeetingProcess.Elements.PRESENT_ITEM).expect(200).json()) {
            engineRest(string(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION))
                    .click(chair, present.get("id").asText()).expect(204);
        }
        String approve = string(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE);
        raceDecidingVote(meeting, byTasklist, "Race by the Tasklist " + run, "Tasklist engine API",
                sessions("business.head"), tasklist(approve));
        raceDecidingVote(meeting, byEngineRest, "Race by the engine REST API " + run, "/engine-rest (HTTP Basic)",
                basics("business.head"), engineRest(approve));
    }

    /** cmo and retail.head approve; the third approval, business.head's, decides: that one is raced. */
    private void raceDecidingVote(String meeting, long itemId, String title, String door, List<Session> clients,
            Door click) throws Exception {
        String approve = string(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE);
        for (String voter : List.of("cmo", "retail.head")) {
            Session asVoter = Session.basic(port, voter, "demo");
            engineRest(approve).click(asVoter, voteTask(asVoter, meeting, title)).expect(204);
        }
        String taskId = voteTask(clients.get(0), meeting, title);
        int recordedBefore = activityCount(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);

        assertOneWinner(door, race(clients, client -> click.click(client, taskId)));

        await("the decision on item " + itemId, () -> activityCount(meeting,
                BoardMeetingProcess.Elements.RECORD_DECISION) > recordedBefore);
        // Let anything a second completion would have started run out before counting.
        await("no job due in the meeting", () -> management.createJobQuery().processInstanceId(meeting).executable()
                .count() == 0);
        int votes = count("select count(*) from board_vote where item_id = ? and voter = 'business.head'", itemId);
        int decisions = count("select count(*) from board_decision where item_id = ?", itemId);
        int actions = count("select count(*) from board_action a join board_decision d on d.id = a.decision_id "
                + "where d.item_id = ?", itemId);
        int recorded = activityCount(meeting, BoardMeetingProcess.Elements.RECORD_DECISION) - recordedBefore;
        System.out.printf("SameTaskRaceIT: %s: deciding vote on item %d: %d vote row(s) of business.head, %d "
                + "decision(s), %d action(s), decision recorded %d time(s) by the process, item %s%n", door, itemId,
                votes, decisions, actions, recorded, jdbc.queryForObject("select status from agenda_item where id = ?",
                        String.class, itemId));
        assertThat(votes).isEqualTo(1);
        assertThat(decisions).isEqualTo(1);
        assertThat(actions).as("the item proposed one action").isEqualTo(1);
        assertThat(recorded).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from agenda_item where id = ?", String.class, itemId))
                .isEqualTo("DECIDED");
    }

    /** The voter's vote task on the item (its name carries the item's title). */
    private String voteTask(Session voter, String meeting, String title) {
        return awaitOne(() -> {
            com.fasterxml.jackson.databind.node.ArrayNode mine = Session.JSON.createArrayNode();
            for (JsonNode task : voter.get("/engine-rest/task?processInstanceId=" + meeting + "&taskDefinitionKey="
                    + BoardMeetingProcess.Elements.VOTE + "&assignee=" + voter.user()).expect(200).json()) {
                if (task.get("name").asText().contains(title)) {
                    mine.add(task);
                }
            }
            return mine;
        });
    }

    /** An item with facts and one proposed action, submitted by a member; queued once its facts are checked. */
    private long submitItem(String title) {
        Session member = Session.basic(port, "sales.head", "demo");
        long id = member.postJson("/api/board/agenda-items", """
                {"title": "%s", "decisionAsked": "Decide: %s", "touchpoints": ["call-centre-script"],
                 "facts": {"customerBehaviour": "Callers hang up after 90 seconds"},
                 "actions": [{"touchpoint": "call-centre-script", "description": "Shorten the script",
                              "build": false, "dueInDays": 10}]}""".formatted(title, title))
                .expect(201).json().get("id").asLong();
        await("item " + id + " queued", () -> "QUEUED".equals(member.get("/api/board/agenda-items/" + id).expect(200)
                .json().get("status").asText()));
        return id;
    }

    /**
     * An extraordinary meeting two hours from now: its agenda closed at once (the cut-off is past), the chair
     * publishes it with these items (items other tests left queued are deferred), and its start fired.
     */
    private String meetingInSessionWith(List<Long> items, String run) {
        Session chair = Session.basic(port, "cmo", "demo");
        long meetingId = chair.postJson("/api/board/meetings", "{\"at\": \"" + Instant.now().plus(Duration.ofHours(2))
                + "\", \"reason\": \"SameTaskRaceIT " + run + "\"}").expect(201).json().get("id").asLong();
        String meeting = awaitInstance(BoardMeetingProcess.businessKey(meetingId));
        String prepare = awaitOne(() -> chair.get("/engine-rest/task?processInstanceId=" + meeting
                + "&taskDefinitionKey=" + BoardMeetingProcess.Elements.PREPARE_AGENDA).expect(200).json());
        List<String> deferred = new ArrayList<>();
        for (Map<String, Object> row : FormValues.rows(runtime.getVariable(meeting,
                BoardMeetingProcess.Variables.AGENDA_ORDER))) {
            String id = String.valueOf(row.get("item"));
            if (!items.contains(Long.parseLong(id))) {
                deferred.add("\\\"" + id + "\\\"");
            }
        }
        engineRest(string(BoardMeetingProcess.Variables.AGENDA_ORDER, items.stream().map(String::valueOf)
                .collect(Collectors.joining("\\n"))) + ", \"" + BoardMeetingProcess.Variables.DEFERRED_ITEMS
                + "\": {\"value\": \"[" + String.join(",", deferred) + "]\", \"type\": \"Json\"}")
                .click(chair, prepare).expect(204);
        await("the meeting's start timer", () -> management.createJobQuery().processInstanceId(meeting)
                .activityId(BoardMeetingProcess.Elements.MEETING_STARTS).count() > 0);
        for (Job job : management.createJobQuery().processInstanceId(meeting)
                .activityId(BoardMeetingProcess.Elements.MEETING_STARTS).list()) {
            management.executeJob(job.getId());
        }
        await("both items presented", () -> runtime.createExecutionQuery().processInstanceId(meeting)
                .activityId(BoardMeetingProcess.Elements.PRESENT_ITEM).count() == items.size());
        return meeting;
    }

    // --- the race --------------------------------------------------------------------------------

    /** Each client's response; all of them sent when the last client reaches the barrier. */
    private static List<Session.Response> race(List<Session> clients, Function<Session, Session.Response> click)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Session.Response>> responses = new ArrayList<>();
            for (Session client : clients) {
                responses.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return click.apply(client);
                }));
            }
            List<Session.Response> answered = new ArrayList<>();
            for (Future<Session.Response> response : responses) {
                answered.add(response.get(3, TimeUnit.MINUTES));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One 2xx; every other answer a 409 or 404 as RFC 9457 problem details with words a person can act on, at
     * every door (the engine's doors keep Camunda's {@code message} beside {@code detail}).
     */
    private static void assertOneWinner(String door, List<Session.Response> responses) {
        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Session.Response::status,
                TreeMap::new, Collectors.counting()));
        Map<String, Long> byType = responses.stream().filter(r -> r.status() >= 400).collect(Collectors.groupingBy(
                Session.Response::contentType, TreeMap::new, Collectors.counting()));
        System.out.printf("SameTaskRaceIT: %s: %d clients at once: statuses %s, refusals as %s%n", door,
                responses.size(), byStatus, byType);
        responses.stream().filter(r -> r.status() >= 400).collect(Collectors.toMap(Session.Response::status,
                Session.Response::body, (first, other) -> first, TreeMap::new))
                .forEach((status, body) -> System.out.printf("SameTaskRaceIT: %s: a %d says %s%n", door, status,
                        Session.abbreviate(body)));
        assertThat(responses.stream().filter(r -> r.status() / 100 == 2).count()).as(door + ": " + byStatus)
                .isEqualTo(1);
        for (Session.Response refused : responses.stream().filter(r -> r.status() / 100 != 2).toList()) {
            assertThat(refused.status()).as(door + ": " + refused.body()).isIn(404, 409);
            assertThat(refused.contentType()).as(door).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText()).as(door).isNotBlank()
                    .doesNotContain("ENGINE-", "Exception", "at org.");
        }
    }

    private List<Session> sessions(String user) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessions.add(Session.login(port, user, "demo"));
        }
        return sessions;
    }

    private List<Session> basics(String user) {
        List<Session> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Session.basic(port, user, "demo"));
        }
        return clients;
    }

    // --- waiting and counting --------------------------------------------------------------------

    private String awaitInstance(String businessKey) {
        await("the process instance " + businessKey, () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count() > 0);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    /** The id of the only task the query answers, once it answers one (within a minute). */
    private static String awaitOne(java.util.function.Supplier<JsonNode> query) {
        JsonNode[] tasks = new JsonNode[1];
        await("one task", () -> {
            tasks[0] = query.get();
            return tasks[0].size() == 1;
        });
        return tasks[0].get(0).get("id").asText();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited a minute for " + what).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private int activityCount(String instance, String activityId) {
        return (int) history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                .finished().count();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
