package com.engagementboard.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A touchpoint as clients write it. On update the code comes from the URL and may be left out. */
public record TouchpointRequest(
        @NotBlank(groups = OnCreate.class) @Size(max = 60)
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @NotNull TouchpointKind kind,
        @NotBlank @Size(max = 60) String channel,
        @NotNull JourneyStage journeyStage,
        @NotNull @Min(1) @Max(5) Integer priority) {
}
