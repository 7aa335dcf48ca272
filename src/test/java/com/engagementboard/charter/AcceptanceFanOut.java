package com.engagementboard.charter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A submission ends at the save point after the process's start; the heads' acceptance tasks are created by
 * the job that continues from it. Tests run with the job executor off, so they run that job themselves, as
 * the job executor would a moment after the request.
 */
public final class AcceptanceFanOut {

    private AcceptanceFanOut() {
    }

    /** Runs the continuation of the submitted version's process: every head it names gets their task. */
    public static ProcessInstance askHeads(RuntimeService runtime, ManagementService management, long charterId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
        assertThat(instance).as("the process of charter version %d", charterId).isNotNull();
        List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(TouchpointCharterProcess.Elements.START).list();
        assertThat(jobs).as("the save point after charter version %d was submitted", charterId).hasSize(1);
        management.executeJob(jobs.get(0).getId());
        return instance;
    }
}
