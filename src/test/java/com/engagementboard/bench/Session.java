package com.engagementboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person at the running application over loopback HTTP. Logged in with the form at /login, as a
 * browser is: a session cookie, Spring's CSRF token for writes to /api and /engine-rest, Camunda's
 * XSRF token for the webapps' API. Or, with {@link #basic}, an API client sending HTTP Basic on every
 * request (then every request checks the password: PBKDF2 with 310,000 iterations).
 */
public final class Session {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_INPUT = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    /** A response; {@code contentType} is the header's value, or an empty string. */
    public record Response(int status, String body, String location, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + abbreviate(body), e);
            }
        }

        public Response expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
        }
    }

    static {
        // Keep a connection alive per client thread (the JDK's default keeps 5 per host).
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final String base;
    private final String user;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String basicHeader;
    private String csrf;

    private Session(int port, String user) {
        this.base = "http://localhost:" + port;
        this.user = user;
    }

    /** Logs in with the form, then reads the session's CSRF token from the home page. */
    public static Session login(int port, String user, String password) {
        Session session = new Session(port, user);
        Response page = session.get("/login").expect(200);
        String token = csrfOf(page.body());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        Response login = session.exchange("POST", "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
        String location = login.location() == null ? "" : login.location();
        if (login.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: " + login.status() + " " + location);
        }
        session.csrf = csrfOf(session.get("/").expect(200).body());
        session.get("/camunda/api/engine/engine/default/task/count"); // sets Camunda's XSRF-TOKEN cookie
        return session;
    }

    /** An API client: HTTP Basic on every request, no session. */
    public static Session basic(int port, String user, String password) {
        Session session = new Session(port, user);
        session.basicHeader = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return session;
    }

    public String user() {
        return user;
    }

    public Response get(String path) {
        return exchange("GET", path, apiHeaders(null), null);
    }

    public Response postJson(String path, String body) {
        return exchange("POST", path, apiHeaders("application/json"), body);
    }

    public Response delete(String path) {
        return exchange("DELETE", path, apiHeaders(null), null);
    }

    public Response post(String path, String contentType, String body) {
        return exchange("POST", path, apiHeaders(contentType), body == null ? "" : body);
    }

    /** A JSON POST to the Camunda webapps' engine API, with the XSRF header the Tasklist sends. */
    public Response webappPost(String path, String body) {
        String xsrf = cookie("XSRF-TOKEN");
        return exchange("POST", "/camunda/api/engine/engine/default" + path, Map.of("Accept", "application/json",
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrf == null ? "" : xsrf), body);
    }

    public Response webappGet(String path) {
        return exchange("GET", "/camunda/api/engine/engine/default" + path, Map.of("Accept", "application/json"),
                null);
    }

    private Map<String, String> apiHeaders(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/html");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (basicHeader != null) {
            headers.put("Authorization", basicHeader);
        } else if (csrf != null) {
            headers.put("X-CSRF-TOKEN", csrf);
        }
        return headers;
    }

    /**
     * One request on the calling thread with a kept-alive connection (HttpURLConnection): the JDK's
     * HttpClient hands each request to its selector thread and back, and the benchmark's 8 clients share
     * the machine's two cores with the application.
     */
    private Response exchange(String method, String path, Map<String, String> headers, String body) {
        URI uri = URI.create(base + path);
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(300_000);
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            cookies.get(uri, Map.of()).forEach((name, values) -> {
                if (!values.isEmpty()) {
                    connection.setRequestProperty(name, String.join("; ", values));
                }
            });
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            cookies.put(uri, connection.getHeaderFields());
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = "";
            if (in != null) {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String contentType = connection.getContentType();
            return new Response(status, text, connection.getHeaderField("Location"),
                    contentType == null ? "" : contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF_INPUT.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No _csrf input in the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
