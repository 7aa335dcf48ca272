package com.engagementboard.charter;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AllocationRepository extends JpaRepository<Allocation, Long> {

    List<Allocation> findByCharterIdAndStatus(long charterId, AllocationStatus status);

    long countByCharterIdAndStatus(long charterId, AllocationStatus status);

    List<Allocation> findByCharterIdAndFunctionCode(long charterId, String functionCode);

    /** The rights of a version the chair (or the board) moved away from a function that declined them. */
    List<Allocation> findByCharterIdAndReallocatedFrom(long charterId, String functionCode);

    @Query("""
            select a from Allocation a join fetch a.touchpoint join fetch a.function f
            where a.charter.id = :charterId and f.code = :functionCode and a.status = :status""")
    List<Allocation> findByCharterIdAndFunctionCodeAndStatus(@Param("charterId") long charterId,
            @Param("functionCode") String functionCode, @Param("status") AllocationStatus status);

    /** The codes of the functions holding a right in that status, in code order. */
    @Query("""
            select distinct f.code from Allocation a join a.function f
            where a.charter.id = :charterId and a.status = :status order by f.code""")
    List<String> findFunctionCodes(@Param("charterId") long charterId, @Param("status") AllocationStatus status);

    List<Allocation> findByCharterStatusAndTouchpointCode(CharterStatus status, String touchpointCode);

    /** Which of these touchpoints have at least one owner in a charter of this status: one query, not one each. */
    @Query("""
            select distinct a.touchpoint.code from Allocation a
            where a.charter.status = :status and a.touchpoint.code in :codes""")
    List<String> findCoveredTouchpointCodes(@Param("status") CharterStatus status,
            @Param("codes") Collection<String> codes);

    /**
     * The functions whose heads a version asks something of (every right not carried over from the
     * version in force), in code order, with how many rights each: whom a withdrawal is told to.
     */
    @Query("""
            select f.code, count(a) from Allocation a join a.function f
            where a.charter.id = :charterId
              and (a.settlement is null or a.settlement <> com.engagementboard.charter.Settlement.CARRIED_OVER)
            group by f.code order by f.code""")
    List<Object[]> countAskedByFunction(@Param("charterId") long charterId);

    List<Allocation> findByCharterIdAndRight(long charterId, RightKind right);

    /**
     * The rights of a version over some touchpoints (a page of its matrix), with their touchpoint and
     * function in the same query rather than one query each.
     */
    @Query("""
            select a from Allocation a join fetch a.touchpoint t join fetch a.function
            where a.charter.id = :charterId and t.id in :touchpointIds""")
    List<Allocation> findOfTouchpoints(@Param("charterId") long charterId,
            @Param("touchpointIds") Collection<Long> touchpointIds);

    /** Every right of a version with its touchpoint and function, in one query: for the CSV download. */
    @Query("select a from Allocation a join fetch a.touchpoint join fetch a.function where a.charter.id = :charterId")
    List<Allocation> findWithOwners(@Param("charterId") long charterId);

    /**
     * Who owns what in a version, as (touchpoint code, right, function code): what a diff compares,
     * without loading a single entity.
     */
    @Query("select a.touchpoint.code, a.right, a.function.code from Allocation a where a.charter.id = :charterId")
    List<Object[]> findOwnerships(@Param("charterId") long charterId);

    /**
     * One page of the rights a function holds in the version of a status (the effective one), by
     * touchpoint code and right (by its name), the id breaking ties.
     */
    @Query(value = """
            select a from Allocation a join fetch a.touchpoint t join fetch a.function f
            where a.charter.status = :status and f.code = :functionCode
            order by t.code, a.right, a.id""",
            countQuery = """
            select count(a) from Allocation a
            where a.charter.status = :status and a.function.code = :functionCode""")
    Page<Allocation> findRights(@Param("status") CharterStatus status, @Param("functionCode") String functionCode,
            Pageable page);

    // ---- The charter's pages (the matrix, a touchpoint's page): reads only ----

    /**
     * One page of the organisation's touchpoints for the charter matrix, highest priority first, each filter
     * applying only when given (not null). The function and division filters keep the touchpoints with at least
     * one right held by that function (by a function of that division) in the versions given: the one in
     * force and the one in acceptance. {@code name} is a lower-case LIKE pattern (escape '!') on the name or code.
     */
    default Page<com.engagementboard.organisation.Touchpoint> findMatrixPage(
            com.engagementboard.organisation.TouchpointKind kind, com.engagementboard.organisation.JourneyStage stage,
            Integer priority, String name, String function, String division, Collection<Long> charterIds,
            Pageable page) {
        // A flag says whether each filter applies, so that no parameter is ever null: "? is null" has no type the
        // database can infer (H2 refuses it).
        return findMatrixPage(kind == null, kind == null ? com.engagementboard.organisation.TouchpointKind.INTERNAL : kind,
                stage == null, stage == null ? com.engagementboard.organisation.JourneyStage.BUY : stage,
                priority == null, priority == null ? 0 : priority, name == null, name == null ? "" : name,
                function == null, function == null ? "" : function, division == null, division == null ? "" : division,
                charterIds, page);
    }

    String MATRIX_PAGE = """
            from Touchpoint t
            where (:anyKind = true or t.kind = :kind)
              and (:anyStage = true or t.journeyStage = :stage)
              and (:anyPriority = true or t.priority = :priority)
              and (:anyName = true or lower(t.name) like :name escape '!' or lower(t.code) like :name escape '!')
              and (:anyFunction = true or exists (select a.id from Allocation a
                    where a.touchpoint = t and a.charter.id in :charterIds and a.function.code = :function))
              and (:anyDivision = true or exists (select a.id from Allocation a join a.function f join f.division d
                    where a.touchpoint = t and a.charter.id in :charterIds and d.code = :division))""";

    @Query(value = "select t " + MATRIX_PAGE + " order by t.priority desc, t.name, t.code",
            countQuery = "select count(t) " + MATRIX_PAGE)
    Page<com.engagementboard.organisation.Touchpoint> findMatrixPage(@Param("anyKind") boolean anyKind,
            @Param("kind") com.engagementboard.organisation.TouchpointKind kind, @Param("anyStage") boolean anyStage,
            @Param("stage") com.engagementboard.organisation.JourneyStage stage,
            @Param("anyPriority") boolean anyPriority, @Param("priority") int priority,
            @Param("anyName") boolean anyName, @Param("name") String name,
            @Param("anyFunction") boolean anyFunction, @Param("function") String function,
            @Param("anyDivision") boolean anyDivision, @Param("division") String division,
            @Param("charterIds") Collection<Long> charterIds, Pageable page);

    /**
     * The rights of several versions (in force, in acceptance, the newest draft) over a page of touchpoints,
     * with their version, touchpoint, function and the function's division: one query for the whole page.
     */
    @Query("""
            select a from Allocation a join fetch a.charter c join fetch a.touchpoint t join fetch a.function f
              left join fetch f.division
            where c.id in :charterIds and t.id in :touchpointIds""")
    List<Allocation> findOfTouchpointsInVersions(@Param("charterIds") Collection<Long> charterIds,
            @Param("touchpointIds") Collection<Long> touchpointIds);

    /** The newest drafts first: the chair's work in progress, whose conflicts the matrix shows. */
    @Query("select c from CharterVersion c where c.status = com.engagementboard.charter.CharterStatus.DRAFT order by c.id desc")
    List<CharterVersion> findNewestDrafts(Pageable page);

    /** Every right over one touchpoint in the versions of these statuses, with its version and function. */
    @Query("""
            select a from Allocation a join fetch a.charter c join fetch a.function f
            where a.touchpoint.id = :touchpointId and c.status in :statuses""")
    List<Allocation> findHistoryOfTouchpoint(@Param("touchpointId") long touchpointId,
            @Param("statuses") Collection<CharterStatus> statuses);

    /**
     * The board's decisions that name a touchpoint, newest first, as (id, meeting id, title, outcome, escalated,
     * decided at): read by the entity's name, so the charter does not depend on the board's classes (the board
     * depends on the charter).
     */
    @Query("""
            select d.id, d.meetingId, d.title, d.outcome, d.escalated, d.decidedAt from Decision d
            join d.touchpointCodes c where c = :code order by d.decidedAt desc, d.id desc""")
    List<Object[]> findDecisionsNaming(@Param("code") String touchpointCode, Pageable page);

    /**
     * The changes proposed at a touchpoint, newest first, as (id, what should change, status, proposer, proposed
     * at): read by the entity's name, as the decisions are (the changes depend on the charter).
     */
    @Query("""
            select c.id, c.whatChange, c.status, c.proposer, c.createdAt from TouchpointChange c
            where c.touchpoint.code = :code order by c.id desc""")
    List<Object[]> findChangesAt(@Param("code") String touchpointCode, Pageable page);

    /**
     * The standing permissions in force at a touchpoint, oldest first, as (scope, cost limit, function's name,
     * granted by, granted at, id, function's code): read by the entity's name, as the changes are.
     */
    @Query("""
            select p.scope, p.costLimit, f.name, p.grantedBy, p.grantedAt, p.id, f.code
            from StandingPermission p join p.function f
            where p.touchpoint.code = :code and p.revokedAt is null order by p.id""")
    List<Object[]> findStandingPermissionsAt(@Param("code") String touchpointCode);
}
