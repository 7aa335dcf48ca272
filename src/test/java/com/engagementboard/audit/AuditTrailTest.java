package com.engagementboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.audit.AuditEntry.Action;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.summit.SummitProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: what it records, in which transaction, who may read it, and that no one edits it. */
@EngagementBoardTest
class AuditTrailTest {

    private static final String TOUCHPOINT = """
            {"code": "%s", "name": "Video banking", "description": "Advice over video call",
             "kind": "EXTERNAL_DIRECT", "channel": "Video", "journeyStage": "EVALUATE", "priority": 3}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuditEntryRepository trail;

    @PersistenceContext
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.engagementboard.charter.CharterDrafts charterDrafts;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    /** Touchpoints a test made; removed after it, since every test class shares the one database. */
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() {
        identity.clearAuthentication();
        transactions.executeWithoutResult(tx -> made.forEach(code -> entityManager
                .createQuery("select t from Touchpoint t where t.code = :code", Touchpoint.class)
                .setParameter("code", code).getResultList().forEach(entityManager::remove)));
        made.clear();
    }

    private String unique(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        made.add(code);
        return code;
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode audit(String query, String user) throws Exception {
        String body = mvc.perform(get("/api/audit" + query).with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private String touchpointId(String code) {
        return String.valueOf(entityManager
                .createQuery("select t.id from Touchpoint t where t.code = :code", Long.class)
                .setParameter("code", code).getSingleResult());
    }

    private Touchpoint saved(String code) {
        Touchpoint touchpoint = new Touchpoint(code, "Written directly", null, TouchpointKind.INTERNAL, "Mail",
                JourneyStage.BOND, 1);
        entityManager.persist(touchpoint);
        entityManager.flush();
        return touchpoint;
    }

    private List<AuditEntry> linesOf(String type, String id) {
        return trail.findByEntityTypeAndEntityIdOrderByIdAsc(type, id);
    }

    @Test
    void creatingChangingAndRemovingATouchpointRecordsWhoWhenAndWhatChanged() throws Exception {
        String code = unique("audited");
        Instant start = Instant.now();
        send(post("/api/touchpoints"), "cmo", TOUCHPOINT.formatted(code)).andExpect(status().isCreated());
        String id = touchpointId(code);

        List<AuditEntry> lines = linesOf("Touchpoint", id);
        assertThat(lines).hasSize(1);
        AuditEntry created = lines.get(0);
        assertThat(created.getAction()).isEqualTo(Action.CREATED);
        assertThat(created.getActor()).isEqualTo("cmo");
        assertThat(created.getAt()).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(created.getBefore()).isNull();
        JsonNode after = json.readTree(created.getAfter());
        assertThat(after.path("code").asText()).isEqualTo(code);
        assertThat(after.path("name").asText()).isEqualTo("Video banking");
        assertThat(after.path("kind").asText()).isEqualTo("EXTERNAL_DIRECT");
        assertThat(after.path("priority").asInt()).isEqualTo(3);
        assertThat(after.has("version")).as("the version counter is no business state").isFalse();

        send(put("/api/touchpoints/" + code), "admin", """
                {"name": "Video advice", "description": "Advice over video call", "kind": "EXTERNAL_DIRECT",
                 "channel": "Video", "journeyStage": "BOND", "priority": 4}
                """).andExpect(status().isOk());

        lines = linesOf("Touchpoint", id);
        assertThat(lines).hasSize(2);
        AuditEntry updated = lines.get(1);
        assertThat(updated.getAction()).isEqualTo(Action.UPDATED);
        assertThat(updated.getActor()).isEqualTo("admin");
        JsonNode before = json.readTree(updated.getBefore());
        after = json.readTree(updated.getAfter());
        assertThat(fieldNames(before)).containsExactlyInAnyOrder("name", "journeyStage", "priority");
        assertThat(fieldNames(after)).containsExactlyInAnyOrder("name", "journeyStage", "priority");
        assertThat(before.path("name").asText()).isEqualTo("Video banking");
        assertThat(after.path("name").asText()).isEqualTo("Video advice");
        assertThat(before.path("journeyStage").asText()).isEqualTo("EVALUATE");
        assertThat(after.path("journeyStage").asText()).isEqualTo("BOND");
        assertThat(before.path("priority").asInt()).isEqualTo(3);
        assertThat(after.path("priority").asInt()).isEqualTo(4);

        // Sending the same values again changes nothing, and so records nothing.
        send(put("/api/touchpoints/" + code), "admin", """
                {"name": "Video advice", "description": "Advice over video call", "kind": "EXTERNAL_DIRECT",
                 "channel": "Video", "journeyStage": "BOND", "priority": 4}
                """).andExpect(status().isOk());
        assertThat(linesOf("Touchpoint", id)).hasSize(2);

        mvc.perform(delete("/api/touchpoints/" + code).with(httpBasic("cmo", "demo")))
                .andExpect(status().isNoContent());
        lines = linesOf("Touchpoint", id);
        assertThat(lines).extracting(AuditEntry::getAction)
                .containsExactly(Action.CREATED, Action.UPDATED, Action.DELETED);
        AuditEntry deleted = lines.get(2);
        assertThat(deleted.getActor()).isEqualTo("cmo");
        assertThat(deleted.getAfter()).isNull();
        assertThat(json.readTree(deleted.getBefore()).path("name").asText()).isEqualTo("Video advice");

        // The same story through the API, newest first.
        JsonNode page = audit("?entity=Touchpoint&id=" + id, "cmo");
        assertThat(page.path("totalElements").asLong()).isEqualTo(3);
        assertThat(page.path("content").findValuesAsText("action")).containsExactly("DELETED", "UPDATED", "CREATED");
        JsonNode change = page.path("content").get(1);
        assertThat(change.path("actor").asText()).isEqualTo("admin");
        assertThat(change.path("entity").asText()).isEqualTo("Touchpoint");
        assertThat(change.path("entityId").asText()).isEqualTo(id);
        assertThat(change.path("before").path("name").asText()).isEqualTo("Video banking");
        assertThat(change.path("after").path("name").asText()).isEqualTo("Video advice");
    }

    @Test
    void aCharterDraftAndItsSubmissionRecordTheVersionItsScopeAndEveryAllocation() throws Exception {
        // One charter version in acceptance at a time: whatever another test left there is withdrawn first.
        com.engagementboard.charter.CharterFixtures.noVersionInAcceptance(charterDrafts, jdbc);
        String body = send(post("/api/charter/drafts"), "cmo", """
                {"title": "Statement letter", "touchpoints": ["statement-letter"], "allocations": [
                  {"touchpoint": "statement-letter", "right": "DESIGN", "function": "communications"},
                  {"touchpoint": "statement-letter", "right": "BUILD", "function": "operations"},
                  {"touchpoint": "statement-letter", "right": "OPERATE", "function": "operations"},
                  {"touchpoint": "statement-letter", "right": "RENEW", "function": "communications"}]}
                """).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String charter = json.readTree(body).path("id").asText();
        String touchpoint = touchpointId("statement-letter");

        List<AuditEntry> versionLines = linesOf("CharterVersion", charter);
        assertThat(versionLines).hasSize(1);
        JsonNode drafted = json.readTree(versionLines.get(0).getAfter());
        assertThat(versionLines.get(0).getAction()).isEqualTo(Action.CREATED);
        assertThat(versionLines.get(0).getActor()).isEqualTo("cmo");
        assertThat(drafted.path("title").asText()).isEqualTo("Statement letter");
        assertThat(drafted.path("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.path("createdBy").asText()).isEqualTo("cmo");
        assertThat(drafted.path("scope").findValuesAsText("")).isEmpty();
        assertThat(drafted.path("scope").toString()).isEqualTo("[" + touchpoint + "]");
        assertThat(drafted.has("allocations")).as("the allocations have lines of their own").isFalse();

        JsonNode allocations = audit("?entity=Allocation&user=cmo&size=500", "admin").path("content");
        List<JsonNode> ofThisCharter = new ArrayList<>();
        allocations.forEach(line -> {
            // The draft's own lines: where another test left a version in force, the draft also carries over its
            // rights of the other touchpoints, each on a line of its own.
            if (line.path("after").path("charter").asText().equals(charter)
                    && line.path("after").path("carriedFrom").isNull()) {
                ofThisCharter.add(line);
            }
        });
        assertThat(ofThisCharter).hasSize(4);
        assertThat(ofThisCharter).allSatisfy(line -> {
            assertThat(line.path("action").asText()).isEqualTo("CREATED");
            assertThat(line.path("after").path("touchpoint").asText()).isEqualTo(touchpoint);
            assertThat(line.path("after").path("status").asText()).isEqualTo("PENDING");
            assertThat(line.path("after").path("function").isNumber()).isTrue();
        });
        assertThat(ofThisCharter).extracting(line -> line.path("after").path("right").asText())
                .containsExactlyInAnyOrder("DESIGN", "BUILD", "OPERATE", "RENEW");

        mvc.perform(post("/api/charter/drafts/" + charter + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_ACCEPTANCE"));
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(Long.parseLong(charter))).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));

        versionLines = linesOf("CharterVersion", charter);
        assertThat(versionLines).hasSize(2);
        AuditEntry submitted = versionLines.get(1);
        assertThat(submitted.getAction()).isEqualTo(Action.UPDATED);
        assertThat(submitted.getActor()).isEqualTo("cmo");
        JsonNode before = json.readTree(submitted.getBefore());
        JsonNode after = json.readTree(submitted.getAfter());
        assertThat(before.path("status").asText()).isEqualTo("DRAFT");
        assertThat(after.path("status").asText()).isEqualTo("IN_ACCEPTANCE");
        assertThat(before.path("submittedAt").isNull()).isTrue();
        assertThat(after.path("submittedAt").asText()).isNotBlank();
        assertThat(fieldNames(after)).doesNotContain("title", "createdBy", "scope");
    }

    @Test
    void aChangeToTheScopeOfADraftIsRecordedOnTheDraft() throws Exception {
        String body = send(post("/api/charter/drafts"), "cmo", """
                {"title": "Scope", "touchpoints": ["statement-letter"], "allocations": [
                  {"touchpoint": "statement-letter", "right": "DESIGN", "function": "communications"}]}
                """).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String charter = json.readTree(body).path("id").asText();
        send(patch("/api/charter/drafts/" + charter), "cmo", """
                {"touchpoints": ["customer-insight-report"]}
                """).andExpect(status().isOk());

        List<AuditEntry> lines = linesOf("CharterVersion", charter);
        assertThat(lines).extracting(AuditEntry::getAction).containsExactly(Action.CREATED, Action.UPDATED);
        JsonNode before = json.readTree(lines.get(1).getBefore());
        JsonNode after = json.readTree(lines.get(1).getAfter());
        assertThat(before.path("scope").toString()).isEqualTo("[" + touchpointId("statement-letter") + "]");
        assertThat(after.path("scope").findValuesAsText("")).isEmpty();
        assertThat(after.path("scope")).hasSize(2);

        mvc.perform(delete("/api/charter/drafts/" + charter).with(httpBasic("cmo", "demo")))
                .andExpect(status().isNoContent());
        assertThat(linesOf("CharterVersion", charter)).last().extracting(AuditEntry::getAction)
                .isEqualTo(Action.DELETED);
    }

    @Test
    void theFiltersNarrowTheTrail() throws Exception {
        String byChair = unique("filter-chair");
        String byAdmin = unique("filter-admin");
        Instant start = Instant.now();
        send(post("/api/touchpoints"), "cmo", TOUCHPOINT.formatted(byChair)).andExpect(status().isCreated());
        send(post("/api/touchpoints"), "admin", TOUCHPOINT.formatted(byAdmin)).andExpect(status().isCreated());
        String chairsId = touchpointId(byChair);
        String adminsId = touchpointId(byAdmin);

        JsonNode byId = audit("?entity=touchpoint&id=" + adminsId, "cmo");
        assertThat(byId.path("totalElements").asLong()).isEqualTo(1);
        assertThat(byId.path("content").get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(byId.path("content").get(0).path("after").path("code").asText()).isEqualTo(byAdmin);

        JsonNode admins = audit("?user=admin&entity=Touchpoint&from=" + start, "admin");
        assertThat(admins.path("content").findValuesAsText("actor")).isNotEmpty().allMatch("admin"::equals);
        assertThat(admins.path("content").findValuesAsText("entityId")).contains(adminsId).doesNotContain(chairsId);

        JsonNode since = audit("?entity=Touchpoint&from=" + start, "cmo");
        assertThat(since.path("content").findValuesAsText("entityId")).contains(chairsId, adminsId);
        JsonNode untilBefore = audit("?entity=Touchpoint&to=" + start.minusSeconds(1), "cmo");
        assertThat(untilBefore.path("content").findValuesAsText("entityId")).doesNotContain(chairsId, adminsId);
        LocalDate today = LocalDate.ofInstant(start, ZoneOffset.UTC);
        JsonNode day = audit("?entity=Touchpoint&from=" + today + "&to=" + today, "cmo");
        assertThat(day.path("content").findValuesAsText("entityId")).contains(chairsId, adminsId);
        // Only this test's changes: the trail's time is the engine's, which other process tests on the same
        // database move ahead (their changes are stamped then).
        for (String id : List.of(chairsId, adminsId)) {
            JsonNode tomorrow = audit("?entity=Touchpoint&id=" + id + "&from=" + today.plusDays(1), "cmo");
            assertThat(tomorrow.path("totalElements").asLong()).isZero();
        }

        mvc.perform(get("/api/audit?entity=Touchpoint&size=1&page=0").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.content[0].entityId").value(adminsId));
        mvc.perform(get("/api/audit?entity=Touchpoint&size=1&page=1").with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[0].entityId").value(chairsId));
        mvc.perform(get("/api/audit?user=admin&size=500").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.content[*].actor", everyItem(is("admin"))));
    }

    @Test
    void onlyTheChairAndAdministratorsReadTheTrail() throws Exception {
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        for (String user : List.of("employee", "ceo", "marketing.head")) {
            mvc.perform(get("/api/audit").with(httpBasic(user, "demo"))).andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/audit").with(httpBasic("cmo", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/audit").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
    }

    @Test
    void badParametersAreNamed() throws Exception {
        mvc.perform(get("/api/audit?from=yesterday").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601")));
        mvc.perform(get("/api/audit?to=2025-13-01").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/audit?from=2025-03-02&to=2025-03-01").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/audit?entity=Spaceship").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entity"))
                .andExpect(jsonPath("$.errors[0].message", containsString("CharterVersion")))
                .andExpect(jsonPath("$.errors[0].message", containsString("AgendaItem")));
        mvc.perform(get("/api/audit?entity=AuditEntry").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entity"));
        mvc.perform(get("/api/audit?size=501").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message", containsString("from 1 to 500")));
        mvc.perform(get("/api/audit?size=0").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/audit?page=-1").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void noOneCanChangeOrRemoveALine() throws Exception {
        String code = unique("kept");
        send(post("/api/touchpoints"), "cmo", TOUCHPOINT.formatted(code)).andExpect(status().isCreated());
        AuditEntry line = linesOf("Touchpoint", touchpointId(code)).get(0);
        long lines = trail.count();

        for (String user : List.of("admin", "cmo")) {
            send(post("/api/audit"), user, "{}").andExpect(status().isMethodNotAllowed());
            send(put("/api/audit"), user, "{}").andExpect(status().isMethodNotAllowed());
            send(patch("/api/audit"), user, "{}").andExpect(status().isMethodNotAllowed());
            mvc.perform(delete("/api/audit").with(httpBasic(user, "demo"))).andExpect(status().isMethodNotAllowed());
            int put = send(put("/api/audit/" + line.getId()), user, "{\"actor\": \"nobody\"}")
                    .andReturn().getResponse().getStatus();
            int deleted = mvc.perform(delete("/api/audit/" + line.getId()).with(httpBasic(user, "demo")))
                    .andReturn().getResponse().getStatus();
            assertThat(List.of(put, deleted)).allMatch(status -> status == 403 || status == 404 || status == 405);
        }

        AuditEntry again = trail.findById(line.getId()).orElseThrow();
        assertThat(again.getActor()).isEqualTo("cmo");
        assertThat(again.getAfter()).isEqualTo(line.getAfter());
        assertThat(trail.count()).isEqualTo(lines);
    }

    @Test
    void theEntityCannotBeChangedThroughJpaEither() {
        String code = unique("immutable");
        long id = transactions.execute(tx -> saved(code).getId());
        AuditEntry line = linesOf("Touchpoint", String.valueOf(id)).get(0);
        transactions.executeWithoutResult(tx -> {
            AuditEntry loaded = trail.findById(line.getId()).orElseThrow();
            org.springframework.test.util.ReflectionTestUtils.setField(loaded, "actor", "someone-else");
        });
        assertThat(trail.findById(line.getId()).orElseThrow().getActor()).isEqualTo("system");
    }

    @Test
    void aChangeThatIsRolledBackLeavesNoLine() {
        long lines = trail.count();
        AtomicLong written = new AtomicLong();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            written.set(saved(unique("rolled-back")).getId());
            throw new IllegalStateException("something later in the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(written.get()).as("the insert reached the database before the rollback").isPositive();
        assertThat(linesOf("Touchpoint", String.valueOf(written.get()))).isEmpty();
        assertThat(trail.count()).isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(lines);
    }

    @Test
    void aChangeWithoutAPersonIsTheSystemsAndOneInsideTheEngineIsItsUsers() {
        String bySystem = unique("system");
        long systemId = transactions.execute(tx -> saved(bySystem).getId());
        assertThat(linesOf("Touchpoint", String.valueOf(systemId))).extracting(AuditEntry::getActor)
                .containsExactly("system");

        String byEngineUser = unique("engine");
        identity.setAuthentication("ceo", List.of("ceo"));
        long engineId;
        try {
            engineId = transactions.execute(tx -> saved(byEngineUser).getId());
        } finally {
            identity.clearAuthentication();
        }
        assertThat(linesOf("Touchpoint", String.valueOf(engineId))).extracting(AuditEntry::getActor)
                .containsExactly("ceo");
    }

    @Test
    void everyRecordOfTheDomainIsFollowedButNotTheTrailItself() {
        assertThat(AuditedTypes.names(entityManager.getEntityManagerFactory())).contains(
                "Touchpoint", "BusinessFunction", "Division",
                "CharterVersion", "Allocation", "CharterReview",
                "BoardSetup", "BoardMember", "Meeting", "MeetingItem", "AgendaItem", "ProposedAction", "Vote",
                "Decision", "BoardAction",
                "Summit", "SummitParticipant").doesNotContain("AuditEntry");
    }

    @Test
    void aTaskCompletedInTheEngineRecordsTheSummitsParticipantsAsTheTasksUser() throws Exception {
        String response = send(post("/api/summits"), "cmo", """
                {"title": "Audited summit", "at": "%s", "participants": ["marketing.head", "retail.head"]}
                """.formatted(Instant.now().plus(7, ChronoUnit.DAYS))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(response).path("id").asLong();
        String summit = String.valueOf(id);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(id)).singleResult();
        try {
            List<AuditEntry> lines = linesOf("Summit", summit);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getActor()).isEqualTo("cmo");
            JsonNode convened = json.readTree(lines.get(0).getAfter());
            assertThat(convened.path("status").asText()).isEqualTo("CONVENED");
            // Each participant is a record of their own, created with the summit by the chair.
            String marketing = "{summitId=" + id + ",userId=marketing.head}";
            String retail = "{summitId=" + id + ",userId=retail.head}";
            for (String participant : List.of(marketing, retail)) {
                assertThat(linesOf("SummitParticipant", participant)).singleElement().satisfies(created -> {
                    assertThat(created.getAction()).isEqualTo(Action.CREATED);
                    assertThat(created.getActor()).isEqualTo("cmo");
                });
            }

            Task preWork = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(SummitProcess.Elements.ASSESS_JOURNEY).taskAssignee("marketing.head")
                    .singleResult();
            Map<String, Object> answers = Map.of(
                    SummitProcess.Variables.TODAY_PREFIX + "CONSIDER", "Leaflets",
                    SummitProcess.Variables.WANTED_PREFIX + "CONSIDER", "Advice",
                    SummitProcess.Variables.TODAY_PREFIX + "BUY", "Forms",
                    SummitProcess.Variables.WANTED_PREFIX + "BUY", "One click",
                    SummitProcess.Variables.TODAY_PREFIX + "EXPERIENCE", "Queues",
                    SummitProcess.Variables.WANTED_PREFIX + "EXPERIENCE", "No queues");
            identity.setAuthentication("marketing.head", List.of("board-member", "head-marketing", "employee"));
            try {
                tasks.complete(preWork.getId(), answers);
            } finally {
                identity.clearAuthentication();
            }

            assertThat(linesOf("Summit", summit)).as("the summit's own record is untouched").hasSize(1);
            assertThat(linesOf("SummitParticipant", retail)).as("nor is another participant's").hasSize(1);
            List<AuditEntry> mine = linesOf("SummitParticipant", marketing);
            List<AuditEntry> changes = mine.subList(1, mine.size());
            assertThat(changes).isNotEmpty().allSatisfy(change -> {
                assertThat(change.getAction()).isEqualTo(Action.UPDATED);
                assertThat(change.getActor()).isEqualTo("marketing.head");
            });
            JsonNode before = json.readTree(changes.stream().filter(c -> c.getAfter().contains("preWorkAt"))
                    .findFirst().orElseThrow().getBefore());
            JsonNode after = json.readTree(changes.stream().filter(c -> c.getAfter().contains("preWorkAt"))
                    .findFirst().orElseThrow().getAfter());
            assertThat(before.path("preWorkAt").isNull()).isTrue();
            assertThat(after.path("preWorkAt").asText()).isNotBlank();
            assertThat(changes).anySatisfy(change -> assertThat(json.readTree(change.getAfter()).path("assessments")
                    .findValuesAsText("wanted")).contains("One click"));
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "test over");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
