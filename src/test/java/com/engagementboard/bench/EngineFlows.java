package com.engagementboard.bench;

import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.TouchpointCharterProcess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/**
 * The same steps as the HTTP clients take, through Camunda's Java API in the application's JVM: as
 * the same user with the same groups (so Camunda's authorizations and the application's engine
 * plugins apply), without HTTP, JSON, Spring Security or the REST layer.
 */
final class EngineFlows {

    private final TaskService tasks;
    private final IdentityService identity;

    EngineFlows(InProcessApp app) {
        this.tasks = app.bean(TaskService.class);
        this.identity = app.bean(IdentityService.class);
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    int accept(String function, long charterId, AtomicInteger retries) {
        List<Task> mine = as(Organisation.head(function), () -> tasks.createTaskQuery()
                .taskCandidateGroup("head-" + function)
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId))
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS).list());
        int done = 0;
        for (Task task : mine) {
            if (complete(Organisation.head(function), task.getId(), Map.of(TouchpointCharterProcess.Variables.DECISION,
                    TouchpointCharterProcess.ACCEPT_ALL), retries)) {
                done++;
            }
        }
        return done;
    }

    int vote(List<Board.VoteTask> item, AtomicInteger retries) {
        int cast = 0;
        for (Board.VoteTask vote : item) {
            if (complete(vote.voter(), vote.id(), Map.of(BoardMeetingProcess.Variables.VOTE, BoardMeetingProcess.APPROVE,
                    BoardMeetingProcess.Variables.VOTE_COMMENT, "Benchmark"), retries)) {
                cast++;
            }
        }
        return cast;
    }

    /** As {@link TaskCompletion#complete}: again after an optimistic-locking failure; false if the task is gone. */
    private boolean complete(String user, String taskId, Map<String, Object> variables, AtomicInteger retries) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                as(user, () -> {
                    tasks.complete(taskId, variables);
                    return null;
                });
                return true;
            } catch (OptimisticLockingException e) {
                retries.incrementAndGet();
                Readiness.sleep(10L * (attempt + 1));
            } catch (ProcessEngineException e) {
                if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                    return false;
                }
                throw e;
            }
        }
        throw new IllegalStateException("Task " + taskId + " still not completed after 20 attempts");
    }
}
