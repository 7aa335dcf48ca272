package com.engagementboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person at the running application over loopback HTTP. Logged in with the form at /login, as a
 * browser is: a session cookie, Spring's CSRF token for writes to /api and /engine-rest, Camunda's
 * XSRF token for the webapps' API. Or, with {@link #basic}, an API client sending HTTP Basic on every
 * request (then every request checks the password: PBKDF2 with 310,000 iterations).
 */
final class Session {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + abbreviate(body), e);
            }
        }

        Response expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
        }
    }

    private final String base;
    private final String user;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String basicHeader;
    private String csrf;

    private Session(int port, String user) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Logs in with the form, then reads the session's CSRF token from the home page. */
    static Session login(int port, String user, String password) {
        Session session = new Session(port, user);
        Response page = session.get("/login").expect(200);
        String token = csrfOf(page.body());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.statusCode() + " " + location);
        }
        session.csrf = csrfOf(session.get("/").expect(200).body());
        session.get("/camunda/api/engine/engine/default/task/count"); // sets Camunda's XSRF-TOKEN cookie
        return session;
    }

    /** An API client: HTTP Basic on every request, no session. */
    static Session basic(int port, String user, String password) {
        Session session = new Session(port, user);
        session.basicHeader = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return session;
    }

    String user() {
        return user;
    }

    Response get(String path) {
        return call(request(path).GET());
    }

    Response postJson(String path, String body) {
        return call(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, String contentType, String body) {
        HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return call(request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON POST to the Camunda webapps' engine API, with the XSRF header the Tasklist sends. */
    Response webappPost(String path, String body) {
        return call(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN") == null ? "" : cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response webappGet(String path) {
        return call(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                .header("Accept", "application/json").GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json, text/html");
        if (basicHeader != null) {
            request.header("Authorization", basicHeader);
        } else if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return request;
    }

    private Response call(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        return new Response(response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF_INPUT.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No _csrf input in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
