package com.engagementboard.change;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TouchpointChangeRepository extends JpaRepository<TouchpointChange, Long> {

    /** The changes {@link #find} selects, with their touchpoint and owners joined (the owners may be none). */
    String FILTERED = """
            from TouchpointChange c left join c.touchpoint t left join c.designFunction df
                left join c.buildFunction bf left join c.operateFunction opf
            where (:proposer is null or c.proposer = :proposer)
              and (:touchpoint is null or t.code = :touchpoint)
              and (:status is null or c.status = :status)
              and (:anyFunction = true
                   or df.code in :functions or bf.code in :functions or opf.code in :functions
                   or exists (select 1 from TouchpointChange d join d.functionsAffected f
                              where d = c and f.code in :functions))
            """;

    /**
     * Changes newest first, each filter applied when given: proposed by someone, at one touchpoint (its code),
     * in one status, and (when {@code anyFunction} is false) touching one of the functions given: as an owner
     * it was routed to, or as a function the proposer said it affects.
     */
    @Query(value = "select c " + FILTERED + " order by c.id desc", countQuery = "select count(c) " + FILTERED)
    Page<TouchpointChange> find(@Param("proposer") String proposer, @Param("touchpoint") String touchpointCode,
            @Param("status") TouchpointChange.Status status, @Param("anyFunction") boolean anyFunction,
            @Param("functions") Collection<String> functionCodes, Pageable page);

    /** The latest changes at a touchpoint, newest first: what its forms and page show. */
    List<TouchpointChange> findTop10ByTouchpointCodeOrderByIdDesc(String touchpointCode);
}
