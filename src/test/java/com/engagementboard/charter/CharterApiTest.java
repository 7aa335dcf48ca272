package com.engagementboard.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import com.engagementboard.StatementCount;
import com.engagementboard.web.Csv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** The charter API: drafting (JSON and CSV), checks, submission, tasks through /api, reading, security. */
@EngagementBoardTest
class CharterApiTest {

    private static final String CSV = """
            touchpoint,right,function
            card-packaging,DESIGN,brand
            card-packaging,BUILD,operations
            card-packaging,OPERATE,operations
            card-packaging,RENEW,brand
            card-delivery,DESIGN,product
            card-delivery,BUILD,operations
            card-delivery,OPERATE,operations
            card-delivery,RENEW,product
            """;

    private static final String BLOCKING_GAPS = "$.gaps[?(@.blocksSubmission == true)]";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CharterRepository charters;

    @Autowired
    ManagementService management;

    @Autowired
    CharterProcessStarter processes;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManagerFactory persistence;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void noVersionInForce() {
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        CharterFixtures.noVersionInForce(charters, processes, transaction);
    }

    private ResultActions postJson(String url, String user, String body) throws Exception {
        return mvc.perform(post(url).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    @Test
    void aJsonDraftShowsItsGapsConflictsAndWarningsAndCannotBeSubmittedUntilTheyAreGone() throws Exception {
        long id = id(postJson("/api/charter/drafts", "cmo", """
                {"title": "SMS alerts", "touchpoints": ["fee-schedule"], "allocations": [
                  {"touchpoint": "sms-alerts", "right": "DESIGN", "function": "marketing"},
                  {"touchpoint": "sms-alerts", "right": "DESIGN", "function": "it"},
                  {"touchpoint": "sms-alerts", "right": "BUILD", "function": "it"}]}
                """).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.scope", hasSize(2)))
                .andExpect(jsonPath("$.conflicts[0].touchpoint").value("sms-alerts"))
                .andExpect(jsonPath("$.conflicts[0].functions", hasSize(2)))
                .andExpect(jsonPath(BLOCKING_GAPS, hasSize(6)))
                // Every other touchpoint of the organisation has no owner either: visible, not blocking.
                .andExpect(jsonPath("$.gaps[?(@.touchpoint == 'card-packaging')].blocksSubmission",
                        hasSize(4)))
                .andExpect(jsonPath("$.gaps[?(@.touchpoint == 'card-packaging')].blocksSubmission",
                        everyItem(is(false)))));

        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.gaps", hasSize(6)))
                .andExpect(jsonPath("$.conflicts", hasSize(1)))
                .andExpect(jsonPath("$.counts.blockingGaps").value(6))
                .andExpect(jsonPath("$.counts.conflicts").value(1));
        // The whole lists, a page at a time: the blocking gaps first, then the rest of the organisation's.
        JsonNode draft = json.readTree(mvc.perform(get("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.counts.blockingGaps").value(6))
                .andReturn().getResponse().getContentAsString());
        int allGaps = draft.path("counts").path("gaps").asInt();
        assertThat(allGaps).isGreaterThan(6).isEqualTo(draft.path("gaps").size());
        mvc.perform(get("/api/charter/drafts/" + id + "/gaps").param("size", "4").param("page", "1")
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(allGaps))
                .andExpect(jsonPath("$.content", hasSize(4)))
                .andExpect(jsonPath("$.content[0].blocksSubmission").value(true))
                .andExpect(jsonPath("$.content[1].blocksSubmission").value(true))
                .andExpect(jsonPath("$.content[2].blocksSubmission").value(false));
        mvc.perform(get("/api/charter/drafts/" + id + "/conflicts").with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[0].touchpoint").value("sms-alerts"))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(get("/api/charter/drafts/" + id + "/gaps").with(httpBasic("employee", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/charter/drafts/999999/gaps").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/charter/drafts/" + id + "/conflicts").param("size", "100000").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(charters.findById(id).orElseThrow().getStatus()).isEqualTo(CharterStatus.DRAFT);

        mvc.perform(patch("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"allocations": [
                          {"touchpoint": "sms-alerts", "right": "DESIGN", "function": "marketing"},
                          {"touchpoint": "sms-alerts", "right": "OPERATE", "function": "it"},
                          {"touchpoint": "sms-alerts", "right": "RENEW", "function": "marketing"},
                          {"touchpoint": "fee-schedule", "right": "DESIGN", "function": "product"},
                          {"touchpoint": "fee-schedule", "right": "BUILD", "function": "product"},
                          {"touchpoint": "fee-schedule", "right": "OPERATE", "function": "operations"},
                          {"touchpoint": "fee-schedule", "right": "RENEW", "function": "product"}]}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath(BLOCKING_GAPS, hasSize(0)))
                .andExpect(jsonPath("$.conflicts", hasSize(0)))
                .andExpect(jsonPath("$.allocations.content", hasSize(8)));

        mvc.perform(patch("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"allocations": [{"touchpoint": "sms-alerts", "right": "RENEW", "function": null}]}
                        """))
                .andExpect(jsonPath("$.gaps[0].right").value("RENEW"));
        mvc.perform(put("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Only SMS", "allocations": [
                          {"touchpoint": "sms-alerts", "right": "DESIGN", "function": "marketing"}]}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Only SMS"))
                .andExpect(jsonPath("$.allocations.content", hasSize(1)))
                .andExpect(jsonPath(BLOCKING_GAPS, hasSize(3)));
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aFunctionWithoutAHeadIsAWarning() throws Exception {
        postJson("/api/functions", "admin", "{\"code\": \"legal\", \"name\": \"Legal\"}")
                .andExpect(status().isCreated());
        long id = id(postJson("/api/charter/drafts", "cmo", """
                {"title": "Fees", "allocations": [{"touchpoint": "fee-schedule", "right": "RENEW", "function": "legal"}]}
                """).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].function").value("legal"))
                .andExpect(jsonPath("$.warnings[0].message", containsString("no head"))));
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/functions/legal").with(httpBasic("admin", "demo"))).andExpect(status().isNoContent());
    }

    @Test
    void badLinesAreNamedAndNothingIsWritten() throws Exception {
        long before = charters.count();
        postJson("/api/charter/drafts", "cmo", """
                {"title": "Bad", "allocations": [
                  {"touchpoint": "call-centre-script", "right": "DESIGN", "function": "marketing"},
                  {"touchpoint": "nowhere", "right": "DESIGN", "function": "marketing"},
                  {"touchpoint": "call-centre-script", "right": "DREAM", "function": "ghosts"}]}
                """).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("allocations[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("there is no touchpoint 'nowhere'"))
                .andExpect(jsonPath("$.errors[1].field").value("allocations[2]"))
                .andExpect(jsonPath("$.errors[1].message", containsString("'DREAM' is not a right")))
                .andExpect(jsonPath("$.errors[1].message", containsString("there is no function 'ghosts'")));
        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV + "card-delivery,RENEW,nobody\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 10"));
        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content("code;right;owner\nx;y;z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 1"));
        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content("touchpoint,right,function\ncard-delivery,BUILD"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 2"));
        // A quoted value keeps its comma: one (unknown) touchpoint, not four values.
        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV + "\"card-delivery, card-packaging\",RENEW,product\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 10"))
                .andExpect(jsonPath("$.errors[0].message").value("there is no touchpoint 'card-delivery, card-packaging'"));
        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV + "card-delivery,\"RENEW,product\ncard-packaging,RENEW,brand\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("line 10"))
                .andExpect(jsonPath("$.errors[0].message", containsString("is not valid CSV")));
        postJson("/api/charter/drafts", "cmo", "{\"allocations\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        postJson("/api/charter/drafts", "cmo", "{\"title\": \"x\", ").andExpect(status().isBadRequest());
        assertThat(charters.count()).isEqualTo(before);
    }

    @Test
    void aCsvDraftReadsQuotedValuesAndBlankLinesAndNamesTheLineTheChairSees() throws Exception {
        String quoted = """
                \uFEFFtouchpoint, right, function

                "card-packaging", "DESIGN" ,brand
                card-packaging,BUILD,"operations"
                card-packaging,OPERATE,operations

                card-packaging,RENEW,brand
                """;
        long id = id(mvc.perform(post("/api/charter/drafts").param("title", "Cards, quoted").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(quoted)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Cards, quoted"))
                .andExpect(jsonPath("$.allocations.content", hasSize(4)))
                .andExpect(jsonPath("$.allocations.content[?(@.right=='DESIGN')].function").value("brand"))
                .andExpect(jsonPath("$.allocations.content[?(@.right=='BUILD')].function").value("operations")));
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());

        mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo")).contentType("text/csv")
                .content("touchpoint,right,function\n\ncard-packaging,DESIGN,brand\n\n\ncard-packaging,RENEW,nobody\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 6"));
    }

    @Test
    void onlyTheChairDraftsAndSubmits() throws Exception {
        postJson("/api/charter/drafts", "marketing.head", "{\"title\": \"x\", \"allocations\": []}")
                .andExpect(status().isForbidden());
        postJson("/api/charter/drafts", "admin", "{\"title\": \"x\", \"allocations\": []}")
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/charter/drafts?title=x").with(httpBasic("employee", "demo")).contentType("text/csv")
                .content(CSV)).andExpect(status().isForbidden());
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("retail.head", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/charter/drafts/" + id).with(httpBasic("employee", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/charter/drafts/" + id).with(httpBasic("retail.head", "demo"))).andExpect(status().isOk());
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("sales.head", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/charter/drafts")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());
    }

    @Test
    void theChairWithdrawsAVersionInAcceptanceWithAReasonAndNobodyElseCan() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards withdrawn").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated()));
        String withdraw = "/api/charter/drafts/" + id + "/withdraw";
        String reason = "{\"reason\": \"The card range is being redesigned; a new draft follows.\"}";
        // A draft is discarded, not withdrawn.
        postJson(withdraw, "cmo", reason).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("DRAFT")));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);

        mvc.perform(post(withdraw).contentType(MediaType.APPLICATION_JSON).content(reason))
                .andExpect(status().isUnauthorized());
        postJson(withdraw, "brand.head", reason).andExpect(status().isForbidden());
        postJson(withdraw, "admin", reason).andExpect(status().isForbidden());
        postJson(withdraw, "cmo", "{\"reason\": \"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson(withdraw, "cmo", "{\"reason\": \"" + "x".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(taskOf("brand.head", id)).as("nothing refused ended a task").isNotNull();

        postJson(withdraw, "cmo", reason).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(TouchpointCharterProcess.businessKey(id))
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).count()).isZero();
        assertThat(charters.findById(id).orElseThrow().getWithdrawnBy()).isEqualTo("cmo");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(TouchpointCharterProcess.businessKey(id))
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_WITHDRAWAL).taskCandidateGroup("head-brand")
                .count()).isOne();
        // Twice: the second is too late.
        postJson(withdraw, "cmo", reason).andExpect(status().isConflict());
        postJson("/api/charter/drafts/999999/withdraw", "cmo", reason).andExpect(status().isNotFound());
    }

    @Test
    void theWithdrawPageShowsWhereAcceptanceStandsAndWithdrawsForTheChairOnly() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards on a page").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
        String page = "/charter/" + id + "/withdraw";

        mvc.perform(get(page)).andExpect(status().isFound());
        mvc.perform(get(page).with(httpBasic("brand.head", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post(page).with(httpBasic("brand.head", "demo")).with(csrf()).param("reason", "Mine now"))
                .andExpect(status().isForbidden());
        mvc.perform(get(page).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdraw Cards on a page?")))
                .andExpect(content().string(containsString("waiting for their head: <strong>8</strong>")))
                .andExpect(content().string(containsString("name=\"reason\"")));
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).param("reason", "No token"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf()).param("reason", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("say why the version is withdrawn")));
        assertThat(charters.findById(id).orElseThrow().getStatus()).isEqualTo(CharterStatus.IN_ACCEPTANCE);

        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf())
                        .param("reason", "Packaging moves to a partner <b>next year</b>."))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page));
        assertThat(charters.findById(id).orElseThrow().getStatus()).isEqualTo(CharterStatus.WITHDRAWN);
        mvc.perform(get(page).with(httpBasic("cmo", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("This version was withdrawn")))
                .andExpect(content().string(containsString("Packaging moves to a partner &lt;b&gt;next year&lt;/b&gt;.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"reason\""))));
        mvc.perform(post(page).with(httpBasic("cmo", "demo")).with(csrf()).param("reason", "Again"))
                .andExpect(status().isConflict());
    }

    @Test
    void anEffectiveVersionCannotBeWithdrawn() throws Exception {
        cardsInForce();
        long id = charters.findFirstByStatus(CharterStatus.EFFECTIVE).orElseThrow().getId();
        postJson("/api/charter/drafts/" + id + "/withdraw", "cmo", "{\"reason\": \"Too late\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("EFFECTIVE")));
    }

    @Test
    void aDraftShowsItsAllocationsOnePageAtATimeInTheMatrixOrder() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.page").value(0))
                .andExpect(jsonPath("$.allocations.size").value(50))
                .andExpect(jsonPath("$.allocations.totalElements").value(8)));
        mvc.perform(get("/api/charter/drafts/" + id + "?page=1&size=3").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations.content", hasSize(3)))
                .andExpect(jsonPath("$.allocations.totalElements").value(8))
                .andExpect(jsonPath("$.allocations.totalPages").value(3))
                .andExpect(jsonPath("$.allocations.content[*].touchpoint",
                        contains("card-delivery", "card-packaging", "card-packaging")))
                .andExpect(jsonPath("$.allocations.content[*].right", contains("RENEW", "DESIGN", "BUILD")));
        mvc.perform(get("/api/charter/drafts/" + id + "?size=501").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aCsvDraftIsAcceptedThroughTheApiByEachHeadAndThenReadAsTheEffectiveCharter() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocations.content", hasSize(8))));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_ACCEPTANCE"));
        AcceptanceFanOut.askHeads(runtime, management, id);
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isConflict());

        String brandTask = taskOf("brand.head", id);
        // The head of sales cannot accept brand's rights through the API either.
        mvc.perform(post("/api/charter/tasks/" + brandTask + "/complete").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/charter/tasks/" + brandTask + "/complete").with(httpBasic("brand.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"DECLINE_SOME\", \"declinedRights\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("declinedRights"));
        for (String head : List.of("brand.head", "operations.head", "product.head")) {
            String task = taskOf(head, id);
            mvc.perform(post("/api/charter/tasks/" + task + "/complete").with(httpBasic(head, "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                    .andExpect(status().isNoContent());
            mvc.perform(post("/api/charter/tasks/" + task + "/complete").with(httpBasic(head, "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                    .andExpect(status().isConflict());
        }
        String instance = charters.findById(id).map(c -> c.getId().toString()).orElseThrow();
        for (int round = 0; round < 5; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                if (job.getDuedate() == null) {
                    management.executeJob(job.getId());
                }
            }
        }
        assertThat(instance).isNotBlank();

        JsonNode charter = json.readTree(mvc.perform(get("/api/charter").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.reviewDate").exists())
                .andExpect(jsonPath("$.matrix.content[?(@.touchpoint=='card-packaging')].design").value("brand"))
                .andExpect(jsonPath("$.matrix.content[?(@.touchpoint=='card-delivery')].operate").value("operations"))
                .andReturn().getResponse().getContentAsString());
        int number = charter.get("number").asInt();
        mvc.perform(get("/api/charter/versions").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[0].number").value(number))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50));
        mvc.perform(get("/api/charter/versions/" + number).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-delivery' && @.right=='RENEW')].decidedBy")
                        .value("product.head"))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-delivery' && @.right=='RENEW')].settlement")
                        .value("HEAD_ACCEPTED"))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-delivery' && @.right=='RENEW')].settledGroup")
                        .value("head-product"));
        mvc.perform(get("/api/charter.csv").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("touchpoint,name,design,build,operate,renew")))
                .andExpect(content().string(containsString("card-delivery,Delivery of cards,product,operations,operations,product")));
        // A touchpoint name a spreadsheet would run as a formula is exported as text, and reads back with its apostrophe.
        String packaging = mvc.perform(get("/api/touchpoints/card-packaging").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String formula = "=HYPERLINK(\"http://x\")";
        mvc.perform(put("/api/touchpoints/card-packaging").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(((ObjectNode) json.readTree(packaging)).put("name", formula))))
                .andExpect(status().isOk());
        try {
            String csv = mvc.perform(get("/api/charter.csv").with(httpBasic("employee", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(
                            "card-packaging,\"'=HYPERLINK(\"\"http://x\"\")\",brand,operations,operations,brand\n")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Csv.read(csv)).filteredOn(row -> row.get(0).equals("card-packaging")).singleElement()
                    .satisfies(row -> assertThat(row.get(1)).isEqualTo("'" + formula));
        } finally {
            mvc.perform(put("/api/touchpoints/card-packaging").with(httpBasic("cmo", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(packaging)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/functions/operations/rights").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content", hasSize(4)))
                .andExpect(jsonPath("$.totalElements").value(4))
                .andExpect(jsonPath("$.content[*].right", hasItem("BUILD")));
        mvc.perform(get("/api/touchpoints/card-packaging/owners").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.owners.DESIGN").value("brand"))
                .andExpect(jsonPath("$.owners.OPERATE").value("operations"));
        mvc.perform(get("/api/touchpoints/nowhere/owners").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());

        // An amendment: only the moved right needs acceptance; the diff shows it.
        long amendment = id(postJson("/api/charter/drafts?amend=true", "cmo", """
                {"title": "Brand renews delivery", "allocations": [
                  {"touchpoint": "card-delivery", "right": "RENEW", "function": "brand"}]}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.amendsVersion").value(number)));
        mvc.perform(post("/api/charter/drafts/" + amendment + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, amendment);
        String task = taskOf("brand.head", amendment);
        mvc.perform(post("/api/charter/tasks/" + task + "/complete").with(httpBasic("brand.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                .andExpect(status().isNoContent());
        for (int round = 0; round < 3; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                if (job.getDuedate() == null) {
                    management.executeJob(job.getId());
                }
            }
        }
        mvc.perform(get("/api/charter/versions/" + number + "/diff/" + (number + 1)).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.content", hasSize(1)))
                .andExpect(jsonPath("$.changes.totalElements").value(1))
                .andExpect(jsonPath("$.changes.content[0].touchpoint").value("card-delivery"))
                .andExpect(jsonPath("$.changes.content[0].before").value("product"))
                .andExpect(jsonPath("$.changes.content[0].after").value("brand"));
        mvc.perform(get("/api/charter/versions/" + number).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.status").value("SUPERSEDED"));
        // The rights the amendment did not touch were not asked again: carried over, with who accepted them.
        mvc.perform(get("/api/charter/versions/" + (number + 1)).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.acceptances", hasSize(8)))
                .andExpect(jsonPath("$.acceptances[?(@.settlement=='CARRIED_OVER')]", hasSize(7)))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-packaging' && @.right=='DESIGN')]"
                        + ".carriedFromVersion").value(number))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-packaging' && @.right=='DESIGN')]"
                        + ".decidedBy").value("brand.head"))
                .andExpect(jsonPath("$.acceptances[?(@.touchpoint=='card-delivery' && @.right=='RENEW')].settlement")
                        .value("HEAD_ACCEPTED"));
        mvc.perform(get("/api/charter/versions/9999").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
    }

    /** Runs every job that is due now, as the job executor would; a failing job fails the test. */
    private void runDueJobs() {
        for (int round = 0; round < 5; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                if (job.getDuedate() == null) {
                    management.executeJob(job.getId());
                }
            }
        }
    }

    /** The cards charter (brand, operations, product) in force, through the API; returns its number. */
    private int cardsInForce() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
        for (String head : List.of("brand.head", "operations.head", "product.head")) {
            mvc.perform(post("/api/charter/tasks/" + taskOf(head, id) + "/complete").with(httpBasic(head, "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                    .andExpect(status().isNoContent());
        }
        runDueJobs();
        return json.readTree(mvc.perform(get("/api/charter").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.title").value("Cards")).andReturn().getResponse().getContentAsString())
                .get("number").asInt();
    }

    @Test
    void theMatrixTheRightsTheVersionsAndADiffComeOnePageAtATime() throws Exception {
        int number = cardsInForce();

        // One touchpoint a page, in code order; the acceptances are those of the touchpoint on the page.
        mvc.perform(get("/api/charter?size=1").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.title").value("Cards"))
                .andExpect(jsonPath("$.matrix.content", hasSize(1)))
                .andExpect(jsonPath("$.matrix.content[0].touchpoint").value("card-delivery"))
                .andExpect(jsonPath("$.matrix.page").value(0))
                .andExpect(jsonPath("$.matrix.size").value(1))
                .andExpect(jsonPath("$.matrix.totalElements").value(2))
                .andExpect(jsonPath("$.matrix.totalPages").value(2))
                .andExpect(jsonPath("$.acceptances", hasSize(4)))
                .andExpect(jsonPath("$.acceptances[*].touchpoint", everyItem(is("card-delivery"))));
        mvc.perform(get("/api/charter/versions/" + number + "?page=1&size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.matrix.content[0].touchpoint").value("card-packaging"))
                .andExpect(jsonPath("$.matrix.content[0].design").value("brand"))
                .andExpect(jsonPath("$.matrix.page").value(1))
                .andExpect(jsonPath("$.acceptances[*].touchpoint", everyItem(is("card-packaging"))));
        mvc.perform(get("/api/charter/versions/" + number + "?page=2&size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.matrix.content", hasSize(0)))
                .andExpect(jsonPath("$.matrix.totalElements").value(2))
                .andExpect(jsonPath("$.acceptances", hasSize(0)));
        // The default page holds both touchpoints; the largest page is 500 rows.
        mvc.perform(get("/api/charter/versions/" + number).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.matrix.content", hasSize(2)))
                .andExpect(jsonPath("$.matrix.size").value(50))
                .andExpect(jsonPath("$.acceptances", hasSize(8)));
        mvc.perform(get("/api/charter?size=500").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.matrix.size").value(500));

        // Operations builds and operates both touchpoints: by touchpoint code, then right.
        mvc.perform(get("/api/functions/operations/rights?size=2").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].touchpoint", everyItem(is("card-delivery"))))
                .andExpect(jsonPath("$.content[*].right").value(org.hamcrest.Matchers.contains("BUILD", "OPERATE")))
                .andExpect(jsonPath("$.totalElements").value(4))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/functions/operations/rights?page=1&size=2").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].touchpoint", everyItem(is("card-packaging"))));

        mvc.perform(get("/api/charter/versions?size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].number").value(number))
                .andExpect(jsonPath("$.totalElements").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        // An amendment moves one right: one change, on the first page and not on the second.
        long amendment = id(postJson("/api/charter/drafts?amend=true", "cmo", """
                {"title": "Brand renews delivery", "allocations": [
                  {"touchpoint": "card-delivery", "right": "RENEW", "function": "brand"}]}
                """).andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + amendment + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, amendment);
        mvc.perform(post("/api/charter/tasks/" + taskOf("brand.head", amendment) + "/complete")
                .with(httpBasic("brand.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"ACCEPT_ALL\"}")).andExpect(status().isNoContent());
        runDueJobs();
        String diff = "/api/charter/versions/" + number + "/diff/" + (number + 1);
        mvc.perform(get(diff + "?size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.from").value(number))
                .andExpect(jsonPath("$.changes.content", hasSize(1)))
                .andExpect(jsonPath("$.changes.content[0].after").value("brand"))
                .andExpect(jsonPath("$.changes.totalElements").value(1))
                .andExpect(jsonPath("$.changes.totalPages").value(1));
        mvc.perform(get(diff + "?page=1&size=1").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.changes.content", hasSize(0)))
                .andExpect(jsonPath("$.changes.page").value(1));
    }

    @Test
    void aPageOfTheMatrixOrOfAFunctionsRightsIsAFewQueriesWhateverItsSize() throws Exception {
        int number = cardsInForce();
        for (String path : List.of("/api/charter", "/api/charter/versions/" + number, "/api/functions/operations/rights")) {
            long one = StatementCount.of(persistence, () -> mvc.perform(get(path + "?size=1")
                    .with(httpBasic("employee", "demo"))).andExpect(status().isOk()));
            long all = StatementCount.of(persistence, () -> mvc.perform(get(path + "?size=4")
                    .with(httpBasic("employee", "demo"))).andExpect(status().isOk()));
            // The version (or the function), the page, its count and the rights of its touchpoints with their
            // owners: never one more per row.
            assertThat(one).as("statements for a page of one row of %s", path).isLessThanOrEqualTo(5);
            assertThat(all).as("statements for a page of four rows of %s", path).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void everyPagedCharterListNamesABadPageOrSize() throws Exception {
        int number = cardsInForce();
        for (String path : List.of("/api/charter", "/api/charter/versions", "/api/charter/versions/" + number,
                "/api/charter/versions/" + number + "/diff/" + number, "/api/functions/operations/rights")) {
            for (String query : List.of("size=0", "size=501", "page=-1")) {
                mvc.perform(get(path + "?" + query).with(httpBasic("employee", "demo")))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.errors[0].field").value(query.substring(0, query.indexOf('='))));
            }
        }
        // The download stays whole: paging parameters mean nothing to it.
        mvc.perform(get("/api/charter.csv?size=1").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("card-delivery")))
                .andExpect(content().string(containsString("card-packaging")));
    }

    @Test
    void theHeadOfBrandCannotAcceptOperationsRightsByNamingOperationsInHerAnswer() throws Exception {
        long id = id(mvc.perform(post("/api/charter/drafts?title=Cards").with(httpBasic("cmo", "demo"))
                .contentType("text/csv").content(CSV)).andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(id)).singleResult().getId();
        try {
            // Whether the engine refuses the forged variable or takes it, the charter must not record it.
            mvc.perform(post("/api/charter/tasks/" + taskOf("brand.head", id) + "/complete")
                    .with(httpBasic("brand.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"decision\": \"ACCEPT_ALL\", \"functionCode\": \"operations\"}"));
            for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
                if (job.getDuedate() == null) {
                    try {
                        management.executeJob(job.getId());
                    } catch (RuntimeException refused) {
                        assertThat(refused).hasStackTraceContaining("brand.head is not a member of head-operations");
                    }
                }
            }
            mvc.perform(get("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo")))
                    .andExpect(jsonPath("$.status").value("IN_ACCEPTANCE"))
                    .andExpect(jsonPath("$.allocations.content[?(@.function=='operations')]", hasSize(4)))
                    .andExpect(jsonPath("$.allocations.content[?(@.function=='operations')].status",
                            everyItem(is("PENDING"))))
                    .andExpect(jsonPath("$.allocations.content[?(@.decidedBy=='brand.head' && @.function!='brand')]",
                            hasSize(0)));
        } finally {
            runtime.deleteProcessInstance(instance, "test of a forged acceptance");
        }
    }

    @Test
    void aNewDraftKeepsTheOwnersInForceAndDroppingATouchpointIsExplicitAndWarned() throws Exception {
        int number = cardsInForce();

        // Not an amendment, and about one right only: the seven others come over, accepted.
        long id = id(postJson("/api/charter/drafts", "cmo", """
                {"title": "Service delivers cards", "allocations": [
                  {"touchpoint": "card-delivery", "right": "OPERATE", "function": "service"}]}
                """).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amendsVersion").value(number))
                .andExpect(jsonPath("$.allocations.content", hasSize(8)))
                .andExpect(jsonPath("$.allocations.content[?(@.settlement=='CARRIED_OVER')]", hasSize(7)))
                .andExpect(jsonPath("$.allocations.content[?(@.settlement=='CARRIED_OVER')].carriedFromVersion",
                        everyItem(is(number))))
                .andExpect(jsonPath("$.allocations.content[?(@.status=='PENDING')].touchpoint", everyItem(is("card-delivery"))))
                .andExpect(jsonPath(BLOCKING_GAPS, hasSize(0)))
                .andExpect(jsonPath("$.warnings", hasSize(0))));

        // Dropping card packaging takes four explicit lines; the draft then says who loses what.
        mvc.perform(patch("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"allocations": [
                          {"touchpoint": "card-packaging", "right": "DESIGN"},
                          {"touchpoint": "card-packaging", "right": "BUILD"},
                          {"touchpoint": "card-packaging", "right": "OPERATE"},
                          {"touchpoint": "card-packaging", "right": "RENEW"}]}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations.content", hasSize(4)))
                .andExpect(jsonPath("$.warnings[?(@.touchpoint=='card-packaging')].message", hasSize(1)))
                .andExpect(jsonPath("$.warnings[?(@.touchpoint=='card-packaging')].message", everyItem(
                        containsString("loses its owner of DESIGN (brand), BUILD (operations), OPERATE (operations), "
                                + "RENEW (brand) held in version " + number))))
                .andExpect(jsonPath("$.gaps[?(@.touchpoint=='card-packaging')].blocksSubmission", hasSize(4)))
                .andExpect(jsonPath(BLOCKING_GAPS, hasSize(0)));

        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
        mvc.perform(post("/api/charter/tasks/" + taskOf("service.head", id) + "/complete")
                .with(httpBasic("service.head", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"ACCEPT_ALL\"}")).andExpect(status().isNoContent());
        runDueJobs();

        mvc.perform(get("/api/charter").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.number").value(number + 1))
                .andExpect(jsonPath("$.matrix.content[?(@.touchpoint=='card-delivery')].operate").value("service"))
                .andExpect(jsonPath("$.matrix.content[?(@.touchpoint=='card-delivery')].design").value("product"));
        mvc.perform(get("/api/touchpoints/card-packaging/owners").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.owners.DESIGN").doesNotExist());
        mvc.perform(get("/api/charter/versions/" + number + "/diff/" + (number + 1)).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.changes.content", hasSize(5)))
                .andExpect(jsonPath("$.changes.content[?(@.touchpoint=='card-packaging')].after", hasSize(4)))
                .andExpect(jsonPath("$.changes.content[?(@.touchpoint=='card-delivery')].after").value("service"));
    }

    @Test
    void aDraftThatChangesNothingInForceIsNotSentOut() throws Exception {
        int number = cardsInForce();
        long id = id(postJson("/api/charter/drafts?amend=true", "cmo", """
                {"title": "Nothing new", "allocations": []}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.allocations.content", hasSize(8))));
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Nothing to change"))
                .andExpect(jsonPath("$.detail", containsString("version " + number)));
        assertThat(charters.findById(id).orElseThrow().getStatus()).isEqualTo(CharterStatus.DRAFT);
        mvc.perform(delete("/api/charter/drafts/" + id).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());
    }

    private String taskOf(String head, long charterId) throws Exception {
        JsonNode tasks = json.readTree(mvc.perform(get("/api/charter/tasks").with(httpBasic(head, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode task : tasks) {
            if (task.get("charterId").asLong() == charterId) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(head + " has no task for charter " + charterId + ": " + tasks);
    }
}
