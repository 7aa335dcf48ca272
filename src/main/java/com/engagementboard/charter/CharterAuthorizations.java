package com.engagementboard.charter;

import com.engagementboard.security.EngineGrants;
import com.engagementboard.security.Groups;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nobody starts a charter process by hand: the application starts one, as the system, when the chair
 * submits a draft. What earlier versions granted the chair for that is taken back.
 */
@Component
@Order(15)
class CharterAuthorizations implements ApplicationRunner {

    private final EngineGrants grants;

    CharterAuthorizations(EngineGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.revoke(Groups.BOARD_CHAIR, Resources.PROCESS_DEFINITION, TouchpointCharterProcess.KEY,
                Permissions.CREATE_INSTANCE);
        grants.revoke(Groups.BOARD_CHAIR, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
