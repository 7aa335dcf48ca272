package com.engagementboard.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem details (RFC 9457) the API answers with. */
public final class Problems {

    public static final URI INVALID_INPUT = URI.create("urn:engagement-board:problem:invalid-input");
    public static final URI ILLEGAL_TRANSITION = URI.create("urn:engagement-board:problem:illegal-transition");

    private Problems() {
    }

    public static ProblemDetail invalidInput(List<FieldProblem> problems) {
        String detail = problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(INVALID_INPUT);
        problem.setProperty("errors", problems);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
