package com.engagementboard.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@EngagementBoardTest
class LoginAndPagesTest {

    /** Spring Session's cookie (server.servlet.session.cookie.name). */
    private static final String SESSION_COOKIE = "JSESSIONID";

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void theRestOfActuatorIsForAdministrators() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(httpBasic("cmo", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
    }

    @Test
    void pagesSendAnonymousPeopleToTheLoginForm() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/organisation")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/camunda/app/tasklist/default/")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void theLoginFormChecksTheCamundaPasswordAndNeedsItsCsrfToken() throws Exception {
        mvc.perform(formLogin().user("cmo").password("demo"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("cmo")
                        .withAuthorities(java.util.List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_board-chair"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_board-core"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_board-member"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_employee"))));
        // Camunda delays the next login after a wrong password: use someone no other test logs in as.
        mvc.perform(formLogin().user("people.lead").password("wrong"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "cmo").param("password", "demo"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void aSessionReadsTheApiButWritesOnlyWithTheCsrfToken() throws Exception {
        Cookie session = mvc.perform(formLogin().user("cmo").password("demo"))
                .andReturn().getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(get("/api/touchpoints").cookie(session)).andExpect(status().isOk());
        String body = """
                {"code": "csrf-probe", "name": "Probe", "kind": "INTERNAL", "channel": "Test",
                 "journeyStage": "BUY", "priority": 1}
                """;
        mvc.perform(post("/api/touchpoints").cookie(session).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/touchpoints").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                "/api/touchpoints/csrf-probe").cookie(session).with(csrf())).andExpect(status().isNoContent());
    }

    @Test
    void theHomePageShowsWhoIsLoggedInAndTheOrganisationPageTheRegistry() throws Exception {
        mvc.perform(get("/").with(httpBasic("cmo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Welcome, <span>Clara Martens</span>")))
                .andExpect(content().string(containsString("The board, for its chair")))
                .andExpect(content().string(containsString("/camunda/app/tasklist/default/")));
        mvc.perform(get("/organisation").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Call-centre script")))
                .andExpect(content().string(containsString("head-marketing")))
                // Heads by name; each function's rights and each touchpoint's owners one click away.
                .andExpect(content().string(containsString("<td>Mira Hoffmann</td>")))
                .andExpect(content().string(containsString("href=\"/charter?function=marketing\"")))
                .andExpect(content().string(containsString("href=\"/touchpoints/call-centre-script\"")))
                .andExpect(content().string(containsString("EXTERNAL INDIRECT")));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Cookie session = mvc.perform(formLogin().user("employee").password("demo"))
                .andReturn().getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aPageFormSentWithoutItsTokenSaysTheFormHasExpiredAndLeavesTheSessionAlone() throws Exception {
        Cookie session = mvc.perform(formLogin().user("employee").password("demo"))
                .andReturn().getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(post("/logout").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("The form has expired")))
                .andExpect(content().string(containsString("reload the page")))
                .andExpect(content().string(containsString("href=\"/\"")));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void theApiIsDocumentedForEveryoneLoggedIn() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/touchpoints'].get").exists())
                .andExpect(jsonPath("$.paths['/api/functions/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/divisions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/touchpoints'].get.tags[0]").value("Organisation"));
        mvc.perform(get("/swagger-ui.html").with(httpBasic("employee", "demo")))
                .andExpect(status().isFound());
    }

    @Test
    void everyPagedListDocumentsPageAndSizeWithTheirLimits() throws Exception {
        for (String path : java.util.List.of("/api/touchpoints", "/api/board/decisions", "/api/board/actions",
                "/api/board/meetings", "/api/charter", "/api/charter/versions", "/api/charter/versions/{number}",
                "/api/charter/versions/{from}/diff/{to}", "/api/functions/{code}/rights", "/api/audit")) {
            String parameters = "$.paths['" + path + "'].get.parameters";
            mvc.perform(get("/v3/api-docs").with(httpBasic("employee", "demo")))
                    .andExpect(jsonPath(parameters + "[?(@.name=='page')].schema.minimum").value(0))
                    .andExpect(jsonPath(parameters + "[?(@.name=='page')].schema.default").value(0))
                    .andExpect(jsonPath(parameters + "[?(@.name=='size')].schema.minimum").value(1))
                    .andExpect(jsonPath(parameters + "[?(@.name=='size')].schema.maximum").value(500))
                    .andExpect(jsonPath(parameters + "[?(@.name=='size')].schema.default").value(50))
                    .andExpect(jsonPath(parameters + "[?(@.name=='paging')]").isEmpty());
        }
        // The downloads stay whole: no paging parameters.
        mvc.perform(get("/v3/api-docs").with(httpBasic("employee", "demo")))
                .andExpect(jsonPath("$.paths['/api/charter.csv'].get.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/board/decisions.csv'].get.parameters[?(@.name=='size')]").isEmpty())
                .andExpect(jsonPath("$.paths['/api/touchpoints'].get.responses['200'].content['*/*'].schema.$ref")
                        .value(org.hamcrest.Matchers.containsString("PageView")));
    }
}
