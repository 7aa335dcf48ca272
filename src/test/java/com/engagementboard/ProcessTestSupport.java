package com.engagementboard;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** What every process test does: run an element's jobs, find its task, complete it as a person. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /**
     * A text the task's form shows, as the Tasklist reads it: its form variables, where the texts are
     * rendered from the record at that moment ({@code engine/TaskTexts}), never stored in the engine.
     */
    public static String formText(Task task, String name) {
        return formService().getTaskFormVariables(task.getId()).getValue(name, String.class);
    }

    /** Executes every job (timer, async continuation) of the instance waiting at the element. */
    /**
     * A {@code board-action} instance whose business key names no action in the register (a mismatch for the
     * consistency report, a task for the chair to list): the caller deletes it when done.
     */
    public static ProcessInstance actionWithoutRecord(org.camunda.bpm.engine.RuntimeService runtime, long actionId,
            String title) {
        return runtime.startProcessInstanceByKey(com.engagementboard.board.BoardActionProcess.KEY,
                com.engagementboard.board.BoardActionProcess.businessKey(actionId), Map.of(
                        com.engagementboard.board.BoardActionProcess.Variables.ACTION_ID, actionId,
                        com.engagementboard.board.BoardActionProcess.Variables.ACTION_TITLE, title,
                        com.engagementboard.board.BoardActionProcess.Variables.OWNER_GROUP, "board-chair",
                        com.engagementboard.board.BoardActionProcess.Variables.ACTION_DUE,
                        new java.util.Date(System.currentTimeMillis() + 86_400_000L)));
    }

    /**
     * Runs the instance's jobs at the element, as the job executor would; a job that an earlier one removed
     * (a multi-instance activity whose completion condition ended the other instances) is skipped.
     */
    public static void runJobs(ProcessInstance instance, String activityId) {
        for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .list()) {
            if (managementService().createJobQuery().jobId(job.getId()).count() > 0) {
                execute(job);
            }
        }
    }

    /** The one open task of the instance at the element. */
    public static Task task(ProcessInstance instance, String activityId) {
        return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
    }

    /**
     * Whether a completion was refused for the named field: by the form's own check (a task listener,
     * whose refusal the engine wraps) or by the rule that a person sets only their form's fields and
     * options (refused before the engine runs anything).
     */
    public static void refusedFor(Throwable thrown, String field) {
        Throwable refusal = thrown;
        while (!(refusal instanceof org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException)
                && refusal.getCause() != null) {
            refusal = refusal.getCause();
        }
        org.assertj.core.api.Assertions.assertThat(refusal)
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class);
        // The refusal names the field's variable for machines; its message may name it by the form's label.
        Object named = ((org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException) refusal).getDetail();
        if (!field.equals(named)) {
            org.assertj.core.api.Assertions.assertThat(refusal).hasMessageContaining(field);
        }
    }

    /** Completes the task as the user with the groups a login gives them, as the Tasklist would. */
    public static void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
        IdentityService identity = processEngine().getIdentityService();
        identity.setAuthentication(user, groups);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Each piece of work on a thread of its own, all released at the same instant (as many people clicking
     * at once); what each thread threw, in no particular order. Empty when nothing failed.
     */
    public static List<Throwable> atOnce(List<Runnable> work) throws InterruptedException {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> threads = new java.util.ArrayList<>();
        for (Runnable each : work) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    each.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        return failures;
    }

    /** The refusal behind a failed command: the record's transition check, however the engine wraps it. */
    public static com.engagementboard.web.IllegalTransitionException transitionRefusal(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof com.engagementboard.web.IllegalTransitionException)) {
            cause = cause.getCause();
        }
        org.assertj.core.api.Assertions.assertThat(cause).as("the refusal behind %s", thrown).isNotNull();
        return (com.engagementboard.web.IllegalTransitionException) cause;
    }
}
