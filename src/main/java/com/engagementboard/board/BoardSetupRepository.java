package com.engagementboard.board;

import org.springframework.data.jpa.repository.JpaRepository;

interface BoardSetupRepository extends JpaRepository<BoardSetup, Long> {
}
