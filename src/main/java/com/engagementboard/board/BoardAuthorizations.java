package com.engagementboard.board;

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
 * Members submit agenda items (the API or the Tasklist's "Start process" with its start form, whose
 * fields are all a member can set). Meetings and actions are started and moved by the application as
 * the system: the chair holds no grant to start a meeting or rewrite its variables and timers through
 * the engine's APIs (what earlier versions granted is taken back).
 */
@Component
@Order(16)
class BoardAuthorizations implements ApplicationRunner {

    private final EngineGrants grants;

    BoardAuthorizations(EngineGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.grant(Groups.BOARD_MEMBER, Resources.PROCESS_DEFINITION, AgendaItemProcess.KEY,
                Permissions.CREATE_INSTANCE);
        grants.grant(Groups.BOARD_MEMBER, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        grants.revoke(Groups.BOARD_CHAIR, Resources.PROCESS_DEFINITION, BoardMeetingProcess.KEY,
                Permissions.CREATE_INSTANCE, Permissions.UPDATE_INSTANCE);
    }
}
