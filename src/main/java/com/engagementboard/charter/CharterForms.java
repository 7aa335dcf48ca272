package com.engagementboard.charter;

import static com.engagementboard.engine.Markdown.escape;
import static com.engagementboard.web.TaskForms.invalid;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import com.engagementboard.web.Csv;
import com.engagementboard.web.FormValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks what people submit in the charter's task forms, on the server, whichever door they use
 * (Tasklist, {@code /engine-rest}, {@code /api}). A refusal names the field and says what is wrong;
 * Camunda then answers 400 and completes nothing.
 */
@Component
class CharterForms {

    private final CharterAcceptance charter;
    private final FunctionService functions;
    private final People people;

    CharterForms(CharterAcceptance charter, FunctionService functions, People people) {
        this.charter = charter;
        this.functions = functions;
        this.people = people;
    }

    /**
     * What the chair reads above her form: each disputed right in words, who declined it (by name, for which
     * function) and why; bounded, with the count of the rest.
     */
    @Transactional(readOnly = true)
    String disputeSummary(long charterId) {
        Map<String, String> names = new HashMap<>();
        return BoundedText.lines(charter.disputed(charterId).stream()
                .map(a -> "- **" + escape(describe(a)) + "**: declined by " + escape(names.computeIfAbsent(
                        String.valueOf(a.getDecidedBy()), people::nameOf)) + " for " + escape(a.getFunction().getName())
                        + ": " + escape(a.getDecisionNote())).toList(), BoundedText.DEFAULT_BUDGET,
                more -> "- ... and " + more + " more disputed rights");
    }

    /** Most characters of the declined rights as lines: what Camunda's text column holds. */
    static final int MAX_DECLINED_LINES = 4_000;
    /** Most characters of a reason for declining: the allocation's decision note. */
    static final int MAX_DECLINE_REASON = 2_000;

