package com.engagementboard.board;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardMemberRepository extends JpaRepository<BoardMember, String> {

    List<BoardMember> findByCoreTrueOrderByUserId();

    List<BoardMember> findAllByOrderByUserId();
}
