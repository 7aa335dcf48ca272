package com.engagementboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Completing a task or starting a process through the engine doors ({@code /engine-rest} and the
 * Tasklist's {@code /camunda/api/engine}) with a body of {@code null}, or a variable of {@code null},
 * made Camunda's REST resources fail with a NullPointerException: a 500 for the client's mistake; a text
 * variable with a NUL made PostgreSQL fail the same way, and half a surrogate pair was stored as "?". This
 * filter reads such a body first (up to {@link #MAX_BODY} bytes; a larger one is a 413) and answers those
 * mistakes with a 400 problem naming the variable; any other body (malformed JSON too, which the engine's
 * mappers name) goes on unchanged.
 */
class EngineBodyCheck extends OncePerRequestFilter {

    /** The engine's calls that take {@code {"variables": {...}}}: task completion and form submission, process starts. */
    private static final Pattern VARIABLE_CALLS = Pattern.compile(
            ".*/(task/[^/]+/(complete|submit-form|resolve)|process-definition/.+/(start|submit-form))");

    /** Far above any form of this product (a charter's declined rights are a few kilobytes). */
    static final int MAX_BODY = 16 * 1024 * 1024;
    /** A path segment's parameters ({@code ;x=1}), which Jersey ignores when it matches a resource. */
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || !VARIABLE_CALLS.matcher(path(request)).matches()
                || !json(request.getContentType());
    }

    /** The address as Jersey matches it: decoded, without a segment's parameters. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return MATRIX_PARAMETERS.matcher(path).replaceAll("");
    }

    /** Any spelling of JSON the engine reads as JSON ({@code Application/JSON; charset=UTF-8}). */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content too large",
                    "The body is larger than " + MAX_BODY / (1024 * 1024) + " MB; no form of this application needs that.");
            return;
        }
        String refusal = refusal(body);
        if (refusal != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Invalid request", refusal);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** The members of every engine problem (EngineRestConfig): Camunda's "message" is what the Tasklist shows. */
    private void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("type", status == 400 ? Problems.INVALID_INPUT.toString()
                : "about:blank", "title", title, "status", status, "detail", detail, "message", detail));
    }

    /** What is wrong with the body, in words; null when the engine may read it. */
    String refusal(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException malformed) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
        // An empty body reaches Camunda's resources as null, which they dereference: refused like null.
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return "The body must be a JSON object, such as {\"variables\": {}}.";
        }
        JsonNode variables = root.get("variables");
        if (variables == null || variables.isNull()) {
            return null;
        }
        if (!variables.isObject()) {
            return "variables: must be an object of variables, such as {\"decision\": {\"value\": \"...\"}}.";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> variable = it.next();
            if (!variable.getValue().isObject()) {
                return "variables." + shortened(variable.getKey())
                        + ": must be an object with its value, such as {\"value\": \"...\", \"type\": \"String\"}.";
            }
            if (PlainTextModule.unprintable(variable.getKey())) {
                return "variables: a variable's name holds a control character or a broken Unicode character.";
            }
            JsonNode value = variable.getValue().get("value");
            if (value != null && value.isTextual() && PlainTextModule.unprintable(value.asText())) {
                return "variables." + shortened(variable.getKey())
                        + ": holds a control character or a broken Unicode character; send plain text.";
            }
        }
        return null;
    }

    private static String shortened(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "...";
    }

    /** The request with its body read once here and given again to the engine. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
