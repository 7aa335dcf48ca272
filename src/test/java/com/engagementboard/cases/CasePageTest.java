package com.engagementboard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.charter.AcceptanceFanOut;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.summit.SummitProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The case page of a charter version, running and ended, as the chair, a head with a task in it, a head
 * without one, an employee and an administrator see it: its diagram's XML, the state the diagram marks, the
 * open tasks by name, and who is refused. The instances are started through the charter's own process, as
 * the chair submits and withdraws a draft.
 */
@EngagementBoardTest
class CasePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    People people;

    @Autowired
    BoardSetupService board;

    private static final String DEMO_BOARD = """
            {"chair": "cmo",
             "members": ["cmo", "retail.head", "business.head", "wealth.head", "marketing.head",
               "communications.head", "sales.head", "service.head", "operations.head", "product.head", "it.head",
               "brand.head", "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead"],
             "core": ["cmo", "retail.head", "business.head", "wealth.head"],
             "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"},
             "quorum": 3, "agendaCutoffHours": 24, "meetingMinutes": 120}
            """;

    private String tag;

    @BeforeEach
    void ownTouchpoint() {
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        tag = "cs" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        touchpoints.create(new TouchpointRequest(tag, "Case page " + tag, "A touchpoint of the case page test",
                TouchpointKind.EXTERNAL_DIRECT, "Test", JourneyStage.BUY, 3));
    }

    @Test
    void aRunningCharterVersionShowsItsDiagramItsStepAndWhomItsTaskWaitsFor() throws Exception {
        long charterId = submitted("Case " + tag);
        String instance = instanceOf(charterId);

        // The record's address leads to its case.
        mvc.perform(get("/charter/{id}/case", charterId).with(httpBasic("cmo", "demo")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/cases/" + instance));
        // The matrix links it while the version is out for acceptance (only those who follow work in progress see it).
        assertThat(html("/charter", "cmo")).contains("href=\"/charter/" + charterId + "/case\"");
        assertThat(html("/charter", "employee")).doesNotContain("/case\"");

        MvcResult page = mvc.perform(get("/cases/{id}", instance).with(httpBasic("cmo", "demo"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
        String html = page.getResponse().getContentAsString();
        String salesHead = people.nameOf("sales.head");
        assertThat(salesHead).isNotEqualTo("sales.head");
        assertThat(html).contains("Charter draft “Case " + tag + "” (in acceptance)")
                .contains("Accept 4 rights for Sales").contains("Head of Sales (" + salesHead + ")")
                .contains("data-diagram=\"/cases/" + instance + "/diagram.bpmn\"")
                .contains("data-state=\"/cases/" + instance + "/state\"")
                // The webjar's address, versioned by Spring's resource chain.
                .containsPattern("src=\"/webjars/bpmn-js/[0-9.]+/dist/bpmn-navigated-viewer.production.min.js\"")
                .contains("/js/case-diagram.js").doesNotContain("sales.head").doesNotContain("style=")
                .doesNotContain("/camunda/app/cockpit/default/#/process-instance/");
        // Its own policy: bpmn-js's fixed inline styles by their hashes, nothing inline besides.
        String policy = page.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).isEqualTo(CasePagePolicy.HEADER).contains("script-src 'self';")
                .contains("'unsafe-hashes' 'sha256-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // Every other page keeps the strict one, and the case page's is that one but for style-src.
        String strict = mvc.perform(get("/charter/versions").with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(strict).contains("style-src 'self';");
        assertThat(policy.replaceAll("style-src [^;]*;", "style-src 'self';")).isEqualTo(strict);

        String xml = mvc.perform(get("/cases/{id}/diagram.bpmn", instance).with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/xml"))
                .andReturn().getResponse().getContentAsString();
        assertThat(xml).contains("<bpmn:process id=\"" + TouchpointCharterProcess.KEY + "\"")
                .contains("id=\"" + TouchpointCharterProcess.Elements.ACCEPT_RIGHTS + "\"")
                .contains("<bpmndi:BPMNDiagram");

        JsonNode state = state(instance, "cmo");
        assertThat(state.get("ended").asBoolean()).isFalse();
        assertThat(texts(state.get("current"))).containsExactly(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS);
        assertThat(texts(state.get("scopes"))).containsExactly(TouchpointCharterProcess.Elements.FUNCTION_ACCEPTANCE);
        assertThat(texts(state.get("reached"))).isEmpty();

        // The head whose task it is follows it; a head with no task in it, and an employee, do not.
        assertThat(state(instance, "sales.head").get("current").size()).isEqualTo(1);
        String refused = mvc.perform(get("/cases/{id}", instance).with(httpBasic("marketing.head", "demo"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("<html").doesNotContain("Case " + tag).doesNotContain("Accept 4 rights");
        mvc.perform(get("/cases/{id}/state", instance).with(httpBasic("employee", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/cases/{id}/diagram.bpmn", instance).with(httpBasic("employee", "demo")))
                .andExpect(status().isForbidden());

        // An administrator sees every case, with the way into Cockpit.
        assertThat(mvc.perform(get("/cases/{id}", instance).with(httpBasic("admin", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("href=\"/camunda/app/cockpit/default/#/process-instance/" + instance + "\"");

        // Nobody logged in: the login page (a browser) or 401 (wrong credentials).
        mvc.perform(get("/cases/{id}", instance).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/cases/{id}/state", instance).with(httpBasic("cmo", "wrong")))
                .andExpect(status().isUnauthorized());
        // What the page's script fetches is data: logged out, a 401 problem, not the login page.
        for (String data : List.of("/cases/{id}/state", "/cases/{id}/diagram.bpmn")) {
            mvc.perform(get(data, instance)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        drafts.withdraw(charterId, "The case page test is done with it.", "cmo");
    }

    @Test
    void anEndedCharterVersionSaysWhenItEndedAndMarksTheEndItReached() throws Exception {
        long charterId = submitted("Case ended " + tag);
        String instance = instanceOf(charterId);
        drafts.withdraw(charterId, "The case page test withdraws it.", "cmo");
        Task notice = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(TouchpointCharterProcess.Elements.READ_WITHDRAWAL).singleResult();
        tasks.complete(notice.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("ended").isZero();

        JsonNode state = state(instance, "cmo");
        assertThat(state.get("ended").asBoolean()).isTrue();
        assertThat(texts(state.get("current"))).isEmpty();
        assertThat(texts(state.get("reached"))).containsExactly(TouchpointCharterProcess.Elements.WITHDRAWAL_READ);

        String html = mvc.perform(get("/cases/{id}", instance).with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Charter draft “Case ended " + tag + "” (withdrawn)").contains("This case ended on")
                .contains("It ended normally.").contains("Heads told").doesNotContain("Open tasks");
        assertThat(mvc.perform(get("/cases/{id}/diagram.bpmn", instance).with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"" + TouchpointCharterProcess.Elements.WITHDRAWAL_READ + "\"");

        // Sales had tasks in it: its head still follows the case after it ended; marketing's head never had one.
        assertThat(state(instance, "sales.head").get("ended").asBoolean()).isTrue();
        mvc.perform(get("/cases/{id}/state", instance).with(httpBasic("marketing.head", "demo")))
                .andExpect(status().isForbidden());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndTime()).isNotNull();
    }

    @Test
    void anUnknownCaseOrRecordIsNotFound() throws Exception {
        String page = mvc.perform(get("/cases/{id}", "no-such-instance").with(httpBasic("cmo", "demo"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<html").contains("There is no case");
        mvc.perform(get("/cases/{id}/state", "no-such-instance").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/cases/{id}/diagram.bpmn", "no-such-instance").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
        for (String record : List.of("/charter/999999/case", "/board/meetings/999999/case", "/summits/999999/case")) {
            mvc.perform(get(record).with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void aSummitAndAMeetingLeadToTheirCases() throws Exception {
        String at = Instant.now().plus(40 + new java.util.Random().nextInt(200), ChronoUnit.DAYS).toString();
        long summit = json.readTree(mvc.perform(post("/api/summits").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Case summit " + tag + "\", \"at\": \""
                        + at + "\", \"participants\": [\"marketing.head\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String summitCase = mvc.perform(get("/summits/{id}/case", summit).with(httpBasic("cmo", "demo")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(summitCase).isEqualTo("/cases/" + runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(summit)).singleResult().getId());
        assertThat(mvc.perform(get(summitCase).with(httpBasic("cmo", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Summit “Case summit " + tag + "” of ").contains("href=\"/summits/" + summit + "\"");
        mvc.perform(get(summitCase).with(httpBasic("sales.head", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        // Someone with no part in it learns nothing from the record's address either: no such case, as for an
        // unknown record.
        mvc.perform(get("/summits/{id}/case", summit).with(httpBasic("sales.head", "demo"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/summits/{id}/case", summit).with(httpBasic("marketing.head", "demo")))
                .andExpect(status().isFound());
        mvc.perform(post("/api/summits/{id}/cancel", summit).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"The case page test is done.\"}"))
                .andExpect(status().isOk());

        // Meetings need a board: the demo's, unless a test before this one set one up.
        if (board.current().isEmpty()) {
            mvc.perform(put("/api/board").with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content(DEMO_BOARD)).andExpect(status().is2xxSuccessful());
        }
        long meeting = json.readTree(mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"at\": \"" + at + "\", \"reason\": \"Case page "
                        + tag + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String meetingCase = mvc.perform(get("/board/meetings/{id}/case", meeting).with(httpBasic("cmo", "demo")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(meetingCase).isEqualTo("/cases/" + runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meeting)).singleResult().getId());
        assertThat(mvc.perform(get(meetingCase).with(httpBasic("retail.head", "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Extraordinary board meeting of ").contains("href=\"/board/meetings/" + meeting + "\"");
        // The record's page links its case for those who follow every case, and for nobody else.
        String caseLink = "href=\"/board/meetings/" + meeting + "/case\"";
        assertThat(html("/board/meetings/" + meeting, "cmo")).contains(caseLink);
        assertThat(html("/board/meetings/" + meeting, "employee")).doesNotContain(caseLink);
        String summitLink = "href=\"/summits/" + summit + "/case\"";
        assertThat(html("/summits/" + summit, "admin")).contains(summitLink);
        assertThat(html("/summits/" + summit, "marketing.head")).doesNotContain(summitLink);
        mvc.perform(post("/api/board/meetings/{id}/call-off", meeting).with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"The case page test is done.\"}"));
    }

    private String html(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theViewerIsServedFromItsWebjar() throws Exception {
        assertThat(mvc.perform(get("/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js")
                .with(httpBasic("employee", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("BpmnJS");
        mvc.perform(get("/webjars/bpmn-js/dist/assets/diagram-js.css").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk());
    }

    private long submitted(String title) throws Exception {
        // Every right of the touchpoint to Sales: one acceptance task, its head's.
        String line = String.join(",", List.of("DESIGN", "BUILD", "OPERATE", "RENEW").stream().map(right ->
                "{\"touchpoint\": \"" + tag + "\", \"right\": \"" + right + "\", \"function\": \"sales\"}").toList());
        String created = mvc.perform(post("/api/charter/drafts").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"" + title + "\", \"allocations\": [" + line + "]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
        return id;
    }

    private String instanceOf(long charterId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
        return instance.getId();
    }

    private JsonNode state(String instance, String user) throws Exception {
        return json.readTree(mvc.perform(get("/cases/{id}/state", instance).with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
