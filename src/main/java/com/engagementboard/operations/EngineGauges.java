package com.engagementboard.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * What an administrator watches on every node, at {@code /actuator/metrics} and
 * {@code /actuator/prometheus}: open tasks, open cases, open incidents, jobs waiting for a retry that
 * will never come (retries spent) and jobs due now that no job executor has taken yet (a backlog that
 * grows means too few nodes run jobs). Each is one count query when read; the engine's own figures
 * (activity instances, jobs executed) are Camunda's, in Cockpit and {@code /engine-rest/metrics}.
 */
@Component
class EngineGauges implements MeterBinder {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;

    EngineGauges(TaskService tasks, RuntimeService runtime, ManagementService management) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("engagement.tasks.open", tasks, t -> t.createTaskQuery().count())
                .description("Tasks waiting for a person").register(registry);
        Gauge.builder("engagement.cases.open", runtime, r -> r.createProcessInstanceQuery().count())
                .description("Process instances not ended").register(registry);
        Gauge.builder("engagement.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents (a failed job or external task); Cockpit shows them").register(registry);
        Gauge.builder("engagement.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs whose retries are spent").register(registry);
        Gauge.builder("engagement.jobs.due", management, m -> m.createJobQuery().executable().count())
                .description("Jobs due now, not yet run").register(registry);
    }
}
