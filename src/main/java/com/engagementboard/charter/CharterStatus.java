package com.engagementboard.charter;

/**
 * The life of a charter version: drafted by the chair, accepted by the heads, effective, superseded; or
 * withdrawn by the chair while in acceptance, never to take force. Only one version is IN_ACCEPTANCE at a
 * time: from its submission until it becomes EFFECTIVE or is WITHDRAWN, no other draft is submitted.
 */
public enum CharterStatus {
    DRAFT,
    IN_ACCEPTANCE,
    EFFECTIVE,
    SUPERSEDED,
    WITHDRAWN
}
