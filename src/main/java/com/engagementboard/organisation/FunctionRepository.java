package com.engagementboard.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionRepository extends JpaRepository<BusinessFunction, Long> {

    @EntityGraph(attributePaths = "division")
    Optional<BusinessFunction> findByCode(String code);

    @EntityGraph(attributePaths = "division")
    List<BusinessFunction> findAllByOrderByName();

    boolean existsByCode(String code);

    @EntityGraph(attributePaths = "division")
    List<BusinessFunction> findByCodeIn(java.util.Collection<String> codes);

    List<BusinessFunction> findByDivisionOrderByName(Division division);
}
