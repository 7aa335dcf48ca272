package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingItemRepository extends JpaRepository<MeetingItem, MeetingItem.Key> {

    List<MeetingItem> findByKeyMeetingIdOrderByPosition(long meetingId);
}
