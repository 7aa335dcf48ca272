package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingItemRepository extends JpaRepository<MeetingItem, MeetingItem.Key> {

    List<MeetingItem> findByKeyMeetingIdOrderByPosition(long meetingId);

    /** Where an item waits on an agenda (at most one meeting holds it pending). */
    List<MeetingItem> findByKeyItemIdAndResult(long itemId, MeetingItem.Result result);

    /** The agendas of several meetings in one query (a page of meetings), each in its order. */
    List<MeetingItem> findByKeyMeetingIdInOrderByPosition(java.util.Collection<Long> meetingIds);
}
