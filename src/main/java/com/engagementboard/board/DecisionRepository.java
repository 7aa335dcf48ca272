package com.engagementboard.board;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DecisionRepository extends JpaRepository<Decision, Long>, JpaSpecificationExecutor<Decision> {

    List<Decision> findByMeetingIdOrderById(long meetingId);

    Optional<Decision> findFirstByItemIdOrderByIdDesc(long itemId);

    /** How many decisions each of these meetings took: one query for a page of meetings, rows of (meeting id, count). */
    @org.springframework.data.jpa.repository.Query(
            "select d.meetingId, count(d) from Decision d where d.meetingId in :ids group by d.meetingId")
    List<Object[]> countByMeetingIds(@org.springframework.data.repository.query.Param("ids")
            java.util.Collection<Long> ids);

    /** The touchpoints some decision names: what the register's touchpoint picker offers (an index-only read). */
    @org.springframework.data.jpa.repository.Query("select distinct c from Decision d join d.touchpointCodes c")
    List<String> findTouchpointCodesDecided();
}
