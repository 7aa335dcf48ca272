package com.engagementboard.summit;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The chair convenes a summit ({@code POST /api/summits}). */
record SummitRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Future Instant at,
        @NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 64) String> participants) {
}
