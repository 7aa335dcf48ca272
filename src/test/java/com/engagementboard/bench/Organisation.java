package com.engagementboard.bench;

import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation of the issue, built through the public API as the administrator and the chair
 * would: a head user per function (Camunda's {@code /engine-rest/user/create}), the functions
 * ({@code POST /api/functions}), the touchpoints ({@code POST /api/touchpoints}) and the charter's CSV.
 */
final class Organisation {

    static final String DEMO_PASSWORD = "demo";
    /** Follows Camunda's password policy (the demo users' "demo" predates it). */
    static final String HEAD_PASSWORD = "Xq7-accept-Rights!";
    static final List<String> RIGHTS = List.of("DESIGN", "BUILD", "OPERATE", "RENEW");

    private final BenchConfig config;
    private final int port;
    final Session admin;
    final Session chair;
    private final Map<String, Session> heads = new ConcurrentHashMap<>();

    Organisation(BenchConfig config, int port) {
        this.config = config;
        this.port = port;
        this.admin = Session.login(port, "admin", DEMO_PASSWORD);
        this.chair = Session.login(port, "cmo", DEMO_PASSWORD);
    }

    static String function(int i) {
        return String.format("f%02d", i + 1);
    }

    static String head(String function) {
        return function + ".head";
    }

    static String touchpoint(int i) {
        return String.format("bench-tp-%04d", i);
    }

    int port() {
        return port;
    }

    List<String> functions() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < config.functions(); i++) {
            codes.add(function(i));
        }
        return codes;
    }

    /** Head users, functions and touchpoints; 8 clients at a time. */
    void build() {
        Load.parallel(config.clients(), config.functions(), i -> {
            String code = function(i);
            ObjectNode user = Session.JSON.createObjectNode();
            user.putObject("profile").put("id", head(code)).put("firstName", "Pat")
                    .put("lastName", "Lead " + code.toUpperCase()).put("email", head(code) + "@bench.invalid");
            user.putObject("credentials").put("password", HEAD_PASSWORD);
            admin.postJson("/engine-rest/user/create", user.toString()).expect(204);
            ObjectNode function = Session.JSON.createObjectNode().put("code", code)
                    .put("name", "Function " + code.toUpperCase()).put("headUserId", head(code));
            chair.postJson("/api/functions", function.toString()).expect(201);
        });
        String[] stages = { "CONSIDER", "EVALUATE", "BUY", "EXPERIENCE", "ADVOCATE", "BOND" };
        String[] kinds = { "EXTERNAL_DIRECT", "EXTERNAL_INDIRECT", "INTERNAL" };
        Load.parallel(config.clients(), config.touchpoints(), i -> {
            ObjectNode touchpoint = Session.JSON.createObjectNode().put("code", touchpoint(i))
                    .put("name", "Benchmark touchpoint " + i).put("description", "Built by the benchmark")
                    .put("kind", kinds[i % kinds.length]).put("channel", "Channel " + (i % 12))
                    .put("journeyStage", stages[i % stages.length]).put("priority", 1 + i % 5);
            chair.postJson("/api/touchpoints", touchpoint.toString()).expect(201);
        });
    }

    /** touchpoint,right,function: every right of every touchpoint, the functions in turn. */
    String charterCsv() {
        return charterCsv(0);
    }

    /** The same with every right moved to the next function: an amendment for every head to accept. */
    long importAmendment(String title) {
        return chair.post("/api/charter/drafts?title=" + Session.enc(title), "text/csv", charterCsv(1)).expect(201)
                .json().get("id").asLong();
    }

    private String charterCsv(int shift) {
        StringBuilder csv = new StringBuilder("touchpoint,right,function\n");
        int line = 0;
        for (int i = 0; i < config.touchpoints(); i++) {
            for (String right : RIGHTS) {
                csv.append(touchpoint(i)).append(',').append(right).append(',')
                        .append(function((line++ + shift) % config.functions())).append('\n');
            }
        }
        return csv.toString();
    }

    /** The draft from CSV (the application checks it: gaps, conflicts): its id. */
    long importDraft(String title) {
        Session.Response created = chair.post("/api/charter/drafts?title=" + Session.enc(title), "text/csv",
                charterCsv()).expect(201);
        return created.json().get("id").asLong();
    }

    /** Discards a draft (the warm-up import's). */
    void discard(long draftId) {
        chair.delete("/api/charter/drafts/" + draftId).expect(204);
    }

    void submit(long draftId) {
        chair.post("/api/charter/drafts/" + draftId + "/submit", null, null).expect(200);
    }

    /**
     * Waits until every head has the version's acceptance task: the submission ends at a save point and the
     * job executor creates the tasks a moment later. False if they are not all there within the timeout.
     */
    boolean awaitHeadsAsked(long draftId, double timeoutSeconds) {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        String count = "/engine-rest/task/count?taskDefinitionKey=Task_AcceptRights&processInstanceBusinessKey=charter-"
                + draftId;
        while (System.nanoTime() < deadline) {
            Session.Response response = admin.get(count);
            if (response.status() == 200 && response.json().get("count").asInt() >= config.functions()) {
                return true;
            }
            Readiness.sleep(20);
        }
        return false;
    }

    /** Each function head, logged in (one session each, kept for the run). */
    Session headSession(String function) {
        return heads.computeIfAbsent(function, f -> Session.login(port, head(f), HEAD_PASSWORD));
    }

    void loginHeads() {
        List<String> all = functions();
        Load.drain(config.clients(), all, this::headSession);
    }

    /**
     * A head opens their task list, finds the charter's acceptance and accepts every right, as the
     * Tasklist's form submits it. Returns how many tasks the head completed.
     */
    int acceptOverHttp(String function, long charterId, java.util.concurrent.atomic.AtomicInteger retries) {
        Session head = headSession(function);
        JsonNode tasks = head.get("/engine-rest/task?candidateGroup=head-" + function
                + "&processInstanceBusinessKey=" + TouchpointCharterProcess.businessKey(charterId)
                + "&taskDefinitionKey=" + TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).expect(200).json();
        int done = 0;
        for (JsonNode task : tasks) {
            if (TaskCompletion.complete(head, task.get("id").asText(), "{\"variables\": {\""
                    + TouchpointCharterProcess.Variables.DECISION + "\": {\"value\": \""
                    + TouchpointCharterProcess.ACCEPT_ALL + "\", \"type\": \"String\"}}}", retries)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Waits until the effective charter is the one with this title (unique per run); false after the
     * timeout. Reads the body as text, so that it holds whatever shape {@code GET /api/charter} has.
     */
    boolean awaitEffective(String title, double timeoutSeconds) {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (System.nanoTime() < deadline) {
            Session.Response response = chair.get("/api/charter");
            if (response.status() == 200 && response.body().contains(title)) {
                return true;
            }
            Readiness.sleep(100);
        }
        return false;
    }
}
