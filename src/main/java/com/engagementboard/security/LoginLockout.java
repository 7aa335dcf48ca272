package com.engagementboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, and says until when.
 * <p>
 * For real users Camunda keeps the count ({@code ATTEMPTS_} and {@code LOCK_EXP_TIME_} of
 * {@code ACT_ID_USER}, shared by every node): it locks a user for good at the last allowed attempt
 * ({@link LoginSecurityPlugin}). The lock is lifted here once {@link LoginProperties#lockDuration()}
 * has passed since it began.
 * <p>
 * An unknown user id is counted the same way, in memory, so that the answers (wrong password, then
 * locked until ...) never tell whether a user exists.
 */
@Component
class LoginLockout {

    private static final Logger LOG = LoggerFactory.getLogger(LoginLockout.class);
    private static final int MAX_TRACKED_UNKNOWN = 10_000;

    private final IdentityService identity;
    private final LoginProperties login;
    private final Clock clock;
    private final Map<String, Failures> unknown = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED_UNKNOWN;
        }
    };

    LoginLockout(IdentityService identity, LoginProperties login, Clock clock) {
        this.identity = identity;
        this.login = login;
        this.clock = clock;
    }

    /** The application's clock, the engine's time, which also stamps Camunda's lock (and which tests may move). */
    private Instant now() {
        return clock.instant();
    }

    /**
     * Refuses a login to a locked account before the password is even checked; lifts a lock whose
     * time is up.
     *
     * @throws AccountLockedException while the account is locked
     */
    void beforeCheck(String userId, UserEntity user) {
        if (user == null) {
            synchronized (unknown) {
                Failures failures = unknown.get(userId);
                if (failures != null && failures.lockedUntil != null) {
                    if (failures.lockedUntil.isAfter(now())) {
                        throw locked(failures.lockedUntil);
                    }
                    unknown.remove(userId);
                }
            }
            return;
        }
        Instant until = lockedUntil(user);
        if (until == null) {
            return;
        }
        if (until.isAfter(now())) {
            throw locked(until);
        }
        asSystem(() -> identity.unlockUser(userId));
        LOG.info("Lifted the lock of user '{}' after {}", userId, login.lockDuration());
    }

    /**
     * After a wrong password: says so, or that the account is now locked.
     *
     * @throws AccountLockedException when this failure locked the account
     */
    void afterFailure(String userId, UserEntity userAfterCheck) {
        Instant until;
        if (userAfterCheck == null) {
            synchronized (unknown) {
                Failures failures = unknown.computeIfAbsent(userId, id -> new Failures());
                failures.count++;
                if (failures.count >= login.maxAttempts()) {
                    failures.lockedUntil = now().plus(login.lockDuration());
                }
                until = failures.lockedUntil;
            }
        } else {
            until = lockedUntil(userAfterCheck);
        }
        if (until != null && until.isAfter(now())) {
            throw locked(until);
        }
    }

    /** When the account's lock ends, or null when it is not locked for good by Camunda. */
    private Instant lockedUntil(UserEntity user) {
        if (user.getAttempts() < login.maxAttempts()) {
            return null;
        }
        Instant lockedAt = user.getLockExpirationTime() == null ? now()
                : user.getLockExpirationTime().toInstant();
        return lockedAt.plus(login.lockDuration());
    }

    private AccountLockedException locked(Instant until) {
        return new AccountLockedException(login.maxAttempts(), until);
    }

    /** Unlocking is for Camunda administrators; the login itself runs without an engine user. */
    private void asSystem(Runnable action) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            action.run();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private static final class Failures {
        private int count;
        private Instant lockedUntil;
    }
}
