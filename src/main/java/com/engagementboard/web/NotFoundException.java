package com.engagementboard.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as problem details: names what was looked for. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what, String key) {
        super(HttpStatus.NOT_FOUND, problem(what, key), null);
    }

    private static ProblemDetail problem(String what, String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no " + what + " '" + key + "'.");
        problem.setTitle(capitalise(what) + " not found");
        problem.setType(URI.create("urn:engagement-board:problem:not-found"));
        return problem;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
