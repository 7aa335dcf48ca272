package com.engagementboard.summit;

import static org.assertj.core.api.Assertions.catchThrowable;
import static com.engagementboard.ProcessTestSupport.refusedFor;
import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.formText;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static com.engagementboard.ProcessTestSupport.task;
import static com.engagementboard.summit.SummitProcess.Elements.ANSWER_OBJECTIONS;
import static com.engagementboard.summit.SummitProcess.Elements.ASSESS_JOURNEY;
import static com.engagementboard.summit.SummitProcess.Elements.DECIDE_OUTCOME;
import static com.engagementboard.summit.SummitProcess.Elements.DECIDE_SOURCING;
import static com.engagementboard.summit.SummitProcess.Elements.DRAFT_VISION;
import static com.engagementboard.summit.SummitProcess.Elements.ENDORSE_VISION;
import static com.engagementboard.summit.SummitProcess.Elements.FIND_SILOS;
import static com.engagementboard.summit.SummitProcess.Elements.BOARD_FOUNDED;
import static com.engagementboard.summit.SummitProcess.Elements.NAME_EXISTING_BODY;
import static com.engagementboard.summit.SummitProcess.Elements.OPEN_SUMMIT;
import static com.engagementboard.summit.SummitProcess.Elements.PLAN_TOUCHPOINTS;
import static com.engagementboard.summit.SummitProcess.Elements.PRE_WORK_OVERDUE;
import static com.engagementboard.summit.SummitProcess.Elements.RECORD_DISSENT;
import static com.engagementboard.summit.SummitProcess.Elements.REMIND_PARTICIPANT;
import static com.engagementboard.summit.SummitProcess.Elements.PLAN_ON_AGENDA;
import static com.engagementboard.summit.SummitProcess.Elements.CHARTER_DRAFT_STARTED;
import static com.engagementboard.summit.SummitProcess.Elements.SUMMIT_CLOSED;
import static com.engagementboard.summit.SummitProcess.Elements.SUMMIT_OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.spin.plugin.variable.SpinValues;
import com.engagementboard.web.FormValues;
import com.engagementboard.EngagementBoardTest;
import com.engagementboard.ProcessCoverage;
import com.engagementboard.board.BoardSetupRequest;
import com.engagementboard.board.BoardSetupService;
import com.engagementboard.board.Cadence;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterVersion;
import com.engagementboard.summit.SummitProcess.Variables;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;

