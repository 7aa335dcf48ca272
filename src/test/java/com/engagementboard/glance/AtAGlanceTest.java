package com.engagementboard.glance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.AcceptanceFanOut;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/**
 * The home page at a glance, by role: a head's acceptance task in "my work" with its link into the Tasklist's
 * form, the chair's pending acceptances by function name and overdue actions, nothing of the chair's for anyone
 * else, user text escaped, and the page for every demo role. The database is shared: each test asserts on what
 * it created (its own function, head, draft and action, tagged).
 */
@EngagementBoardTest
class AtAGlanceTest {

    private static final String CHAIR_SECTION = "The board, for its chair";
    private static final String PASSWORD = "Kx7#mPq2vR9!w";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @AfterEach
    void noEngineAuthentication() {
        identity.clearAuthentication();
    }

    /** Leaves no version in acceptance behind: a test elsewhere may submit one without withdrawing others first. */
    private void withdrawVersionsInAcceptance() {
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
    }

    private String page(String user, String password) throws Exception {
        return mvc.perform(get("/").with(httpBasic(user, password)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
    }

    private String page(String user) throws Exception {
        return page(user, "demo");
    }

    private long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    // --- a function head and the chair ---------------------------------------------------------------------

    @Test
    void aHeadFindsTheAcceptanceInMyWorkWithItsTasklistLinkAndTheChairSeesItByFunctionName() throws Exception {
        String tag = tag();
        String head = "glance.head." + tag;
        User user = identity.newUser(head);
        user.setFirstName("Gwen");
        user.setLastName("Okonkwo");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        String code = "glance-" + tag;
        String name = "Glance desk " + tag + " <script>alert(1)</script>";
        mvc.perform(post("/api/functions").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("code", code, "name", name, "headUserId", head))))
                .andExpect(status().isCreated());

        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        String csv = """
                touchpoint,right,function
                card-packaging,DESIGN,%s
                card-packaging,BUILD,operations
                card-packaging,OPERATE,operations
                card-packaging,RENEW,marketing
                """.formatted(code);
        long charter = id(mvc.perform(post("/api/charter/drafts").param("title", "Glance " + tag)
                .with(httpBasic("cmo", "demo")).contentType("text/csv").content(csv))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/charter/drafts/" + charter + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, charter);
        Task acceptance = tasks.createTaskQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charter))
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS)
                .taskCandidateGroup("head-" + code).singleResult();
        assertThat(acceptance).as("the acceptance task of the new function's head").isNotNull();

        try {
            headAndChairSee(head, code, name, tag, acceptance);
        } finally {
            withdrawVersionsInAcceptance();
        }
    }

    private void headAndChairSee(String head, String code, String name, String tag, Task acceptance)
            throws Exception {
        String escapedName = HtmlUtils.htmlEscape(name);
        String mine = page(head, PASSWORD);
        assertThat(mine).contains("Welcome, <span>Gwen Okonkwo</span>")
                .contains("My work <span class=\"count\">1</span>")
                .contains(">" + HtmlUtils.htmlEscape(acceptance.getName()) + "</a>")
                .contains("href=\"/camunda/app/tasklist/default/#/?task=" + acceptance.getId() + "\"")
                .contains("Touchpoint charter")
                // The head's own section: the function by name, its rights link, what waits for acceptance.
                .contains("<span>" + escapedName + "</span>, for its head")
                .contains("/charter?function=" + code)
                .contains("<span>1</span> right(s) of the version in")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain(CHAIR_SECTION);

        String chair = page("cmo");
        assertThat(chair).contains(CHAIR_SECTION)
                .contains("<td class=\"function\">" + escapedName + "</td>")
                .contains("<td class=\"function\">Operations</td>")
                .contains("<td class=\"function\">Marketing</td>")
                .contains("Glance " + tag)
                .doesNotContain("<td class=\"function\">" + code + "</td>")
                .doesNotContain("<script>alert(1)</script>");

        String employee = page("employee");
        assertThat(employee).contains("My work").doesNotContain(CHAIR_SECTION).doesNotContain("Glance desk " + tag)
                .doesNotContain(acceptance.getId());
    }

    // --- an overdue action ---------------------------------------------------------------------------------

    private static final String WEEKLY_BOARD = """
            {"chair": "cmo",
             "members": ["cmo", "retail.head", "business.head", "wealth.head", "marketing.head", "communications.head",
                         "sales.head", "service.head", "operations.head", "product.head", "it.head", "brand.head",
                         "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead"],
             "core": ["cmo", "retail.head", "business.head", "wealth.head"],
             "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"},
             "quorum": 3, "agendaCutoffHours": 24, "meetingMinutes": 120}""";

    private void runJobs(ProcessInstance instance, String activityId) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .list()) {
            if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                management.executeJob(job.getId());
            }
        }
    }

    private Task task(ProcessInstance instance, String activityId) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
    }

    private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** An item with one action, approved at an extraordinary meeting as the board takes it: the action's id. */
    private long decidedAction(String description, String tag) throws Exception {
        mvc.perform(put("/api/board").with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(WEEKLY_BOARD)).andExpect(status().isOk());
        // Items other tests left waiting would join this test's agenda: take them off the queue, as the board's
        // own tests do (no process withdraws a waiting item).
        jdbc.update("update agenda_item set status = 'WITHDRAWN' where status in ('QUEUED', 'CARRIED_OVER', 'DEFERRED')");
        String item = json.writeValueAsString(Map.of(
                "title", "Glance item " + tag,
                "decisionAsked", "Decide: glance item " + tag,
                "touchpoints", List.of("call-centre-script"),
                "facts", Map.of("touchpointPriority", "Priority 5 touchpoint",
                        "customerBehaviour", "Customers complain about it"),
                "actions", List.of(Map.of("touchpoint", "call-centre-script", "description", description,
                        "build", false, "dueInDays", 10))));
        long itemId = id(mvc.perform(post("/api/board/agenda-items").with(httpBasic("sales.head", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(item)).andExpect(status().isCreated()));
        String call = json.writeValueAsString(Map.of("at", Instant.now().plus(Duration.ofDays(2)).toString(),
                "reason", "Glance " + tag));
        long meetingId = id(mvc.perform(post("/api/board/meetings").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(call)).andExpect(status().isCreated()));
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(meetingId)).singleResult();
        List<String> chair = List.of("board-chair", "board-core", "board-member");
        runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        completeAs("cmo", chair, task(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId)));
        runJobs(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        completeAs("cmo", chair, task(meeting, BoardMeetingProcess.Elements.PRESENT_ITEM),
                Map.of(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            Task vote = tasks.createTaskQuery().processInstanceId(meeting.getId())
                    .taskDefinitionKey(BoardMeetingProcess.Elements.VOTE).taskAssignee(voter).singleResult();
            completeAs(voter, List.of("board-core"), vote,
                    Map.of(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE));
            runJobs(meeting, BoardMeetingProcess.Elements.VOTE);
        }
        runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        return jdbc.queryForObject("select id from board_action where description = ?", Long.class, description);
    }

    @Test
    void anOverdueActionShowsForTheChairWithItsTextEscaped() throws Exception {
        String tag = tag();
        String description = "<script>alert(2)</script> Retrain the agents " + tag;
        long action = decidedAction(description, tag);
        // Due long ago: the most overdue of all, so the first of the chair's list whatever other tests left open.
        jdbc.update("update board_action set due_at = ? where id = ?",
                Timestamp.from(Instant.parse("2001-02-03T08:00:00Z")), action);
        try {
            chairSeesOverdue(description, tag);
        } finally {
            // No overdue action left behind for other tests: the chair cancels it, its process ends.
            mvc.perform(post("/api/board/actions/" + action + "/cancel").with(httpBasic("cmo", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"At-a-glance test: clean-up\"}"))
                    .andExpect(status().isOk());
        }
        assertThat(page("cmo")).doesNotContain(HtmlUtils.htmlEscape(description));
    }

    private void chairSeesOverdue(String description, String tag) throws Exception {
        String chair = page("cmo");
        assertThat(chair).contains(CHAIR_SECTION)
                .contains("<td>" + HtmlUtils.htmlEscape(description) + "</td>")
                .contains("Sat 3 Feb 2001, ")
                .doesNotContain("<script>alert(2)</script>");
        // The first row of the overdue actions (the chair's own task for it may also be in her "my work").
        int overdue = chair.indexOf("id=\"overdue-actions\"");
        assertThat(overdue).isPositive();
        assertThat(chair.indexOf("<tr class=\"action late\">", overdue))
                .as("the first overdue action is this one")
                .isEqualTo(chair.lastIndexOf("<tr class=\"action late\">",
                        chair.indexOf("<td>" + HtmlUtils.htmlEscape(description) + "</td>", overdue)));
        assertThat(page("employee")).doesNotContain(tag);
    }

    // --- every role ----------------------------------------------------------------------------------------

    @Test
    void aTaskMadeByHandInTheTasklistBelongsToNoProcessAndIsListed() throws Exception {
        org.camunda.bpm.engine.task.Task byHand = tasks.newTask();
        byHand.setName("Call the branch back " + java.util.UUID.randomUUID());
        byHand.setAssignee("employee");
        tasks.saveTask(byHand);
        try {
            assertThat(page("employee")).contains(byHand.getName()).contains("?task=" + byHand.getId());
        } finally {
            tasks.deleteTask(byHand.getId(), true);
        }
    }

    @Test
    void thePageRendersForEveryRoleWithTheSectionsOfThatRole() throws Exception {
        assertThat(page("cmo")).contains("Welcome, <span>Clara Martens</span>").contains("My work")
                .contains(CHAIR_SECTION).contains("Pending acceptances by function").contains("Next meeting")
                .contains("Overdue actions").contains("Escalations waiting for the CEO")
                .doesNotContain("Waiting for the CEO</h2>");
        assertThat(page("ceo")).contains("Welcome, <span>Elena Vasquez</span>").contains("My work")
                .contains("Waiting for the CEO</h2>").doesNotContain(CHAIR_SECTION);
        assertThat(page("employee")).contains("Welcome, <span>Eddie Walsh</span>").contains("My work")
                .doesNotContain(CHAIR_SECTION).doesNotContain("for its head").doesNotContain("Waiting for the CEO");
        assertThat(page("marketing.head")).contains("Welcome, <span>Mira Hoffmann</span>")
                .contains("<span>Marketing</span>, for its head").contains("/charter?function=marketing")
                .doesNotContain(CHAIR_SECTION);
        assertThat(page("admin")).contains("Welcome, <span>Ada Admin</span>").contains("My work")
                .contains("/camunda/app/cockpit/default/").doesNotContain(CHAIR_SECTION);
        mvc.perform(get("/")).andExpect(status().isFound());
    }
}
