package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.bench.Load;
import com.engagementboard.bench.Session;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fifty people at once for two minutes ({@code -Dload.seconds}, default 120), on one node with its job
 * executor running, on a database of its own (in-memory H2, or a fresh PostgreSQL database in the PostgreSQL run,
 * so that what other tests left on the shared one neither blocks nor helps the load): employees read
 * pages, lists and their Tasklist; function heads accept the charter's rights through the Tasklist, several
 * of a function at the same task; members submit agenda items; the core group votes; the chair drafts and
 * submits charters and runs meetings (an administrator fires the meeting's start, as from Cockpit). No
 * answer is a 5xx; the only 4xx are the ones a person meets when someone else was quicker (409, 404 on a
 * task gone, a charter submitted while another is in acceptance). Every loop stops at the deadline or at
 * {@code -Dload.maxRequests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=500", "engagement-board.demo-board=true" })
class MixedLoadIT {

    private static final int SECONDS = Integer.getInteger("load.seconds", 120);
    private static ScratchDatabase database;

    @DynamicPropertySource
    static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) throws SQLException {
        if (ScratchDatabase.postgresRun()) {
            database = ScratchDatabase.postgres("eb_load");
            registry.add("spring.datasource.url", database::url);
        }
    }

    /** Drops the PostgreSQL database (forcing the still-open pool's connections closed). */
    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    private static final int MAX_REQUESTS = Integer.getInteger("load.maxRequests", 200_000);
    /** Each person pauses up to this long between two requests (reading, clicking). */
    private static final int THINK_MILLIS = Integer.getInteger("load.thinkMillis", 400);
    private static final String PASSWORD = "demo";
    /** The charter alternates between two versions, so that each submission changes something. */
    private static final List<String> CHARTERS = List.of(CharterFixtures.THREE_FUNCTIONS_CSV, """
            touchpoint,right,function
            complaint-handling,DESIGN,communications
            complaint-handling,BUILD,it
            complaint-handling,OPERATE,service
            complaint-handling,RENEW,service
            social-media-care,DESIGN,service
            social-media-care,BUILD,it
            social-media-care,OPERATE,service
            social-media-care,RENEW,communications
            """);
    private static final List<String> HEADS = List.of("service", "it", "communications");
    private static final List<String> MEMBERS = List.of("marketing.head", "sales.head", "product.head",
            "brand.head", "operations.head", "insight.lead", "digital.lead", "branch.lead");
    private static final List<String> CORE = List.of("cmo", "retail.head", "business.head", "wealth.head");
    private static final List<String> PAGES = List.of("/", "/charter", "/board/meetings", "/board/decisions",
            "/board/actions");
    private static final List<String> LISTS = List.of("/api/charter/versions", "/api/board/meetings", "/api/board/decisions",
            "/api/board/actions", "/api/touchpoints", "/api/charter/tasks");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** One request's outcome. */
    private record Call(String kind, int status, long nanos) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Set<Long> meetings = ConcurrentHashMap.newKeySet();
    private final AtomicInteger itemsSinceLastMeeting = new AtomicInteger();
    private final Set<Long> submittedCharters = ConcurrentHashMap.newKeySet();
    private volatile long deadline;

    @Test
    void fiftyPeopleWorkForTwoMinutesWithoutAServerError() throws Exception {
        List<Person> people = cast();
        Map<String, Integer> before = records();
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        long started = System.nanoTime();
        deadline = started + TimeUnit.SECONDS.toNanos(SECONDS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Person person : people) {
                running.add(pool.submit(() -> person.work()));
            }
            for (Future<?> person : running) {
                person.get(SECONDS + 300L, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> after = records();
        withdrawWhatIsStillInAcceptance(people.get(people.size() - 2).session);

        List<Call> all = List.copyOf(calls);
        String database = jdbc.getDataSource().getConnection().getMetaData().getDatabaseProductName();
        long[] nanos = all.stream().mapToLong(Call::nanos).sorted().toArray();
        System.out.printf("MixedLoadIT: %s, 1 node (job executor on), %d people, %.0f s: %d requests, %.1f/s, "
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", database, people.size(), seconds,
                all.size(), all.size() / seconds, Load.percentile(nanos, 50), Load.percentile(nanos, 95),
                Load.percentile(nanos, 99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
        all.stream().collect(Collectors.groupingBy(Call::kind, TreeMap::new, Collectors.toList()))
                .forEach((kind, ofKind) -> {
                    long[] sorted = ofKind.stream().mapToLong(Call::nanos).sorted().toArray();
                    System.out.printf("MixedLoadIT:   %-22s %6d requests, p50 %7.1f ms, p95 %7.1f ms, p99 %7.1f ms, "
                            + "statuses %s%n", kind, ofKind.size(), Load.percentile(sorted, 50),
                            Load.percentile(sorted, 95), Load.percentile(sorted, 99), ofKind.stream().collect(
                                    Collectors.groupingBy(Call::status, TreeMap::new, Collectors.counting())));
                });
        Map<String, Integer> written = new TreeMap<>();
        after.forEach((table, count) -> written.put(table, count - before.get(table)));
        System.out.printf("MixedLoadIT: records written during the load: %s%n", written);

        Map<Integer, Long> errors = all.stream().filter(c -> c.status() >= 400).collect(
                Collectors.groupingBy(Call::status, TreeMap::new, Collectors.counting()));
        List<Call> unexpected = all.stream().filter(c -> c.status() >= 400 && !expected(c)).toList();
        System.out.printf("MixedLoadIT: answers >= 400 by status %s; expected (someone else was quicker) %d, "
                + "unexpected %d%n", errors, errors.values().stream().mapToLong(Long::longValue).sum()
                - unexpected.size(), unexpected.size());
        assertThat(all).as("requests").isNotEmpty();
        assertThat(all.stream().filter(c -> c.status() >= 500).toList()).as("server errors").isEmpty();
        assertThat(unexpected).as("refusals nobody should meet").isEmpty();
        for (String kind : List.of("page", "api list", "tasklist list", "acceptance", "vote", "agenda item",
                "charter draft")) {
            assertThat(all.stream().filter(c -> c.kind().equals(kind) && c.status() / 100 == 2).count())
                    .as("successful %s requests", kind).isPositive();
        }
        assertThat(written.get("board_vote")).as("votes cast").isPositive();
        assertThat(written.get("agenda_item")).as("items submitted").isPositive();
    }

    /**
     * The PostgreSQL run's database is shared with the other tests: a version the load left in acceptance
     * would refuse theirs (one at a time), so the chair withdraws it.
     */
    private void withdrawWhatIsStillInAcceptance(Session chair) {
        for (long id : submittedCharters) {
            if ("IN_ACCEPTANCE".equals(jdbc.queryForObject("select status from charter_version where id = ?",
                    String.class, id))) {
                chair.postJson("/api/charter/drafts/" + id + "/withdraw", "{\"reason\": \"The load test is over\"}")
                        .expect(200);
            }
        }
    }

    /** A refusal the workload meets by design: someone else completed the task, or a version is in acceptance. */
    private static boolean expected(Call call) {
        return switch (call.kind()) {
            case "acceptance", "vote", "chair task" -> call.status() == 404 || call.status() == 409;
            case "charter submit" -> call.status() == 409;
            case "effective charter" -> call.status() == 404;
            default -> false;
        };
    }

    private Map<String, Integer> records() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : List.of("charter_version", "agenda_item", "board_vote", "board_decision", "board_action",
                "audit_entry")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        counts.put("charter_version effective or superseded", jdbc.queryForObject(
                "select count(*) from charter_version where status in ('EFFECTIVE', 'SUPERSEDED')", Integer.class));
        return counts;
    }

    // --- the people ------------------------------------------------------------------------------

    /** One simulated person: a logged-in session and what they do next. */
    private final class Person {
        private final Session session;
        private final Runnable turn;

        Person(Session session, java.util.function.Consumer<Session> turn) {
            this.session = session;
            this.turn = () -> turn.accept(session);
        }

        void work() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline && sent.get() < MAX_REQUESTS) {
                turn.run();
                pause(random.nextInt(THINK_MILLIS + 1));
            }
        }
    }

    /** 50 people: readers, heads, members, voters, the chair and an administrator. */
    private List<Person> cast() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            people.add(person(i % 2 == 0 ? "employee" : "ceo", this::read));
        }
        for (int i = 0; i < 12; i++) {
            String function = HEADS.get(i % HEADS.size());
            people.add(person(function + ".head", s -> or(0.5, () -> accept(s, function), s)));
        }
        for (String member : MEMBERS) {
            people.add(person(member, s -> or(0.15, () -> submitItem(s), s)));
        }
        for (int i = 0; i < 12; i++) {
            people.add(person(CORE.get(i % CORE.size()), s -> or(0.6, () -> vote(s), s)));
        }
        people.add(person("cmo", s -> or(0.3, () -> draftCharter(s), s)));
        Session admin = login("admin");
        people.add(person("cmo", s -> or(1.0, () -> runMeetings(s, admin), s)));
        assertThat(people).hasSize(50);
        return people;
    }

    private Person person(String user, java.util.function.Consumer<Session> turn) {
        return new Person(login(user), turn);
    }

    private Session login(String user) {
        return Session.login(port, user, PASSWORD);
    }

    /** With the given chance the person's own work (when it finds none, a read instead), else a read. */
    private void or(double chance, Supplier<Boolean> work, Session session) {
        if (ThreadLocalRandom.current().nextDouble() >= chance || !work.get()) {
            read(session);
        }
    }

    // --- what they do ----------------------------------------------------------------------------

    private void read(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        switch (random.nextInt(3)) {
            case 0 -> timed("page", () -> session.get(PAGES.get(random.nextInt(PAGES.size()))));
            case 1 -> {
                // The effective charter, which a new database has none of until the first version is accepted.
                if (random.nextInt(LISTS.size() + 1) == 0) {
                    timed("effective charter", () -> session.get("/api/charter"));
                } else {
                    timed("api list", () -> session.get(LISTS.get(random.nextInt(LISTS.size()))));
                }
            }
            default -> timed("tasklist list", () -> session.webappGet("/task?firstResult=0&maxResults=15"
                    + "&sortBy=created&sortOrder=desc"));
        }
    }

    /** A head opens the Tasklist, finds their function's acceptance and accepts every right. */
    private boolean accept(Session head, String function) {
        JsonNode tasks = timed("tasklist list", () -> head.webappGet("/task?candidateGroup=head-" + function
                + "&taskDefinitionKey=" + TouchpointCharterProcess.Elements.ACCEPT_RIGHTS + "&maxResults=5")).json();
        if (!tasks.isArray() || tasks.isEmpty()) {
            return false;
        }
        timed("acceptance", () -> head.webappPost("/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                "{\"variables\": {\"" + TouchpointCharterProcess.Variables.DECISION + "\": {\"value\": \""
                        + TouchpointCharterProcess.ACCEPT_ALL + "\", \"type\": \"String\"}}}"));
        return true;
    }

    private boolean submitItem(Session member) {
        String title = "Load item " + UUID.randomUUID().toString().substring(0, 8);
        timed("agenda item", () -> member.postJson("/api/board/agenda-items", """
                {"title": "%s", "decisionAsked": "Shall we shorten the call-centre script (%s)?",
                 "touchpoints": ["call-centre-script"],
                 "facts": {"customerBehaviour": "Callers hang up after 90 seconds"},
                 "actions": [{"touchpoint": "call-centre-script", "description": "Shorten the script",
                              "build": false, "dueInDays": 10}]}""".formatted(title, title)));
        itemsSinceLastMeeting.incrementAndGet();
        return true;
    }

    /** A core member opens their vote tasks in the Tasklist and votes on the first. */
    private boolean vote(Session voter) {
        JsonNode tasks = timed("tasklist list", () -> voter.webappGet("/task?assignee=" + voter.user()
                + "&taskDefinitionKey=" + BoardMeetingProcess.Elements.VOTE + "&maxResults=5")).json();
        if (!tasks.isArray() || tasks.isEmpty()) {
            return false;
        }
        String choice = ThreadLocalRandom.current().nextInt(4) == 0 ? "REJECT" : BoardMeetingProcess.APPROVE;
        timed("vote", () -> voter.webappPost("/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                "{\"variables\": {\"" + BoardMeetingProcess.Variables.VOTE + "\": {\"value\": \"" + choice
                        + "\", \"type\": \"String\"}}}"));
        return true;
    }

    /** The chair drafts the next version and submits it; while another is in acceptance, discards it. */
    private boolean draftCharter(Session chair) {
        String csv = CHARTERS.get(ThreadLocalRandom.current().nextInt(CHARTERS.size()));
        Session.Response draft = timed("charter draft", () -> chair.post("/api/charter/drafts?title="
                + Session.enc("Load " + UUID.randomUUID()), "text/csv", csv));
        if (draft.status() != 201) {
            return true;
        }
        long id = draft.json().get("id").asLong();
        Session.Response submitted = timed("charter submit", () -> chair.post("/api/charter/drafts/" + id
                + "/submit", null, null));
        if (submitted.status() == 200) {
            submittedCharters.add(id);
        } else {
            timed("charter draft", () -> chair.delete("/api/charter/drafts/" + id));
        }
        return true;
    }

    /**
     * The chair calls an extraordinary meeting when none of theirs waits, publishes agendas as proposed,
     * and puts each item presented to the vote; the meeting's start (two hours away) is fired by an
     * administrator through the engine's REST API, as from Cockpit.
     */
    private boolean runMeetings(Session chair, Session admin) {
        for (String key : List.of(BoardMeetingProcess.Elements.PREPARE_AGENDA, BoardMeetingProcess.Elements.PRESENT_ITEM)) {
            JsonNode tasks = timed("tasklist list", () -> chair.webappGet("/task?taskDefinitionKey=" + key
                    + "&maxResults=5")).json();
            if (tasks.isArray() && !tasks.isEmpty()) {
                String variables = key.equals(BoardMeetingProcess.Elements.PRESENT_ITEM) ? "\""
                        + BoardMeetingProcess.Variables.ITEM_ACTION + "\": {\"value\": \""
                        + BoardMeetingProcess.VOTE_ACTION + "\", \"type\": \"String\"}" : "";
                timed("chair task", () -> chair.webappPost("/task/" + tasks.get(0).get("id").asText()
                        + "/submit-form", "{\"variables\": {" + variables + "}}"));
                return true;
            }
        }
        for (long meeting : meetings) {
            JsonNode instances = timed("admin", () -> admin.get("/engine-rest/process-instance?businessKey="
                    + BoardMeetingProcess.businessKey(meeting))).json();
            if (instances.isEmpty()) {
                meetings.remove(meeting); // nothing was queued at its cut-off: it ended at once
            }
            for (JsonNode instance : instances) {
                JsonNode jobs = timed("admin", () -> admin.get("/engine-rest/job?processInstanceId="
                        + instance.get("id").asText() + "&activityId=" + BoardMeetingProcess.Elements.MEETING_STARTS))
                        .json();
                for (JsonNode job : jobs) {
                    timed("admin", () -> admin.post("/engine-rest/job/" + job.get("id").asText() + "/execute", null,
                            null));
                    meetings.remove(meeting);
                    return true;
                }
            }
        }
        if (meetings.isEmpty() && itemsSinceLastMeeting.getAndSet(0) > 0) {
            Session.Response called = timed("meeting", () -> chair.postJson("/api/board/meetings", "{\"at\": \""
                    + Instant.now().plus(Duration.ofHours(2)) + "\", \"reason\": \"Load\"}"));
            if (called.status() == 201) {
                meetings.add(called.json().get("id").asLong());
            }
            return true;
        }
        return false;
    }

    private Session.Response timed(String kind, Supplier<Session.Response> request) {
        sent.incrementAndGet();
        long started = System.nanoTime();
        Session.Response response = request.get();
        calls.add(new Call(kind, response.status(), System.nanoTime() - started));
        if (response.status() >= 500 || response.status() >= 400 && !expected(new Call(kind, response.status(), 0))) {
            System.out.printf("MixedLoadIT: unexpected %d for %s: %s%n", response.status(), kind,
                    Session.abbreviate(response.body()));
        }
        return response;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
