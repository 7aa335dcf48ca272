package com.engagementboard.audit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making a change: the person logged in to Spring Security, else the user the process engine
 * runs as (a task completed through the Tasklist or the engine's REST API), else {@code system}.
 */
class Actors {

    private final ObjectProvider<IdentityService> identity;

    /** The engine is looked up when needed: it is built after the persistence layer that uses this. */
    Actors(ObjectProvider<IdentityService> identity) {
        this.identity = identity;
    }

    String current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName() != null) {
            return authentication.getName();
        }
        IdentityService engine = identity.getIfAvailable();
        Authentication engineUser = engine == null ? null : engine.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return engineUser.getUserId();
        }
        return AuditEntry.SYSTEM;
    }
}
