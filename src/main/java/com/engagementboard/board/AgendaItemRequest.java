package com.engagementboard.board;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An agenda item as a member submits it ({@code POST /api/board/agenda-items}). */
record AgendaItemRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String decisionAsked,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> touchpoints,
        @Valid FactBase facts,
        @Size(max = 20) List<@Valid ActionRequest> actions) {

    /** The evidence the item brings. */
    record FactBase(@Size(max = 4000) String touchpointPriority, @Size(max = 4000) String customerBehaviour,
            @Size(max = 4000) String competitorMoves) {
    }

    /** An action to create at a touchpoint if the board approves: for its OPERATE owner, or BUILD if asked. */
    record ActionRequest(@NotBlank @Size(max = 60) String touchpoint, @NotBlank @Size(max = 2000) String description,
            boolean build, @Min(1) @Max(365) Integer dueInDays) {
    }
}
