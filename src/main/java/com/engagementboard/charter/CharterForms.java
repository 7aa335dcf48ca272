package com.engagementboard.charter;

import static com.engagementboard.web.TaskForms.invalid;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.engagementboard.web.Csv;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.BoundedText;
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

    CharterForms(CharterAcceptance charter, FunctionService functions) {
        this.charter = charter;
        this.functions = functions;
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

    /** The rights a head names as "touchpoint,right" lines, each one asked of the function. */
    private static List<Long> fromLines(long charterId, String functionCode, Object value, List<Allocation> pending) {
        String field = TouchpointCharterProcess.Variables.DECLINED_LINES;
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof String text)) {
            throw invalid(field, "must be text: one touchpoint,right line per right you decline");
        }
        if (text.length() > MAX_DECLINED_LINES) {
            throw invalid(field, "is " + text.length() + " characters long, at most " + MAX_DECLINED_LINES
                    + " fit (about 150 lines); to hand back more rights than that, ask the chair to re-draft them");
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.MalformedCsvException e) {
            throw invalid(field, e.getMessage());
        }
        Map<String, Long> asked = new HashMap<>();
        pending.forEach(a -> asked.put(a.getTouchpoint().getCode() + "," + a.getRight(), a.getId()));
        List<Long> ids = new ArrayList<>();
        for (Csv.Row row : rows) {
            if (row.size() != 2) {
                throw invalid(field, "line " + row.line() + " must read touchpoint,right (for example "
                        + "branch-visit,OPERATE): '" + row + "'");
            }
            String key = row.get(0).trim() + "," + row.get(1).trim().toUpperCase(java.util.Locale.ROOT);
            Long id = asked.get(key);
            if (id == null) {
                throw invalid(field, "line " + row.line() + ": " + row.get(0).trim() + " " + row.get(1).trim()
                        + " is not among the rights asked of " + functionCode + " (" + pending.size() + " in all: "
                        + CharterPageController.rightsPage(charterId, functionCode) + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    void checkResolution(long charterId, Object resolution, Object reallocations, Object note) {
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
            newOwners(charterId, reallocations instanceof String lines ? lines : null, false);
        } else if (TouchpointCharterProcess.SEND_TO_BOARD.equals(resolution)) {
            newOwners(charterId, reallocations instanceof String lines ? lines : null, true);
        }
    }

    /** Stands for every touchpoint, or every right, in a line of the chair's re-allocation. */
    static final String ANY = "*";

    /**
     * Reads the chair's re-allocation (or proposal to the board): a "touchpoint,right,function" line for
     * every disputed right; a re-allocation must go to a function other than the one that declined. A
     * line may write {@code *} for the touchpoint, the right or both: it gives every disputed right it
     * matches that no line before it gave, so that a dispute of hundreds of rights fits a few lines.
     */
    @Transactional(readOnly = true)
    Map<Long, BusinessFunction> newOwners(long charterId, String lines, boolean proposal) {
        String field = TouchpointCharterProcess.Variables.REALLOCATIONS;
        if (lines != null && lines.length() > MAX_DECLINED_LINES) {
            throw invalid(field, "is " + lines.length() + " characters long, at most " + MAX_DECLINED_LINES
                    + " fit: write * for the touchpoint or the right to give many disputed rights in one line");
        }
        List<Allocation> disputed = charter.disputed(charterId);
        Map<Long, BusinessFunction> owners = new HashMap<>();
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
            long line = row.line();
            if (row.size() != 3) {
                throw invalid(field, "line " + line + " must read touchpoint,right,function: '" + row + "'");
            }
            String touchpoint = row.get(0).trim();
            String right = row.get(1).trim();
            List<Allocation> matched = disputed.stream()
                    .filter(a -> ANY.equals(touchpoint) || a.getTouchpoint().getCode().equals(touchpoint))
                    .filter(a -> ANY.equals(right) || a.getRight().name().equalsIgnoreCase(right))
                    .filter(a -> !wildcard(row) || !owners.containsKey(a.getId()))
                    .toList();
            if (matched.isEmpty()) {
                throw invalid(field, "line " + line + ": " + touchpoint + " " + right + (wildcard(row)
                        ? " matches no disputed right that the lines before it left"
                        : " is not a disputed right; only disputed rights can be re-allocated"));
            }
            String code = row.get(2).trim();
            if (code.isEmpty()) {
                throw invalid(field, "line " + line + ": name the function that gets " + touchpoint + " " + right);
            }
            BusinessFunction function = functions.byCodes(List.of(code)).get(code);
            if (function == null) {
                throw invalid(field, "line " + line + ": there is no function '" + code + "'");
            }
            for (Allocation allocation : matched) {
                if (!proposal && function.getId().equals(allocation.getFunction().getId())) {
                    throw invalid(field, "line " + line + ": " + code + " declined this right ("
                            + allocation.getTouchpoint().getCode() + " " + allocation.getRight() + "); give it to "
                            + "another function, or uphold the allocation instead");
                }
                owners.put(allocation.getId(), function);
            }
        }
        List<String> missing = disputed.stream().filter(a -> !owners.containsKey(a.getId()))
                .map(a -> a.getTouchpoint().getCode() + " " + a.getRight()).toList();
        if (!missing.isEmpty()) {
            throw invalid(field, "give every disputed right a new owner; missing " + missing.size() + ": "
                    + BoundedText.lines(missing, 1_000, more -> "and " + more + " more").replace('\n', ' '));
        }
        return owners;
    }

    /**
     * What the chair's form starts with: a line for every disputed right, the new owner to fill in; or,
     * when those lines would not fit the form, one line for all of them.
     */
    @Transactional(readOnly = true)
    String reallocationTemplate(long charterId) {
        List<String> lines = charter.disputed(charterId).stream()
                .map(a -> a.getTouchpoint().getCode() + "," + a.getRight() + ",").toList();
        String all = String.join("\n", lines);
        return all.length() <= BoundedText.DEFAULT_BUDGET ? all : ANY + "," + ANY + ",";
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
