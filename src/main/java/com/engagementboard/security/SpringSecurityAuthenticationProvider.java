package com.engagementboard.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security logged in, with their groups, to the Camunda webapps (Tasklist, Cockpit,
 * Admin) and to {@code /engine-rest}, so one login serves the application, the webapps and the engine's
 * API, with the same groups behind every door. Instantiated by Camunda's filters by class name, hence
 * public with no arguments.
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        // The groups the login read, so that Camunda does not query them (and the person's tenants: this
        // application has none) again on every request; the same groups the application's own API uses.
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(Groups.of(authentication));
        result.setTenants(List.of());
        return result;
    }
}
