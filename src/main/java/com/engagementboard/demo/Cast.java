package com.engagementboard.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's people doing their part: each completes their own task with the groups a login gives them, as
 * the Tasklist would, so the engine's authorizations, the forms' checks and the task listeners apply.
 */
@Component
class Cast {

    private final IdentityService identity;
    private final TaskService tasks;
    private final Map<String, List<String>> groups = new HashMap<>();

    Cast(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /** The user completes the task with the form's fields. */
    void complete(String user, Task task, Map<String, Object> form) {
        as(user, () -> tasks.complete(task.getId(), form));
    }

    /** Runs the work as the logged-in user with their groups. */
    void as(String user, Runnable work) {
        identity.setAuthentication(user, groupsOf(user));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The one open task of the instance at the element, if there is one. */
    Task openTask(String processInstanceId, String activityId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
    }

    /** The open task of the instance at the element assigned to the user, if there is one. */
    Task assignedTask(String processInstanceId, String activityId, String user) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .taskAssignee(user).singleResult();
    }

    /** The open task of the instance at the element for the candidate group, if there is one. */
    Task groupTask(String processInstanceId, String activityId, String group) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .taskCandidateGroup(group).singleResult();
    }

    /** A variable the task's form starts from (as the Tasklist shows it). */
    Object formValue(Task task, String name) {
        return tasks.getVariable(task.getId(), name);
    }

    /** One member of the group (the head of a function, for its head group). */
    String someoneIn(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, 1).get(0).getId();
    }

    private List<String> groupsOf(String user) {
        return groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list().stream()
                .map(Group::getId).toList());
    }
}
