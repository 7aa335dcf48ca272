package com.engagementboard.board;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The reads of the board's charts: a page of meetings, and their decisions counted in the database. */
interface BoardChartRepository extends Repository<Meeting, Long> {

    /** The newest meetings that opened (met), newest first; the page cuts how many. */
    @Query("select m from Meeting m where m.openedAt is not null order by m.scheduledAt desc, m.id desc")
    List<Meeting> findNewestHeld(Pageable page);

    /** How many decisions of each outcome these meetings took: rows of (meeting id, outcome, count). */
    @Query("""
            select d.meetingId, d.outcome, count(d) from Decision d where d.meetingId in :ids
            group by d.meetingId, d.outcome""")
    List<Object[]> countOutcomes(@Param("ids") Collection<Long> meetingIds);
}
