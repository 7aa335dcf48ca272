package com.engagementboard.summit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The figures of a summit's sourcing picture, from a summit this class convenes and takes into session. */
@EngagementBoardTest
class SummitChartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Summits summits;

    @Autowired
    RuntimeService runtime;

    private final List<Long> convened = new ArrayList<>();

    /** The summits this class convened are called off, so that none of them becomes the sourcing register. */
    @AfterEach
    void cancelTheSummits() {
        for (long id : convened) {
            summits.cancel(id, "The charts test is over.", "cmo");
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(SummitProcess.businessKey(id)).singleResult();
            if (instance != null) {
                runtime.deleteProcessInstance(instance.getId(), "test over");
            }
        }
        convened.clear();
    }

    @Test
    void theSourcingPictureCountsTheElementsOfEachModeAndNamesThem() throws Exception {
        long id = convene("Charts summit");
        summits.open(id);
        summits.sourcing(id, List.of(
                new Summit.Sourcing(SourcingElement.CONTENT_COMMUNICATIONS, SummitProcess.IN_HOUSE, null, "Our voice"),
                new Summit.Sourcing(SourcingElement.DATA_ANALYTICS, SummitProcess.PARTNER, "Insight Ltd", "Scale"),
                new Summit.Sourcing(SourcingElement.PRODUCT_INNOVATION, SummitProcess.IN_HOUSE, null, "Core"),
                new Summit.Sourcing(SourcingElement.EXPERIENCE_DESIGN, SummitProcess.MIXED, "Studio", "Both"),
                new Summit.Sourcing(SourcingElement.BRAND_REPUTATION, SummitProcess.IN_HOUSE, null, "Ours")));

        JsonNode chart = chart("employee", id);
        assertThat(chart.get("type").asText()).isEqualTo("doughnut");
        assertThat(texts(chart.get("labels"))).containsExactly("In-house", "Mixed (in-house and partners)",
                "By partners");
        assertThat(texts(chart.get("details"))).containsExactly(
                "Content and communications, Product and service innovation, Brand, reputation and corporate citizenship",
                "Customer-experience design and delivery", "Data analytics and insight");
        JsonNode series = chart.get("datasets").get(0);
        assertThat(series.get("data").toString()).isEqualTo("[3,1,1]");
        assertThat(texts(series.get("pointKeys"))).containsExactly("in-house", "mixed", "partner");
    }

    @Test
    void aSummitThatHasNotDecidedItsSourcingHasNoPictureButASentence() throws Exception {
        long id = convene("Charts summit, no sourcing yet");
        JsonNode chart = chart("sales.head", id);
        assertThat(chart.get("labels")).isEmpty();
        assertThat(chart.get("empty").asText()).contains("has not decided its ecosystem sourcing yet");
    }

    @Test
    void anUnknownSummitIsNotFoundAndNobodyLoggedOutReadsThePicture() throws Exception {
        mvc.perform(get("/charts/summits/987654321/sourcing.json").with(httpBasic("employee", "demo"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
        mvc.perform(get("/charts/summits/1/sourcing.json").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private long convene(String title) throws Exception {
        String body = "{\"title\": \"" + title + "\", \"at\": \"" + Instant.now().plus(7, ChronoUnit.DAYS)
                + "\", \"participants\": [\"marketing.head\"]}";
        long id = json.readTree(mvc.perform(post("/api/summits").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        convened.add(id);
        return id;
    }

    private JsonNode chart(String user, long id) throws Exception {
        return json.readTree(mvc.perform(get("/charts/summits/" + id + "/sourcing.json").with(httpBasic(user, "demo"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
