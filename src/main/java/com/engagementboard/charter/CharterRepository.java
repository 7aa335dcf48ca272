package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CharterRepository extends JpaRepository<CharterVersion, Long> {

    /**
     * The touchpoints a version's matrix has a row for: those in its scope and those it allocates a right
     * over (a draft from CSV may name no scope).
     */
    String MATRIX_TOUCHPOINTS = """
            from Touchpoint t
            where t.id in (select s.id from CharterVersion v join v.scope s where v.id = :charterId)
               or t.id in (select a.touchpoint.id from Allocation a where a.charter.id = :charterId)""";

    Optional<CharterVersion> findFirstByStatus(CharterStatus status);

    /** Another version with the status: the one in acceptance while a version is being started, say. */
    Optional<CharterVersion> findFirstByStatusAndIdNot(CharterStatus status, long id);

    Optional<CharterVersion> findByNumber(int number);

    /** A page of the numbered versions; the number is unique, so the order is stable. */
    Page<CharterVersion> findByNumberNotNull(Pageable page);

    /** One page of the matrix's touchpoints, in code order (the code is unique). */
    @Query(value = "select t " + MATRIX_TOUCHPOINTS + " order by t.code",
            countQuery = "select count(t) " + MATRIX_TOUCHPOINTS)
    Page<Touchpoint> findMatrixTouchpoints(@Param("charterId") long charterId, Pageable page);

    /** Every touchpoint of the matrix, in code order: for the CSV download. */
    @Query("select t " + MATRIX_TOUCHPOINTS + " order by t.code")
    List<Touchpoint> findMatrixTouchpoints(@Param("charterId") long charterId);

    @Query("select coalesce(max(c.number), 0) from CharterVersion c")
    int highestNumber();
}
