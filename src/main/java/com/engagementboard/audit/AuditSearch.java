package com.engagementboard.audit;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Finds lines of the trail, newest first. */
interface AuditSearch {

    /**
     * What to look for; every criterion that is not null must match.
     *
     * @param from the earliest moment (inclusive)
     * @param until the moment the search stops (exclusive)
     */
    record Criteria(String entityType, String entityId, String actor, Instant from, Instant until) {
    }

    Page<AuditEntry> search(Criteria criteria, Pageable page);
}
