package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementboard.EngagementBoardTest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks authorizations with the person's groups as they are ({@link AuthorizedGroupsPlugin}), not
 * after a query for every group that holds an authorization: the same people see and work the same tasks.
 */
@EngagementBoardTest
class AuthorizationGroupsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    private final String tag = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        tasks.createTaskQuery().taskNameLike("%" + tag).list().forEach(t -> tasks.deleteTask(t.getId(), true));
    }

    private AuthorizationManager managerOfACommand() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> commandContext.getAuthorizationManager());
    }

    @Test
    void theEnginesCommandsUseThePersonsGroupsAsTheyAre() {
        AuthorizationManager manager = managerOfACommand();

        assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.PersonsGroupsAuthorizationManager.class);
        assertThat(manager.filterAuthenticatedGroupIds(Arrays.asList("head-marketing", null, "employee",
                "head-marketing", "a-group-without-authorizations")))
                .containsExactly("head-marketing", "employee", "a-group-without-authorizations");
        List<String> none = manager.filterAuthenticatedGroupIds(null);
        none.add("modifiable, as Camunda's own answer");
        assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
    }

    @Test
    void aTaskIsSeenAndWorkedByItsGroupOnlyWhateverOtherGroupsThePersonHas() {
        Task task = tasks.newTask();
        task.setName("Marketing's task " + tag);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "head-marketing");

        identity.setAuthentication("marketing.head", List.of("a-group-without-authorizations", "head-marketing",
                "employee"));
        assertThat(tasks.createTaskQuery().taskNameLike("%" + tag).count()).isEqualTo(1);
        identity.setAuthentication("sales.head", List.of("a-group-without-authorizations", "head-sales", "employee"));
        assertThat(tasks.createTaskQuery().taskNameLike("%" + tag).count()).isZero();
        assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);
        identity.setAuthentication("marketing.head", List.of("head-marketing", "employee"));
        tasks.complete(task.getId());
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }
}
