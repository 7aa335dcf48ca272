package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** The board's set-up: its chair, its cadence and its decision rule (members are kept apart). */
@Entity
@Table(name = "board_setup")
class BoardSetup {

    static final long SINGLETON = 1L;

    @Id
    private Long id = SINGLETON;

    @Column(name = "chair_user_id", nullable = false, length = 64)
    private String chair;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Cadence cadence;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", length = 10)
    private DayOfWeek dayOfWeek;

    @Column(name = "day_of_month")
    private Integer dayOfMonth;

    @Column(name = "meeting_time", nullable = false, length = 5)
    private String time;

    @Column(name = "time_zone", nullable = false, length = 60)
    private String timeZone;

    @Column(nullable = false)
    private int quorum;

    @Column(name = "agenda_cutoff_hours", nullable = false)
    private int agendaCutoffHours;

    @Column(name = "meeting_minutes", nullable = false)
    private int meetingMinutes;

    @Version
    private long version;

    protected BoardSetup() {
    }

    BoardSetup(String chair) {
        this.chair = chair;
    }

    void update(String chair, Cadence cadence, DayOfWeek dayOfWeek, Integer dayOfMonth, String time, String timeZone,
            int quorum, int agendaCutoffHours, int meetingMinutes) {
        this.chair = chair;
        this.cadence = cadence;
        this.dayOfWeek = cadence == Cadence.WEEKLY ? dayOfWeek : null;
        this.dayOfMonth = cadence == Cadence.MONTHLY ? dayOfMonth : null;
        this.time = time;
        this.timeZone = timeZone;
        this.quorum = quorum;
        this.agendaCutoffHours = agendaCutoffHours;
        this.meetingMinutes = meetingMinutes;
    }

    /** The first regular meeting strictly after the given moment, on the cadence, in the board's time zone. */
    ZonedDateTime nextMeetingAfter(java.time.Instant after) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalTime at = LocalTime.parse(time);
        ZonedDateTime from = after.atZone(zone);
        ZonedDateTime candidate;
        if (cadence == Cadence.WEEKLY) {
            candidate = from.toLocalDate().with(TemporalAdjusters.nextOrSame(dayOfWeek)).atTime(at).atZone(zone);
            if (!candidate.isAfter(from)) {
                candidate = candidate.plusWeeks(1);
            }
        } else {
            LocalDateTime thisMonth = from.toLocalDate().withDayOfMonth(
                    Math.min(dayOfMonth, from.toLocalDate().lengthOfMonth())).atTime(at);
            candidate = thisMonth.atZone(zone);
            if (!candidate.isAfter(from)) {
                var next = from.toLocalDate().plusMonths(1).withDayOfMonth(1);
                candidate = next.withDayOfMonth(Math.min(dayOfMonth, next.lengthOfMonth())).atTime(at).atZone(zone);
            }
        }
        return candidate;
    }

    String getChair() {
        return chair;
    }

    Cadence getCadence() {
        return cadence;
    }

    DayOfWeek getDayOfWeek() {
        return dayOfWeek;
    }

    Integer getDayOfMonth() {
        return dayOfMonth;
    }

    String getTime() {
        return time;
    }

    String getTimeZone() {
        return timeZone;
    }

    int getQuorum() {
        return quorum;
    }

    int getAgendaCutoffHours() {
        return agendaCutoffHours;
    }

    int getMeetingMinutes() {
        return meetingMinutes;
    }
}