/** Every path of processes/engagement-summit.bpmn: a summit as the chair and the participants live it. */
@EngagementBoardTest
@ProcessCoverage(SummitProcess.KEY)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SummitProcessTest {

    private static final List<String> CHAIR_GROUPS = List.of("board-chair", "board-core", "board-member");
    private static final List<String> DEMO_MEMBERS = List.of("cmo", "retail.head", "business.head", "wealth.head",
            "marketing.head", "communications.head", "sales.head", "service.head", "operations.head", "product.head",
            "it.head", "brand.head", "insight.lead", "digital.lead", "branch.lead", "compliance.lead", "people.lead");
    private static final List<String> DEMO_CORE = List.of("cmo", "retail.head", "business.head", "wealth.head");

    /** A convened summit and its process instance. */
    private record Held(long id, ProcessInstance instance) {
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Summits summits;

    @Autowired
    SummitReport reports;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    BoardSetupService boardSetup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void initEngine() {
        init(engine);
    }

    @AfterEach
    void endWhatATestLeftOpen() {
        engine.getIdentityService().clearAuthentication();
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "test over");
            }
        }
        started.clear();
    }

    // --- helpers -------------------------------------------------------------------------------

    private Held convene(String title, String... participants) {
        Summit summit = summits.convene(new SummitRequest(title + " " + System.nanoTime(),
                Instant.now().plus(Duration.ofDays(7)), List.of(participants)), "cmo");
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(SummitProcess.businessKey(summit.getId())).singleResult();
        started.add(instance.getId());
        return new Held(summit.getId(), instance);
    }

    private SummitReport.Report report(Held summit) {
        return reports.of(summit.id());
    }

    private void chair(Task task, Map<String, Object> variables) {
        completeAs("cmo", CHAIR_GROUPS, task, variables);
    }

    private Task taskOf(Held summit, String activityId, String assignee) {
        return tasks.createTaskQuery().processInstanceId(summit.instance().getId()).taskDefinitionKey(activityId)
                .taskAssignee(assignee).singleResult();
    }

    private static Map<String, Object> preWork(String user) {
        Map<String, Object> answers = new HashMap<>();
        for (String stage : List.of("CONSIDER", "BUY", "EXPERIENCE")) {
            answers.put(Variables.TODAY_PREFIX + stage, user + " sees " + stage.toLowerCase() + " today");
            answers.put(Variables.WANTED_PREFIX + stage, user + " wants " + stage.toLowerCase());
        }
        answers.put(Variables.EVIDENCE_PREFIX + "CONSIDER", "Survey of " + user);
        return answers;
    }

    private void submitPreWork(Held summit, String user) {
        completeAs(user, List.of("board-member"), taskOf(summit, ASSESS_JOURNEY, user), preWork(user));
        // Each pre-work is counted after its save point (asynchronous after the task), as the job executor would.
        runJobs(summit.instance(), ASSESS_JOURNEY);
    }

    private void open(Held summit) {
        chair(task(summit.instance(), OPEN_SUMMIT), Map.of());
    }

    private void draftVision(Held summit, String vision) {
        chair(task(summit.instance(), DRAFT_VISION), Map.of(Variables.VISION, vision));
    }

    private void endorse(Held summit, String user) {
        completeAs(user, List.of("board-member"), taskOf(summit, ENDORSE_VISION, user),
                Map.of(Variables.ENDORSEMENT, SummitProcess.ENDORSE));
        // Each answer is counted after its save point (asynchronous after the task), as the job executor would.
        runJobs(summit.instance(), ENDORSE_VISION);
    }

    private void object(Held summit, String user, String objection) {
        completeAs(user, List.of("board-member"), taskOf(summit, ENDORSE_VISION, user),
                Map.of(Variables.ENDORSEMENT, SummitProcess.OBJECT, Variables.OBJECTION, objection));
        runJobs(summit.instance(), ENDORSE_VISION);
    }

    private static String planOf(String tag) {
        return "touchpoint,activity,functions,dependsOn,design,build,operate,renew\n"
                + "product-launch-briefing,Brief the front line " + tag + ",marketing product,,marketing,product,service,"
                + "marketing\n"
                + "customer-insight-report,Share the insight report " + tag + ",marketing service,product-launch-briefing,"
                + "marketing,it,service,product";
    }

    private static Map<String, Object> sourcing(String tag) {
        Map<String, Object> form = new HashMap<>();
        for (SourcingElement element : SourcingElement.values()) {
            form.put(Variables.MODE_PREFIX + element, "IN_HOUSE");
            form.put(Variables.REASON_PREFIX + element, "Core to us " + tag);
        }
        form.put(Variables.MODE_PREFIX + SourcingElement.DATA_ANALYTICS, "PARTNER");
        form.put(Variables.PARTNERS_PREFIX + SourcingElement.DATA_ANALYTICS, "Insight Partners " + tag);
        form.put(Variables.MODE_PREFIX + SourcingElement.PRODUCT_INNOVATION, "MIXED");
        form.put(Variables.PARTNERS_PREFIX + SourcingElement.PRODUCT_INNOVATION, "Fintech Lab " + tag);
        return form;
    }

    private static Map<String, Object> namedBody(String body) {
        return Map.of(Variables.OUTCOME, SummitProcess.NAME_EXISTING_BODY, Variables.EXISTING_BODY, body);
    }

    private static org.camunda.spin.plugin.variable.value.JsonValue picked(String ids) {
        return org.camunda.spin.plugin.variable.SpinValues.jsonValue(java.util.Arrays.stream(ids.split(",\\s*"))
                .map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"))).create();
    }

    private static Map<String, Object> board(String members, String core, int quorum) {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.OUTCOME, SummitProcess.FOUND_BOARD);
        // As the Tasklist submits the pickers: Json lists of user ids.
        form.put(Variables.BOARD_MEMBERS, picked(members));
        form.put(Variables.BOARD_CORE, picked(core));
        form.put(Variables.BOARD_CADENCE, "WEEKLY");
        form.put(Variables.BOARD_WEEKDAY, "MONDAY");
        form.put(Variables.BOARD_TIME, "09:00");
        form.put(Variables.BOARD_TIME_ZONE, "Europe/Amsterdam");
        form.put(Variables.BOARD_QUORUM, quorum);
        return form;
    }

    /** From the pre-work to an endorsed vision, everybody on time. */
    private void toEndorsedVision(Held summit, String vision, String... participants) {
        for (String user : participants) {
            submitPreWork(summit, user);
        }
        open(summit);
        draftVision(summit, vision);
        for (String user : participants) {
            endorse(summit, user);
        }
    }

    /** From the plan to the end, naming an existing body. */
    private void toClosed(Held summit, String tag, Map<String, Object> sourcing, Map<String, Object> outcome) {
        chair(task(summit.instance(), PLAN_TOUCHPOINTS), Map.of(Variables.PLAN, planOf(tag)));
        chair(task(summit.instance(), DECIDE_SOURCING), sourcing);
        chair(task(summit.instance(), DECIDE_OUTCOME), outcome);
        // The summit tells the board and the charter after the save point behind the chair's decision.
        runJobs(summit.instance(), DECIDE_OUTCOME);
    }

    private long queuedAgendaItems(String activity) {
        return jdbc.queryForObject("select count(*) from agenda_item where title like ? and status = 'QUEUED'",
                Long.class, "%" + activity + "%");
    }

    // --- the paths ------------------------------------------------------------------------------

    @Test
    void everyParticipantSubmitsThePreWorkInTimeAndTheChairOpensTheSummit() {
        Held summit = convene("On time", "marketing.head", "service.head");
        assertThat(summit.instance()).isWaitingAt(ASSESS_JOURNEY, OPEN_SUMMIT);
        // The chair's steps in the summit are due at the end of its day.
        assertThat(task(summit.instance(), OPEN_SUMMIT).getDueDate()).isNotNull()
                .isEqualTo(runtime.getVariable(summit.instance().getId(), Variables.SUMMIT_ENDS));
        List<Task> preWork = tasks.createTaskQuery().processInstanceId(summit.instance().getId())
                .taskDefinitionKey(ASSESS_JOURNEY).list();
        assertThat(preWork).extracting(Task::getAssignee).containsExactlyInAnyOrder("marketing.head", "service.head");
        assertThat(preWork.get(0).getName()).startsWith("Assess the customer decision journey for On time");
        assertThat(preWork.get(0).getDueDate()).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task(summit.instance(), OPEN_SUMMIT).getId()))
                .extracting(IdentityLink::getGroupId).contains("board-chair");

        // The three required stages: today and wanted; evidence is optional.
        Map<String, Object> incomplete = preWork("marketing.head");
        incomplete.remove(Variables.WANTED_PREFIX + "BUY");
        assertThatThrownBy(() -> completeAs("marketing.head", List.of("board-member"),
                taskOf(summit, ASSESS_JOURNEY, "marketing.head"), incomplete))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("wanted_BUY");
        // Pre-work that names another summit: refused, the summit id is not a field of the form.
        Map<String, Object> forged = preWork("marketing.head");
        forged.put(Variables.SUMMIT_ID, 1L);
        assertThatThrownBy(() -> completeAs("marketing.head", List.of("board-member"),
                taskOf(summit, ASSESS_JOURNEY, "marketing.head"), forged))
                .satisfies(e -> com.engagementboard.ProcessTestSupport.refusedFor(e, Variables.SUMMIT_ID));
        Map<String, Object> noEvidence = preWork("service.head");
        noEvidence.remove(Variables.EVIDENCE_PREFIX + "CONSIDER");
        completeAs("service.head", List.of("board-member"), taskOf(summit, ASSESS_JOURNEY, "service.head"), noEvidence);
        submitPreWork(summit, "marketing.head");
        assertThat(summit.instance()).hasPassed("EndEvent_PreWorkDone").isWaitingAt(OPEN_SUMMIT);

        open(summit);
        assertThat(summit.instance()).hasPassed(SUMMIT_OPENED).isWaitingAt(DRAFT_VISION);
        SummitReport.Report report = report(summit);
        assertThat(report.missingPreWork()).isEmpty();
        assertThat(report.status()).isEqualTo("IN_SESSION");
        assertThat(report.participants()).allMatch(SummitReport.ParticipantView::preWorkSubmitted);
        assertThat(report.assessments()).filteredOn(a -> a.user().equals("marketing.head"))
                .extracting(SummitReport.AssessmentView::stage).containsExactlyInAnyOrder("CONSIDER", "BUY", "EXPERIENCE");
        assertThat(report.assessments()).anySatisfy(a -> {
            assertThat(a.user()).isEqualTo("marketing.head");
            assertThat(a.stage()).isEqualTo("CONSIDER");
            assertThat(a.evidence()).isEqualTo("Survey of marketing.head");
        });
        // One participant's answers stay in their task: they do not become the summit's variables.
        assertThat(runtime.getVariables(summit.instance().getId())).doesNotContainKey(Variables.TODAY_PREFIX + "BUY");
    }

    @Test
    void twentyParticipantsGivingPreWorkAndEndorsingAtTheSameMomentNeverConflict() throws Exception {
        List<String> twenty = new ArrayList<>(DEMO_MEMBERS);
        twenty.addAll(List.of("ceo", "employee", "admin"));
        Held summit = convene("Twenty at once", twenty.toArray(String[]::new));
        List<Task> preWork = openTasks(summit, ASSESS_JOURNEY);
        assertThat(preWork).hasSize(20);

        assertThat(com.engagementboard.ProcessTestSupport.atOnce(preWork.stream().<Runnable>map(task -> () -> completeAs(
                task.getAssignee(), List.of("board-member"), task, preWork(task.getAssignee()))).toList()))
                .as("no participant's pre-work conflicts with another's").isEmpty();
        assertThat(openTasks(summit, ASSESS_JOURNEY)).isEmpty();
        assertThat(formText(task(summit.instance(), OPEN_SUMMIT), Variables.PRE_WORK_STATUS))
                .as("the chair's view, read from the record, has every submission before it is counted")
                .contains("**Pre-work missing** (0 of 20)").contains("**Pre-work in** (20 of 20)");
        runJobs(summit.instance(), ASSESS_JOURNEY);
        assertThat(summit.instance()).hasPassed("EndEvent_PreWorkDone").isWaitingAt(OPEN_SUMMIT);
        assertThat(report(summit).participants()).hasSize(20).allMatch(SummitReport.ParticipantView::preWorkSubmitted);
        assertThat(report(summit).assessments()).hasSize(20 * 3);
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.PRE_WORK_STATUS))
                .as("nothing is written for the chair's view").isNull();

        open(summit);
        draftVision(summit, "Twenty voices, one customer.");
        List<Task> endorsements = openTasks(summit, ENDORSE_VISION);
        assertThat(endorsements).hasSize(20);
        assertThat(com.engagementboard.ProcessTestSupport.atOnce(endorsements.stream().<Runnable>map(task -> () ->
                completeAs(task.getAssignee(), List.of("board-member"), task,
                        Map.of(Variables.ENDORSEMENT, SummitProcess.ENDORSE))).toList()))
                .as("no participant's endorsement conflicts with another's").isEmpty();
        runJobs(summit.instance(), ENDORSE_VISION);
        assertThat(summit.instance()).isWaitingAt(PLAN_TOUCHPOINTS);
        assertThat(report(summit).participants()).extracting(SummitReport.ParticipantView::endorsement)
                .hasSize(20).containsOnly(SummitProcess.ENDORSE);
    }

    @Test
    void lateParticipantsAreRemindedAndRecordedAsMissingWhenTheChairOpensWithoutThem() {
        Held summit = convene("Late", "marketing.head", "sales.head", "wealth.head");
        submitPreWork(summit, "marketing.head");

        runJobs(summit.instance(), PRE_WORK_OVERDUE);
        assertThat(summit.instance()).hasPassed(REMIND_PARTICIPANT, SummitProcess.Elements.PRE_WORK_OVERDUE)
                .isWaitingAt(ASSESS_JOURNEY, OPEN_SUMMIT);
        for (String late : List.of("sales.head", "wealth.head")) {
            Task task = taskOf(summit, ASSESS_JOURNEY, late);
            assertThat(task.getPriority()).isEqualTo(SummitDelegates.OVERDUE_PRIORITY);
            assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                    .anySatisfy(message -> assertThat(message).contains("overdue"));
        }

        open(summit);
        assertThat(summit.instance()).hasPassed(SUMMIT_OPENED).isWaitingAt(DRAFT_VISION);
        assertThat(tasks.createTaskQuery().processInstanceId(summit.instance().getId())
                .taskDefinitionKey(ASSESS_JOURNEY).count()).isZero();
        assertThat(report(summit).missingPreWork()).containsExactlyInAnyOrder("sales.head", "wealth.head");
    }

    @Test
    void theChairPlansActivitiesAsRowsOfPickedTouchpointsAndFunctions() {
        Held summit = convene("Plan rows", "marketing.head");
        toEndorsedVision(summit, "One voice to the customer.", "marketing.head");
        Task plan = task(summit.instance(), PLAN_TOUCHPOINTS);
        // Touchpoints and functions offered by name; one empty row to start from.
        assertThat(tasks.getVariable(plan.getId(), Variables.TOUCHPOINT_OPTIONS).toString())
                .contains("{\"value\":\"product-launch-briefing\",\"label\":");
        assertThat(tasks.getVariable(plan.getId(), Variables.FUNCTION_OPTIONS).toString())
                .contains("{\"value\":\"service\",\"label\":\"Customer Service\"}");
        assertThat(FormValues.rows(tasks.getVariable(plan.getId(), Variables.PLAN))).hasSize(1);
        // Stored as Camunda's Json type, which form-js reads for options and rows.
        for (String json : List.of(Variables.TOUCHPOINT_OPTIONS, Variables.FUNCTION_OPTIONS, Variables.PLAN)) {
            assertThat(tasks.getVariableTyped(plan.getId(), json, false).getType()).as(json)
                    .isEqualTo(org.camunda.spin.plugin.variable.type.SpinValueType.JSON);
        }

        // A row without its touchpoint: refused, naming the row and its activity.
        refusedFor(catchThrowable(() -> chair(plan, Map.of(Variables.PLAN, SpinValues.jsonValue(
                "[{\"activity\": \"Brief the front line, then the branches\"}]").create()))), Variables.PLAN);
        assertThatThrownBy(() -> chair(plan, Map.of(Variables.PLAN, SpinValues.jsonValue(
                "[{\"activity\": \"Brief the front line, then the branches\"}]").create())))
                .rootCause().hasMessageContaining("row 1: pick the touchpoint of 'Brief the front line, then the branches'");
        // As the Tasklist submits the rows: a comma in an activity is just text.
        chair(plan, Map.of(Variables.PLAN, SpinValues.jsonValue("[{\"touchpoint\": \"product-launch-briefing\", "
                + "\"activity\": \"Brief the front line, then the branches\", \"functions\": [\"marketing\", "
                + "\"service\"], \"dependsOn\": null, \"design\": \"marketing\", \"build\": null, "
                + "\"operate\": \"service\", \"renew\": \"marketing\"}]").create()));

        assertThat(report(summit).plan()).singleElement().satisfies(p -> {
            assertThat(p.touchpoint()).isEqualTo("product-launch-briefing");
            assertThat(p.activity()).isEqualTo("Brief the front line, then the branches");
            assertThat(p.functions()).isEqualTo("marketing service");
            assertThat(p.design()).isEqualTo("marketing");
            assertThat(p.build()).isNull();
            assertThat(p.operate()).isEqualTo("service");
        });
    }

    @Test
    void anEndorsedVisionLeadsToThePlanTheSourcingAndTheFoundingOfTheBoard() throws Exception {
        String tag = "F" + System.nanoTime();
        Held summit = convene("Founding", "marketing.head", "retail.head");
        submitPreWork(summit, "marketing.head");
        submitPreWork(summit, "retail.head");
        open(summit);

        // Vision: required, then every participant endorses it.
        assertThatThrownBy(() -> chair(task(summit.instance(), DRAFT_VISION), Map.of(Variables.VISION, " ")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("vision");
        draftVision(summit, "Customers trust us for life " + tag);
        assertThat(tasks.createTaskQuery().processInstanceId(summit.instance().getId())
                .taskDefinitionKey(ENDORSE_VISION).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("marketing.head", "retail.head");
        endorse(summit, "marketing.head");
        endorse(summit, "retail.head");
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.COUNT_OBJECTIONS).hasNotPassed(ANSWER_OBJECTIONS)
                .isWaitingAt(PLAN_TOUCHPOINTS);
        assertThat(report(summit).visionRounds()).isEqualTo(1);

        // Plan: a line with an unknown touchpoint is refused, naming the line.
        Task plan = task(summit.instance(), PLAN_TOUCHPOINTS);
        assertThatThrownBy(() -> chair(plan, Map.of(Variables.PLAN, planOf(tag) + "\nnowhere-at-all,Do it,marketing,,,,,")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("line 4").hasMessageContaining("nowhere-at-all");
        assertThatThrownBy(() -> chair(plan, Map.of(Variables.PLAN, "product-launch-briefing,Do it,marketing wizards,,,,,")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("line 1").hasMessageContaining("wizards");
        // A quote left open is refused, naming the line it opens on.
        assertThatThrownBy(() -> chair(plan, Map.of(Variables.PLAN, planOf(tag) + "\n\ncustomer-insight-report,\"Do it,"
                + "marketing,,,,,")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("line 5 is not valid CSV");
        // An activity in quotes may hold a comma.
        String quoted = "\"Share the insight report, then act on it " + tag + "\"";
        chair(plan, Map.of(Variables.PLAN, planOf(tag).replace("Share the insight report " + tag, quoted)));
        assertThat(report(summit).plan()).extracting(SummitReport.PlanView::activity)
                .contains("Share the insight report, then act on it " + tag);
        assertThat(summit.instance()).hasPassed(FIND_SILOS).isWaitingAt(DECIDE_SOURCING);
        // The silos are recorded for the report; the outcome form shows them (below), nothing is stored in the engine.
        assertThat(report(summit).silos()).contains("Product-launch briefing to the front line")
                .contains("Marketing, Product Management work on it").contains("Customer-insight report");
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.SILO_SUMMARY)).isNull();
        assertThat(report(summit).plan()).extracting(SummitReport.PlanView::touchpoint)
                .containsExactly("product-launch-briefing", "customer-insight-report");

        // Sourcing: partners are required unless in-house.
        Task sourcing = task(summit.instance(), DECIDE_SOURCING);
        Map<String, Object> noPartners = sourcing(tag);
        noPartners.remove(Variables.PARTNERS_PREFIX + SourcingElement.DATA_ANALYTICS);
        assertThatThrownBy(() -> chair(sourcing, noPartners))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("partners_DATA_ANALYTICS");
        chair(sourcing, sourcing(tag));
        assertThat(report(summit).sourcing()).hasSize(5).anySatisfy(s -> {
            assertThat(s.element()).isEqualTo(SourcingElement.DATA_ANALYTICS);
            assertThat(s.mode()).isEqualTo("PARTNER");
            assertThat(s.partners()).isEqualTo("Insight Partners " + tag);
        });
        mvc.perform(get("/api/sourcing").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].element", containsInAnyOrder("CONTENT_COMMUNICATIONS", "DATA_ANALYTICS",
                        "PRODUCT_INNOVATION", "EXPERIENCE_DESIGN", "BRAND_REPUTATION")))
                .andExpect(jsonPath("$[*].partners", hasItem("Fintech Lab " + tag)));

        // Outcome: the board's own rules refuse an invalid board.
        Task outcome = task(summit.instance(), DECIDE_OUTCOME);
        // The chair decides in view of the silos, touchpoints and functions by name.
        assertThat(formText(outcome, Variables.SILO_SUMMARY))
                .contains("- **Product-launch briefing to the front line**: Marketing, Product Management work on it")
                .contains("Customer-insight report").doesNotContain("product-launch-briefing");
        // The form starts from the board as it is set up (for a first board: the chair), people picked by name.
        String board = mvc.perform(get("/api/board").with(httpBasic("employee", "demo"))).andReturn().getResponse()
                .getContentAsString();
        com.fasterxml.jackson.databind.JsonNode current = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(board);
        List<String> currentMembers = new java.util.ArrayList<>();
        current.path("members").forEach(m -> currentMembers.add(m.asText()));
        if (currentMembers.isEmpty()) {
            currentMembers.add("cmo");
        }
        assertThat(com.engagementboard.web.FormValues.strings(tasks.getVariable(outcome.getId(), Variables.BOARD_MEMBERS)))
                .containsExactlyInAnyOrderElementsOf(currentMembers);
        assertThat(tasks.getVariable(outcome.getId(), Variables.USER_OPTIONS).toString())
                .contains("{\"value\":\"ceo\",\"label\":\"Elena Vasquez\"}");
        for (String json : List.of(Variables.USER_OPTIONS, Variables.TIME_ZONE_OPTIONS, Variables.BOARD_MEMBERS,
                Variables.BOARD_CORE)) {
            assertThat(tasks.getVariableTyped(outcome.getId(), json, false).getType()).as(json)
                    .isEqualTo(org.camunda.spin.plugin.variable.type.SpinValueType.JSON);
        }
        assertThat(tasks.getVariable(outcome.getId(), Variables.BOARD_TIME))
                .isEqualTo(current.path("cadence").path("time").asText("09:00"));
        String members = "cmo, retail.head, business.head, wealth.head, marketing.head";
        assertThatThrownBy(() -> chair(outcome, board(members, "cmo, retail.head, ceo", 2)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .rootCause().hasMessageContaining("boardCore: Elena Vasquez is in the core group but not a member");
        assertThatThrownBy(() -> chair(outcome, board(members, "cmo, retail.head, business.head", 4)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause()
                .hasMessageContaining("boardQuorum: is 4 but the core group has only 3 members");
        try {
            chair(outcome, board(members, "cmo, retail.head, business.head, wealth.head", 3));
            assertThat(summit.instance()).as("the chair's decision is saved first").isWaitingAt(DECIDE_OUTCOME);
            runJobs(summit.instance(), DECIDE_OUTCOME);
            assertThat(summit.instance()).hasPassed(BOARD_FOUNDED, CHARTER_DRAFT_STARTED, PLAN_ON_AGENDA, SUMMIT_CLOSED).isEnded();
            mvc.perform(get("/api/board").with(httpBasic("employee", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.chair").value("cmo"))
                    .andExpect(jsonPath("$.members", containsInAnyOrder("business.head", "cmo", "marketing.head",
                            "retail.head", "wealth.head")))
                    .andExpect(jsonPath("$.core", containsInAnyOrder("business.head", "cmo", "retail.head",
                            "wealth.head")))
                    .andExpect(jsonPath("$.cadence.type").value("WEEKLY"))
                    .andExpect(jsonPath("$.cadence.dayOfWeek").value("MONDAY"))
                    .andExpect(jsonPath("$.cadence.time").value("09:00"))
                    .andExpect(jsonPath("$.cadence.timeZone").value("Europe/Amsterdam"))
                    .andExpect(jsonPath("$.quorum").value(3));
        } finally {
            boardSetup.update(new BoardSetupRequest("cmo", DEMO_MEMBERS, DEMO_CORE,
                    new BoardSetupRequest.CadenceRequest(Cadence.WEEKLY, DayOfWeek.MONDAY, null, "09:00",
                            "Europe/Amsterdam"), 3, 24, 120));
        }

        // The first charter draft and the board's first agenda come from the plan.
        SummitReport.Report report = report(summit);
        assertThat(report.status()).isEqualTo("CLOSED");
        assertThat(report.outcome()).isEqualTo(SummitProcess.FOUND_BOARD);
        assertThat(report.charterDraftId()).isNotNull();
        CharterVersion draft = drafts.get(report.charterDraftId());
        assertThat(draft.isDraft()).isTrue();
        assertThat(draft.getScope()).extracting(t -> t.getCode())
                .containsExactlyInAnyOrder("product-launch-briefing", "customer-insight-report");
        assertThat(draft.getAllocations()).extracting(a -> a.getTouchpoint().getCode() + " " + a.getRight() + " "
                + a.getFunction().getCode()).contains("product-launch-briefing DESIGN marketing",
                        "product-launch-briefing BUILD product", "product-launch-briefing OPERATE service",
                        "customer-insight-report BUILD it", "customer-insight-report RENEW product");
        assertThat(queuedAgendaItems("Brief the front line " + tag)).isOne();
        assertThat(queuedAgendaItems("Share the insight report, then act on it " + tag)).isOne();
        assertThat(jdbc.queryForObject("select fact_priority from agenda_item where title like ?", String.class,
                "%Brief the front line " + tag + "%")).contains("functions involved: Marketing, Product Management")
                .contains("Survey of").contains("evidence (Mira Hoffmann)").doesNotContain("marketing product");
    }

    @Test
    void aBoardThatCannotBeSetUpIsAnIncidentInWordsAndTheSummitWaitsForItsRetry() {
        String tag = "I" + System.nanoTime();
        Held summit = convene("Founding fails", "marketing.head");
        toEndorsedVision(summit, "Vision " + tag, "marketing.head");
        chair(task(summit.instance(), PLAN_TOUCHPOINTS), Map.of(Variables.PLAN, planOf(tag)));
        chair(task(summit.instance(), DECIDE_SOURCING), sourcing(tag));
        chair(task(summit.instance(), DECIDE_OUTCOME), board("cmo, retail.head, business.head, wealth.head, "
                + "marketing.head", "cmo, retail.head, business.head, wealth.head", 3));
        // Between the chair's decision and the message to the board, the set-up no longer holds (here: its quorum).
        runtime.setVariable(summit.instance().getId(), Variables.BOARD_QUORUM, 9);
        var management = engine.getManagementService();
        org.camunda.bpm.engine.runtime.Job job = timer(summit, DECIDE_OUTCOME);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(catchThrowable(() -> management.executeJob(job.getId()))).isNotNull();
        }

        org.camunda.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery()
                .processInstanceId(summit.instance().getId()).singleResult();
        assertThat(incident).as("after three attempts, an incident").isNotNull();
        assertThat(incident.getFailedActivityId()).isEqualTo(BOARD_FOUNDED);
        assertThat(incident.getIncidentMessage()).startsWith("The board could not be set up as the summit decided: ")
                .contains("is 9 but the core group has only 4").contains("retry it in Cockpit")
                .doesNotContain("Exception").doesNotContain("ENGINE-");
        assertThat(summit.instance()).as("the summit is not lost").isNotEnded();
        assertThat(report(summit).status()).isEqualTo("IN_SESSION");
        assertThat(report(summit).charterDraftId()).as("nothing half done").isNull();

        // Put right and retried: the summit tells the board and the charter, and closes.
        try {
            runtime.setVariable(summit.instance().getId(), Variables.BOARD_QUORUM, 3);
            management.setJobRetries(job.getId(), 1);
            management.executeJob(job.getId());
            assertThat(summit.instance()).hasPassed(BOARD_FOUNDED, CHARTER_DRAFT_STARTED, PLAN_ON_AGENDA,
                    SUMMIT_CLOSED).isEnded();
            assertThat(report(summit).charterDraftId()).isNotNull();
        } finally {
            boardSetup.update(new BoardSetupRequest("cmo", DEMO_MEMBERS, DEMO_CORE,
                    new BoardSetupRequest.CadenceRequest(Cadence.WEEKLY, DayOfWeek.MONDAY, null, "09:00",
                            "Europe/Amsterdam"), 3, 24, 120));
        }
    }

    @Test
    void theChairSeesWhosePreWorkIsInThenDraftsTheVisionInViewOfItByName() {
        Held summit = convene("Context", "marketing.head", "sales.head");
        Task opening = task(summit.instance(), OPEN_SUMMIT);
        String status = formText(opening, Variables.PRE_WORK_STATUS);
        assertThat(status).contains("**Pre-work missing** (2 of 2)").contains("- Mira Hoffmann")
                .contains("- Sanjay Patel").contains("**Pre-work in** (0 of 2)").doesNotContain("marketing.head");
        // Texts for people are rendered from the record when the form is read, never stored in the engine.
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.PRE_WORK_STATUS)).isNull();
        assertThat(tasks.getVariables(opening.getId())).doesNotContainKey(Variables.PRE_WORK_STATUS);

        completeAs("marketing.head", List.of("board-member"), taskOf(summit, ASSESS_JOURNEY, "marketing.head"),
                preWork("marketing.head"));
        status = formText(opening, Variables.PRE_WORK_STATUS);
        assertThat(status.substring(0, status.indexOf("**Pre-work in**"))).as("missing, as soon as it is submitted")
                .contains("(1 of 2)").contains("Sanjay Patel").doesNotContain("Mira Hoffmann");
        assertThat(status.substring(status.indexOf("**Pre-work in**"))).as("in")
                .contains("(1 of 2)").contains("Mira Hoffmann").doesNotContain("Sanjay Patel");
        runJobs(summit.instance(), ASSESS_JOURNEY);
        assertThat(formText(opening, Variables.PRE_WORK_STATUS)).isEqualTo(status);

        open(summit);
        Task vision = task(summit.instance(), DRAFT_VISION);
        assertThat(tasks.getVariables(vision.getId())).doesNotContainKey(Variables.PRE_WORK_CONTEXT);
        String context = formText(vision, Variables.PRE_WORK_CONTEXT);
        assertThat(context).contains("- **Mira Hoffmann**, Consider: today “marketing.head sees consider today”; "
                + "wanted “marketing.head wants consider”")
                .contains("**Mira Hoffmann**, Experience:").contains("No pre-work from: Sanjay Patel");
        assertThat(context.indexOf(", Consider:")).isLessThan(context.indexOf(", Buy:"));
        assertThat(context.indexOf(", Buy:")).isLessThan(context.indexOf(", Experience:"));
    }

    @Test
    void theParticipantsPreWorkInTheVisionFormStaysReadableHoweverLongTheAnswers() {
        Held summit = convene("Long pre-work", "marketing.head", "sales.head");
        Map<String, Object> answers = new HashMap<>();
        for (String stage : List.of("CONSIDER", "EVALUATE", "BUY", "EXPERIENCE", "ADVOCATE", "BOND")) {
            answers.put(Variables.TODAY_PREFIX + stage, stage + " " + "t".repeat(480));
            answers.put(Variables.WANTED_PREFIX + stage, stage + " " + "w".repeat(480));
        }
        completeAs("marketing.head", List.of("board-member"), taskOf(summit, ASSESS_JOURNEY, "marketing.head"),
                answers);
        open(summit);
        String context = formText(task(summit.instance(), DRAFT_VISION), Variables.PRE_WORK_CONTEXT);
        assertThat(context.length()).isLessThanOrEqualTo(4000);
        assertThat(context).contains("**Mira Hoffmann**, Consider:").contains("more answers: see the summit's report")
                .endsWith("No pre-work from: Sanjay Patel").doesNotContain("Bond:");
    }

    @Test
    void whatPeopleTypedShowsAsTypedInEveryFormNeverAsMarkdownALinkOrAnImage() {
        Held summit = convene("**Urgent** ![x](http://evil.example/t.png)", "marketing.head", "sales.head");
        String title = "\\*\\*Urgent\\*\\* \\!\\[x\\]\\(http\\://evil.example/t.png\\)";
        assertThat(formText(task(summit.instance(), OPEN_SUMMIT), Variables.SUMMIT_TITLE)).startsWith(title);
        Map<String, Object> answers = preWork("marketing.head");
        answers.put(Variables.TODAY_PREFIX + "CONSIDER", "# Loud <img src=x onerror=alert(1)>");
        completeAs("marketing.head", List.of("board-member"), taskOf(summit, ASSESS_JOURNEY, "marketing.head"),
                answers);
        runJobs(summit.instance(), ASSESS_JOURNEY);
        open(summit);
        assertThat(formText(task(summit.instance(), DRAFT_VISION), Variables.PRE_WORK_CONTEXT))
                .contains("today “\\# Loud \\<img src=x onerror=alert\\(1\\)\\>”");

        draftVision(summit, "Be _the_ bank [for life](http://evil.example)");
        assertThat(formText(taskOf(summit, ENDORSE_VISION, "sales.head"), Variables.VISION))
                .as("the vision to endorse, from the record").isEqualTo("Be \\_the\\_ bank \\[for life\\]\\(http\\://evil.example\\)");
        endorse(summit, "marketing.head");
        object(summit, "sales.head", "<script>alert(1)</script> **no**");
        Task objections = task(summit.instance(), ANSWER_OBJECTIONS);
        assertThat(formText(objections, Variables.OBJECTIONS_SUMMARY))
                .isEqualTo("- **Sanjay Patel**: \\<script\\>alert\\(1\\)\\</script\\> \\*\\*no\\*\\*");
        assertThat(formText(objections, Variables.OBJECTED_VISION)).startsWith("Be \\_the\\_ bank \\[for life\\]");

        summits.cancel(summit.id(), "See [the memo](http://evil.example/memo)\n- and *more*", "cmo");
        String notice = notice(taskOf(summit, SummitProcess.Elements.READ_CANCELLATION, "sales.head"));
        assertThat(notice).contains("cancelled *" + title)
                .contains("**Why:** See \\[the memo\\]\\(http\\://evil.example/memo\\)  \n\\- and \\*more\\*");
        assertThat(formText(taskOf(summit, SummitProcess.Elements.READ_CANCELLATION, "sales.head"),
                Variables.SUMMIT_TITLE)).startsWith(title);
    }

    @Test
    void aSummitTheRecordDoesNotHoldShowsSoInItsFormsInsteadOfFailing() {
        ProcessInstance orphan = runtime.startProcessInstanceByKey(SummitProcess.KEY,
                SummitProcess.businessKey(Long.MAX_VALUE - 7), Map.of(Variables.SUMMIT_TITLE, "Lost *summit*",
                        Variables.PARTICIPANTS, List.of("marketing.head"),
                        Variables.PRE_WORK_PARTICIPANTS, List.of("marketing.head"),
                        Variables.PRE_WORK_DUE, java.util.Date.from(Instant.now().plus(Duration.ofDays(6))),
                        Variables.SUMMIT_ENDS, java.util.Date.from(Instant.now().plus(Duration.ofDays(8)))));
        started.add(orphan.getId());
        Task opening = task(orphan, OPEN_SUMMIT);
        assertThat(formText(opening, Variables.PRE_WORK_STATUS)).isEqualTo(SummitTaskTexts.NOT_IN_RECORD);
        assertThat(formText(opening, Variables.SUMMIT_TITLE)).isEqualTo("Lost \\*summit\\*");
    }

    @Test
    void anObjectionLeadsToARevisedVisionAndAKeptObjectionIsRecordedAsDissent() {
        String tag = "D" + System.nanoTime();
        Held summit = convene("Dissent", "marketing.head", "sales.head", "service.head");
        for (String user : List.of("marketing.head", "sales.head", "service.head")) {
            submitPreWork(summit, user);
        }
        open(summit);
        draftVision(summit, "Be the cheapest bank " + tag);

        // Round 1: an objection needs its reason; one objects, the chair revises.
        endorse(summit, "marketing.head");
        assertThatThrownBy(() -> completeAs("sales.head", List.of("board-member"), taskOf(summit, ENDORSE_VISION,
                "sales.head"), Map.of(Variables.ENDORSEMENT, SummitProcess.OBJECT)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("objection");
        object(summit, "sales.head", "Price is not a relationship");
        endorse(summit, "service.head");
        assertThat(summit.instance()).isWaitingAt(ANSWER_OBJECTIONS);
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.OBJECTION_COUNT)).isEqualTo(1);
        Task objections = task(summit.instance(), ANSWER_OBJECTIONS);
        assertThat(formText(objections, Variables.OBJECTIONS_SUMMARY))
                .contains("Sanjay Patel").contains("Price is not a relationship").doesNotContain("sales.head");
        assertThat(formText(objections, Variables.OBJECTED_VISION))
                .as("the vision objected to, in the chair's form").isEqualTo("Be the cheapest bank " + tag);
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.OBJECTIONS_SUMMARY)).isNull();
        assertThat(tasks.getVariables(objections.getId())).doesNotContainKey(Variables.OBJECTED_VISION);
        Task answer = task(summit.instance(), ANSWER_OBJECTIONS);
        assertThatThrownBy(() -> chair(answer, Map.of(Variables.VISION_DECISION, "IGNORE")))
                .satisfies(e -> com.engagementboard.ProcessTestSupport.refusedFor(e, Variables.VISION_DECISION));
        assertThatThrownBy(() -> chair(answer, Map.of(Variables.VISION_DECISION, SummitProcess.REVISE,
                Variables.VISION, "")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("vision");
        chair(answer, Map.of(Variables.VISION_DECISION, SummitProcess.REVISE, Variables.VISION,
                "Customers choose us for advice " + tag));

        // Round 2: everyone is asked again; an objection is kept and recorded as dissent.
        assertThat(tasks.createTaskQuery().processInstanceId(summit.instance().getId())
                .taskDefinitionKey(ENDORSE_VISION).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("marketing.head", "sales.head", "service.head");
        assertThat(report(summit).visionRounds()).isEqualTo(2);
        assertThat(report(summit).participants()).allMatch(p -> p.endorsement() == null);
        endorse(summit, "marketing.head");
        endorse(summit, "sales.head");
        object(summit, "service.head", "Advice costs branches we are closing");
        chair(task(summit.instance(), ANSWER_OBJECTIONS), Map.of(Variables.VISION_DECISION,
                SummitProcess.RECORD_DISSENT));
        assertThat(summit.instance()).hasPassed(RECORD_DISSENT).isWaitingAt(PLAN_TOUCHPOINTS);
        SummitReport.Report report = report(summit);
        assertThat(report.vision()).isEqualTo("Customers choose us for advice " + tag);
        assertThat(report.dissent()).contains("Sofia Novak: Advice costs branches we are closing").doesNotContain("service.head")
                .doesNotContain("Price is not a relationship");

        // The summit names an existing body instead of founding the board.
        chair(task(summit.instance(), PLAN_TOUCHPOINTS), Map.of(Variables.PLAN, planOf(tag)));
        chair(task(summit.instance(), DECIDE_SOURCING), sourcing(tag));
        Task outcome = task(summit.instance(), DECIDE_OUTCOME);
        assertThatThrownBy(() -> chair(outcome, Map.of(Variables.OUTCOME, SummitProcess.NAME_EXISTING_BODY)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("existingBody");
        chair(outcome, namedBody("Brand council " + tag));
        runJobs(summit.instance(), DECIDE_OUTCOME);
        assertThat(summit.instance()).hasPassed(NAME_EXISTING_BODY, CHARTER_DRAFT_STARTED, PLAN_ON_AGENDA, SUMMIT_CLOSED)
                .hasNotPassed(BOARD_FOUNDED).isEnded();
        report = report(summit);
        assertThat(report.outcome()).isEqualTo(SummitProcess.NAME_EXISTING_BODY);
        assertThat(report.existingBody()).isEqualTo("Brand council " + tag);
        assertThat(report.charterDraftId()).isNotNull();
        assertThat(queuedAgendaItems("Share the insight report " + tag)).isOne();
        // The board reads the item's facts in names: the functions, the touchpoint it depends on.
        assertThat(jdbc.queryForObject("select concat(coalesce(fact_priority, ''), coalesce(fact_behaviour, ''), "
                + "coalesce(fact_competitors, '')) from agenda_item where title like ?", String.class,
                "%Share the insight report " + tag + "%"))
                .contains("functions involved: Marketing, Customer Service")
                .contains("depends on: Product-launch briefing to the front line")
                .doesNotContain("marketing service").doesNotContain("product-launch-briefing");
    }

    @Test
    void theNextSummitStartsFromTheLastVisionAndShowsWhatChanged() {
        String tag = "C" + System.nanoTime();
        Held first = convene("First", "marketing.head");
        toEndorsedVision(first, "Vision one " + tag, "marketing.head");
        toClosed(first, tag + "a", sourcing(tag), namedBody("Brand council"));
        assertThat(first.instance()).hasPassed(SUMMIT_CLOSED).isEnded();

        Held second = convene("Second", "marketing.head");
        assertThat(runtime.getVariable(second.instance().getId(), Variables.VISION)).isEqualTo("Vision one " + tag);
        submitPreWork(second, "marketing.head");
        open(second);
        assertThat(task(second.instance(), DRAFT_VISION)).isNotNull();
        draftVision(second, "Vision two " + tag);
        endorse(second, "marketing.head");
        Map<String, Object> changed = sourcing(tag);
        changed.put(Variables.MODE_PREFIX + SourcingElement.CONTENT_COMMUNICATIONS, "PARTNER");
        changed.put(Variables.PARTNERS_PREFIX + SourcingElement.CONTENT_COMMUNICATIONS, "Content agency");
        toClosed(second, tag + "b", changed, namedBody("Brand council"));
        assertThat(second.instance()).hasPassed(SUMMIT_CLOSED).isEnded();

        SummitReport.Changes changes = report(second).changesSinceLastSummit();
        assertThat(changes).isNotNull();
        assertThat(changes.previousSummit()).isEqualTo(first.id());
        assertThat(changes.visionChanged()).isTrue();
        assertThat(changes.previousVision()).isEqualTo("Vision one " + tag);
        assertThat(changes.sourcingChanges()).containsExactly("Content and communications: IN_HOUSE → PARTNER");
        assertThat(changes.previousOutcome()).isEqualTo(SummitProcess.NAME_EXISTING_BODY);
    }

    // --- cancelled, postponed, an endorsement round that closes ------------------------------------

    private List<Task> openTasks(Held summit, String activityId) {
        return tasks.createTaskQuery().processInstanceId(summit.instance().getId()).taskDefinitionKey(activityId)
                .list();
    }

    /** A notice as its form shows it, rendered from the record (and not stored in the engine). */
    private String notice(Task task) {
        assertThat(tasks.getVariables(task.getId())).doesNotContainKey(Variables.SUMMIT_NOTICE);
        return formText(task, Variables.SUMMIT_NOTICE);
    }

    @Test
    void theChairCancelsASummitInItsPreWorkEveryOpenTaskEndsAndEachParticipantIsToldWhy() {
        Held summit = convene("Called off", "marketing.head", "service.head");
        submitPreWork(summit, "marketing.head");
        assertThatThrownBy(() -> summits.cancel(summit.id(), "  ", "cmo"))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);

        summits.cancel(summit.id(), "The merger talks take the whole leadership team this month.", "cmo");

        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.SUMMIT_CANCELLED)
                .isWaitingAt(SummitProcess.Elements.READ_CANCELLATION);
        assertThat(openTasks(summit, ASSESS_JOURNEY)).as("the pre-work ended").isEmpty();
        assertThat(openTasks(summit, OPEN_SUMMIT)).as("the chair's opening ended").isEmpty();
        List<Task> notices = openTasks(summit, SummitProcess.Elements.READ_CANCELLATION);
        assertThat(notices).extracting(Task::getAssignee).containsExactlyInAnyOrder("marketing.head", "service.head");
        assertThat(notice(notices.get(0))).startsWith("The chair, **Clara Martens**, cancelled *Called off")
                .contains("The merger talks take the whole leadership team this month.").doesNotContain("cmo");
        SummitReport.Report report = report(summit);
        assertThat(report.status()).isEqualTo("CANCELLED");
        assertThat(report.cancellation().by()).isEqualTo("Clara Martens");
        assertThat(report.cancellation().reason()).startsWith("The merger talks");

        // One reads the notice; the other's expires by itself.
        completeAs("marketing.head", List.of("board-member"), taskOf(summit, SummitProcess.Elements.READ_CANCELLATION,
                "marketing.head"), Map.of());
        runJobs(summit.instance(), SummitProcess.Elements.CANCELLATION_NOTICE_EXPIRES);
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.CANCELLATION_NOTICE_EXPIRED).isEnded();
        assertThatThrownBy(() -> summits.cancel(summit.id(), "Again", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> summits.postpone(summit.id(), Instant.now().plus(Duration.ofDays(30)), "Later", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("CANCELLED");
    }

    private org.camunda.bpm.engine.runtime.Job timer(Held summit, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(summit.instance().getId())
                .activityId(activityId).singleResult();
    }

    @Test
    void whenTheSummitsDayIsOverTheChairIsRemindedAndANeglectedSummitLapsesAndEveryoneIsTold() {
        Held summit = convene("Neglected", "marketing.head", "sales.head");
        submitPreWork(summit, "marketing.head");
        open(summit);
        assertThat(timer(summit, SummitProcess.Elements.SUMMIT_LAPSES).getDuedate()).as("14 days after its day")
                .isEqualTo(java.util.Date.from(report(summit).at().plus(Duration.ofDays(1 + 14))));

        runJobs(summit.instance(), SummitProcess.Elements.CHAIR_OVERDUE);
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.REMIND_CHAIR, "EndEvent_ChairReminded")
                .isWaitingAt(DRAFT_VISION);
        Task draft = task(summit.instance(), DRAFT_VISION);
        assertThat(draft.getPriority()).isEqualTo(SummitDelegates.OVERDUE_PRIORITY);
        assertThat(tasks.getTaskComments(draft.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).startsWith("Overdue: Neglected").contains("it lapses"));

        runJobs(summit.instance(), SummitProcess.Elements.SUMMIT_LAPSES);
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.RECORD_LAPSE)
                .isWaitingAt(SummitProcess.Elements.READ_LAPSE);
        assertThat(task(summit.instance(), DRAFT_VISION)).as("the chair's step ended").isNull();
        List<Task> notices = openTasks(summit, SummitProcess.Elements.READ_LAPSE);
        assertThat(notices).extracting(Task::getAssignee).as("the chair and every participant")
                .containsExactlyInAnyOrder("cmo", "marketing.head", "sales.head");
        assertThat(notice(notices.get(0))).startsWith("*Neglected").contains("**lapsed**")
                .contains("neither closed nor cancelled within 14 days");
        SummitReport.Report report = report(summit);
        assertThat(report.status()).isEqualTo("CANCELLED");
        assertThat(report.cancellation().by()).as("nobody cancelled it").isNull();
        assertThat(report.cancellation().reason()).contains("so it lapsed");
        assertThatThrownBy(() -> summits.cancel(summit.id(), "Too late", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("CANCELLED");

        chair(taskOf(summit, SummitProcess.Elements.READ_LAPSE, "cmo"), Map.of());
        for (String participant : List.of("marketing.head", "sales.head")) {
            completeAs(participant, List.of("board-member"), taskOf(summit, SummitProcess.Elements.READ_LAPSE,
                    participant), Map.of());
        }
        assertThat(summit.instance()).hasPassed("EndEvent_LapseRead").isEnded();

        // Notices of a lapse nobody reads leave the task lists by themselves.
        Held unread = convene("Neglected and unread", "marketing.head");
        runJobs(unread.instance(), SummitProcess.Elements.SUMMIT_LAPSES);
        assertThat(openTasks(unread, SummitProcess.Elements.READ_LAPSE)).hasSize(2);
        runJobs(unread.instance(), SummitProcess.Elements.LAPSE_NOTICE_EXPIRES);
        assertThat(unread.instance()).hasPassed("EndEvent_LapseNoticeExpired").isEnded();
    }

    @Test
    void aCancelledSummitNeitherRemindsNorLapsesAndALapseNeverOverwritesARecordThatEnded() {
        Held cancelled = convene("Cancelled before its lapse", "marketing.head");
        summits.cancel(cancelled.id(), "The merger.", "cmo");
        assertThat(timer(cancelled, SummitProcess.Elements.CHAIR_OVERDUE)).as("the reminder is gone").isNull();
        assertThat(timer(cancelled, SummitProcess.Elements.SUMMIT_LAPSES)).as("and so is the lapse").isNull();

        // A record that ended by another way than the process (here: written directly) is left as it is.
        Held ended = convene("Ended elsewhere", "marketing.head");
        jdbc.update("update summit set status = 'CANCELLED', cancelled_by = 'cmo', cancelled_at = current_timestamp, "
                + "cancellation_reason = ? "
                + "where id = ?", "Called off by telephone.", ended.id());
        runJobs(ended.instance(), SummitProcess.Elements.SUMMIT_LAPSES);
        assertThat(ended.instance()).hasPassed(SummitProcess.Elements.RECORD_LAPSE,
                SummitProcess.Elements.ALREADY_ENDED).isEnded();
        assertThat(report(ended).cancellation().by()).as("the record still says who cancelled it")
                .isEqualTo("Clara Martens");
        assertThat(report(ended).cancellation().reason()).isEqualTo("Called off by telephone.");
    }

    @Test
    void aCancellationSentThroughTheEngineWhileTheRecordSaysNothingEndsNothing() {
        Held summit = convene("Forged cancellation", "marketing.head");
        Throwable forged = org.assertj.core.api.Assertions.catchThrowable(() -> runtime.createMessageCorrelation(
                SummitProcess.Messages.CANCELLED).processInstanceBusinessKey(SummitProcess.businessKey(summit.id()))
                .correlateAll());
        assertThat(com.engagementboard.ProcessTestSupport.transitionRefusal(forged))
                .hasMessageContaining("Summit " + summit.id() + " is CONVENED");
        assertThat(summit.instance()).isWaitingAt(ASSESS_JOURNEY, OPEN_SUMMIT);
        assertThat(openTasks(summit, SummitProcess.Elements.READ_CANCELLATION)).isEmpty();
        assertThat(report(summit).status()).isEqualTo("CONVENED");

        summits.cancel(summit.id(), "Really called off.", "cmo");
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.CONFIRM_CANCELLED)
                .isWaitingAt(SummitProcess.Elements.READ_CANCELLATION);
    }

    /** The message alone, as an administrator could send it through /engine-rest/message. */
    private Throwable forgePostponement(Held summit) {
        return catchThrowable(() -> runtime.createMessageCorrelation(SummitProcess.Messages.POSTPONED)
                .processInstanceBusinessKey(SummitProcess.businessKey(summit.id())).correlateAll());
    }

    /** The open tasks of the summit: id, element and who has it. */
    private List<String> openTaskIds(Held summit) {
        return tasks.createTaskQuery().processInstanceId(summit.instance().getId()).list().stream()
                .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee()).sorted().toList();
    }

    @Test
    void aPostponementSentThroughTheEngineWithoutTheChairsIsRefusedAndChangesNothing() {
        Held summit = convene("Forged postponement", "marketing.head", "sales.head");
        submitPreWork(summit, "marketing.head");
        tasks.claim(task(summit.instance(), OPEN_SUMMIT).getId(), "cmo");
        List<String> before = openTaskIds(summit);
        Object ends = runtime.getVariable(summit.instance().getId(), Variables.SUMMIT_ENDS);

        // Never postponed: refused with a reason a person can act on, and nothing is recreated or told.
        Throwable never = forgePostponement(summit);
        assertThat(com.engagementboard.ProcessTestSupport.transitionRefusal(never))
                .hasMessageContaining("Summit " + summit.id() + " has no postponement by its chair")
                .hasMessageContaining("/api/summits/" + summit.id() + "/postpone");
        assertThat(openTaskIds(summit)).as("the same tasks, the chair's claim kept").isEqualTo(before)
                .anySatisfy(t -> assertThat(t).endsWith(OPEN_SUMMIT + " cmo"));
        assertThat(openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT)).isEmpty();
        assertThat(summit.instance()).hasNotPassed(SummitProcess.Elements.MOVE_SUMMIT);
        assertThat(runtime.getVariable(summit.instance().getId(), Variables.SUMMIT_ENDS)).isEqualTo(ends);
        assertThat(report(summit).postponement()).isNull();

        // Postponed once by the chair and moved: the message sent again is refused just the same.
        Instant newAt = Instant.now().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        summits.postpone(summit.id(), newAt, "The regulator's hearing.", "cmo");
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.CONFIRM_POSTPONED,
                SummitProcess.Elements.MOVE_SUMMIT);
        tasks.claim(task(summit.instance(), OPEN_SUMMIT).getId(), "cmo");
        List<String> moved = openTaskIds(summit);
        assertThat(openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT)).hasSize(2);

        Throwable replayed = forgePostponement(summit);
        assertThat(com.engagementboard.ProcessTestSupport.transitionRefusal(replayed))
                .hasMessageContaining("has no postponement by its chair");
        assertThat(openTaskIds(summit)).as("no pre-work recreated, no notice again, the claim kept").isEqualTo(moved);
        assertThat(report(summit).at()).isEqualTo(newAt);
        assertThat(report(summit).postponement().reason()).isEqualTo("The regulator's hearing.");
    }

    @Test
    void aSummitInSessionCanBeCancelledButNotPostponedAndAClosedOneNeither() {
        Held summit = convene("Cancelled in session", "marketing.head", "sales.head");
        submitPreWork(summit, "marketing.head");
        submitPreWork(summit, "sales.head");
        open(summit);
        draftVision(summit, "One voice.");
        endorse(summit, "marketing.head");
        assertThatThrownBy(() -> summits.postpone(summit.id(), Instant.now().plus(Duration.ofDays(30)), "Later", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("IN_SESSION");
        // Postponed by the chair interrupts the whole summit at its date: in session, the record check refuses it.
        List<String> inSession = openTaskIds(summit);
        assertThat(com.engagementboard.ProcessTestSupport.transitionRefusal(forgePostponement(summit)))
                .hasMessageContaining("has no postponement by its chair");
        assertThat(openTaskIds(summit)).as("the endorsements go on").isEqualTo(inSession);

        summits.cancel(summit.id(), "The vision needs the new CEO.", "cmo");
        assertThat(openTasks(summit, ENDORSE_VISION)).as("the endorsements ended").isEmpty();
        assertThat(openTasks(summit, SummitProcess.Elements.READ_CANCELLATION)).hasSize(2);
        assertThat(report(summit).outcome()).isNull();
        for (String participant : List.of("marketing.head", "sales.head")) {
            completeAs(participant, List.of("board-member"), taskOf(summit, SummitProcess.Elements.READ_CANCELLATION,
                    participant), Map.of());
        }
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.CANCELLATION_READ).isEnded();

        Held closed = convene("Closed, then cancelled", "marketing.head");
        toEndorsedVision(closed, "Closed vision.", "marketing.head");
        toClosed(closed, "closed-cancel", sourcing("closed-cancel"), namedBody("Closed Council"));
        assertThat(closed.instance()).isEnded();
        assertThatThrownBy(() -> summits.cancel(closed.id(), "Too late", "cmo"))
                .isInstanceOf(com.engagementboard.web.IllegalTransitionException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void postponingKeepsThePreWorkGivenAndAsksOnlyTheOthersAgainByTheNewDate() {
        Held summit = convene("Moved", "marketing.head", "sales.head", "wealth.head");
        submitPreWork(summit, "marketing.head");
        Instant newAt = Instant.now().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        assertThatThrownBy(() -> summits.postpone(summit.id(), Instant.now().minus(Duration.ofDays(1)), "Past", "cmo"))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);
        assertThatThrownBy(() -> summits.postpone(summit.id(), newAt, null, "cmo"))
                .isInstanceOf(com.engagementboard.web.InvalidInputException.class);

        summits.postpone(summit.id(), newAt, "Half the board is at the regulator's hearing.", "cmo");

        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.POSTPONED, SummitProcess.Elements.MOVE_SUMMIT)
                .isWaitingAt(ASSESS_JOURNEY, OPEN_SUMMIT, SummitProcess.Elements.READ_POSTPONEMENT);
        List<Task> preWork = openTasks(summit, ASSESS_JOURNEY);
        assertThat(preWork).extracting(Task::getAssignee).as("the pre-work given is kept")
                .containsExactlyInAnyOrder("sales.head", "wealth.head");
        assertThat(preWork).allSatisfy(t -> assertThat(t.getDueDate())
                .isEqualTo(java.util.Date.from(newAt.minus(Duration.ofDays(1)))));
        assertThat(task(summit.instance(), OPEN_SUMMIT).getDueDate())
                .isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1))));
        assertThat(timer(summit, SummitProcess.Elements.CHAIR_OVERDUE).getDuedate()).as("the chair's reminder moves")
                .isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1))));
        assertThat(timer(summit, SummitProcess.Elements.SUMMIT_LAPSES).getDuedate()).as("and so does the lapse")
                .isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1 + 14))));
        assertThat(report(summit).at()).isEqualTo(newAt);
        assertThat(report(summit).status()).isEqualTo("CONVENED");
        assertThat(report(summit).postponement().reason()).isEqualTo("Half the board is at the regulator's hearing.");
        assertThat(report(summit).participants()).filteredOn(SummitReport.ParticipantView::preWorkSubmitted)
                .extracting(SummitReport.ParticipantView::user).containsExactly("marketing.head");

        List<Task> notices = openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT);
        assertThat(notices).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("marketing.head", "sales.head", "wealth.head");
        assertThat(notice(taskOf(summit, SummitProcess.Elements.READ_POSTPONEMENT, "marketing.head")))
                .contains("postponed *Moved").contains("regulator's hearing").contains("Your pre-work is in and is kept");
        assertThat(notice(taskOf(summit, SummitProcess.Elements.READ_POSTPONEMENT, "sales.head")))
                .contains("Your pre-work is now due by");
        for (String participant : List.of("marketing.head", "sales.head", "wealth.head")) {
            completeAs(participant, List.of("board-member"), taskOf(summit, SummitProcess.Elements.READ_POSTPONEMENT,
                    participant), Map.of());
        }
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.POSTPONEMENT_READ);

        // Postponed again: the notices nobody reads leave the task lists by themselves.
        Instant later = newAt.plus(Duration.ofDays(7));
        summits.postpone(summit.id(), later, "The hearing was moved too.", "cmo");
        assertThat(openTasks(summit, ASSESS_JOURNEY)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("sales.head", "wealth.head");
        runJobs(summit.instance(), SummitProcess.Elements.POSTPONEMENT_NOTICE_EXPIRES);
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.POSTPONEMENT_NOTICE_EXPIRED);
        assertThat(openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT)).isEmpty();
        assertThat(report(summit).postponement().from()).isEqualTo(newAt);

        // The summit goes on at its new date: the others give their pre-work, the chair opens it.
        submitPreWork(summit, "sales.head");
        submitPreWork(summit, "wealth.head");
        open(summit);
        assertThat(summit.instance()).isWaitingAt(DRAFT_VISION);
        assertThat(report(summit).missingPreWork()).isEmpty();
    }

    @Test
    void aSummitPostponedAfterItsDayIsRemindedAgainAndLapsesOnlyAfterItsNewDate() {
        Held summit = convene("Moved after its day", "marketing.head");
        // The summit's day passes without the chair opening it: she is reminded, once.
        runJobs(summit.instance(), SummitProcess.Elements.CHAIR_OVERDUE);
        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.REMIND_CHAIR).isWaitingAt(OPEN_SUMMIT);
        assertThat(timer(summit, SummitProcess.Elements.CHAIR_OVERDUE)).as("the reminder fired").isNull();

        Instant newAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        summits.postpone(summit.id(), newAt, "The board was not ready.", "cmo");

        // The summit at its date is entered afresh: a new reminder and a new lapse, at the new date.
        assertThat(timer(summit, SummitProcess.Elements.CHAIR_OVERDUE).getDuedate()).as("a new reminder")
                .isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1))));
        assertThat(timer(summit, SummitProcess.Elements.SUMMIT_LAPSES).getDuedate()).as("the lapse moves")
                .isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1 + 14))));
        Task open = task(summit.instance(), OPEN_SUMMIT);
        assertThat(open.getDueDate()).isEqualTo(java.util.Date.from(newAt.plus(Duration.ofDays(1))));
        runJobs(summit.instance(), SummitProcess.Elements.CHAIR_OVERDUE);
        assertThat(task(summit.instance(), OPEN_SUMMIT).getPriority()).as("reminded again after the new day")
                .isEqualTo(SummitDelegates.OVERDUE_PRIORITY);

        // Nobody brings it to its close after the new date either: it lapses, and the notices of the lapse and
        // of the postponement end with it.
        runJobs(summit.instance(), SummitProcess.Elements.SUMMIT_LAPSES);
        assertThat(report(summit).status()).isEqualTo("CANCELLED");
        assertThat(openTasks(summit, SummitProcess.Elements.READ_LAPSE)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("cmo", "marketing.head");
        assertThat(openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT)).hasSize(1);
        chair(taskOf(summit, SummitProcess.Elements.READ_LAPSE, "cmo"), Map.of());
        completeAs("marketing.head", List.of("board-member"), taskOf(summit, SummitProcess.Elements.READ_LAPSE,
                "marketing.head"), Map.of());
        assertThat(summit.instance()).hasPassed("EndEvent_LapseRead", SummitProcess.Elements.SUMMIT_OVER).isEnded();
    }

    @Test
    void theEndorsementRoundClosesAtItsDeadlineAndWhoeverGaveNoAnswerIsRecordedAsSuch() {
        Held summit = convene("Silent", "marketing.head", "sales.head");
        submitPreWork(summit, "marketing.head");
        submitPreWork(summit, "sales.head");
        open(summit);
        draftVision(summit, "Every touchpoint one voice.");
        List<Task> round = openTasks(summit, ENDORSE_VISION);
        // Due at the end of the summit's day, or a day after the vision is put, whichever is later.
        assertThat(round).allSatisfy(t -> assertThat(t.getDueDate()).isAfter(java.util.Date.from(Instant.now()
                .plus(Duration.ofHours(23)))));
        endorse(summit, "marketing.head");

        runJobs(summit.instance(), SummitProcess.Elements.ENDORSEMENT_CLOSES);

        assertThat(summit.instance()).hasPassed(SummitProcess.Elements.ENDORSEMENT_CLOSES,
                SummitProcess.Elements.RECORD_SILENCE, SummitProcess.Elements.COUNT_OBJECTIONS)
                .isWaitingAt(PLAN_TOUCHPOINTS);
        assertThat(openTasks(summit, ENDORSE_VISION)).isEmpty();
        assertThat(report(summit).participants()).extracting(SummitReport.ParticipantView::user,
                SummitReport.ParticipantView::endorsement).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("marketing.head", SummitProcess.ENDORSE),
                        org.assertj.core.groups.Tuple.tuple("sales.head", Summit.NO_ANSWER));
    }

    @Test
    void aPostponedSummitThatClosesEndsItsUnreadNoticesAndASummitWithoutItsProcessIsNotChanged() throws Exception {
        Held summit = convene("Closed after a postponement", "marketing.head");
        summits.postpone(summit.id(), Instant.now().plus(Duration.ofDays(14)), "Moved a week.", "cmo");
        assertThatThrownBy(() -> summits.postpone(summit.id(), Instant.now().plus(Duration.ofDays(10)), "Earlier",
                "cmo")).as("postponing moves it later").isInstanceOf(com.engagementboard.web.InvalidInputException.class);
        assertThat(openTasks(summit, SummitProcess.Elements.READ_POSTPONEMENT)).hasSize(1);
        toEndorsedVision(summit, "Closed vision.", "marketing.head");
        toClosed(summit, "postponed-close", sourcing("postponed-close"), namedBody("Postponed Council"));
        assertThat(summit.instance()).as("the unread notice ends with the summit").hasPassed(SUMMIT_CLOSED).isEnded();
        // The sourcing register reads the latest summit by date: this postponed one must not hide other tests'.
        jdbc.update("update summit set summit_at = ? where id = ?", java.sql.Timestamp.from(Instant.now()
                .minus(Duration.ofDays(365))), summit.id());

        Held orphan = convene("Without its process", "marketing.head");
        runtime.deleteProcessInstance(orphan.instance().getId(), "gone");
        assertThatThrownBy(() -> summits.cancel(orphan.id(), "Called off", "cmo"))
                .isInstanceOf(com.engagementboard.web.ConflictException.class)
                .hasMessageContaining("its process was ended or deleted, or runs an earlier version");
        assertThat(report(orphan).status()).as("nothing was changed").isEqualTo("CONVENED");
        assertThat(report(orphan).cancellation()).isNull();
    }
}
