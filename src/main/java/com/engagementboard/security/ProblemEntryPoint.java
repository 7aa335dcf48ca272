package com.engagementboard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 for API clients, as problem details that say what to do; a locked account is named as
 * such, with the time it opens again ({@code lockedUntil}).
 */
@Component
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Engagement Board";

    private final ObjectMapper json;

    ProblemEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // No Basic challenge for the webapps' own calls: it would pop up the browser's password dialog.
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        if (exception instanceof AccountLockedException locked) {
            ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "Account locked", locked.getMessage());
            problem.setProperty("lockedUntil", locked.until().toString());
            write(response, problem);
        } else if (exception instanceof BadCredentialsException) {
            write(response, problem(HttpStatus.UNAUTHORIZED, "Not logged in",
                    CamundaIdentityAuthenticationProvider.WRONG_CREDENTIALS + "."));
        } else {
            write(response, problem(HttpStatus.UNAUTHORIZED, "Not logged in",
                    "Log in first: send HTTP Basic credentials of a Camunda user, or log in at /login."));
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        write(response, problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Your groups do not allow this. Ask an administrator if you need it."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
