package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The web's defences through the application's own doors (MockMvc, with the whole security filter
 * chain): stateless HTTP Basic, CSRF on sessions, security headers, account lockout, the password
 * policy and the slow password hash. {@code WebSecurityIT} checks what needs a real server: cookies,
 * the Camunda webapps and {@code /engine-rest}.
 */
@EngagementBoardTest
class WebSecurityTest {

    /** Spring Session's cookie (server.servlet.session.cookie.name). */
    private static final String SESSION_COOKIE = "JSESSIONID";

    private static final String STRONG = "Str0ng-enough!";
    private static final String TOUCHPOINT = """
            {"code": "%s", "name": "Probe", "kind": "INTERNAL", "channel": "Test",
             "journeyStage": "BUY", "priority": 1}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    private final List<String> users = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        users.forEach(identity::deleteUser);
    }

    @Test
    void aBasicCallActsAsTheBasicUserEvenWithAnotherUsersSessionAndOpensNone() throws Exception {
        Cookie chairSession = login("cmo", "demo");
        String code = "basic-" + suffix();
        // The chair's session (without a CSRF token) rides along; the Basic user is an employee: refused.
        mvc.perform(post("/api/touchpoints").cookie(chairSession).with(httpBasic("employee", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(TOUCHPOINT.formatted(code)))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(get("/api/touchpoints/" + code).with(httpBasic("employee", "demo"))).andExpect(status().isNotFound());

        // The other way round: an employee's session, the chair's Basic credentials: created, no CSRF token needed.
        Cookie employeeSession = login("employee", "demo");
        MvcResult created = mvc.perform(post("/api/touchpoints").cookie(employeeSession)
                        .with(httpBasic("cmo", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(TOUCHPOINT.formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(created.getResponse().getCookies()).isEmpty();
        mvc.perform(delete("/api/touchpoints/" + code).with(httpBasic("cmo", "demo"))).andExpect(status().isNoContent());

        // Without any session, a Basic call opens none.
        MvcResult plain = mvc.perform(get("/api/touchpoints").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk()).andReturn();
        assertThat(plain.getResponse().getCookie(SESSION_COOKIE)).as("session after a Basic call").isNull();
    }

    @Test
    void everyStateChangeOfASessionNeedsTheCsrfToken() throws Exception {
        Cookie session = login("cmo", "demo");
        String code = "csrf-" + suffix();
        mvc.perform(post("/api/touchpoints").cookie(session).contentType(MediaType.APPLICATION_JSON)
                .content(TOUCHPOINT.formatted(code))).andExpect(status().isForbidden());
        mvc.perform(post("/api/touchpoints").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(TOUCHPOINT.formatted(code))).andExpect(status().isCreated());
        mvc.perform(delete("/api/touchpoints/" + code).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/touchpoints/" + code).cookie(session).with(csrf())).andExpect(status().isNoContent());
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        for (String page : List.of("/login", "/")) {
            mvc.perform(get(page).with(httpBasic("employee", "demo")))
                    .andExpect(header().string("Content-Security-Policy", SecurityConfig.PAGES_CSP))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
        }
        mvc.perform(get("/api/touchpoints").with(httpBasic("employee", "demo")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhileAndSaySoUntilWhen() throws Exception {
        String userId = newUser(STRONG);
        for (int attempt = 1; attempt < 5; attempt++) {
            mvc.perform(get("/api/touchpoints").with(httpBasic(userId, "wrong-" + attempt)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.title").value("Not logged in"))
                    .andExpect(jsonPath("$.detail").value("Unknown user or wrong password."));
        }
        Instant fifth = ClockUtil.getCurrentTime().toInstant();
        MvcResult locked = mvc.perform(get("/api/touchpoints").with(httpBasic(userId, "wrong-5")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Account locked"))
                .andExpect(jsonPath("$.detail", containsString("locked after 5 failed logins")))
                .andReturn();
        Instant until = Instant.parse(com.jayway.jsonpath.JsonPath.read(
                locked.getResponse().getContentAsString(), "$.lockedUntil"));
        assertThat(Duration.between(fifth, until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        // The right password does not open it while it is locked, through either door, and both say so.
        mvc.perform(get("/api/touchpoints").with(httpBasic(userId, STRONG)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Account locked"));
        Cookie browser = mvc.perform(post("/login").param("username", userId).param("password", STRONG).with(csrf()))
                .andExpect(redirectedUrl("/login?locked")).andReturn().getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(get("/login").param("locked", "").cookie(browser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This account is locked after 5 failed logins in a row, "
                        + "until ")))
                .andExpect(content().string(not(containsString("Unknown user or wrong password"))));

        // Sixteen minutes later it opens again with the right password.
        ClockUtil.setCurrentTime(Date.from(until.plusSeconds(60)));
        mvc.perform(get("/api/touchpoints").with(httpBasic(userId, STRONG))).andExpect(status().isOk());
        UserEntity user = (UserEntity) identity.createUserQuery().userId(userId).singleResult();
        assertThat(user.getAttempts()).isZero();
    }

    @Test
    void anUnknownUserGetsTheSameAnswersAsAKnownOne() throws Exception {
        String nobody = "nobody-" + suffix();
        for (int attempt = 1; attempt < 5; attempt++) {
            mvc.perform(get("/api/touchpoints").with(httpBasic(nobody, "wrong")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("Unknown user or wrong password."));
        }
        mvc.perform(get("/api/touchpoints").with(httpBasic(nobody, "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Account locked"))
                .andExpect(jsonPath("$.lockedUntil").exists());
        mvc.perform(formLogin().user(nobody).password("wrong")).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void newPasswordsMustFollowThePolicyExceptTheDemosOwn() {
        User weak = identity.newUser("weak-" + suffix());
        weak.setPassword("password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.saveUser(weak))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("policy");
        assertThat(identity.checkPasswordAgainstPolicy("demo").isValid()).isFalse();
        assertThat(identity.checkPasswordAgainstPolicy(STRONG).isValid()).isTrue();
        // The demo users exist all the same, with their password "demo".
        assertThat(identity.checkPassword("employee", "demo")).isTrue();
    }

    @Test
    void passwordsAreStoredWithASlowSaltedHashAndOldHashesStillLogInAndAreUpgraded() throws Exception {
        String userId = newUser(STRONG);
        String stored = storedHash(userId);
        assertThat(stored).matches("\\{PBKDF2-SHA256\\}310000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(storedHash("cmo")).startsWith("{PBKDF2-SHA256}310000$");
        String other = newUser(STRONG);
        assertThat(storedHash(other)).as("salted: the same password hashes differently").isNotEqualTo(stored);

        // A user from a database of Camunda's default hashing (SHA-512) logs in, and is rehashed.
        UserEntity legacy = (UserEntity) identity.createUserQuery().userId(userId).singleResult();
        legacy.setSalt("c2FsdHNhbHRzYWx0c2FsdA==");
        legacy.setDbPassword("{SHA-512}" + new Sha512HashDigest().encrypt(STRONG + legacy.getSalt()));
        identity.saveUser(legacy);
        assertThat(storedHash(userId)).startsWith("{SHA-512}");
        mvc.perform(get("/api/touchpoints").with(httpBasic(userId, STRONG))).andExpect(status().isOk());
        assertThat(storedHash(userId)).startsWith("{PBKDF2-SHA256}");
        mvc.perform(get("/api/touchpoints").with(httpBasic(userId, STRONG))).andExpect(status().isOk());
    }

    private String storedHash(String userId) {
        return ((UserEntity) identity.createUserQuery().userId(userId).singleResult()).getPassword();
    }

    private String newUser(String password) {
        String userId = "probe-" + suffix();
        User user = identity.newUser(userId);
        user.setFirstName("Probe");
        user.setLastName("User");
        user.setPassword(password);
        identity.saveUser(user);
        users.add(userId);
        identity.createMembership(userId, Groups.EMPLOYEE);
        return userId;
    }

    /** The session's cookie: sessions live in Spring Session's store, not in MockMvc's mock session. */
    private Cookie login(String user, String password) throws Exception {
        return mvc.perform(formLogin().user(user).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie(SESSION_COOKIE);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
