package com.engagementboard.web;

/** One thing wrong with a request: the field (or line) and what is wrong with it. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
