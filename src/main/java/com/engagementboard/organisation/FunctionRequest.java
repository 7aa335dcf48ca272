package com.engagementboard.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A function as clients write it. The code is the stable key (lower case, digits and hyphens); it
 * names the head group {@code head-<code>}. On update the code comes from the URL and may be left out.
 */
public record FunctionRequest(
        @NotBlank(groups = OnCreate.class) @Size(max = 40)
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 40) String division,
        @Size(max = 64) String headUserId) {
}
