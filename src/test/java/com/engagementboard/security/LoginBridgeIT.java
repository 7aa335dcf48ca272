package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for the application and the Camunda webapps, through real HTTP as a browser does it:
 * form login at {@code /login} with Spring's CSRF token, the session cookie, the webapps' own XSRF
 * cookie and header, and logout from either side ending the whole session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBridgeIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> createdTouchpoints = new ArrayList<>();
    private final List<String> createdUsers = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @AfterEach
    void cleanUp() throws Exception {
        for (String code : createdTouchpoints) {
            HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/touchpoints/" + code))
                    .header("Authorization", basic("cmo", "demo")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).as("clean-up of touchpoint %s", code).isIn(204, 404);
        }
        createdUsers.forEach(identity::deleteUser);
    }

    @Test
    void formLoginOpensTheTasklistForTheSameUserButNotCockpit() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("marketing.head", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.location(login)).isEqualTo("/");

        HttpResponse<String> me = browser.get(WHO_AM_I);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.path("userId").asText()).isEqualTo("marketing.head");
        assertThat(texts(user.path("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");

        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(tasklist.body()).containsIgnoringCase("<html").contains("tasklist");

        assertThat(browser.get(COCKPIT).statusCode()).isEqualTo(403);
    }

    @Test
    void administratorsSessionOpensCockpitAndAdmin() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("admin", "demo").statusCode()).isEqualTo(302);

        HttpResponse<String> me = browser.get(WHO_AM_I);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.path("userId").asText()).isEqualTo("admin");
        assertThat(texts(user.path("authorizedApps"))).contains("tasklist", "cockpit", "admin");

        HttpResponse<String> cockpit = browser.get(COCKPIT);
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("<html").contains("cockpit");
    }

    @Test
    void wrongPasswordGoesBackToTheLoginFormAndOpensNothing() throws Exception {
        // A user of this test alone: Camunda delays (and eventually locks) a user after wrong passwords,
        // which on a shared database would lock a demo user for the other tests and later runs.
        String userId = "it-login-" + suffix();
        User user = identity.newUser(userId);
        user.setFirstName("Login");
        user.setLastName("Probe");
        user.setPassword("The-right-passw0rd");
        identity.saveUser(user);
        createdUsers.add(userId);
        identity.createMembership(userId, Groups.EMPLOYEE);

        Browser browser = new Browser();
        HttpResponse<String> login = browser.login(userId, "a-wrong-password");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.location(login)).isEqualTo("/login?error");

        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(browser.location(tasklist)).isEqualTo("/login");
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/touchpoints").statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousPagesRedirectToLoginAndAnonymousApiCallsGetProblemDetails() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(browser.location(tasklist)).isEqualTo("/login");

        HttpResponse<String> api = browser.get("/api/touchpoints");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    @Test
    void browserSessionNeedsSpringsCsrfTokenToWriteThroughTheApi() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("cmo", "demo").statusCode()).isEqualTo(302);
        String code = "it-bridge-" + suffix();

        HttpResponse<String> forged = browser.postJson("/api/touchpoints", touchpoint(code), Map.of());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(browser.get("/api/touchpoints/" + code).statusCode()).as("not created").isEqualTo(404);

        // The session's token, as Thymeleaf renders it into the logout form of every page.
        String token = browser.csrfTokenOf("/");
        HttpResponse<String> created = browser.postJson("/api/touchpoints", touchpoint(code),
                Map.of("X-CSRF-TOKEN", token));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        createdTouchpoints.add(code);
        assertThat(json.readTree(created.body()).path("code").asText()).isEqualTo(code);
        assertThat(browser.get("/api/touchpoints/" + code).statusCode()).isEqualTo(200);
    }

    @Test
    void loggingOutOfATasklistEndsTheWholeSession() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("marketing.head", "demo").statusCode()).isEqualTo(302);
        assertThat(browser.get(TASKLIST).statusCode()).isEqualTo(200);
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(200);
        String xsrf = browser.cookie("XSRF-TOKEN");
        assertThat(xsrf).as("Camunda's XSRF-TOKEN cookie").isNotBlank();

        HttpResponse<String> logout = browser.post(WHO_AM_I + "/logout", HttpRequest.BodyPublishers.noBody(),
                Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);

        assertThat(browser.get(WHO_AM_I).statusCode()).isIn(401, 404);
        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(browser.location(tasklist)).isEqualTo("/login");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(browser.location(home)).isEqualTo("/login");
    }

    @Test
    void loggingOutOfTheApplicationEndsTheWebappSessionToo() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("marketing.head", "demo").statusCode()).isEqualTo(302);
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(200);

        String token = browser.csrfTokenOf("/");
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", token));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.location(logout)).isEqualTo("/login?logout");

        assertThat(browser.get(WHO_AM_I).statusCode()).isIn(401, 404);
        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(browser.location(tasklist)).isEqualTo("/login");
    }

    private static String touchpoint(String code) {
        return """
                {"code":"%s","name":"Integration-test touchpoint","description":"Made by LoginBridgeIT",
                 "kind":"INTERNAL","channel":"Test","journeyStage":"BOND","priority":1}""".formatted(code);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A browser: keeps cookies, does not follow redirects. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            String token = csrfTokenOf("/login");
            return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
        }

        /** The {@code _csrf} hidden input Thymeleaf renders into the page's POST form. */
        String csrfTokenOf(String page) throws IOException, InterruptedException {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as("GET %s", page).isEqualTo(200);
            Matcher matcher = CSRF_INPUT.matcher(response.body());
            assertThat(matcher.find()).as("a _csrf input on %s", page).isTrue();
            return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        /** The redirect target, as a path (and query) on this server. */
        String location(HttpResponse<?> response) {
            String location = response.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("no Location header; status " + response.statusCode()));
            URI target = uri("/").resolve(location);
            assertThat(target.getPort()).isEqualTo(port);
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json;q=0.9,*/*")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return post(path, HttpRequest.BodyPublishers.ofString(form),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
        }

        HttpResponse<String> postJson(String path, String body, Map<String, String> headers)
                throws IOException, InterruptedException {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("Content-Type", "application/json");
            return post(path, HttpRequest.BodyPublishers.ofString(body), all);
        }

        HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body)
                    .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
