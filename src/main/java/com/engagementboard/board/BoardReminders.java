package com.engagementboard.board;

import java.util.function.Predicate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reminders on the board's open tasks: a task whose answer is due rises to {@link #OVERDUE_PRIORITY} in its
 * person's list, so it sorts first, with a comment that says what happens without an answer. The same for an
 * action's owner, the CEO and an item's author.
 */
@Service
public class BoardReminders {

    /** The priority an overdue task gets, so it sorts first in the Tasklist (normal is 50). */
    static final int OVERDUE_PRIORITY = 80;

    private final TaskService tasks;

    BoardReminders(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Reminds on every open task of the instance at the element, with the comment. */
    public void remind(String processInstanceId, String taskDefinitionKey, String comment) {
        remind(processInstanceId, taskDefinitionKey, task -> true, comment);
    }

    /** Reminds on the open tasks of the instance at the element that {@code which} picks, with the comment. */
    void remind(String processInstanceId, String taskDefinitionKey, Predicate<Task> which, String comment) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).list()) {
            if (which.test(task)) {
                task.setPriority(OVERDUE_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), processInstanceId, comment);
            }
        }
    }
}
