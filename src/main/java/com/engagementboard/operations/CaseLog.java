package com.engagementboard.operations;

import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line at each step of a case an operator asks about: the case started and by whom, a task
 * waiting and for whom, a task done and by whom, the case ended. The engine publishes these events
 * (Camunda's Spring eventing) while it runs the case, with the case's business key and process instance
 * id in the logging context, so each line names them ({@code logging.pattern.level}); the text itself
 * holds no form values, only names and ids a person already sees in the Tasklist.
 */
@Component
class CaseLog {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLog.class);

    @EventListener
    void onTask(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> LOG.info("Task '{}' ({}) waits for {}", task.getName(),
                    task.getTaskDefinitionKey(), whoFor(task));
            case TaskListener.EVENTNAME_COMPLETE -> LOG.info("Task '{}' ({}) completed by {}", task.getName(),
                    task.getTaskDefinitionKey(), currentUser(task));
            case TaskListener.EVENTNAME_DELETE -> LOG.info("Task '{}' ({}) closed without being completed",
                    task.getName(), task.getTaskDefinitionKey());
            default -> {
                // assignment, update, timeout: the task's own history has them
            }
        }
    }

    @EventListener
    void onCase(HistoricProcessInstanceEventEntity event) {
        if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType())) {
            // Before the case's first step: the logging context is not filled yet, so the line names the case itself.
            LOG.info("Case {} started by {}: business key {}, process instance {}", event.getProcessDefinitionKey(),
                    Objects.requireNonNullElse(event.getStartUserId(), "the system"), event.getBusinessKey(),
                    event.getProcessInstanceId());
        } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
            LOG.info("Case {} ended{}", event.getProcessDefinitionKey(),
                    event.getDeleteReason() == null ? "" : " (" + event.getDeleteReason() + ")");
        }
    }

    private static String currentUser(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "the system" : current.getUserId();
    }

    private static String whoFor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return groups.isEmpty() ? "nobody yet" : "group(s) " + groups;
    }
}