    /**
     * Checks a head's answer and returns the rights declined (ids): those picked in the form's picker
     * ({@code declinedRights}) and those named as "touchpoint,right" lines ({@code declinedLines}), each
     * among the rights still asked of the function. Nothing is declined when the head accepts all.
     */
    List<Long> checkAcceptance(long charterId, String functionCode, Object decision, Object declined, Object lines,
            Object reason) {
        if (TouchpointCharterProcess.ACCEPT_ALL.equals(decision)) {
            return List.of();
        }
        if (!TouchpointCharterProcess.DECLINE_SOME.equals(decision)) {
            throw invalid(TouchpointCharterProcess.Variables.DECISION, "must be " + TouchpointCharterProcess.ACCEPT_ALL
                    + " or " + TouchpointCharterProcess.DECLINE_SOME + ", was " + decision);
        }
        List<Long> ids;
        try {
            ids = FormValues.ids(declined);
        } catch (IllegalArgumentException e) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINED_RIGHTS, e.getMessage());
        }
        List<Allocation> pending = charter.pendingFor(charterId, functionCode);
        Set<Long> pendingIds = pending.stream().map(Allocation::getId).collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(id -> !pendingIds.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINED_RIGHTS, "rights " + BoundedText.lines(
                    unknown.stream().map(String::valueOf).toList(), 200, more -> "and " + more + " more")
                    .replace('\n', ' ') + " are not among the rights asked of " + functionCode + " (" + pending.size()
                    + " in all: " + CharterPageController.rightsPage(charterId, functionCode) + ")");
        }
        Set<Long> all = new LinkedHashSet<>(ids);
        all.addAll(fromLines(charterId, functionCode, lines, pending));
        if (all.isEmpty()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINED_RIGHTS, "name at least one right you decline");
        }
        if (!(reason instanceof String text) || text.isBlank()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINE_REASON, "say why you decline (required)");
        }
        if (text.length() > MAX_DECLINE_REASON) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINE_REASON, "is " + text.length()
                    + " characters long; keep it to " + MAX_DECLINE_REASON);
        }
        return List.copyOf(all);
    }

    /**
     * The rights a head names by lines, each one asked of the function: the touchpoint by its name as the form
     * lists it (or its code) and the right in words, "Branch visit: operate" (or "branch-visit,OPERATE").
     */
    private static List<Long> fromLines(long charterId, String functionCode, Object value, List<Allocation> pending) {
        String field = TouchpointCharterProcess.Variables.DECLINED_LINES;
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof String text)) {
            throw invalid(field, "must be text: one line per right you decline, for example 'Branch visit: operate'");
        }
        if (text.length() > MAX_DECLINED_LINES) {
            throw invalid(field, "is " + text.length() + " characters long, at most " + MAX_DECLINED_LINES
                    + " fit (about 150 lines); to hand back more rights than that, ask the chair to re-draft them");
        }
        Map<String, Long> asked = new HashMap<>();
        for (Allocation a : pending) {
            asked.put(key(a.getTouchpoint().getCode(), a.getRight().name()), a.getId());
            asked.putIfAbsent(key(a.getTouchpoint().getName(), a.getRight().name()), a.getId());
        }
        List<Long> ids = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int split = line.lastIndexOf(':') >= 0 ? line.lastIndexOf(':') : line.lastIndexOf(',');
            if (split <= 0 || split == line.length() - 1) {
                throw invalid(field, "line " + (i + 1) + " must read touchpoint: right, as the list names them (for "
                        + "example 'Branch visit: operate'): '" + BoundedText.text(line, 80, "...") + "'");
            }
            String touchpoint = unquoted(line.substring(0, split));
            String right = unquoted(line.substring(split + 1));
            Long id = asked.get(key(touchpoint, right));
            if (id == null) {
                throw invalid(field, "line " + (i + 1) + ": " + BoundedText.text(touchpoint, 80, "...") + " "
                        + BoundedText.text(right, 20, "...") + " is not among the rights asked of "
                        + functionCode + " (" + pending.size() + " in all: "
                        + CharterPageController.rightsPage(charterId, functionCode) + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String key(String touchpoint, String right) {
        return touchpoint.strip().toLowerCase(Locale.ROOT) + "\n" + right.strip().toUpperCase(Locale.ROOT);
    }

    private static String unquoted(String value) {
        String text = value.strip();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }

    void checkResolution(long charterId, Object resolution, Object reallocations, Object everyOtherTo, Object note) {
        if (!TouchpointCharterProcess.REALLOCATE.equals(resolution) && !TouchpointCharterProcess.UPHOLD.equals(resolution)
                && !TouchpointCharterProcess.SEND_TO_BOARD.equals(resolution)) {
            throw invalid(TouchpointCharterProcess.Variables.RESOLUTION, "must be " + TouchpointCharterProcess.REALLOCATE
                    + ", " + TouchpointCharterProcess.UPHOLD + " or " + TouchpointCharterProcess.SEND_TO_BOARD
                    + ", was " + resolution);
        }
        if (!(note instanceof String text) || text.isBlank()) {
            throw invalid(TouchpointCharterProcess.Variables.RESOLUTION_NOTE, "give your reasoning (required)");
        }
        if (TouchpointCharterProcess.REALLOCATE.equals(resolution)) {
            newOwners(charterId, reallocations, everyOtherTo, false);
        } else if (TouchpointCharterProcess.SEND_TO_BOARD.equals(resolution)) {
            newOwners(charterId, reallocations, everyOtherTo, true);
        }
    }

    /** Stands for every touchpoint, or every right, in a line of the chair's re-allocation. */
    static final String ANY = "*";

    /** The most disputed rights the chair's form lists one per row; the rest go to "every other disputed right". */
    static final int LISTED_DISPUTES = 100;

    /**
     * Reads the chair's re-allocation (or proposal to the board). From the form: a row per listed disputed
     * right ({@code right}: the allocation, {@code function}: its new owner, may be left empty) and
     * {@code everyOtherTo}, the function that gets every disputed right left without an owner. From the API,
     * the same as "touchpoint,right,function" lines, where {@code *} for the touchpoint or the right gives every
     * disputed right it matches that no line before it gave. A re-allocation must go to a function other than
     * the one that declined.
     */
    @Transactional(readOnly = true)
    Map<Long, BusinessFunction> newOwners(long charterId, Object reallocations, Object everyOtherTo, boolean proposal) {
        List<Allocation> disputed = charter.disputed(charterId);
        Map<Long, BusinessFunction> owners = new HashMap<>();
        if (reallocations == null || reallocations instanceof String) {
            fromLines(disputed, (String) reallocations, owners, proposal);
        } else {
            fromRows(disputed, reallocations, owners, proposal);
        }
        if (everyOtherTo instanceof String code && !code.isBlank()) {
            String field = TouchpointCharterProcess.Variables.EVERY_OTHER_TO;
            BusinessFunction function = function(field, code, "");
            for (Allocation allocation : disputed) {
                if (!owners.containsKey(allocation.getId())) {
                    give(field, "", allocation, function, owners, proposal);
                }
            }
        }
        List<String> missing = disputed.stream().filter(a -> !owners.containsKey(a.getId()))
                .map(CharterForms::describe).toList();
        if (!missing.isEmpty()) {
            throw invalid(TouchpointCharterProcess.Variables.REALLOCATIONS, "give every disputed right a new owner"
                    + " (or choose who gets every other disputed right); missing " + missing.size() + ": "
                    + BoundedText.lines(missing, 1_000, more -> "and " + more + " more").replace('\n', ' '));
        }
        return owners;
    }

    /** The form's rows: each names a disputed right (by its allocation) and, perhaps, its new owner. */
    private void fromRows(List<Allocation> disputed, Object value, Map<Long, BusinessFunction> owners,
            boolean proposal) {
        String field = TouchpointCharterProcess.Variables.REALLOCATIONS;
        List<Map<String, Object>> rows;
        try {
            rows = FormValues.rows(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
        Map<String, Allocation> byId = new HashMap<>();
        disputed.forEach(a -> byId.put(String.valueOf(a.getId()), a));
        for (int i = 0; i < rows.size(); i++) {
            String where = "row " + (i + 1) + ": ";
            Object right = rows.get(i).get("right");
            Allocation allocation = right == null ? null : byId.get(String.valueOf(right));
            if (allocation == null) {
                throw invalid(field, where + "is not about a disputed right; only disputed rights can be re-allocated");
            }
            Object code = rows.get(i).get("function");
            if (code == null || String.valueOf(code).isBlank()) {
                continue; // left for "every other disputed right"
            }
            give(field, where, allocation, function(field, String.valueOf(code), where), owners, proposal);
        }
    }

    /** The API's lines: "touchpoint,right,function", with {@code *} lines after the exact ones. */
    private void fromLines(List<Allocation> disputed, String lines, Map<Long, BusinessFunction> owners,
            boolean proposal) {
        String field = TouchpointCharterProcess.Variables.REALLOCATIONS;
        if (lines != null && lines.length() > MAX_DECLINED_LINES) {
            throw invalid(field, "is " + lines.length() + " characters long, at most " + MAX_DECLINED_LINES
                    + " fit: write * for the touchpoint or the right to give many disputed rights in one line");
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(lines);
        } catch (Csv.MalformedCsvException e) {
            throw invalid(field, e.getMessage());
        }
        // Lines that name a right exactly come first, whatever their place; then the * lines in order.
        List<Csv.Row> ordered = new ArrayList<>(rows.stream().filter(r -> !wildcard(r)).toList());
        ordered.addAll(rows.stream().filter(CharterForms::wildcard).toList());
        for (Csv.Row row : ordered) {
            String where = "line " + row.line() + ": ";
            if (row.size() != 3) {
                throw invalid(field, "line " + row.line() + " must read touchpoint,right,function: '" + row + "'");
            }
            String touchpoint = row.get(0).trim();
            String right = row.get(1).trim();
            List<Allocation> matched = disputed.stream()
                    .filter(a -> ANY.equals(touchpoint) || a.getTouchpoint().getCode().equals(touchpoint))
                    .filter(a -> ANY.equals(right) || a.getRight().name().equalsIgnoreCase(right))
                    .filter(a -> !wildcard(row) || !owners.containsKey(a.getId()))
                    .toList();
            if (matched.isEmpty()) {
                throw invalid(field, where + touchpoint + " " + right + (wildcard(row)
                        ? " matches no disputed right that the lines before it left"
                        : " is not a disputed right; only disputed rights can be re-allocated"));
            }
            String code = row.get(2).trim();
            if (code.isEmpty()) {
                throw invalid(field, where + "name the function that gets " + touchpoint + " " + right);
            }
            BusinessFunction function = function(field, code, where);
            for (Allocation allocation : matched) {
                give(field, where, allocation, function, owners, proposal);
            }
        }
    }

    private BusinessFunction function(String field, String code, String where) {
        BusinessFunction function = functions.byCodes(List.of(code)).get(code);
        if (function == null) {
            throw invalid(field, where + "there is no function '" + BoundedText.text(code, 80, "...") + "'");
        }
        return function;
    }

    private static void give(String field, String where, Allocation allocation, BusinessFunction function,
            Map<Long, BusinessFunction> owners, boolean proposal) {
        if (!proposal && function.getId().equals(allocation.getFunction().getId())) {
            throw invalid(field, where + function.getName() + " declined " + describe(allocation)
                    + "; give it to another function, or uphold the allocation instead");
        }
        owners.put(allocation.getId(), function);
    }

    /** A right in words: "Card packaging: build". */
    static String describe(Allocation allocation) {
        return allocation.getTouchpoint().getName() + ": " + allocation.getRight().word();
    }

    /** What the chair's form shows for each listed disputed right: which right, who declined it. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> disputedOptions(long charterId) {
        return charter.disputed(charterId).stream().limit(LISTED_DISPUTES)
                .map(a -> FormValues.option(String.valueOf(a.getId()), describe(a)
                        + " (declined by " + a.getFunction().getName() + ")"))
                .toList();
    }

    /** The rows the chair's form starts with: one per listed disputed right, its new owner to choose. */
    @Transactional(readOnly = true)
    List<Map<String, Object>> reallocationRows(long charterId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        charter.disputed(charterId).stream().limit(LISTED_DISPUTES).forEach(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("right", String.valueOf(a.getId()));
            row.put("function", null);
            rows.add(row);
        });
        return rows;
    }

    /** Every function as a choice: its name shown, its code the value. */
    List<Map<String, Object>> functionOptions() {
        return functions.all().stream()
                .sorted(Comparator.comparing(BusinessFunction::getName, String.CASE_INSENSITIVE_ORDER))
                .map(f -> FormValues.option(f.getCode(), f.getName())).toList();
    }

    private static boolean wildcard(Csv.Row row) {
        return row.size() >= 2 && (ANY.equals(row.get(0).trim()) || ANY.equals(row.get(1).trim()));
    }

    void checkChase(Object note) {
        if (!(note instanceof String text) || text.isBlank()) {
            throw invalid(TouchpointCharterProcess.Variables.CHASE_NOTE, "say what you did to get an answer (required)");
        }
    }

    void checkReview(Object decision, Object proposal) {
        if (TouchpointCharterProcess.CONFIRM.equals(decision)) {
            return;
        }
        if (!TouchpointCharterProcess.PROPOSE_CHANGES.equals(decision)) {
            throw invalid(TouchpointCharterProcess.Variables.REVIEW_DECISION, "must be " + TouchpointCharterProcess.CONFIRM
                    + " or " + TouchpointCharterProcess.PROPOSE_CHANGES + ", was " + decision);
        }
        if (!(proposal instanceof String text) || text.isBlank()) {
            throw invalid(TouchpointCharterProcess.Variables.PROPOSAL, "describe the change you propose (required)");
        }
    }
}
