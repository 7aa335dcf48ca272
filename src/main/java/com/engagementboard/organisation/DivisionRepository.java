package com.engagementboard.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DivisionRepository extends JpaRepository<Division, Long> {

    Optional<Division> findByCode(String code);

    List<Division> findAllByOrderByName();
}
