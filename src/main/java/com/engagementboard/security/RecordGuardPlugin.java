package com.engagementboard.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Least privilege in the engine, set where the engine is configured:
 * <ul>
 * <li>{@link VariableWriteGuard}: people write only the fields of the form in front of them;</li>
 * <li>a task's assignee and candidates get {@code TASK_WORK} (read, claim, complete) on it, not
 * {@code UPDATE} (which would let them rewrite its variables, due date or candidates);</li>
 * <li>with no grant on process definitions' history (see {@code IdentityBootstrap}), a person reads
 * the history only of the tasks they take part in: the engine grants {@code HISTORIC_TASK} read to a
 * task's assignee and candidates.</li>
 * </ul>
 */
@Component
class RecordGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new VariableWriteGuard());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        configuration.setEnableHistoricInstancePermissions(true);
    }
}
