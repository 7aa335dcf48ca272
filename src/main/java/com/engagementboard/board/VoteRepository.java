package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VoteRepository extends JpaRepository<Vote, Long> {

    List<Vote> findByMeetingIdAndItemIdOrderByCastAt(long meetingId, long itemId);

    List<Vote> findByMeetingIdOrderByCastAt(long meetingId);
}
