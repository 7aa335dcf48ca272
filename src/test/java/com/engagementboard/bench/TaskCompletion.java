package com.engagementboard.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completing a task through {@code /engine-rest} as a person does, again after a concurrent change: two
 * completions in one process instance at once may collide (409, or 500 for an optimistic-locking
 * failure), and the loser clicks again. A task that is gone meanwhile (a vote withdrawn because the
 * outcome is certain) is not an error.
 */
final class TaskCompletion {

    private TaskCompletion() {
    }

    /** True when this call completed the task, false when the task was gone. */
    static boolean complete(Session person, String taskId, String body, AtomicInteger retries) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Session.Response response = person.postJson("/engine-rest/task/" + taskId + "/complete", body);
            if (response.status() == 204) {
                return true;
            }
            if (person.get("/engine-rest/task/" + taskId).status() == 404) {
                return false;
            }
            if (response.status() != 409 && response.status() != 500) {
                throw new IllegalStateException("Completing task " + taskId + " as " + person.user() + ": HTTP "
                        + response.status() + " " + Session.abbreviate(response.body()));
            }
            retries.incrementAndGet();
            Readiness.sleep(10L * (attempt + 1));
        }
        throw new IllegalStateException("Task " + taskId + " still not completed after 20 attempts");
    }
}
