package com.engagementboard.summit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SummitRepository extends JpaRepository<Summit, Long> {

    List<Summit> findAllByOrderByAtDesc();

    Optional<Summit> findFirstByStatusAndIdNotOrderByClosedAtDesc(Summit.Status status, long id);

    Optional<Summit> findFirstByStatusOrderByClosedAtDesc(Summit.Status status);
}
