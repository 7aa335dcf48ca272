package com.engagementboard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link TaskTexts} of a task's process to its form variables when they are read, in the
 * engine, so the Tasklist's own API, {@code /engine-rest} and the Java API all show the same texts.
 * The engine has already checked that the caller may read the task when the texts are added.
 */
@Component
class TaskTextsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskTexts> texts;

    TaskTextsPlugin(ObjectProvider<TaskTexts> texts) {
        this.texts = texts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new FormTexts());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private final class FormTexts extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
                TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(read.resourceId);
                if (task != null && task.getProcessDefinitionId() != null) {
                    String key = task.getProcessDefinition().getKey();
                    texts.orderedStream().filter(t -> t.processKey().equals(key))
                            .forEach(t -> add(t.texts(task), variables, read));
                }
            }
            return result;
        }

        private void add(Map<String, String> texts, VariableMap variables, GetTaskFormVariablesCmd read) {
            texts.forEach((name, text) -> {
                if (read.formVariableNames == null || read.formVariableNames.contains(name)) {
                    variables.putValueTyped(name, Variables.stringValue(text));
                }
            });
        }
    }
}
