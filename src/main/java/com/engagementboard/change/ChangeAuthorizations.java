package com.engagementboard.change;

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
 * Everyone proposes changes: the API, or the Tasklist's "Start process" with its start form, whose fields are all
 * a person can set. Everything after the start is moved by the process and the people its tasks name.
 */
@Component
@Order(18)
class ChangeAuthorizations implements ApplicationRunner {

    private final EngineGrants grants;

    ChangeAuthorizations(EngineGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.grant(Groups.EMPLOYEE, Resources.PROCESS_DEFINITION, TouchpointChangeProcess.KEY,
                Permissions.CREATE_INSTANCE);
        grants.grant(Groups.EMPLOYEE, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
