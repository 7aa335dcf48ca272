package com.engagementboard.charter;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The grouped reads the charter's charts need: each a few rows per version or per function, counted in the
 * database, whatever the size of the charter (2,000 touchpoints, 8,000 rights a version).
 */
interface CharterChartRepository extends Repository<CharterVersion, Long> {

    /** The newest versions that took force (numbered), newest first; the page cuts how many. */
    @Query("select c from CharterVersion c where c.number is not null order by c.number desc")
    List<CharterVersion> findNewestNumbered(Pageable page);

    /** The touchpoints of the organisation: each has four rights a charter should give to some function. */
    @Query("select count(t) from com.engagementboard.organisation.Touchpoint t")
    long countTouchpoints();

    /**
     * For each version: how many rights (touchpoint and right) it gives to at least one function, and how many of
     * those it gives to more than one (conflicts). Rows of (version id, rights held, rights in conflict).
     */
    @Query("""
            select x.charterId, count(x.touchpointId), sum(case when x.owners > 1 then 1 else 0 end)
            from (select a.charter.id as charterId, a.touchpoint.id as touchpointId, a.right as rightKind,
                         count(distinct a.function.id) as owners
                  from Allocation a where a.charter.id in :ids
                  group by a.charter.id, a.touchpoint.id, a.right) x
            group by x.charterId""")
    List<Object[]> countHeldAndConflicting(@Param("ids") Collection<Long> versionIds);

    /**
     * The rights heads accepted themselves in these versions, grouped by function, the version's submission and the
     * moment of the answer (a head answers a version's rights in one task, so these are a few rows a function):
     * rows of (function code, function name, submitted at, accepted at, rights accepted then).
     */
    @Query("""
            select f.code, f.name, c.submittedAt, a.decidedAt, count(a)
            from Allocation a join a.charter c join a.function f
            where c.id in :ids and a.settlement = com.engagementboard.charter.Settlement.HEAD_ACCEPTED
              and a.decidedAt is not null and c.submittedAt is not null
            group by f.code, f.name, c.submittedAt, a.decidedAt""")
    List<Object[]> findHeadAcceptances(@Param("ids") Collection<Long> versionIds);
}
