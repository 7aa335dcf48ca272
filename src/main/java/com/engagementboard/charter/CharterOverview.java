package com.engagementboard.charter;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter in counts, for pages that show where it stands without its matrix (the home page): the work in
 * progress with its gaps, conflicts and declined rights, and the rights each function holds or has to accept.
 * Every answer is a handful of aggregate queries, whatever the number of touchpoints.
 */
@Service
@Transactional(readOnly = true)
public class CharterOverview {

    /** Conflicting rights counted at most (a count, not a list). */
    private static final int MAX_CONFLICTS = 10_000;

    /**
     * The version in acceptance, or else the newest draft, in counts: rights no function holds (gaps), rights two
     * functions claim (conflicts), rights a head declined, and touchpoints the version leaves out.
     */
    public record WorkInProgress(long id, Integer number, String title, CharterStatus status, long gaps,
            long conflicts, long declined, long uncovered) {
    }

    private final EntityManager entities;

    CharterOverview(EntityManager entities) {
        this.entities = entities;
    }

    public Optional<WorkInProgress> workInProgress() {
        Optional<CharterVersion> version = newest(CharterStatus.IN_ACCEPTANCE).or(() -> newest(CharterStatus.DRAFT));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        CharterVersion v = version.get();
        long id = v.getId();
        long touchpoints = entities.createQuery("""
                select count(t) from Touchpoint t
                where t.id in (select s.id from CharterVersion c join c.scope s where c.id = :id)
                   or t.id in (select a.touchpoint.id from Allocation a where a.charter.id = :id)""", Long.class)
                .setParameter("id", id).getSingleResult();
        long allocations = entities.createQuery("select count(a) from Allocation a where a.charter.id = :id",
                Long.class).setParameter("id", id).getSingleResult();
        List<Long> conflicting = entities.createQuery("""
                select count(a) from Allocation a where a.charter.id = :id
                group by a.touchpoint.id, a.right having count(a) > 1""", Long.class)
                .setParameter("id", id).setMaxResults(MAX_CONFLICTS).getResultList();
        long surplus = conflicting.stream().mapToLong(c -> c - 1).sum();
        long gaps = Math.max(0, touchpoints * RightKind.values().length - (allocations - surplus));
        long declined = entities.createQuery(
                "select count(a) from Allocation a where a.charter.id = :id and a.status = :declined", Long.class)
                .setParameter("id", id).setParameter("declined", AllocationStatus.DECLINED).getSingleResult();
        long all = entities.createQuery("select count(t) from Touchpoint t", Long.class).getSingleResult();
        return Optional.of(new WorkInProgress(id, v.getNumber(), v.getTitle(), v.getStatus(), gaps, conflicting.size(),
                declined, Math.max(0, all - touchpoints)));
    }

    private Optional<CharterVersion> newest(CharterStatus status) {
        return entities.createQuery("select v from CharterVersion v where v.status = :status order by v.id desc",
                CharterVersion.class).setParameter("status", status).setMaxResults(1).getResultList().stream()
                .findFirst();
    }

    /** How many rights of the version in acceptance wait for each function's head (by code), in one query. */
    public Map<String, Long> pendingRightsByFunction() {
        return entities.createQuery("""
                select f.code, count(a) from Allocation a join a.function f
                where a.charter.status = :inAcceptance and a.status = :pending group by f.code""", Object[].class)
                .setParameter("inAcceptance", CharterStatus.IN_ACCEPTANCE)
                .setParameter("pending", AllocationStatus.PENDING).getResultList().stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    /** The rights the function holds in the version in force. */
    public long rightsInForce(String functionCode) {
        return entities.createQuery("""
                select count(a) from Allocation a where a.charter.status = :effective and a.function.code = :code""",
                Long.class).setParameter("effective", CharterStatus.EFFECTIVE).setParameter("code", functionCode)
                .getSingleResult();
    }

    /** The rights of the version in acceptance that wait for the function's head. */
    public long rightsToAccept(String functionCode) {
        return entities.createQuery("""
                select count(a) from Allocation a
                where a.charter.status = :inAcceptance and a.function.code = :code and a.status = :pending""",
                Long.class).setParameter("inAcceptance", CharterStatus.IN_ACCEPTANCE).setParameter("code", functionCode)
                .setParameter("pending", AllocationStatus.PENDING).getSingleResult();
    }

    /** The number of a charter version (null: a draft, or no such version). */
    public Integer numberOf(long charterVersionId) {
        return entities.createQuery("select c.number from CharterVersion c where c.id = :id", Integer.class)
                .setParameter("id", charterVersionId).getResultStream().findFirst().orElse(null);
    }
}
