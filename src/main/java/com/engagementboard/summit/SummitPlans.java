package com.engagementboard.summit;

import com.engagementboard.charter.RightKind;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.web.Csv;
import com.engagementboard.web.FormValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summit's coordinated touchpoint plan as people give it: the form's rows (touchpoints and functions
 * picked by name) or the API's CSV lines, read and checked into plan lines, every problem named with its
 * row; and what the plan form offers. {@link Summits} records the plan once it reads.
 */
@Service
class SummitPlans {

    /** One line of the coordinated touchpoint plan, as parsed. */
    record PlanLine(Touchpoint touchpoint, String activity, List<String> functions, String dependsOn,
            Map<RightKind, String> owners) {
    }

    private final TouchpointService touchpoints;
    private final FunctionService functions;

    SummitPlans(TouchpointService touchpoints, FunctionService functions) {
        this.touchpoints = touchpoints;
        this.functions = functions;
    }

    /**
     * The chair's plan: from the form, a row per activity (touchpoint, activity, functions involved, the
     * touchpoint it depends on, a suggested owner per right, each picked); from the API, the same as CSV
     * lines. Every problem is named with its row.
     */
    List<PlanLine> readPlan(Object value) {
        if (value == null || value instanceof String text && !text.strip().startsWith("[")) {
            return parsePlan((String) value);
        }
        List<Map<String, Object>> rows = FormValues.rows(value);
        List<PlanLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> {
            codes.add(FormValues.text(r.get("touchpoint")));
            codes.add(FormValues.text(r.get("dependsOn")));
        });
        codes.remove(null);
        Map<String, Touchpoint> known = touchpoints.byCodes(codes);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String where = "row " + (i + 1) + ": ";
            String activity = FormValues.text(row.get("activity"));
            Touchpoint touchpoint = known.get(FormValues.text(row.get("touchpoint")));
            if (touchpoint == null) {
                problems.add(where + "pick the touchpoint of " + (activity == null ? "this activity" : "'" + activity + "'"));
                continue;
            }
            if (activity == null) {
                problems.add(where + "say what is to be done at " + touchpoint.getName());
                continue;
            }
            String dependsOn = FormValues.text(row.get("dependsOn"));
            if (dependsOn != null && !known.containsKey(dependsOn)) {
                problems.add(where + "the touchpoint it depends on is not known");
                continue;
            }
            List<String> involved = FormValues.strings(row.get("functions"));
            Map<RightKind, String> owners = new EnumMap<>(RightKind.class);
            for (RightKind right : RightKind.values()) {
                String owner = FormValues.text(row.get(right.name().toLowerCase(Locale.ROOT)));
                if (owner != null) {
                    owners.put(right, owner);
                }
            }
            Set<String> named = new TreeSet<>(involved);
            named.addAll(owners.values());
            Set<String> unknown = new TreeSet<>(named);
            unknown.removeAll(functions.byCodes(named).keySet());
            if (!unknown.isEmpty()) {
                problems.add(where + "no such functions " + unknown);
                continue;
            }
            lines.add(new PlanLine(touchpoint, activity, involved, dependsOn, owners));
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add("plan at least one activity at a touchpoint");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return lines;
    }

    /** What the plan form offers: touchpoints and functions to pick by name, and one empty row to start. */
    @Transactional(readOnly = true)
    VariableMap planForm() {
        VariableMap form = org.camunda.bpm.engine.variable.Variables.createVariables();
        SummitProcess.Typed.TOUCHPOINT_OPTIONS.set(form, FormValues.json(
                touchpoints.find(null, null, null).stream()
                        .map(t -> FormValues.option(t.getCode(), t.getName())).toList()));
        SummitProcess.Typed.FUNCTION_OPTIONS.set(form, FormValues.json(
                functions.all().stream()
                        .map(f -> FormValues.option(f.getCode(), f.getName())).toList()));
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("touchpoint", null);
        empty.put("activity", null);
        SummitProcess.Typed.PLAN.set(form, FormValues.json(List.of(empty)));
        return form;
    }

    /**
     * Reads the plan: "touchpoint,activity,functions,dependsOn,design,build,operate,renew" per line
     * (functions separated by spaces, owners may be empty). Problems name the line.
     */
    @Transactional(readOnly = true)
    List<PlanLine> parsePlan(String text) {
        List<PlanLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : Csv.read(text)) {
            long line = row.line();
            if (row.get(0).equalsIgnoreCase("touchpoint")) {
                continue;
            }
            if (row.size() != 8) {
                problems.add("line " + line + " needs 8 values: touchpoint,activity,functions,dependsOn,design,build,"
                        + "operate,renew");
                continue;
            }
            Touchpoint touchpoint = touchpoints.byCodes(List.of(row.get(0))).get(row.get(0));
            if (touchpoint == null) {
                problems.add("line " + line + ": there is no touchpoint '" + row.get(0) + "'");
                continue;
            }
            List<String> involved = Arrays.stream(row.get(2).split("\\s+")).filter(s -> !s.isEmpty()).toList();
            Map<RightKind, String> owners = new EnumMap<>(RightKind.class);
            for (RightKind right : RightKind.values()) {
                String owner = row.get(4 + right.ordinal());
                if (!owner.isEmpty()) {
                    owners.put(right, owner);
                }
            }
            Set<String> named = new TreeSet<>(involved);
            named.addAll(owners.values());
            Set<String> unknown = new TreeSet<>(named);
            unknown.removeAll(functions.byCodes(named).keySet());
            if (!unknown.isEmpty()) {
                problems.add("line " + line + ": no such functions " + unknown);
                continue;
            }
            if (row.get(1).isEmpty()) {
                problems.add("line " + line + ": the activity is missing");
                continue;
            }
            lines.add(new PlanLine(touchpoint, row.get(1), involved, row.get(3), owners));
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add("plan at least one activity at a touchpoint");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return lines;
    }
}
