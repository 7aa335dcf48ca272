package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardActionRepository extends JpaRepository<BoardAction, Long> {

    List<BoardAction> findByDecisionIdIn(List<Long> decisionIds);
}
