package com.engagementboard.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * Reads the trail. There is deliberately no save or delete here: lines are only ever written by
 * {@link PendingAudit}, once, in the transaction of the change they record.
 */
interface AuditEntryRepository extends Repository<AuditEntry, Long>, AuditSearch {

    Optional<AuditEntry> findById(Long id);

    List<AuditEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);

    long count();
}
