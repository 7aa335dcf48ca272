package com.engagementboard.board;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    Optional<Meeting> findFirstByKindAndStatusOrderByScheduledAtAsc(Meeting.Kind kind, Meeting.Status status);

    /** The earliest meeting in one of these states, of any kind: the board's next meeting while none has opened. */
    Optional<Meeting> findFirstByStatusInOrderByScheduledAtAscIdAsc(java.util.Collection<Meeting.Status> statuses);
}
