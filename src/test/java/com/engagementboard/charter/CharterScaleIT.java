package com.engagementboard.charter;

import static com.engagementboard.ProcessTestSupport.completeAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.web.FormValues;
import com.engagementboard.charter.CharterViews.Change;
import com.engagementboard.charter.TouchpointCharterProcess.Elements;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charter at the size of a large company (issue 9): touchpoints over 60 functions created through
 * the API, each with a head of their own. A draft by CSV is submitted, every head answers (two decline
 * a few rights, the chair re-allocates them, the new owners accept), the version takes force; an
 * amendment of 50 touchpoints is submitted, accepted by the heads it names only, takes force, and the
 * diff between the two versions lists exactly the changed rights. Throughout, no process variable of the
 * charter's instance grows with the charter: every one stays within Camunda's 4,000-character column.
 *
 * <p>Its size is the system property {@code scale.touchpoints}: 500 in CI (a correctness test, with no
 * timing in it), {@code -Dscale.touchpoints=2000} for the full run (2,000 touchpoints, about 133
 * rights a head). An integration test: it runs in a JVM and an in-memory database of its own, so its
 * touchpoints and functions do not change what the other tests count.
 */
@EngagementBoardTest
class CharterScaleIT {

    private static final int TOUCHPOINTS = Integer.getInteger("scale.touchpoints", 500);
    private static final int FUNCTIONS = 60;
    private static final int AMENDED_TOUCHPOINTS = 50;
    /** Camunda's text column; a variable's value, text or serialized, must stay within it. */
    private static final int VARIABLE_COLUMN = 4_000;
    private static final String HEAD_PASSWORD = "Tq7!mountain-river";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    CharterRepository charters;

    @Autowired
    AllocationRepository allocations;

    @Autowired
    CharterProcessStarter processes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.FormService forms;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthenticationProvider login;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Authentication> logins = new HashMap<>();

    @Autowired
    CharterDrafts drafts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void noVersionInForce() {
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        CharterFixtures.noVersionInForce(charters, processes, transaction);
    }

