package com.engagementboard.board;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;

/** The board's set-up as the chair or an administrator writes it ({@code PUT /api/board}). */
public record BoardSetupRequest(
        @NotBlank @Size(max = 64) String chair,
        @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> members,
        @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> core,
        @NotNull @Valid CadenceRequest cadence,
        @NotNull @Min(1) Integer quorum,
        @Min(1) @Max(336) Integer agendaCutoffHours,
        @Min(15) @Max(1440) Integer meetingMinutes) {

    /** Weekly on a weekday, or monthly on a day of the month (1 to 28), at a time in a time zone. */
    public record CadenceRequest(
            @NotNull Cadence type,
            DayOfWeek dayOfWeek,
            @Min(1) @Max(28) Integer dayOfMonth,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time of day as HH:mm") String time,
            @NotBlank @Size(max = 60) String timeZone) {
    }
}
