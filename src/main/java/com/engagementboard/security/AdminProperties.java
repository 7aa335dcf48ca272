package com.engagementboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator a production installation starts with ({@code ADMIN_USER}, {@code ADMIN_PASSWORD}
 * in the {@code prod} profile). Without them a production start is refused.
 */
@ConfigurationProperties("engagement-board.admin")
record AdminProperties(String user, String password) {

    static final int MIN_PASSWORD_LENGTH = 12;

    boolean configured() {
        return user != null && !user.isBlank() && password != null && !password.isBlank();
    }
}
