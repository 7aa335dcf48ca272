package com.engagementboard.charter;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/** Adds working days (Monday to Friday) to a moment; the time of day is kept. The charter's and the board's clocks. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDateTime add(LocalDateTime from, int days) {
        LocalDateTime result = from;
        int added = 0;
        while (added < days) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }
}
