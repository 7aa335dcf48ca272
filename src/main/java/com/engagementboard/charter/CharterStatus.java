package com.engagementboard.charter;

/**
 * The life of a charter version: drafted by the chair, accepted by the heads, effective, superseded; or
 * withdrawn by the chair while in acceptance, never to take force.
 */
public enum CharterStatus {
    DRAFT,
    IN_ACCEPTANCE,
    EFFECTIVE,
    SUPERSEDED,
    WITHDRAWN
}
