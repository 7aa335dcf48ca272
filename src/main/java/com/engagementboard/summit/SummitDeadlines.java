package com.engagementboard.summit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the summit's waits, for the process model: {@code ${summitDeadlines.endorsementCloses(execution)}}
 * closes an endorsement round (and is its tasks' due date), {@code ${summitDeadlines.noticeExpires()}} ends an
 * unread notice, {@code ${summitDeadlines.lapses(execution)}} ends a summit nobody brought to its close.
 */
@Component("summitDeadlines")
public class SummitDeadlines {

    private final SummitProperties properties;
    private final Clock clock;

    SummitDeadlines(SummitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The end of the summit's day, or {@code engagement-board.summit.endorsement-hours} from now if that is
     * later (a vision put to the participants late still gets them that long), to the minute.
     */
    public Date endorsementCloses(VariableScope execution) {
        Instant earliest = clock.instant().plus(Duration.ofHours(properties.endorsementHours()));
        Date summitEnds = SummitProcess.Typed.SUMMIT_ENDS.get(execution);
        Instant closes = summitEnds != null && summitEnds.toInstant().isAfter(earliest) ? summitEnds.toInstant()
                : earliest;
        return Date.from(closes.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    }

    /**
     * {@code engagement-board.summit.lapse-days} after the end of the summit's day: if the chair has not closed
     * (or cancelled) it by then, it lapses. A postponement moves it with the summit.
     */
    public Date lapses(VariableScope execution) {
        return lapses(SummitProcess.Typed.SUMMIT_ENDS.require(execution));
    }

    Date lapses(Date summitEnds) {
        return Date.from(summitEnds.toInstant().plus(Duration.ofDays(properties.lapseDays())));
    }

    /** {@code engagement-board.summit.notice-days} from now. */
    public Date noticeExpires() {
        return Date.from(clock.instant().plus(Duration.ofDays(properties.noticeDays())));
    }
}
