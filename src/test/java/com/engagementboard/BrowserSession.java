package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's browser: logs in with the form at /login and keeps the session's cookies. */
public final class BrowserSession {

    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    public BrowserSession(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private BrowserSession(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same browser (the same cookies, hence the same session) talking to another port: another node of a
     * cluster behind a load balancer. Cookies do not depend on the port.
     */
    public BrowserSession on(int otherPort) {
        return new BrowserSession(otherPort, cookies);
    }

    public BrowserSession login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = CSRF_INPUT.matcher(page.body());
        assertThat(matcher.find()).as("the login form's _csrf input").isTrue();
        String token = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "application/json, text/html");
    }

    /** A GET accepting the given media type (the Tasklist asks for {@code application/hal+json}). */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST with the session's cookies; with Camunda's XSRF header unless {@code xsrf} is null. */
    public HttpResponse<String> postJson(String path, String body, String xsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST to the Tasklist's own engine API, with Camunda's XSRF token as the Tasklist sends it. */
    public HttpResponse<String> tasklistPost(String path, String body) throws IOException, InterruptedException {
        if (cookie("XSRF-TOKEN") == null) {
            get("/camunda/api/engine/engine/default/task?maxResults=1"); // any webapp call sets the cookie
        }
        return postJson("/camunda/api/engine/engine/default" + path, body, cookie("XSRF-TOKEN"));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
