package com.engagementboard.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface TouchpointRepository extends JpaRepository<Touchpoint, Long>, JpaSpecificationExecutor<Touchpoint> {

    Optional<Touchpoint> findByCode(String code);

    boolean existsByCode(String code);

    java.util.List<Touchpoint> findByCodeIn(java.util.Collection<String> codes);
}
