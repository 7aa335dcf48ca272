package com.engagementboard.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request no handler of the application takes: an address nobody serves, or a method or content type an address
 * does not take. No handler of this application means {@link ProblemDetailsAdvice} (bound to its packages) is not
 * asked, and Spring Boot's default error body answered ({@code GET /api/charter/drafts}, {@code DELETE /api/board},
 * {@code /api/nope}). Here they are problem details too, with Spring's status and headers ({@code Allow}); a browser
 * gets the product's page first ({@link PageErrorResolver}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequestAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> nothingThere(NoResourceFoundException ex) {
        ProblemDetail problem = ex.getBody();
        // Spring's words name a "static resource"; say it as the API's other answers do.
        problem.setDetail("There is nothing at /" + ex.getResourcePath() + ": see /swagger-ui.html for what the "
                + "API offers.");
        return answer(ex, problem);
    }

    @ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class })
    ResponseEntity<ProblemDetail> notTaken(Exception ex) {
        ErrorResponse error = (ErrorResponse) ex;
        return answer(error, error.getBody());
    }

    private static ResponseEntity<ProblemDetail> answer(ErrorResponse error, ProblemDetail problem) {
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
