package com.engagementboard.change;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeEventRepository extends JpaRepository<ChangeEvent, Long> {

    List<ChangeEvent> findByChangeIdOrderByIdAsc(long changeId);
}
