package com.engagementboard.charter;

import com.engagementboard.charter.TouchpointCharterProcess.Typed;
import com.engagementboard.engine.OpenTasks;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.NotFoundException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The charter's tasks through the application's API, for people who work from scripts or other
 * tools rather than the Tasklist. Runs as the logged-in user: Camunda's authorizations decide, as in
 * the Tasklist (someone else's task: 403).
 */
@Service
class CharterTasks {

    record TaskView(String id, String name, String activity, String candidateGroup, Date due, int priority,
            Long charterId, String function) {
    }

    private final TaskService tasks;
    private final HistoryService history;
    private final SystemAccount system;

    CharterTasks(TaskService tasks, HistoryService history, SystemAccount system) {
        this.tasks = tasks;
        this.history = history;
        this.system = system;
    }

    /** The open charter tasks the current user may see, most urgent first. */
    List<TaskView> mine() {
        return OpenTasks.readEach(tasks, tasks.createTaskQuery().processDefinitionKey(TouchpointCharterProcess.KEY)
                .initializeFormKeys().orderByTaskPriority().desc().orderByDueDate().asc().list(), t -> {
                    Map<String, Object> variables = tasks.getVariables(t.getId(), List.of(
                            Typed.CHARTER_ID.name(), Typed.FUNCTION_CODE.name()));
                    return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), candidateGroup(t),
                            t.getDueDate(), t.getPriority(), Typed.CHARTER_ID.valueOf(variables.get(Typed.CHARTER_ID.name())),
                            Typed.FUNCTION_CODE.valueOf(variables.get(Typed.FUNCTION_CODE.name())));
                });
    }

    /** Completes the task with the form's fields; the second of two concurrent clicks gets a conflict. */
    void complete(String taskId, Map<String, Object> fields) {
        try {
            tasks.complete(taskId, fields);
        } catch (NullValueException notFound) {
            throw alreadyCompleted(taskId).<RuntimeException>map(c -> c)
                    .orElseGet(() -> new NotFoundException("task", taskId));
        } catch (AuthorizationException forbidden) {
            // Losing a race looks like a refusal too: the winner's completion removed the task's grants.
            throw alreadyCompleted(taskId).<RuntimeException>map(c -> c).orElse(forbidden);
        } catch (RuntimeException lost) {
            // Or the engine trips over the execution tree the winner has just removed (seen once in CI as a
            // NullPointerException inside Camunda's history producer): a conflict too, once the task is done.
            throw alreadyCompleted(taskId).<RuntimeException>map(c -> c).orElse(lost);
        }
    }

    private java.util.Optional<ConflictException> alreadyCompleted(String taskId) {
        // People read no engine history; whether the task is finished is the application's question.
        boolean done = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()) > 0;
        return done ? java.util.Optional.of(new ConflictException("Task already completed",
                "Someone completed task " + taskId + " already; reload your task list.")) : java.util.Optional.empty();
    }

    private String candidateGroup(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
    }
}
