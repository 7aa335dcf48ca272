package com.engagementboard.charter;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CharterRepository extends JpaRepository<CharterVersion, Long> {

    Optional<CharterVersion> findFirstByStatus(CharterStatus status);

    Optional<CharterVersion> findByNumber(int number);

    List<CharterVersion> findByNumberNotNullOrderByNumberDesc();

    @Query("select coalesce(max(c.number), 0) from CharterVersion c")
    int highestNumber();
}
