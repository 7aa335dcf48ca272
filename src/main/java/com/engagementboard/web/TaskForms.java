package com.engagementboard.web;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Server-side checks of what people submit in task forms, for the task listeners of every process.
 * A refusal names the field; the Tasklist, {@code /engine-rest} and {@code /api} answer it with 400.
 */
public final class TaskForms {

    private TaskForms() {
    }

    public static FormFieldValidationException invalid(String field, String message) {
        return new FormFieldValidationException(field, field + ": " + message);
    }

    public static void requireOneOf(String field, Object value, String... allowed) {
        if (value == null) {
            throw invalid(field, "choose one of the answers (required)");
        }
        if (!List.of(allowed).contains(value)) {
            throw invalid(field, "'" + BoundedText.text(String.valueOf(value), 80, "...")
                    + "' is not one of the answers offered: " + List.of(allowed));
        }
    }

    public static void requireText(String field, Object value, String what) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(field, what + " (required)");
        }
    }

    /** Who completes the task: the engine's authenticated user, else the assignee. */
    public static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
