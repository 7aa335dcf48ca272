package com.engagementboard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;

/**
 * Reading more about each task a list query returned (its candidates, its variables) while other people
 * work: a task completed between the query and the read is gone (the engine says "cannot find task", or
 * refuses to read it as its grants went with it). Such a task is left out of the list; the page or answer
 * does not fail. MixedLoadIT found the chair's page answering 500 for it.
 */
public final class OpenTasks {

    private OpenTasks() {
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
