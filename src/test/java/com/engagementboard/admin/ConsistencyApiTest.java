package com.engagementboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.ProcessTestSupport;
import com.engagementboard.EngagementBoardTest;
import com.engagementboard.board.BoardActionProcess;
import com.engagementboard.charter.AcceptanceFanOut;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterFixtures;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/admin/consistency}: nothing about records whose processes run as they should; a record
 * whose instance was deleted and an instance that names no record are listed; administrators only.
 *
 * <p>The test context is shared with other test classes, which leave records and instances of their
 * own behind: the assertions are about what this test changes. The whole application's report on a
 * consistent database is checked empty by {@code KillNineDurabilityIT}.
 */
@EngagementBoardTest
class ConsistencyApiTest {

    private static final String CSV = """
            touchpoint,right,function
            atm-experience,DESIGN,operations
            atm-experience,BUILD,operations
            atm-experience,OPERATE,operations
            atm-experience,RENEW,operations
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    CharterDrafts drafts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private List<JsonNode> mismatches() throws Exception {
        String body = mvc.perform(get("/api/admin/consistency").param("size", "500").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        List<JsonNode> list = new ArrayList<>();
        json.readTree(body).get("content").forEach(list::add);
        return list;
    }

    @Test
    void aSubmittedCharterWithItsInstanceAgreesAndIsListedOnceItsInstanceIsDeleted() throws Exception {
        // One charter version in acceptance at a time: whatever another test left there is withdrawn first.
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        List<JsonNode> before = mismatches();
        String created = mvc.perform(post("/api/charter/drafts").param("title", "Consistency check")
                        .with(httpBasic("cmo", "demo")).contentType("text/csv").content(CSV))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(post("/api/charter/drafts/" + id + "/submit").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_ACCEPTANCE"));
        AcceptanceFanOut.askHeads(runtime, management, id);

        assertThat(mismatches()).as("a charter in acceptance with its running instance").isEqualTo(before);

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(id)).singleResult();
        runtime.deleteProcessInstance(instance.getId(), "ConsistencyApiTest: a deliberate mismatch");

        List<JsonNode> after = mismatches();
        after.removeAll(before);
        assertThat(after).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.get("kind").asText()).isEqualTo("RECORD_WITHOUT_PROCESS");
            assertThat(mismatch.get("entity").asText()).isEqualTo("charter-version");
            assertThat(mismatch.get("id").asText()).isEqualTo(String.valueOf(id));
            assertThat(mismatch.get("detail").asText()).contains("IN_ACCEPTANCE")
                    .contains(TouchpointCharterProcess.businessKey(id));
        });
    }

    @Test
    void anInstanceWhoseBusinessKeyNamesNoRecordIsListed() throws Exception {
        List<JsonNode> before = mismatches();
        String businessKey = BoardActionProcess.businessKey(Long.MAX_VALUE);
        ProcessInstance orphan = ProcessTestSupport.actionWithoutRecord(runtime, Long.MAX_VALUE,
                "An action nobody decided");
        try {
            List<JsonNode> after = mismatches();
            after.removeAll(before);
            assertThat(after).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.get("kind").asText()).isEqualTo("PROCESS_WITHOUT_RECORD");
                assertThat(mismatch.get("entity").asText()).isEqualTo("board-action");
                assertThat(mismatch.get("id").asText()).isEqualTo(String.valueOf(Long.MAX_VALUE));
                assertThat(mismatch.get("detail").asText()).contains(orphan.getId()).contains(businessKey);
            });
        } finally {
            runtime.deleteProcessInstance(orphan.getId(), "ConsistencyApiTest: clean-up");
        }
        assertThat(mismatches()).isEqualTo(before);
    }

    @Test
    void theReportIsPagedAndATooLargePageIsRefused() throws Exception {
        ProcessInstance orphan = ProcessTestSupport.actionWithoutRecord(runtime, Long.MAX_VALUE - 1,
                "Another action nobody decided");
        try {
            int all = mismatches().size();
            assertThat(all).isPositive();
            mvc.perform(get("/api/admin/consistency").param("size", "1").param("page", String.valueOf(all - 1))
                            .with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.length()").value(1))
                    .andExpect(jsonPath("$.page").value(all - 1))
                    .andExpect(jsonPath("$.totalElements").value(all))
                    .andExpect(jsonPath("$.totalPages").value(all));
            mvc.perform(get("/api/admin/consistency").param("size", "1").param("page", String.valueOf(all))
                            .with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content").isEmpty())
                    .andExpect(jsonPath("$.totalElements").value(all));
            mvc.perform(get("/api/admin/consistency").param("size", "501").with(httpBasic("admin", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        } finally {
            runtime.deleteProcessInstance(orphan.getId(), "ConsistencyApiTest: clean-up");
        }
    }

    @Test
    void onlyAdministratorsMayReadIt() throws Exception {
        mvc.perform(get("/api/admin/consistency")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/consistency").with(httpBasic("cmo", "demo"))).andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/admin/consistency").with(httpBasic("employee", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/consistency").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isArray());
    }
}
