package com.engagementboard.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/changes} and standing permissions: who may do what, what they read, and what is refused. */
@EngagementBoardTest
class ChangeApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TouchpointChangeRepository changes;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void charter() throws Exception {
        ChangeFixtures.charterInForce(context);
    }

    private static MockHttpServletRequestBuilder asJson(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String proposal(String what, String touchpoint, String extra) {
        return """
                {"touchpoint": "%s", "whatChange": "%s", "why": "Customers throw the plastic away",
                 "evidence": "212 complaints", "urgency": "HIGH", "estimatedCost": 800,
                 "functionsAffected": ["brand"]%s}""".formatted(touchpoint, what, extra);
    }

    private JsonNode propose(String user, String what) throws Exception {
        return json.readTree(mvc.perform(asJson(post("/api/changes"), proposal(what, ChangeFixtures.OWNED, ""))
                .with(httpBasic(user, "demo")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/changes/\\d+")))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void anyoneProposesAndEveryoneReadsWhereItStandsWithItsHistory() throws Exception {
        String what = "Paper sleeve " + UUID.randomUUID();
        JsonNode proposed = propose("employee", what);
        long id = proposed.get("id").asLong();
        assertThat(proposed.get("status").asText()).isEqualTo("IN_DESIGN");
        assertThat(proposed.get("route").asText()).isEqualTo("OWNER");
        assertThat(proposed.get("designOwner").asText()).isEqualTo("brand");
        assertThat(proposed.get("proposerName").asText()).isEqualTo("Eddie Walsh");

        mvc.perform(get("/api/changes/" + id).with(httpBasic("ceo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.whatChange").value(what))
                .andExpect(jsonPath("$.history[0].kind").value("PROPOSED"))
                .andExpect(jsonPath("$.history[0].actorName").value("Eddie Walsh"))
                .andExpect(jsonPath("$.history[1].kind").value("ROUTED"))
                .andExpect(jsonPath("$.history[1].note", containsString("to the touchpoint's owners")));
        mvc.perform(get("/api/changes?mine=true").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/changes?mine=true").with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        // Brand designs it, Customer Service operates it, IT has nothing to do with it.
        mvc.perform(get("/api/changes?function=mine").with(httpBasic("brand.head", "demo")))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/changes?function=mine").with(httpBasic("service.head", "demo")))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/changes?function=it").with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/changes?touchpoint=" + ChangeFixtures.OWNED + "&status=IN_DESIGN&size=500")
                .with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/changes?touchpoint=" + ChangeFixtures.UNOWNED).with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
    }

    @Test
    void strangersAreAskedToLogInAndUnknownChangesAreNotFound() throws Exception {
        mvc.perform(get("/api/changes")).andExpect(status().isUnauthorized());
        mvc.perform(asJson(post("/api/changes"), proposal("x", ChangeFixtures.OWNED, "")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/changes/987654321").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/changes?status=SOON").with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no touchpoint      | \"touchpoint\": \"no-such-touchpoint\" | touchpoint",
            "no function        | \"functionsAffected\": [\"no-such-function\"] | functionsAffected",
            "no urgency word    | \"urgency\": \"SOON\" | urgency",
            "negative cost      | \"estimatedCost\": -1 | estimatedCost",
            "cost as text       | \"estimatedCost\": \"a lot\" | estimatedCost",
            "no such permission | \"standingPermission\": 987654321 | standingPermission",
            "blank what         | \"whatChange\": \"  \" | whatChange",
            "what as a list     | \"whatChange\": [\"x\"] | whatChange" })
    void aBadProposalIsRefusedNamingTheFieldAndNothingIsWritten(String what, String override, String field)
            throws Exception {
        long before = changes.count();
        JsonNode body = json.readTree(proposal("Sleeve", ChangeFixtures.OWNED, ""));
        JsonNode replacement = json.readTree("{" + override + "}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).setAll(
                (com.fasterxml.jackson.databind.node.ObjectNode) replacement);
        mvc.perform(asJson(post("/api/changes"), body.toString()).with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(changes.count()).isEqualTo(before);
    }

    @Test
    void onlyTheOperatingHeadGrantsAndRevokesStandingPermissions() throws Exception {
        String permission = "{\"touchpoint\": \"" + ChangeFixtures.OWNED + "\", \"scope\": \"Wording on the sleeve\", "
                + "\"costLimit\": 1000}";
        String path = "/api/standing-permissions";
        for (String other : new String[] {"brand.head", "employee", "cmo"}) {
            mvc.perform(asJson(post(path), permission).with(httpBasic(other, "demo")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(asJson(post(path), permission.replace(ChangeFixtures.OWNED, ChangeFixtures.UNOWNED))
                .with(httpBasic("service.head", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(asJson(post(path), "{\"touchpoint\": \"" + ChangeFixtures.OWNED
                + "\", \"scope\": \"\", \"costLimit\": -5}").with(httpBasic("service.head", "demo")))
                .andExpect(status().isBadRequest());
        JsonNode granted = json.readTree(mvc.perform(asJson(post(path), permission)
                .with(httpBasic("service.head", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.function").value("service"))
                .andReturn().getResponse().getContentAsString());
        long id = granted.get("id").asLong();
        mvc.perform(get(path + "?touchpoint=" + ChangeFixtures.OWNED).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));

        // Within it, a change skips the design decision.
        JsonNode within = json.readTree(mvc.perform(asJson(post("/api/changes"), proposal("Sleeve wording",
                ChangeFixtures.OWNED, ", \"standingPermission\": " + id).replace("[\"brand\"]", "[\"service\"]"))
                .with(httpBasic("employee", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(within.get("route").asText()).isEqualTo("STANDING");
        assertThat(within.get("status").asText()).isEqualTo("IN_BUILD");
        // A permission of one touchpoint does not cover another.
        mvc.perform(asJson(post("/api/changes"), proposal("Elsewhere", ChangeFixtures.UNOWNED,
                ", \"standingPermission\": " + id)).with(httpBasic("employee", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("standingPermission"));

        mvc.perform(delete("/api/standing-permissions/" + id).with(httpBasic("brand.head", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/standing-permissions/" + id).with(httpBasic("service.head", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("service.head"));
        mvc.perform(delete("/api/standing-permissions/" + id).with(httpBasic("service.head", "demo")))
                .andExpect(status().isConflict());
        mvc.perform(get(path + "?touchpoint=" + ChangeFixtures.OWNED).with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
    }
}
