package com.engagementboard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@EngagementBoardTest
class FunctionApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    @Autowired
    FunctionRepository functions;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void everyoneLoggedInListsTheFunctionsWithTheirHeads() throws Exception {
        mvc.perform(get("/api/functions").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                // The demo's eight (other test classes on the same database may have added some).
                .andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItems("marketing", "communications", "sales",
                        "service", "operations", "product", "it", "brand")))
                .andExpect(jsonPath("$[?(@.code=='marketing')].headUserId").value("marketing.head"))
                .andExpect(jsonPath("$[?(@.code=='sales')].division").value("retail-banking"))
                .andExpect(jsonPath("$[?(@.code=='it')].headGroup").value("head-it"));
    }

    @Test
    void readsOneFunctionAndAnswers404ForAnUnknownOne() throws Exception {
        mvc.perform(get("/api/functions/service").with(httpBasic("sales.head", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Customer Service"))
                .andExpect(jsonPath("$.headUserId").value("service.head"));
        mvc.perform(get("/api/functions/nope").with(httpBasic("sales.head", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is no function 'nope'."));
    }

    @Test
    void theChairCreatesAFunctionAndItsHeadGroupWithTheHeadInIt() throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "digital", "name": "Digital Channels", "division": "retail-banking", "headUserId": "digital.lead"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/functions/digital"))
                .andExpect(jsonPath("$.headGroup").value("head-digital"));

        assertThat(identity.createGroupQuery().groupId("head-digital").singleResult().getName())
                .isEqualTo("Head of Digital Channels");
        assertThat(identity.createUserQuery().memberOfGroup("head-digital").list())
                .extracting(u -> u.getId()).containsExactly("digital.lead");
        mvc.perform(get("/api/divisions").with(httpBasic("cmo", "demo")))
                .andExpect(jsonPath("$[?(@.code=='retail-banking')].functions[*]", hasItem("digital")));

        mvc.perform(delete("/api/functions/digital").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        assertThat(identity.createGroupQuery().groupId("head-digital").count()).isZero();
        assertThat(functions.existsByCode("digital")).isFalse();
    }

    @Test
    void changingTheHeadMovesTheHeadGroupMembership() throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "insight", "name": "Customer Insight", "headUserId": "insight.lead"}
                """).with(httpBasic("cmo", "demo"))).andExpect(status().isCreated());

        mvc.perform(json(put("/api/functions/insight"), """
                {"name": "Customer Insight & Analytics", "division": "wealth-management", "headUserId": "people.lead"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Customer Insight & Analytics"))
                .andExpect(jsonPath("$.division").value("wealth-management"))
                .andExpect(jsonPath("$.headUserId").value("people.lead"));

        assertThat(identity.createUserQuery().memberOfGroup("head-insight").list())
                .extracting(u -> u.getId()).containsExactly("people.lead");
        assertThat(identity.createGroupQuery().groupId("head-insight").singleResult().getName())
                .isEqualTo("Head of Customer Insight & Analytics");

        mvc.perform(delete("/api/functions/insight").with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());
    }

    @ParameterizedTest
    @ValueSource(strings = { "employee", "marketing.head", "ceo", "retail.head" })
    void onlyTheChairAndAdministratorsWrite(String user) throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "forbidden", "name": "Forbidden"}
                """).with(httpBasic(user, "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(json(put("/api/functions/marketing"), """
                {"name": "Hijacked"}
                """).with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/functions/marketing").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());

        assertThat(functions.existsByCode("forbidden")).isFalse();
        assertThat(functions.findByCode("marketing").orElseThrow().getName()).isEqualTo("Marketing");
    }

    @Test
    void anonymousCallsGet401AsProblemDetails() throws Exception {
        mvc.perform(get("/api/functions"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        // Camunda delays the next login after a wrong password: use someone no other test logs in as.
        mvc.perform(get("/api/functions").with(httpBasic("compliance.lead", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/functions").with(httpBasic("nobody", "demo")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDuplicateCodeIsAConflictAndChangesNothing() throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "marketing", "name": "Marketing again"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'marketing' exists already")));
        assertThat(functions.findByCode("marketing").orElseThrow().getName()).isEqualTo("Marketing");
    }

    @Test
    void missingBlankMalformedAndOverLongFieldsAreNamed() throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "", "name": " "}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        mvc.perform(json(post("/api/functions"), """
                {"name": "No code"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(json(post("/api/functions"), """
                {"code": "Has Spaces", "name": "x"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message", containsString("lower-case")));
        mvc.perform(json(post("/api/functions"), "{\"code\": \"long\", \"name\": \"" + "x".repeat(121) + "\"}")
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 120"));
        mvc.perform(json(post("/api/functions"), "{\"code\": \"broken\", ")
                .with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail", containsString("not well-formed JSON")));
        assertThat(functions.existsByCode("long")).isFalse();
        assertThat(functions.existsByCode("broken")).isFalse();
    }

    @Test
    void anUnknownHeadOrDivisionIsRefusedAndNothingIsWritten() throws Exception {
        mvc.perform(json(post("/api/functions"), """
                {"code": "ghost", "name": "Ghost", "headUserId": "nobody"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("headUserId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("no user 'nobody'")));
        mvc.perform(json(post("/api/functions"), """
                {"code": "ghost", "name": "Ghost", "division": "atlantis"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("division"))
                .andExpect(jsonPath("$.errors[0].message", containsString("retail-banking")));
        mvc.perform(json(put("/api/functions/sales"), """
                {"name": "Sales", "headUserId": "nobody"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest());

        assertThat(functions.existsByCode("ghost")).isFalse();
        assertThat(identity.createGroupQuery().groupId("head-ghost").count()).isZero();
        assertThat(functions.findByCode("sales").orElseThrow().getHeadUserId()).isEqualTo("sales.head");
        assertThat(identity.createUserQuery().memberOfGroup("head-sales").list())
                .extracting(u -> u.getId()).containsExactly("sales.head");
    }

    @Test
    void theCodeOfAFunctionCannotBeChangedOrUpdatedWhenUnknown() throws Exception {
        mvc.perform(json(put("/api/functions/sales"), """
                {"code": "selling", "name": "Sales"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(json(put("/api/functions/nope"), """
                {"name": "Nope"}
                """).with(httpBasic("cmo", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/functions/nope").with(httpBasic("cmo", "demo")))
                .andExpect(status().isNotFound());
    }
}
