package com.engagementboard.charter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The charter driven through its API as the chair and the heads use it, for tests that need versions to read:
 * a draft, its submission, each head's acceptance, and so a version in force. The job executor is off in the
 * tests: the jobs due now run here.
 */
public final class CharterDriver {

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final CharterRepository charters;

    /** The driver with the application's beans: for tests outside the charter's package. */
    public static CharterDriver of(org.springframework.context.ApplicationContext context) {
        MockMvc mvc = context.getBeanProvider(MockMvc.class).getIfAvailable(() -> org.springframework.test.web.servlet
                .setup.MockMvcBuilders.webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build());
        return new CharterDriver(mvc, context.getBean(ObjectMapper.class),
                context.getBean(RuntimeService.class), context.getBean(ManagementService.class),
                context.getBean(CharterRepository.class));
    }

    public CharterDriver(MockMvc mvc, ObjectMapper json, RuntimeService runtime, ManagementService management,
            CharterRepository charters) {
        this.mvc = mvc;
        this.json = json;
        this.runtime = runtime;
        this.management = management;
        this.charters = charters;
    }

    /** One line of a draft: the touchpoint's right for the function. */
    public static String line(String touchpoint, String right, String function) {
        return "{\"touchpoint\": \"" + touchpoint + "\", \"right\": \"" + right + "\", \"function\": \"" + function
                + "\"}";
    }

    /** A version giving the four rights of one touchpoint, accepted by each head and in force; its id. */
    public long inForce(String title, String touchpoint, String design, String build, String operate, String renew)
            throws Exception {
        long id = draft(title, false, String.join(",", line(touchpoint, "DESIGN", design),
                line(touchpoint, "BUILD", build), line(touchpoint, "OPERATE", operate), line(touchpoint, "RENEW", renew)));
        submit(id);
        accept(id, List.of(design, build, operate, renew).stream().distinct().map(f -> f + ".head")
                .toArray(String[]::new));
        return id;
    }

    /** The chair's draft (an amendment of the version in force with {@code amend}); its id. */
    public long draft(String title, boolean amend, String lines) throws Exception {
        return json.readTree(mvc.perform(post("/api/charter/drafts" + (amend ? "?amend=true" : ""))
                .with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"" + title + "\", \"allocations\": [" + lines + "]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    public void submit(long id) throws Exception {
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk());
        AcceptanceFanOut.askHeads(runtime, management, id);
    }

    /** Each head accepts all their rights; the version takes force. */
    public void accept(long id, String... heads) throws Exception {
        for (String head : heads) {
            mvc.perform(post("/api/charter/tasks/" + taskOf(head, id) + "/complete").with(httpBasic(head, "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"ACCEPT_ALL\"}"))
                    .andExpect(status().isNoContent());
        }
        // The jobs due now run here; where the job executor runs too (the browser tests), it may take some first.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (charters.findById(id).orElseThrow().getStatus() != CharterStatus.EFFECTIVE
                && java.time.Instant.now().isBefore(deadline)) {
            runDueJobs();
        }
        assertThat(charters.findById(id).orElseThrow().getStatus()).isEqualTo(CharterStatus.EFFECTIVE);
    }

    /** Runs every job that is due now, as the job executor would. */
    void runDueJobs() {
        for (int round = 0; round < 5; round++) {
            for (Job job : management.createJobQuery().executable().list()) {
                if (job.getDuedate() == null) {
                    try {
                        management.executeJob(job.getId());
                    } catch (org.camunda.bpm.engine.ProcessEngineException takenMeanwhile) {
                        // the job executor ran it (or is running it) first
                    }
                }
            }
        }
    }

    /** The number of the version in force. */
    int number() throws Exception {
        return json.readTree(mvc.perform(get("/api/charter?size=1").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("number").asInt();
    }

    String taskOf(String head, long charterId) throws Exception {
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
