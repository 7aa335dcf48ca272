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

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, Problems.invalidInput(problems), null);
    }
}
