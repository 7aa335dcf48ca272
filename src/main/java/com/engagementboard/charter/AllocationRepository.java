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
}
