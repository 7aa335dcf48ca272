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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.ErrorProperties.IncludeAttribute;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web's defences on a real server, where the Camunda webapps and {@code /engine-rest} run: the
 * session cookie's flags, stateless HTTP Basic, the headers of the Tasklist, error bodies without
 * engine or SQL text on every door, and the password policy on Camunda's user endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityIT {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final List<String> LEAKS = List.of("org.camunda", "org.h2", "SQL", "Exception", "ACT_ID_USER",
            "ENGINE-", "\tat ", "at org.");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> createdUsers = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ServerProperties server;

    @AfterEach
    void cleanUp() {
        createdUsers.forEach(identity::deleteUser);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("employee", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // Plain HTTP here (SECURE_COOKIES unset); the prod profile makes it Secure.
        assertThat(session).doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");
    }

    @Test
    void aBasicCallWithSomeoneElsesSessionCookieActsAsTheBasicUserAndSetsNoCookie() throws Exception {
        Browser employee = new Browser();
        assertThat(employee.login("employee", "demo").statusCode()).isEqualTo(302);
        String employeeSession = employee.cookie("JSESSIONID");
        assertThat(employeeSession).isNotBlank();

        // The employee's session cookie rides along, the chair's Basic credentials decide: a chair's write,
        // without any CSRF token, and no cookie set.
        String code = "it-basic-" + suffix();
        HttpResponse<String> write = plain.send(HttpRequest.newBuilder(uri("/api/touchpoints"))
                .header("Cookie", "JSESSIONID=" + employeeSession).header("Authorization", basic("cmo", "demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(touchpoint(code))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
        assertThat(write.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> deleted = plain.send(HttpRequest.newBuilder(uri("/api/touchpoints/" + code))
                .header("Authorization", basic("cmo", "demo")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);

        // The same cookie with the employee's session alone: the employee, who may not write.
        HttpResponse<String> asEmployee = employee.post("/api/touchpoints", touchpoint(code),
                Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", "not-needed-to-be-refused"));
        assertThat(asEmployee.statusCode()).isEqualTo(403);

        HttpResponse<String> alone = plain.send(HttpRequest.newBuilder(uri("/api/touchpoints"))
                .header("Authorization", basic("employee", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(alone.statusCode()).isEqualTo(200);
        assertThat(alone.headers().allValues("Set-Cookie")).as("a Basic call opens no session").isEmpty();
    }

    @Test
    void theAppsPagesAndTheTasklistCarrySecurityHeaders() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("marketing.head", "demo").statusCode()).isEqualTo(302);

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().allValues("Content-Security-Policy")).containsExactly(SecurityConfig.PAGES_CSP);
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");

        HttpResponse<String> tasklist = browser.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        // Camunda's own policy for its webapps (a nonce for their inline scripts), once, not ours on top.
        List<String> csp = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(csp).hasSize(1);
        assertThat(csp.get(0)).contains("script-src 'nonce-", "object-src 'none'", "base-uri 'self'");
        assertThat(tasklist.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(tasklist.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp.get(0));
        assertThat(nonce.find()).isTrue();
        assertThat(tasklist.body()).as("the Tasklist's inline script carries the nonce").contains(nonce.group(1));
    }

    @Test
    void engineFailuresReachNoClientWithEngineOrSqlText() throws Exception {
        // A first name longer than its database column (255) fails in the database, with SQL in the cause.
        String duplicate = """
                {"profile": {"id": "it-long-%s", "firstName": "%s", "lastName": "Long"},
                 "credentials": {"password": "Str0ng-enough!"}}""".formatted(suffix(), "F".repeat(300));
        // /engine-rest
        HttpResponse<String> rest = plain.send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
                .header("Authorization", basic("admin", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(duplicate)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(500);
        assertNoLeak(rest.body());
        assertThat(json.readTree(rest.body()).path("message").asText()).contains("reference");

        // The webapps' engine API (what Camunda Admin calls), with the session and Camunda's XSRF token.
        Browser admin = new Browser();
        assertThat(admin.login("admin", "demo").statusCode()).isEqualTo(302);
        assertThat(admin.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> webapp = admin.post("/camunda/api/engine/engine/default/user/create", duplicate,
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", admin.cookie("XSRF-TOKEN")));
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(500);
        assertNoLeak(webapp.body());
        assertThat(json.readTree(webapp.body()).path("message").asText()).contains("reference");

        // Spring's error page says no more than the status.
        assertThat(server.getError().getIncludeMessage()).isEqualTo(IncludeAttribute.NEVER);
        assertThat(server.getError().getIncludeStacktrace()).isEqualTo(IncludeAttribute.NEVER);
        assertThat(server.getError().isIncludeException()).isFalse();
        HttpResponse<String> error = plain.send(HttpRequest.newBuilder(uri("/error"))
                .header("Authorization", basic("employee", "demo")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNoLeak(error.body());
        assertThat(json.readTree(error.body()).has("message")).isFalse();
        assertThat(json.readTree(error.body()).has("trace")).isFalse();
    }

    @Test
    void aWeakNewPasswordIsRefusedWith400NamingTheFieldAndTheRules() throws Exception {
        String userId = "it-weak-" + suffix();
        String weak = """
                {"profile": {"id": "%s", "firstName": "Weak", "lastName": "Password"},
                 "credentials": {"password": "password"}}""".formatted(userId);
        HttpResponse<String> refused = plain.send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
                .header("Authorization", basic("admin", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(weak)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.path("field").asText()).isEqualTo("password");
        assertThat(body.path("message").asText()).contains("password", "at least 10 characters", "digit",
                "upper-case");
        assertThat(identity.createUserQuery().userId(userId).count()).isZero();

        String strong = weak.replace("\"password\"}", "\"Str0ng-enough!\"}");
        HttpResponse<String> created = plain.send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
                .header("Authorization", basic("admin", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(strong)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        createdUsers.add(userId);
    }

    private static void assertNoLeak(String body) {
        assertThat(body).doesNotContain(LEAKS);
    }

    private static String touchpoint(String code) {
        return """
                {"code":"%s","name":"Integration-test touchpoint","kind":"INTERNAL","channel":"Test",
                 "journeyStage":"BOND","priority":1}""".formatted(code);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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
            HttpResponse<String> page = get("/login");
            Matcher matcher = CSRF_INPUT.matcher(page.body());
            assertThat(matcher.find()).as("a _csrf input on /login").isTrue();
            String token = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String form = Map.of("username", user, "password", password, "_csrf", token).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return post("/login", form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json;q=0.9")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Accept", "application/json, text/html;q=0.9");
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
