package com.engagementboard.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

/**
 * Logs people in against Camunda's identity service (form login and HTTP Basic alike), so users,
 * passwords and groups are kept in one place. Each Camunda group becomes the authority
 * {@code GROUP_<group id>}. After repeated wrong passwords the account is locked for a while
 * ({@link LoginLockout}); an unknown user gets the same answers, after the same time, as a known one.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String WRONG_CREDENTIALS = "Unknown user or wrong password";

    private static final Logger LOG = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);
    /** Hashed when the user does not exist, so that a wrong user id takes as long as a wrong password. */
    private static final String DECOY_PASSWORD = "no such user";

    private final IdentityService identity;
    private final LoginLockout lockout;
    private final Pbkdf2PasswordEncryptor decoy;

    CamundaIdentityAuthenticationProvider(IdentityService identity, LoginLockout lockout, LoginProperties login) {
        this.identity = identity;
        this.lockout = lockout;
        this.decoy = new Pbkdf2PasswordEncryptor(login.hashIterations());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        }
        String password = credentials.toString();
        UserEntity user = find(userId);
        lockout.beforeCheck(userId, user);
        if (user == null) {
            decoy.encrypt(DECOY_PASSWORD);
            lockout.afterFailure(userId, null);
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        }
        if (!identity.checkPassword(userId, password)) {
            lockout.afterFailure(userId, find(userId));
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        }
        rehashIfOld(user, password);
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(Groups::authority).<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        User principal = new User(userId, "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserEntity find(String userId) {
        return (UserEntity) identity.createUserQuery().userId(userId).singleResult();
    }

    /**
     * A password still stored with Camunda's older, fast hash (SHA-512) is stored again with the slow
     * one, now that it is known. The policy is not applied: the person did not choose a new password.
     */
    private void rehashIfOld(UserEntity user, String password) {
        String stored = user.getPassword();
        if (stored == null || stored.startsWith("{" + Pbkdf2PasswordEncryptor.ALGORITHM + "}")) {
            return;
        }
        try {
            UserEntity fresh = find(user.getId());
            fresh.setPassword(password);
            ((IdentityServiceImpl) identity).saveUser(fresh, true);
            LOG.info("Stored the password of user '{}' with {} instead of its older hash", user.getId(),
                    Pbkdf2PasswordEncryptor.ALGORITHM);
        } catch (RuntimeException e) { // ClassCastException included: another identity service
            LOG.warn("Could not rehash the password of user '{}'; it keeps its older hash: {}", user.getId(),
                    e.toString());
        }
    }
}
