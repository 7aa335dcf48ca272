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
 * made Camunda's REST resources fail with a NullPointerException: a 500 for the client's mistake. This
 * filter reads such a body first and answers those mistakes with a 400 problem naming the variable; any
 * other body (malformed JSON too, which the engine's mappers name) goes on unchanged.
 */
class EngineBodyCheck extends OncePerRequestFilter {

    /** The engine's calls that take {@code {"variables": {...}}}: task completion and form submission, process starts. */
    private static final Pattern VARIABLE_CALLS = Pattern.compile(
            ".*/(task/[^/]+/(complete|submit-form|resolve)|process-definition/.+/(start|submit-form))");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !VARIABLE_CALLS.matcher(request.getRequestURI()).matches()
                || request.getContentType() == null || !request.getContentType().startsWith("application/json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String refusal = refusal(body);
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // The members of every engine problem (EngineRestConfig): Camunda's "message" is what the Tasklist shows.
            json.writeValue(response.getOutputStream(), Map.of("type", Problems.INVALID_INPUT.toString(),
                    "title", "Invalid request", "status", 400, "detail", refusal, "message", refusal));
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
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
        if (root == null || root.isMissingNode()) {
            return null;
        }
        if (!root.isObject()) {
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
