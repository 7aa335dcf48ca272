package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

    List<AgendaItem> findByStatusInOrderByCreatedAt(List<AgendaItem.Status> statuses);

    /** The newest item of the kind for the charter version: the dispute its process waits for. */
    java.util.Optional<AgendaItem> findFirstByKindAndCharterVersionIdOrderByIdDesc(AgendaItem.Kind kind,
            Long charterVersionId);
}
