package com.engagementboard.charter;

/** Where one allocated right stands with the head of the function that receives it. */
public enum AllocationStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
