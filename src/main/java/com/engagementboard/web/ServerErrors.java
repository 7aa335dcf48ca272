package com.engagementboard.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a client learns of a failure on the server: that it happened, and a reference to quote. The
 * cause (engine, SQL or stack text) goes to the server's log under the same reference, never to the
 * client.
 */
public final class ServerErrors {

    public static final String TITLE = "Something went wrong on the server";
    public static final URI TYPE = URI.create("urn:engagement-board:problem:server-error");

    private ServerErrors() {
    }

    /** A short reference that the log and the answer share. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String detail(String reference) {
        return "The request could not be completed. Try again; if it keeps failing, tell an administrator "
                + "the reference " + reference + ".";
    }

    public static ProblemDetail problem(String reference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, detail(reference));
        problem.setTitle(TITLE);
        problem.setType(TYPE);
        problem.setProperty("reference", reference);
        return problem;
    }
}
