package com.engagementboard.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads what task forms submit, whichever way the client sent it. */
public final class FormValues {

    private FormValues() {
    }

    /**
     * A list of ids: a form's checklist (a JSON array), a list, or a comma-separated text.
     *
     * @throws IllegalArgumentException when an entry is not a number
     */
    public static List<Long> ids(Object value) {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return List.of();
        } else if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> items.add(e.isNumber() ? e.numberValue().toString() : e.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> items.add(String.valueOf(v)));
        } else {
            for (String part : value.toString().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
                if (!part.isEmpty()) {
                    items.add(part);
                }
            }
        }
        try {
            return items.stream().map(Long::valueOf).distinct().toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must list ids, got " + value);
        }
    }
}
