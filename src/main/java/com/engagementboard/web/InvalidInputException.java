package com.engagementboard.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 400 as problem details for a rule that Bean Validation cannot check (an unknown reference, say):
 * names the field and says what would be accepted.
 */
public class InvalidInputException extends ErrorResponseException {

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /**
     * A reason a person must give (why a version is withdrawn, why an action is cancelled): refused when blank,
     * with {@code why} telling them what it is for, or when longer than {@code max}; answered stripped.
     */
    public static String requireReason(String field, String value, int max, String why) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, why);
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "is " + value.length() + " characters; at most " + max);
        }
        return value.strip();
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, Problems.invalidInput(problems), null);
        this.problems = List.copyOf(problems);
    }

    /** The fields refused, each with what would be accepted: for a task listener to say them as a form refusal. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
