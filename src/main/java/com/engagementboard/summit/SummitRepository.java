package com.engagementboard.summit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SummitRepository extends JpaRepository<Summit, Long> {

    List<Summit> findAllByOrderByAtDesc();

    Optional<Summit> findFirstByStatusAndIdNotOrderByClosedAtDesc(Summit.Status status, long id);

    Optional<Summit> findFirstByStatusOrderByClosedAtDesc(Summit.Status status);

    /**
     * A participant's endorsement or objection, written in their own row: participants answering at the same
     * moment never touch each other's rows nor the summit's (no optimistic-lock conflict between them). The
     * persistence context is cleared afterwards, so the summit is read again with it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update summit_participant set endorsement = :endorsement, objection = :objection "
            + "where summit_id = :summitId and user_id = :userId", nativeQuery = true)
    int endorse(@Param("summitId") long summitId, @Param("userId") String userId,
            @Param("endorsement") String endorsement, @Param("objection") String objection);
}
