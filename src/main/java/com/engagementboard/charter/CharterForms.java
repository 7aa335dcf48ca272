package com.engagementboard.charter;

import static com.engagementboard.web.TaskForms.invalid;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.engagementboard.web.Csv;
import com.engagementboard.web.FormValues;
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

    void checkAcceptance(long charterId, String functionCode, Object decision, Object declined, Object reason) {
        if (TouchpointCharterProcess.ACCEPT_ALL.equals(decision)) {
            return;
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
        if (ids.isEmpty()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINED_RIGHTS, "name at least one right you decline");
        }
        Set<Long> pending = charter.pendingFor(charterId, functionCode).stream().map(Allocation::getId)
                .collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(id -> !pending.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINED_RIGHTS, "rights " + unknown
                    + " are not among the rights asked of this function " + pending);
        }
        if (!(reason instanceof String text) || text.isBlank()) {
            throw invalid(TouchpointCharterProcess.Variables.DECLINE_REASON, "say why you decline (required)");
        }
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

    /**
     * Reads the chair's re-allocation (or proposal to the board): one "touchpoint,right,function" line
     * for every disputed right; a re-allocation must go to a function other than the one that declined.
     */
    @Transactional(readOnly = true)
    Map<Long, BusinessFunction> newOwners(long charterId, String lines, boolean proposal) {
        String field = TouchpointCharterProcess.Variables.REALLOCATIONS;
        List<Allocation> disputed = charter.disputed(charterId);
        Map<Long, BusinessFunction> owners = new HashMap<>();
        List<Csv.Row> rows;
        try {
            rows = Csv.read(lines);
        } catch (Csv.MalformedCsvException e) {
            throw invalid(field, e.getMessage());
        }
        for (Csv.Row row : rows) {
            long line = row.line();
            if (row.size() != 3) {
                throw invalid(field, "line " + line + " must read touchpoint,right,function: '" + row + "'");
            }
            String touchpoint = row.get(0);
            String right = row.get(1);
            Allocation allocation = disputed.stream()
                    .filter(a -> a.getTouchpoint().getCode().equals(touchpoint) && a.getRight().name().equalsIgnoreCase(right))
                    .findFirst().orElseThrow(() -> invalid(field, "line " + line + ": " + touchpoint + " " + right
                            + " is not a disputed right; only disputed rights can be re-allocated"));
            String code = row.get(2);
            if (code.isEmpty()) {
                throw invalid(field, "line " + line + ": name the function that gets " + touchpoint + " " + right);
            }
            BusinessFunction function = functions.byCodes(List.of(code)).get(code);
            if (function == null) {
                throw invalid(field, "line " + line + ": there is no function '" + code + "'");
            }
            if (!proposal && function.getId().equals(allocation.getFunction().getId())) {
                throw invalid(field, "line " + line + ": " + code + " declined this right; give it to another "
                        + "function, or uphold the allocation instead");
            }
            owners.put(allocation.getId(), function);
        }
        List<String> missing = disputed.stream().filter(a -> !owners.containsKey(a.getId()))
                .map(a -> a.getTouchpoint().getCode() + " " + a.getRight()).toList();
        if (!missing.isEmpty()) {
            throw invalid(field, "give every disputed right a new owner; missing: " + missing);
        }
        return owners;
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
