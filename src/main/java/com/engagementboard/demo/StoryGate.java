package com.engagementboard.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closed while the demo story is told: the web server is up by then, but the engine's clock stands a year back
 * and the story drives the processes, so a login, a page or a task completed meanwhile would be dated last year
 * or cross the story's steps. Every request but the health check gets a 503 with {@code Retry-After} until the
 * story is over (seconds, on a first start only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = { "engagement-board.demo-data", "engagement-board.demo-board",
        "engagement-board.demo-story" }, havingValue = "true")
class StoryGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    private final AtomicBoolean telling = new AtomicBoolean();

    void close() {
        telling.set(true);
    }

    void open() {
        telling.set(false);
    }

    boolean isClosed() {
        return telling.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !telling.get() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"urn:engagement-board:problem:starting","title":"Starting","status":503,\
                "detail":"The demo is being set up on this first start: try again in a few seconds."}""");
    }
}
