package com.engagementboard.board;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DecisionRepository extends JpaRepository<Decision, Long>, JpaSpecificationExecutor<Decision> {

    List<Decision> findByMeetingIdOrderById(long meetingId);

    Optional<Decision> findFirstByItemIdOrderByIdDesc(long itemId);
}
