package com.engagementboard.summit;

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
 * The chair convenes summits through the application, which starts the summit's process as the system;
 * nobody starts one by hand through the engine (what earlier versions granted the chair is taken back).
 */
@Component
@Order(17)
class SummitAuthorizations implements ApplicationRunner {

    private final EngineGrants grants;

    SummitAuthorizations(EngineGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.revoke(Groups.BOARD_CHAIR, Resources.PROCESS_DEFINITION, SummitProcess.KEY, Permissions.CREATE_INSTANCE);
        grants.revoke(Groups.BOARD_CHAIR, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
