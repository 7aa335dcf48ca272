package com.engagementboard.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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
 * {@code GROUP_<group id>}. Camunda locks a user after repeated wrong passwords.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
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
}
