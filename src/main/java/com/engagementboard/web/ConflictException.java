package com.engagementboard.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409 as problem details: the request is valid but clashes with the current state. */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    /** Adds a property to the problem (for example the list of gaps that block a submission). */
    public ConflictException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:engagement-board:problem:conflict"));
        return problem;
    }
}
