package com.engagementboard.summit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.summit.SummitProcess.Elements;
import com.engagementboard.summit.SummitProcess.Variables;
import com.engagementboard.EngagementBoardTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The summit API: convening and its validation per role, the reports (JSON, page, PDF), the sourcing register. */
@EngagementBoardTest
class SummitApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    private final List<Long> convened = new ArrayList<>();

    @AfterEach
    void endTheSummitsProcesses() {
        identity.clearAuthentication();
        for (long id : convened) {
            ProcessInstance instance = instance(id);
            if (instance != null) {
                runtime.deleteProcessInstance(instance.getId(), "test over");
            }
        }
        convened.clear();
    }

    private static String body(String title, String at, String... participants) {
        return "{\"title\": " + (title == null ? "null" : "\"" + title + "\"") + ", \"at\": \"" + at
                + "\", \"participants\": [" + String.join(", ", List.of(participants).stream()
                        .map(p -> "\"" + p + "\"").toList()) + "]}";
    }

    private static String nextWeek() {
        return Instant.now().plus(7, ChronoUnit.DAYS).toString();
    }

    private ResultActions postSummit(String user, String body) throws Exception {
        var request = post("/api/summits").contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(user == null ? request : request.with(httpBasic(user, "demo")));
    }

    private long convene(String title, String... participants) throws Exception {
        String response = postSummit("cmo", body(title, nextWeek(), participants))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        convened.add(id);
        return id;
    }

    private ProcessInstance instance(long summitId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(SummitProcess.businessKey(summitId))
                .singleResult();
    }

    private int summitCount() throws Exception {
        JsonNode all = json.readTree(mvc.perform(get("/api/summits").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return all.size();
    }

    @Test
    void theChairConvenesAndIsWarnedOfFunctionsAndDivisionsWithNobodyInvited() throws Exception {
        String response = postSummit("cmo", body("Warned summit", nextWeek(), "marketing.head", "retail.head"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/summits/")))
                .andExpect(jsonPath("$.title").value("Warned summit"))
                .andExpect(jsonPath("$.chair").value("cmo"))
                .andExpect(jsonPath("$.status").value("CONVENED"))
                .andExpect(jsonPath("$.participants[*].user").value(
                        org.hamcrest.Matchers.containsInAnyOrder("marketing.head", "retail.head")))
                .andExpect(jsonPath("$.coverageWarnings", hasItem(startsWith("Function Sales"))))
                .andExpect(jsonPath("$.coverageWarnings", hasItem("Function Brand & Reputation: nobody invited "
                        + "(its head is Bruno Castell)")))
                .andExpect(jsonPath("$.coverageWarnings", hasItem(startsWith("Division Wealth Management"))))
                .andExpect(jsonPath("$.coverageWarnings", hasItem(startsWith("Division Business Banking"))))
                .andExpect(jsonPath("$.coverageWarnings", everyItem(not(startsWith("Function Marketing")))))
                .andExpect(jsonPath("$.coverageWarnings", everyItem(not(startsWith("Division Retail Banking")))))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        convened.add(id);
        ProcessInstance instance = instance(id);
        assertThat(instance).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.ASSESS_JOURNEY)
                .list()).extracting(Task::getAssignee).containsExactlyInAnyOrder("marketing.head", "retail.head");
    }

    @Test
    void onlyTheChairConvenes() throws Exception {
        int before = summitCount();
        postSummit("marketing.head", body("Not mine", nextWeek(), "marketing.head")).andExpect(status().isForbidden());
        postSummit("employee", body("Not mine", nextWeek(), "marketing.head")).andExpect(status().isForbidden());
        // Anonymous: 401, with or without a CSRF token (a call without a session cannot ride on one).
        mvc.perform(post("/api/summits").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body("Not mine", nextWeek(), "marketing.head"))).andExpect(status().isUnauthorized());
        postSummit(null, body("Not mine", nextWeek(), "marketing.head")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/summits")).andExpect(status().isUnauthorized());
        assertThat(summitCount()).isEqualTo(before);
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        int before = summitCount();
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(SummitProcess.KEY).count();
        postSummit("cmo", body(null, nextWeek(), "marketing.head"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        postSummit("cmo", body("Past", "2001-01-01T09:00:00Z", "marketing.head"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"));
        postSummit("cmo", body("Unknown", nextWeek(), "marketing.head", "nobody.at.all"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants[1]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("nobody.at.all")));
        postSummit("cmo", body("Nobody", nextWeek()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("participants"));
        postSummit("cmo", "{\"title\": \"Broken\", ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(summitCount()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SummitProcess.KEY).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void everyoneReadsTheSummitsTheirReportsAndTheSourcingRegister() throws Exception {
        long id = convene("Readable summit", "marketing.head", "wealth.head");
        mvc.perform(get("/api/summits").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$[*].title", hasItem("Readable summit")));
        mvc.perform(get("/api/summits/" + id).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.title").value("Readable summit"))
                .andExpect(jsonPath("$.missingPreWork").isEmpty())
                .andExpect(jsonPath("$.coverageWarnings").isNotEmpty());
        mvc.perform(get("/api/summits/987654321").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
        byte[] pdf = mvc.perform(get("/api/summits/" + id + "/report.pdf").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        mvc.perform(get("/summits/" + id).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Readable summit")));
        mvc.perform(get("/api/sourcing").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
    }

    @Test
    void theEngineLetsOnlyTheParticipantDoTheirPreWorkAndOnlyTheChairOpen() throws Exception {
        long id = convene("Doors", "marketing.head", "retail.head");
        ProcessInstance instance = instance(id);
        Task marketing = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.ASSESS_JOURNEY).taskAssignee("marketing.head").singleResult();
        Map<String, Object> answers = Map.of(Variables.TODAY_PREFIX + "CONSIDER", "a", Variables.WANTED_PREFIX
                + "CONSIDER", "b", Variables.TODAY_PREFIX + "BUY", "c", Variables.WANTED_PREFIX + "BUY", "d",
                Variables.TODAY_PREFIX + "EXPERIENCE", "e", Variables.WANTED_PREFIX + "EXPERIENCE", "f");

        identity.setAuthentication("sales.head", List.of("head-sales"));
        try {
            assertThatThrownBy(() -> tasks.complete(marketing.getId(), answers))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("retail.head", List.of("board-core", "board-member", "employee"));
        try {
            assertThatThrownBy(() -> tasks.complete(marketing.getId(), answers))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }

        Task open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.OPEN_SUMMIT)
                .singleResult();
        identity.setAuthentication("marketing.head", List.of("board-member", "head-marketing", "employee"));
        try {
            assertThatThrownBy(() -> tasks.complete(open.getId())).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }

        // The doors open for the right people.
        identity.setAuthentication("marketing.head", List.of("board-member", "head-marketing", "employee"));
        try {
            tasks.complete(marketing.getId(), answers);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(marketing.getId()).count()).isZero();
        identity.setAuthentication("cmo", List.of("board-chair", "board-core", "board-member"));
        try {
            tasks.complete(open.getId());
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.DRAFT_VISION).count()).isOne();
    }

    private ResultActions postAs(String user, String path, String body) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(user == null ? request : request.with(httpBasic(user, "demo")));
    }

    private String statusOf(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/summits/" + id).with(httpBasic("employee", "demo")))
                .andReturn().getResponse().getContentAsString()).get("status").asText();
    }

    @Test
    void theChairPostponesASummitBeforeItOpensAndCancelsItOthersAreRefused() throws Exception {
        long id = convene("Moved by API", "marketing.head", "sales.head");
        String later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String postponement = "{\"at\": \"" + later + "\", \"reason\": \"The regulator's hearing.\"}";
        postAs(null, "/api/summits/" + id + "/postpone", postponement).andExpect(status().isUnauthorized());
        postAs("marketing.head", "/api/summits/" + id + "/postpone", postponement).andExpect(status().isForbidden());
        postAs("employee", "/api/summits/" + id + "/cancel", "{\"reason\": \"No\"}").andExpect(status().isForbidden());
        postAs("cmo", "/api/summits/" + id + "/postpone", "{\"at\": \"2001-01-01T09:00:00Z\", \"reason\": \"Past\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("at"));
        postAs("cmo", "/api/summits/" + id + "/postpone", "{\"at\": \"" + later + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postAs("cmo", "/api/summits/" + id + "/postpone", "{\"at\": \"soon\", \"reason\": \"x\"}")
                .andExpect(status().isBadRequest());
        postAs("cmo", "/api/summits/987654321/cancel", "{\"reason\": \"Nothing\"}").andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("CONVENED");

        postAs("cmo", "/api/summits/" + id + "/postpone", postponement)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.at").value(later))
                .andExpect(jsonPath("$.status").value("CONVENED"))
                .andExpect(jsonPath("$.postponement.by").value("Clara Martens"))
                .andExpect(jsonPath("$.postponement.reason").value("The regulator's hearing."));
        assertThat(tasks.createTaskQuery().processInstanceId(instance(id).getId())
                .taskDefinitionKey(Elements.READ_POSTPONEMENT).count()).isEqualTo(2);

        postAs("cmo", "/api/summits/" + id + "/cancel", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postAs("cmo", "/api/summits/" + id + "/cancel", "{\"reason\": \"" + "x".repeat(Summit.MAX_REASON + 1) + "\"}")
                .andExpect(status().isBadRequest());
        postAs("cmo", "/api/summits/" + id + "/cancel", "{\"reason\": \"The merger.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellation.reason").value("The merger."));
        postAs("cmo", "/api/summits/" + id + "/cancel", "{\"reason\": \"Again\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("CANCELLED")));
        postAs("cmo", "/api/summits/" + id + "/postpone", postponement).andExpect(status().isConflict());
        assertThat(tasks.createTaskQuery().processInstanceId(instance(id).getId())
                .taskDefinitionKey(Elements.ASSESS_JOURNEY).count()).isZero();
    }

    @Test
    void theChairCancelsAndPostponesFromTheSummitsPageOthersSeeNoSuchForms() throws Exception {
        long id = convene("Moved by page", "marketing.head");
        // People by name and where the summit stands in words, never user ids or codes.
        mvc.perform(get("/summits/" + id).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Chaired by <span>Clara Martens</span>; <span>Convened: pre-work under way</span>.")))
                .andExpect(content().string(not(containsString(">cmo<"))))
                .andExpect(content().string(not(containsString("CONVENED"))));
        mvc.perform(get("/summits/" + id).with(httpBasic("marketing.head", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Cancel the summit"))));
        mvc.perform(get("/summits/" + id).with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Postpone the summit")))
                .andExpect(content().string(containsString("Cancel the summit")));
        mvc.perform(post("/summits/" + id + "/cancel").with(httpBasic("marketing.head", "demo")).with(csrf())
                .param("reason", "Mine")).andExpect(status().isForbidden());
        mvc.perform(post("/summits/" + id + "/postpone").with(httpBasic("cmo", "demo")).with(csrf())
                .param("at", "next week").param("reason", "Later"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("give the new date and time")));
        String later = java.time.LocalDateTime.now().plusDays(40).withSecond(0).withNano(0).toString();
        mvc.perform(post("/summits/" + id + "/postpone").with(httpBasic("cmo", "demo")).with(csrf())
                .param("at", later).param("reason", "The hearing"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/summits/" + id).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Postponed by")))
                .andExpect(content().string(containsString("The hearing")))
                // The time typed in is the time shown: both in the company's zone.
                .andExpect(content().string(containsString(java.time.LocalDateTime.parse(later).format(java.time.format
                        .DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH)))));
        mvc.perform(post("/summits/" + id + "/cancel").with(httpBasic("cmo", "demo")).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/summits/" + id + "/cancel").with(httpBasic("cmo", "demo")).with(csrf())
                .param("reason", "Called off for the merger"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        mvc.perform(post("/summits/" + id + "/cancel").with(httpBasic("cmo", "demo")).with(csrf())
                .param("reason", "Again"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Called off for the merger")));
    }
}
