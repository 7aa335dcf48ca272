package com.engagementboard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * What the server answers at {@code /error} (a failure no handler answered: the security firewall refusing an
 * address with {@code ;} or {@code //}, an exception outside any controller) for a client that is not a
 * browser asking for a page: problem details, never Spring Boot's default body ({@code timestamp}, {@code error},
 * {@code path}). A browser still gets the product's error page (Spring Boot's HTML side of this controller).
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errors;

    ProblemErrorController(ErrorAttributes errors, ServerProperties server, ObjectProvider<ErrorViewResolver> views) {
        super(errors, server.getError(), views.orderedStream().toList());
        this.errors = errors;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = errors.getError(new ServletWebRequest(request));
        Map<String, Object> problem = problem(code instanceof Integer status ? status : null, failure,
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        return ResponseEntity.status((Integer) problem.get("status")).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The problem for a status (null: {@code /error} was asked for itself), in words a person can act on. */
    static Map<String, Object> problem(Integer status, Throwable failure, String path) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRejectedException) {
                return problem(400, "urn:engagement-board:problem:address-refused", "Address refused",
                        "The address holds something the server refuses (such as ';', '//', '..', an encoded '/' or "
                                + "'%', or a character that is not printable). Use plain path segments.");
            }
        }
        if (status == null) {
            return problem(404, "urn:engagement-board:problem:not-found", "Not Found",
                    "There is nothing at /error: see /swagger-ui.html for what the API offers.");
        }
        if (status >= 500) {
            String reference = ServerErrors.newReference();
            LOG.error("Request to {} failed with {} (reference {})", path, status, reference, failure);
            Map<String, Object> problem = problem(status, ServerErrors.TYPE.toString(), ServerErrors.TITLE,
                    ServerErrors.detail(reference));
            problem.put("reference", reference);
            return problem;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request could not be read: check its address, headers and body.";
            case 404 -> "There is nothing at this address: see /swagger-ui.html for what the API offers.";
            case 405 -> "This address does not take this method: see /swagger-ui.html for the ones it takes.";
            default -> title + ".";
        };
        return problem(status, "about:blank", title, detail);
    }

    private static Map<String, Object> problem(int status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
