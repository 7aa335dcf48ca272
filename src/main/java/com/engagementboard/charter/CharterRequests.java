package com.engagementboard.charter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What clients send to draft a charter version. */
public final class CharterRequests {

    private CharterRequests() {
    }

    /** One right over one touchpoint given to one function. In a patch a blank function removes the right. */
    public record AllocationLine(@Size(max = 60) String touchpoint, @Size(max = 10) String right,
            @Size(max = 40) String function) {
    }

    /**
     * A whole draft. {@code touchpoints} widens the scope beyond the allocated touchpoints, so that a
     * touchpoint with no owner at all shows up as four gaps.
     */
    public record DraftRequest(@NotBlank @Size(max = 200) String title, List<@Size(max = 60) String> touchpoints,
            @NotNull @Size(max = 20000) List<@Valid AllocationLine> allocations) {
    }

    /** Changes to a draft: a new title, and allocations that replace those of the same touchpoint and right. */
    public record DraftPatch(@Size(max = 200) String title, List<@Size(max = 60) String> touchpoints,
            @Size(max = 20000) List<@Valid AllocationLine> allocations) {
    }
}
