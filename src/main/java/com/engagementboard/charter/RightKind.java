package com.engagementboard.charter;

/** The four decision rights the charter gives over every touchpoint, each to one function. */
public enum RightKind {
    DESIGN,
    BUILD,
    OPERATE,
    RENEW;

    /** The right as people say it: "design", "build", "operate", "renew". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
