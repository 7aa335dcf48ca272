package com.engagementboard.change;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A change as anyone proposes it ({@code POST /api/changes}): the touchpoint (its code, as the touchpoint list
 * gives it), what should change and why, the customer evidence, how urgent, what it would cost, the functions it
 * affects (codes) and, if the proposer thinks it lies within one, the standing permission (its id).
 */
record ChangeRequest(
        @NotBlank @Size(max = 60) String touchpoint,
        @NotBlank @Size(max = TouchpointChange.MAX_WHAT) String whatChange,
        @NotBlank @Size(max = TouchpointChange.MAX_WHY) String why,
        @Size(max = TouchpointChange.MAX_EVIDENCE) String evidence,
        @NotNull TouchpointChange.Urgency urgency,
        @NotNull @PositiveOrZero @Max(Changes.MAX_COST) Long estimatedCost,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> functionsAffected,
        @PositiveOrZero Long standingPermission) {
}
