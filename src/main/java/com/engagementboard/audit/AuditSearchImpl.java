package com.engagementboard.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/** The search of {@link AuditEntryRepository}: only the criteria given become conditions. */
class AuditSearchImpl implements AuditSearch {

    private final EntityManager entityManager;

    AuditSearchImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Page<AuditEntry> search(Criteria criteria, Pageable page) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();

        CriteriaQuery<AuditEntry> query = builder.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.where(conditions(builder, entry, criteria))
                .orderBy(builder.desc(entry.get("at")), builder.desc(entry.get("id")));
        List<AuditEntry> lines = entityManager.createQuery(query)
                .setFirstResult((int) page.getOffset()).setMaxResults(page.getPageSize()).getResultList();

        CriteriaQuery<Long> count = builder.createQuery(Long.class);
        Root<AuditEntry> counted = count.from(AuditEntry.class);
        count.select(builder.count(counted)).where(conditions(builder, counted, criteria));
        return new PageImpl<>(lines, page, entityManager.createQuery(count).getSingleResult());
    }

    private static Predicate[] conditions(CriteriaBuilder builder, Root<AuditEntry> entry, Criteria criteria) {
        List<Predicate> conditions = new ArrayList<>();
        if (criteria.entityType() != null) {
            conditions.add(builder.equal(entry.get("entityType"), criteria.entityType()));
        }
        if (criteria.entityId() != null) {
            conditions.add(builder.equal(entry.get("entityId"), criteria.entityId()));
        }
        if (criteria.actor() != null) {
            conditions.add(builder.equal(entry.get("actor"), criteria.actor()));
        }
        if (criteria.from() != null) {
            conditions.add(builder.greaterThanOrEqualTo(entry.get("at"), criteria.from()));
        }
        if (criteria.until() != null) {
            conditions.add(builder.lessThan(entry.get("at"), criteria.until()));
        }
        return conditions.toArray(Predicate[]::new);
    }
}
