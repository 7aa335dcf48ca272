package com.engagementboard.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How logins are guarded ({@code engagement-board.login.*}).
 *
 * @param maxAttempts failed logins in a row after which an account is locked
 * @param lockDuration how long it then stays locked (an administrator may unlock it earlier in
 *        Camunda Admin)
 * @param hashIterations PBKDF2 iterations for new password hashes; stored with each hash, so raising
 *        it later leaves existing hashes valid
 */
@ConfigurationProperties("engagement-board.login")
record LoginProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("310000") int hashIterations) {
}
