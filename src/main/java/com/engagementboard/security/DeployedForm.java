package com.engagementboard.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input fields of one deployed Camunda Form ({@code processes/*.form}): what a person may submit
 * when completing a task with it. Read from the form's own JSON, so the form stays the one place that
 * says which fields a task has.
 */
record DeployedForm(String id, Map<String, Field> fields) {

    /** Display-only components: they have no key and submit nothing. */
    private static final Set<String> DISPLAY = Set.of("text", "html", "image", "spacer", "separator", "button",
            "group", "iframe", "table", "expression");

    /** A dynamic list: its rows are submitted as one list of objects under its {@code path}. */
    static final String DYNAMIC_LIST = "dynamiclist";

    /**
     * One input field.
     *
     * @param type      the form-js component type (textfield, textarea, number, radio, select, checklist, ...)
     * @param values    the static options of a radio, select or checklist (empty when none)
     * @param valuesKey the variable holding the options of a dynamic radio, select or checklist (or null)
     * @param maxLength the form's own maximum length of a text (or null)
     * @param readOnly  shown but not editable
     * @param rows      the fields of each row of a dynamic list (empty for any other component)
     * @param label     what the person reads above the field (its key when the form gives none)
     */
    record Field(String key, String type, List<String> values, String valuesKey, Integer maxLength,
            boolean readOnly, Map<String, Field> rows, String label) {

        boolean isDynamicList() {
            return DYNAMIC_LIST.equals(type);
        }

        boolean isList() {
            return "checklist".equals(type) || "taglist".equals(type);
        }

        boolean hasOptions() {
            return !values.isEmpty() || valuesKey != null;
        }
    }

    static DeployedForm parse(byte[] json, ObjectMapper mapper) throws IOException {
        JsonNode root = mapper.readTree(json);
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root, fields);
        return new DeployedForm(root.path("id").asText(), Collections.unmodifiableMap(fields));
    }

    private static void collect(JsonNode container, Map<String, Field> fields) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            if (DYNAMIC_LIST.equals(type)) {
                String path = component.path("path").asText(null);
                if (path != null) {
                    Map<String, Field> rows = new LinkedHashMap<>();
                    collect(component, rows);
                    fields.put(path, new Field(path, type, List.of(), null, null, false,
                            Collections.unmodifiableMap(rows), label(component, path)));
                }
                continue;
            }
            String key = component.path("key").asText(null);
            if (key != null && !DISPLAY.contains(type)) {
                List<String> values = new ArrayList<>();
                component.path("values").forEach(v -> values.add(v.path("value").asText()));
                JsonNode maxLength = component.path("validate").path("maxLength");
                fields.put(key, new Field(key, type, List.copyOf(values), component.path("valuesKey").asText(null),
                        maxLength.isNumber() ? maxLength.asInt() : null,
                        component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
                        Map.of(), label(component, key)));
            }
            collect(component, fields);
        }
    }

    private static String label(JsonNode component, String key) {
        String label = component.path("label").asText("").strip();
        return label.isEmpty() ? key : label;
    }
}
