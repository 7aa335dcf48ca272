package com.engagementboard.charter;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CharterReviewRepository extends JpaRepository<CharterReview, Long> {

    List<CharterReview> findByCharterIdAndRoundOrderById(long charterId, int round);
}
