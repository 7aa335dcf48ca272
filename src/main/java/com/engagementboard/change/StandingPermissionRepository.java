package com.engagementboard.change;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StandingPermissionRepository extends JpaRepository<StandingPermission, Long> {

    /** A touchpoint's permissions still in force, oldest first. */
    List<StandingPermission> findByTouchpointCodeAndRevokedAtIsNullOrderById(String touchpointCode);

    /** Every permission in force, by touchpoint name: the proposer's picker. */
    @Query("select p from StandingPermission p join fetch p.touchpoint t join fetch p.function"
            + " where p.revokedAt is null order by t.name, p.id")
    List<StandingPermission> findActive();
}
