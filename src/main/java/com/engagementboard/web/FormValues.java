package com.engagementboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/** Reads what task forms submit, whichever way the client sent it. */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * A dynamic list's rows: a JSON array of objects (as the Tasklist submits it), its text, or a list of maps.
     *
     * @throws IllegalArgumentException when the value is not a list of rows
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(Object value) {
        Object parsed;
        try {
            parsed = value == null ? List.of() : value instanceof SpinJsonNode json ? JSON.readValue(json.toString(),
                    Object.class) : value instanceof String text ? JSON.readValue(text, Object.class) : value;
        } catch (java.io.IOException notJson) {
            throw new IllegalArgumentException("must be a list of rows");
        }
        if (!(parsed instanceof Collection<?> collection)) {
            throw new IllegalArgumentException("must be a list of rows");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : collection) {
            if (!(row instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("each row must be a set of fields");
            }
            rows.add((Map<String, Object>) map);
        }
        return rows;
    }

    /** A choice of a picker: its value (a code or an id) and the words shown for it, in that order. */
    public static Map<String, Object> option(String value, String label) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", value);
        option.put("label", label);
        return option;
    }

    /** A list as a JSON process variable (Camunda's Json type): what form-js reads for lists and options. */
    public static org.camunda.spin.plugin.variable.value.JsonValue json(Object list) {
        try {
            return org.camunda.spin.plugin.variable.SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer as text, stripped; null when nothing was given. */
    public static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** Ids or codes from a picker (a JSON list), a list, or the API's comma-separated text. */
    public static List<String> strings(Object value) {
        if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            List<String> ids = new java.util.ArrayList<>();
            json.elements().forEach(e -> ids.add(e.isString() ? e.stringValue() : e.toString()));
            return ids.stream().filter(s -> !s.isBlank()).toList();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
        }
        String text = text(value);
        if (text != null && text.startsWith("[")) {
            return strings(org.camunda.spin.Spin.JSON(text));
        }
        return text == null ? List.of() : java.util.Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty())
                .toList();
    }
}
