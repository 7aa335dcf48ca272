package com.engagementboard.charter;

import com.engagementboard.security.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The chair starts charter processes (by submitting a draft), so the engine lets the chair do so. */
@Component
@Order(15)
class CharterAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;

    CharterAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        grant(Resources.PROCESS_DEFINITION, TouchpointCharterProcess.KEY, Permissions.CREATE_INSTANCE);
        grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }

    private void grant(Resources resource, String resourceId, Permissions permission) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.BOARD_CHAIR).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(Groups.BOARD_CHAIR);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        if (!authorization.isPermissionGranted(permission)) {
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
