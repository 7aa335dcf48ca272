package com.engagementboard.summit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Convening a summit from Java, with the checks {@code POST /api/summits} makes but for the date's: for the demo
 * story, which holds a summit a year ago while the engine's clock stands then (the request's {@code @Future} reads
 * the wall clock). Everything after is the summit's own process.
 */
@Service
public class SummitConvener {

    private final Summits summits;

    SummitConvener(Summits summits) {
        this.summits = summits;
    }

    /** The new summit's id. */
    public long convene(String title, Instant at, List<String> participants, String chair) {
        return summits.convene(new SummitRequest(title, at, participants), chair).getId();
    }
}
