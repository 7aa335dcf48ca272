package com.engagementboard.charter;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AllocationRepository extends JpaRepository<Allocation, Long> {

    List<Allocation> findByCharterIdAndStatus(long charterId, AllocationStatus status);

    List<Allocation> findByCharterIdAndFunctionCode(long charterId, String functionCode);

    List<Allocation> findByCharterIdAndFunctionCodeAndStatus(long charterId, String functionCode,
            AllocationStatus status);

    List<Allocation> findByCharterStatusAndFunctionCode(CharterStatus status, String functionCode);

    List<Allocation> findByCharterStatusAndTouchpointCode(CharterStatus status, String touchpointCode);

    List<Allocation> findByCharterIdAndRight(long charterId, RightKind right);
}
