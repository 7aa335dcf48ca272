package com.engagementboard.charter;

/** The life of a charter version: drafted by the chair, accepted by the heads, effective, superseded. */
public enum CharterStatus {
    DRAFT,
    IN_ACCEPTANCE,
    EFFECTIVE,
    SUPERSEDED
}
