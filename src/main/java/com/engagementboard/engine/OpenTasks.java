package com.engagementboard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Reading more about each task a list query returned (its candidates, its variables) while other people
 * work: a task completed between the query and the read is gone (the engine says "cannot find task", or
 * refuses to read it as its grants went with it). MixedLoadIT found the chair's page answering 500 for it.
 * Outside a transaction, {@link #readEach} leaves such a task out. Inside one (a read-only page service), a
 * failed engine command marks the whole transaction for rollback, so there {@link #candidates} reads a task's
 * candidates from history: a query, which never fails for a task that has gone.
 */
public final class OpenTasks {

    private OpenTasks() {
    }

    /** A task's candidate: a person or a group. */
    public record Candidate(String userId, String groupId) {
    }

    /**
     * The task's candidates now, from the engine's identity link log (history level full): each person or group
     * whose last entry is an "add". Read as the system: people may not read history.
     */
    public static List<Candidate> candidates(HistoryService history, String taskId) {
        java.util.Map<Candidate, Boolean> current = new java.util.LinkedHashMap<>();
        for (HistoricIdentityLinkLog entry : history.createHistoricIdentityLinkLogQuery().taskId(taskId)
                .type(IdentityLinkType.CANDIDATE).orderByTime().asc().list()) {
            current.put(new Candidate(entry.getUserId(), entry.getGroupId()),
                    "add".equals(entry.getOperationType()));
        }
        return current.entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey)
                .toList();
    }

    /** {@code read} applied to each task still open; a failure on a task that is still there is thrown. */
    public static <T> List<T> readEach(TaskService tasks, List<Task> listed, Function<Task, T> read) {
        List<T> views = new ArrayList<>(listed.size());
        for (Task task : listed) {
            try {
                views.add(read.apply(task));
            } catch (NullValueException | AuthorizationException gone) {
                if (tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
                    throw gone;
                }
            }
        }
        return views;
    }
}
