package com.engagementboard.charter;

/** The four decision rights the charter gives over every touchpoint, each to one function. */
public enum RightKind {
    DESIGN,
    BUILD,
    OPERATE,
    RENEW
}
