package com.engagementboard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@EngagementBoardTest
class TouchpointApiTest {

    private static final String VALID = """
            {"code": "%s", "name": "Video banking", "description": "Advice over video call",
             "kind": "EXTERNAL_DIRECT", "channel": "Video", "journeyStage": "EVALUATE", "priority": 3}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    TouchpointRepository touchpoints;

    @Autowired
    ObjectMapper json;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void everyoneLoggedInListsTheTouchpointsHighestPriorityFirst() throws Exception {
        // The demo's 20, and whatever other test classes on the same database left (an administrator may add some).
        long count = touchpoints.count();
        assertThat(count).isGreaterThanOrEqualTo(20).isLessThan(50);
        String page = mvc.perform(get("/api/touchpoints").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize((int) count)))
                .andExpect(jsonPath("$.content[0].priority").value(5))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.totalElements").value((int) count))
                .andExpect(jsonPath("$.totalPages").value(1)).andReturn().getResponse().getContentAsString();
        List<Integer> priorities = new ArrayList<>();
        json.readTree(page).path("content").forEach(t -> priorities.add(t.path("priority").asInt()));
        assertThat(priorities).as("highest priority first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersByKindStageAndPriorityTogether() throws Exception {
        // The demo's four internal touchpoints, and only internal ones (other test classes on the shared database
        // add touchpoints of their own).
        mvc.perform(get("/api/touchpoints?kind=INTERNAL&size=500").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].code", hasItems("it-help-desk-branches", "operations-service-handoff",
                        "product-launch-briefing", "customer-insight-report")))
                .andExpect(jsonPath("$.content[*].code", not(hasItem("call-centre-script"))))
                .andExpect(jsonPath("$.content[*].kind", everyItem(is("INTERNAL"))));
        mvc.perform(get("/api/touchpoints?stage=BUY").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].code", hasItem("mobile-app-onboarding")))
                .andExpect(jsonPath("$.content[*].journeyStage", everyItem(is("BUY"))));
        mvc.perform(get("/api/touchpoints?kind=EXTERNAL_DIRECT&stage=EXPERIENCE&priority=5")
                .with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "call-centre-script", "complaint-handling")));
    }

    @Test
    void theListComesOnePageAtATimeInAStableOrder() throws Exception {
        JsonNode all = page("/api/touchpoints?size=500");
        assertThat(all.path("size").asInt()).isEqualTo(500);
        List<String> codes = all.path("content").findValuesAsText("code");
        assertThat(codes).hasSize(all.path("totalElements").asInt());

        JsonNode second = page("/api/touchpoints?page=1&size=7");
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(7);
        assertThat(second.path("totalPages").asInt()).isEqualTo((codes.size() + 6) / 7);
        assertThat(second.path("content").findValuesAsText("code")).containsExactlyElementsOf(codes.subList(7, 14));

        JsonNode pastTheEnd = page("/api/touchpoints?page=99&size=7");
        assertThat(pastTheEnd.path("content")).isEmpty();
        assertThat(pastTheEnd.path("totalElements").asInt()).isEqualTo(codes.size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "size=0", "size=501", "page=-1", "size=many", "page=first" })
    void aPageOrSizeOutsideItsLimitsIsNamedWithWhatIsAccepted(String query) throws Exception {
        String field = query.substring(0, query.indexOf('='));
        mvc.perform(get("/api/touchpoints?" + query).with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:engagement-board:problem:invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(field.equals("size") ? "from 1 to 500"
                        : "0 or more")));
    }

    @Test
    void aBadPageAndABadSizeAreNamedTogether() throws Exception {
        mvc.perform(get("/api/touchpoints?page=-1&size=501").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("page", "size")));
    }

    private JsonNode page(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anUnknownFilterValueIsNamedWithWhatIsAccepted() throws Exception {
        mvc.perform(get("/api/touchpoints?kind=WEBSITE").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message", containsString("EXTERNAL_INDIRECT")));
        mvc.perform(get("/api/touchpoints?priority=9").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priority"));
        mvc.perform(get("/api/touchpoints?priority=high").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priority"));
    }

    @Test
    void theChairRegistersChangesAndRemovesATouchpoint() throws Exception {
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("video-banking")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/touchpoints/video-banking"))
                .andExpect(jsonPath("$.journeyStage").value("EVALUATE"));

        mvc.perform(json(put("/api/touchpoints/video-banking"), """
                {"name": "Video advice", "kind": "EXTERNAL_DIRECT", "channel": "Video",
                 "journeyStage": "BOND", "priority": 4}
                """).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Video advice"))
                .andExpect(jsonPath("$.description").doesNotExist());
        mvc.perform(get("/api/touchpoints/video-banking").with(httpBasic("ceo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journeyStage").value("BOND"))
                .andExpect(jsonPath("$.priority").value(4));

        mvc.perform(delete("/api/touchpoints/video-banking").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/touchpoints/video-banking").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no touchpoint 'video-banking'."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "employee", "service.head", "ceo", "wealth.head" })
    void onlyTheChairAndAdministratorsWrite(String user) throws Exception {
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("not-allowed")).with(httpBasic(user, "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(json(put("/api/touchpoints/branch-greeting"), VALID.formatted("branch-greeting"))
                .with(httpBasic(user, "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/touchpoints/branch-greeting").with(httpBasic(user, "demo")))
                .andExpect(status().isForbidden());
        assertThat(touchpoints.existsByCode("not-allowed")).isFalse();
        assertThat(touchpoints.findByCode("branch-greeting").orElseThrow().getName()).isEqualTo("Branch greeting");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Video\\u0000banking", "Video\\u0007banking", "Video \\ud83d banking", "Video \\ude00" })
    void textWithAControlOrABrokenUnicodeCharacterIsRefusedNamingTheField(String name) throws Exception {
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("unprintable").replace("Video banking", name))
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("send plain text")));
        assertThat(touchpoints.existsByCode("unprintable")).isFalse();
        // A number, true/false, a list or an object where text belongs is the wrong type, not the text "42" or "x".
        for (String wrong : List.of("42", "true", "[\"Video banking\"]", "{\"x\":1}")) {
            mvc.perform(json(post("/api/touchpoints"), VALID.formatted("unprintable").replace("\"Video banking\"", wrong))
                    .with(httpBasic("cmo", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
            assertThat(touchpoints.existsByCode("unprintable")).isFalse();
        }
        // Tabs, line breaks and whole emoji are text.
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("printable")
                .replace("Advice over video call", "Advice\\tover video\\ncall \\ud83d\\ude00")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/touchpoints/printable").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNoContent());
    }

    @Test
    void aDuplicateCodeIsAConflict() throws Exception {
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("call-centre-script")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'call-centre-script' exists already")));
        assertThat(touchpoints.findByCode("call-centre-script").orElseThrow().getName())
                .isEqualTo("Call-centre script");
    }

    @Test
    void everyKindOfBadInputIsNamedAndNothingIsWritten() throws Exception {
        long before = touchpoints.count();
        mvc.perform(json(post("/api/touchpoints"), "{\"code\": \"incomplete\"}").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "channel", "journeyStage", "kind", "name", "priority")));
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("bad-kind").replace("EXTERNAL_DIRECT", "ONLINE"))
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message",
                        containsString("'ONLINE' is not one of EXTERNAL_DIRECT, EXTERNAL_INDIRECT, INTERNAL")));
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("bad-stage").replace("EVALUATE", "LOVE"))
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("journeyStage"));
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("bad-priority").replace("\"priority\": 3",
                "\"priority\": 0")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priority"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"));
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("bad-type").replace("\"priority\": 3",
                "\"priority\": \"high\"")).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priority"));
        mvc.perform(json(post("/api/touchpoints"), VALID.formatted("too-long").replace("Advice over video call",
                "x".repeat(2001))).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        mvc.perform(json(post("/api/touchpoints"), "not json").with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/touchpoints").with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));

        assertThat(touchpoints.count()).isEqualTo(before);
    }
}