    @Test
    void aCharterOfThousandsOfRightsOverSixtyFunctionsIsAcceptedAmendedAndDiffed() throws Exception {
        List<String> functions = createFunctions();
        List<String> codes = createTouchpoints();
        aDraftListsTheFirstOfItsThousandsOfGapsAndPagesTheRest(codes, functions.get(0));

        // The chair drafts the charter by CSV and submits it.
        Map<String, Map<RightKind, String>> owners = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("touchpoint,right,function\n");
        for (int i = 0; i < codes.size(); i++) {
            for (RightKind right : RightKind.values()) {
                String function = functions.get((i * RightKind.values().length + right.ordinal()) % FUNCTIONS);
                owners.computeIfAbsent(codes.get(i), c -> new HashMap<>()).put(right, function);
                csv.append(codes.get(i)).append(',').append(right).append(',').append(function).append('\n');
            }
        }
        long charterId = draft("Scale " + run, csv.toString(), false);
        submit(charterId);
        ProcessInstance instance = instanceOf(charterId);
        runJobs(instance);

        List<Task> acceptances = acceptances(instance);
        assertThat(acceptances).hasSize(FUNCTIONS);
        assertNoVariableGrowsWithTheCharter(instance);

        // Every head answers as themselves. Five hand back every right they are asked, hundreds in all: one
        // picks them in the form's picker (up to 500 rights a head), the others name them by touchpoint and
        // right (the form's lines past that, or an API client's). The rest accept all.
        List<String> decliners = functions.subList(0, 5);
        String picker = decliners.get(0);
        int perHead = TOUCHPOINTS * RightKind.values().length / FUNCTIONS;
        List<Allocation> declined = new ArrayList<>();
        Long foreign = pending(charterId, functions.get(5)).get(0).getId();
        for (Task task : acceptances) {
            String function = functionOf(task);
            int rights = ((Number) tasks.getVariable(task.getId(), Variables.RIGHT_COUNT)).intValue();
            assertThat(rights).isBetween(perHead, perHead + 1);
            assertThat(task.getName()).isEqualTo("Accept " + rights + " rights for Scale function " + function);
            // Rendered from the record when the form is read, never stored in the engine.
            assertThat(tasks.getVariable(task.getId(), Variables.RIGHTS_SUMMARY)).isNull();
            String summary = forms.getTaskFormVariables(task.getId()).getValue(Variables.RIGHTS_SUMMARY, String.class);
            assertThat(summary).contains(CharterPageController.rightsPage(charterId, function));
            boolean byLines = (Boolean) tasks.getVariable(task.getId(), Variables.DECLINE_BY_LINES);
            // The picker holds every right asked, or none and the form asks for lines.
            assertThat(byLines).isEqualTo(tasks.getVariable(task.getId(), Variables.RIGHT_OPTIONS).toString().equals("[]"));
            if (!decliners.contains(function)) {
                completeAs(headOf(function), List.of("head-" + function), task,
                        Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
                continue;
            }
            List<Allocation> pending = pending(charterId, function);
            declined.addAll(pending);
            Map<String, Object> answer = new HashMap<>(Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                    Variables.DECLINE_REASON, "Not ours at this size"));
            Map<String, Object> picked = new HashMap<>(answer);
            picked.put(Variables.DECLINED_RIGHTS, pending.stream().map(a -> a.getId().toString()).toList());
            Map<String, Object> written = new HashMap<>(answer);
            written.put(Variables.DECLINED_LINES, pending.stream().map(a -> a.getTouchpoint().getCode() + "," + a.getRight())
                    .collect(java.util.stream.Collectors.joining("\n")));
            if (!function.equals(picker)) {
                completeAs(headOf(function), List.of("head-" + function), task, written);
                continue;
            }
            // A right of another function is refused with a problem, not a 500; so are ids the picker does not offer.
            Map<String, Object> forged = new HashMap<>(answer);
            forged.put(Variables.DECLINED_RIGHTS, List.of(foreign.toString()));
            completeOverApi(task, function, forged, 400);
            if (byLines) {
                completeOverApi(task, function, picked, 400);
            }
            completeOverApi(task, function, byLines ? written : picked, 204);
        }
        runJobs(instance);
        assertNoVariableGrowsWithTheCharter(instance);

        // The chair gives one disputed right to one function and all the others, with one * line, to another.
        Task dispute = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.RESOLVE_DISPUTE).singleResult();
        assertThat(dispute).isNotNull();
        assertThat(tasks.getVariable(dispute.getId(), Variables.DISPUTE_COUNT)).isEqualTo(declined.size());
        // Hundreds of disputed rights: the chair's form lists the first 100, one row each, and offers one
        // choice for every other disputed right.
        assertThat(FormValues.rows(tasks.getVariable(dispute.getId(), Variables.REALLOCATIONS)))
                .hasSize(CharterForms.LISTED_DISPUTES);
        assertThat(FormValues.rows(tasks.getVariable(dispute.getId(), Variables.DISPUTED_OPTIONS)))
                .hasSize(CharterForms.LISTED_DISPUTES);
        String most = functions.get(7);
        String one = functions.get(8);
        Allocation first = declined.get(0);
        declined.forEach(a -> owners.get(a.getTouchpoint().getCode()).put(a.getRight(), a == first ? one : most));
        mvc.perform(post("/api/charter/tasks/" + dispute.getId() + "/complete").with(as("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        Variables.RESOLUTION, TouchpointCharterProcess.REALLOCATE,
                        Variables.REALLOCATIONS, "*,*," + most + "\n" + first.getTouchpoint().getCode() + ","
                                + first.getRight() + "," + one,
                        Variables.RESOLUTION_NOTE, "Two functions take them over"))))
                .andExpect(status().isNoContent());
        runJobs(instance);
        List<Task> second = acceptances(instance);
        assertThat(second).extracting(this::functionOf).containsExactlyInAnyOrder(most, one);
        assertNoVariableGrowsWithTheCharter(instance);
        for (Task task : second) {
            String function = functionOf(task);
            assertThat(((Number) tasks.getVariable(task.getId(), Variables.RIGHT_COUNT)).intValue())
                    .isEqualTo(function.equals(one) ? 1 : declined.size() - 1);
            completeAs(headOf(function), List.of("head-" + function), task,
                    Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
        }
        runJobs(instance);
        int v1 = effectiveNumber(charterId);

        // The whole list, one click away from the form: for the function's head and the chair, not for others.
        mvc.perform(get(CharterPageController.rightsPage(charterId, most)).with(as("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("rights for " + most)));
        mvc.perform(get(CharterPageController.rightsPage(charterId, most)).with(as(headOf(picker), HEAD_PASSWORD)))
                .andExpect(status().isForbidden());

        // An amendment of 50 touchpoints: each restated in full, two of its rights given to another function.
        StringBuilder amendment = new StringBuilder("touchpoint,right,function\n");
        List<Change> expected = new ArrayList<>();
        TreeSet<String> named = new TreeSet<>();
        for (String code : codes.subList(0, AMENDED_TOUCHPOINTS)) {
            for (RightKind right : RightKind.values()) {
                String was = owners.get(code).get(right);
                String is = was;
                if (right == RightKind.DESIGN || right == RightKind.OPERATE) {
                    is = functions.get((functions.indexOf(was) + 1) % FUNCTIONS);
                    expected.add(new Change(code, right, was, is));
                }
                named.add(is);
                amendment.append(code).append(',').append(right).append(',').append(is).append('\n');
            }
        }
        long amendmentId = draft("Scale amendment " + run, amendment.toString(), true);
        submit(amendmentId);
        ProcessInstance amending = instanceOf(amendmentId);
        runJobs(amending);
        List<Task> amendmentAcceptances = acceptances(amending);
        assertThat(amendmentAcceptances).extracting(this::functionOf).containsExactlyInAnyOrderElementsOf(named);
        assertNoVariableGrowsWithTheCharter(amending);
        for (Task task : amendmentAcceptances) {
            String function = functionOf(task);
            completeAs(headOf(function), List.of("head-" + function), task,
                    Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
        }
        runJobs(amending);
        int v2 = effectiveNumber(amendmentId);
        assertThat(v2).isEqualTo(v1 + 1);
        transaction.executeWithoutResult(status -> assertThat(charters.findById(charterId).orElseThrow().getStatus())
                .isEqualTo(CharterStatus.SUPERSEDED));

        // The diff lists exactly the changed rights. Compared in the tables: the diff's HTTP shape and the
        // service's signature are being changed to pages on another branch.
        mvc.perform(get("/api/charter/versions/" + v1 + "/diff/" + v2).with(as("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(expected.get(0).touchpoint())));
        List<Change> changes = changes(charterId, amendmentId);
        assertThat(changes).hasSize(AMENDED_TOUCHPOINTS * 2);
        assertThat(changes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(changes).contains(expected.get(0), expected.get(expected.size() - 1));
    }

    /** Every right whose owner differs between two versions, as the diff lists them. */
    private List<Change> changes(long fromId, long toId) {
        Map<String, String> before = owners(fromId);
        Map<String, String> after = owners(toId);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> !java.util.Objects.equals(before.get(key), after.get(key)))
                .map(key -> new Change(key.split("/")[0], RightKind.valueOf(key.split("/")[1]), before.get(key),
                        after.get(key)))
                .toList();
    }

    /** touchpoint/RIGHT → owner function code, in a version. */
    private Map<String, String> owners(long charterId) {
        return transaction.execute(status -> {
            Map<String, String> owners = new HashMap<>();
            for (RightKind right : RightKind.values()) {
                allocations.findByCharterIdAndRight(charterId, right).forEach(a -> owners.put(
                        a.getTouchpoint().getCode() + "/" + right, a.getFunction().getCode()));
            }
            return owners;
        });
    }

    /** Sixty functions with a head each, created as the chair creates them: POST /api/functions. */
    private List<String> createFunctions() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) {
            String code = "f" + run + "-" + String.format("%02d", i);
            // The head is a Camunda user (as an administrator creates people in Camunda Admin).
            User head = identity.newUser(headOf(code));
            head.setFirstName("Scale");
            head.setLastName(code);
            // Hashing a password is slow on purpose: only the head who logs in to the API gets one.
            if (i == 0) {
                head.setPassword(HEAD_PASSWORD);
            }
            identity.saveUser(head);
            mvc.perform(post("/api/functions").with(as("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("code", code, "name", "Scale function " + code,
                            "headUserId", headOf(code)))))
                    .andExpect(status().isCreated());
            codes.add(code);
        }
        return codes;
    }

    private List<String> createTouchpoints() {
        return IntStream.range(0, TOUCHPOINTS).mapToObj(i -> {
            String code = "scale-" + run + "-" + i;
            touchpoints.create(new TouchpointRequest(code, "Scale touchpoint " + i + " of run " + run, null,
                    TouchpointKind.EXTERNAL_DIRECT, "Branch", JourneyStage.EXPERIENCE, 1 + i % 5));
            return code;
        }).toList();
    }

    /**
     * A person logged in with their password: checked once by the application's own login (hashing a
     * password is slow on purpose), then sent with every request as a session would be.
     */
    private RequestPostProcessor as(String user, String password) {
        RequestPostProcessor session = authentication(logins.computeIfAbsent(user,
                u -> login.authenticate(new UsernamePasswordAuthenticationToken(u, password))));
        // A session's requests carry the CSRF token, as the application's pages send it.
        return request -> csrf().postProcessRequest(session.postProcessRequest(request));
    }

    private static String headOf(String function) {
        return function + ".head";
    }

    /**
     * A draft that gives one right of each of 100 touchpoints: 300 gaps block it, and every right of the
     * organisation's other touchpoints is a gap too. Its answer and the refused submission list the first
     * 200 (blocking first) with the counts; the whole list comes a page at a time. It is then discarded.
     */
    private void aDraftListsTheFirstOfItsThousandsOfGapsAndPagesTheRest(List<String> codes, String function)
            throws Exception {
        StringBuilder csv = new StringBuilder("touchpoint,right,function\n");
        codes.subList(0, 100).forEach(code -> csv.append(code).append(",DESIGN,").append(function).append('\n'));
        String answer = mvc.perform(post("/api/charter/drafts").param("title", "Gaps " + run).with(as("cmo", "demo"))
                .contentType("text/csv").content(csv.toString())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode draft = json.readTree(answer);
        long id = draft.get("id").asLong();
        int gaps = draft.path("counts").path("gaps").asInt();
        assertThat(draft.path("counts").path("blockingGaps").asInt()).isEqualTo(300);
        assertThat(gaps).isGreaterThanOrEqualTo(300 + (TOUCHPOINTS - 100) * RightKind.values().length);
        assertThat(draft.path("gaps")).hasSize(200);
        assertThat(draft.path("gaps").findValuesAsText("blocksSubmission")).containsOnly("true");

        String refused = mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(as("cmo", "demo")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(refused).path("gaps")).hasSize(200);
        assertThat(json.readTree(refused).path("counts").path("blockingGaps").asInt()).isEqualTo(300);

        int seen = 0;
        int blocking = 0;
        for (int page = 0; seen < gaps; page++) {
            JsonNode rows = json.readTree(mvc.perform(get("/api/charter/drafts/" + id + "/gaps")
                    .param("page", "" + page).param("size", "500").with(as("cmo", "demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(rows.path("totalElements").asInt()).isEqualTo(gaps);
            assertThat(rows.path("content")).isNotEmpty();
            seen += rows.path("content").size();
            for (JsonNode gap : rows.path("content")) {
                blocking += gap.path("blocksSubmission").asBoolean() ? 1 : 0;
            }
        }
        assertThat(seen).isEqualTo(gaps);
        assertThat(blocking).isEqualTo(300);
        mvc.perform(delete("/api/charter/drafts/" + id).with(as("cmo", "demo"))).andExpect(status().isNoContent());
    }

    private long draft(String title, String csv, boolean amend) throws Exception {
        String created = mvc.perform(post("/api/charter/drafts").param("title", title).param("amend", "" + amend)
                .with(as("cmo", "demo")).contentType("text/csv").content(csv))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    private void submit(long charterId) throws Exception {
        mvc.perform(post("/api/charter/drafts/" + charterId + "/submit").with(as("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, charterId);
    }

    private ProcessInstance instanceOf(long charterId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
    }

    private List<Task> acceptances(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.ACCEPT_RIGHTS)
                .list();
    }

    /** The function of a head's task, from its candidate group head-<code>. */
    private String functionOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(link -> link.getGroupId()).filter(g -> g != null && g.startsWith("head-")).findFirst()
                .orElseThrow().substring("head-".length());
    }

    private List<Allocation> pending(long charterId, String function) {
        return transaction.execute(status -> allocations.findByCharterIdAndFunctionCodeAndStatus(charterId, function,
                AllocationStatus.PENDING).stream().peek(a -> a.getTouchpoint().getCode()).toList());
    }

    private void completeOverApi(Task task, String function, Map<String, Object> answer, int expected) throws Exception {
        mvc.perform(post("/api/charter/tasks/" + task.getId() + "/complete").with(as(headOf(function), HEAD_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(answer)))
                .andExpect(status().is(expected));
    }

    private int effectiveNumber(long charterId) {
        return transaction.execute(status -> {
            CharterVersion version = charters.findById(charterId).orElseThrow();
            assertThat(version.getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
            return version.getNumber();
        });
    }

    /**
     * Every variable of the instance and its tasks, text or serialized (JSON), fits Camunda's text
     * column; none is a list of the charter's allocations.
     */
    private void assertNoVariableGrowsWithTheCharter(ProcessInstance instance) {
        List<VariableInstance> variables = runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .disableCustomObjectDeserialization().list();
        assertThat(variables).isNotEmpty();
        for (VariableInstance variable : variables) {
            TypedValue value = variable.getTypedValue();
            String text = value instanceof SerializableValue serializable ? serializable.getValueSerialized()
                    : String.valueOf(value.getValue());
            if (variable.getName().equals(Variables.RIGHT_OPTIONS)) {
                // The picker's options: a typed Json value, kept as bytes (not in the 4,000-character column),
                // and bounded by the picker's size, not by the charter's.
                assertThat(value.getType().getName()).isEqualTo("json");
                assertThat(readTree(text).size()).isLessThanOrEqualTo(500);
                continue;
            }
            if (variable.getName().equals(Variables.DISPUTED_OPTIONS) || variable.getName()
                    .equals(Variables.REALLOCATIONS) && value.getType().getName().equals("json")) {
                // The chair's rows: Json, bounded by the rows her form lists, whatever the dispute's size
                // (answered through the API, the re-allocation is text lines, checked below).
                assertThat(value.getType().getName()).isEqualTo("json");
                assertThat(readTree(text).size()).isLessThanOrEqualTo(CharterForms.LISTED_DISPUTES);
                continue;
            }
            if (variable.getName().equals(Variables.FUNCTION_OPTIONS)) {
                // The new-owner picker's choices: Json, one per function, never per touchpoint or right.
                assertThat(value.getType().getName()).isEqualTo("json");
                assertThat(readTree(text).size()).isLessThan(TOUCHPOINTS);
                continue;
            }
            assertThat(text == null ? 0 : text.length()).as(variable.getName() + " (" + value.getType().getName() + ")")
                    .isLessThan(VARIABLE_COLUMN);
            if (text != null && text.startsWith("[")) {
                // A list may name functions (60), never one entry per touchpoint or right.
                assertThat(readTree(text).size()).as(variable.getName() + " entries").isLessThan(TOUCHPOINTS);
            }
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
