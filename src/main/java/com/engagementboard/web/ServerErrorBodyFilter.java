package com.engagementboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' own APIs ({@code /camunda/api/engine}, {@code .../cockpit}, {@code .../admin},
 * {@code .../tasklist}) answer a failure with the engine's message, which may carry SQL or class
 * names. This filter swallows the body of any 5xx answer there and sends problem details that also carry
 * Camunda's {@code message} (which the webapps show): a generic message with a reference; the swallowed text
 * goes to the log under that reference. Other answers pass through untouched and unbuffered.
 */
class ServerErrorBodyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorBodyFilter.class);
    private static final int LOGGED_BYTES = 4_000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Guard guard = new Guard(response);
        chain.doFilter(request, guard);
        if (guard.swallowed != null && !response.isCommitted()) {
            String reference = ServerErrors.newReference();
            LOG.error("{} {} failed with {} (reference {}): {}", request.getMethod(), request.getRequestURI(),
                    guard.getStatus(), reference, guard.swallowed.toString(StandardCharsets.UTF_8));
            response.resetBuffer();
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String detail = ServerErrors.detail(reference);
            String body = "{\"type\":\"" + ServerErrors.TYPE + "\",\"title\":\"" + ServerErrors.TITLE
                    + "\",\"status\":" + guard.getStatus() + ",\"detail\":\"" + detail + "\",\"message\":\""
                    + detail + "\",\"reference\":\"" + reference + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** Passes everything through, except the body (and its length) of a 5xx answer. */
    private static final class Guard extends HttpServletResponseWrapper {

        private ByteArrayOutputStream swallowed;
        private ServletOutputStream sink;
        private PrintWriter writer;

        Guard(HttpServletResponse response) {
            super(response);
        }

        private boolean failing() {
            return getStatus() >= 500;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!failing()) {
                return super.getOutputStream();
            }
            if (sink == null) {
                swallowed = new ByteArrayOutputStream();
                sink = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        if (swallowed.size() < LOGGED_BYTES) {
                            swallowed.write(b);
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        // writes never block
                    }
                };
            }
            return sink;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!failing()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (!failing()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!failing()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(failing() && "Content-Length".equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(failing() && "Content-Length".equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (!failing()) {
                super.flushBuffer();
            }
        }
    }
}
