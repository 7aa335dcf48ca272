package com.engagementboard.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.LockedException;

/** Too many wrong passwords in a row: the account is locked until {@link #until()}. */
class AccountLockedException extends LockedException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient Instant until;

    AccountLockedException(int attempts, Instant until) {
        super("This account is locked after " + attempts + " failed logins in a row, until " + TIME.format(until)
                + ". Try again then, or ask an administrator to unlock it.");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
