package com.engagementboard.board;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BoardActionRepository extends JpaRepository<BoardAction, Long> {

    List<BoardAction> findByDecisionIdIn(List<Long> decisionIds);

    /**
     * Every action in the board's order: open ones first (the overdue among them come first, being due
     * earliest), then done ones, each by due date, the id breaking ties. Touchpoint and function come in
     * the same query, not one query each.
     */
    @Query(value = """
            select a from BoardAction a join fetch a.touchpoint left join fetch a.function
            order by case when a.status = :open then 0 else 1 end, a.dueAt, a.id""",
            countQuery = "select count(a) from BoardAction a")
    Page<BoardAction> findInBoardOrder(@Param("open") BoardAction.Status open, Pageable page);

    /** The actions of one status by due date (the index on status, due date and id gives the order). */
    @EntityGraph(attributePaths = { "touchpoint", "function" })
    Page<BoardAction> findByStatus(BoardAction.Status status, Pageable page);

    /**
     * The actions of one owner (a function's code; null: the chair's, the actions no function owns), of one status
     * if given, in the board's order (open ones first by due date, so the overdue ones lead), touchpoint and
     * function fetched in the same query.
     */
    @Query(value = """
            select a from BoardAction a join fetch a.touchpoint left join fetch a.function f
            where ((:owner is null and f is null) or f.code = :owner)
              and (:status is null or a.status = :status)
            order by case when a.status = :open then 0 else 1 end, a.dueAt, a.id""",
            countQuery = """
            select count(a) from BoardAction a left join a.function f
            where ((:owner is null and f is null) or f.code = :owner)
              and (:status is null or a.status = :status)""")
    Page<BoardAction> findOfOwnerInBoardOrder(@Param("owner") String functionCode,
            @Param("status") BoardAction.Status status, @Param("open") BoardAction.Status open, Pageable page);
}
