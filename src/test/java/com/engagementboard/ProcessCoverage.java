package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a process test class to its promise: every flow node of its process was driven, and every
 * sequence flow taken (each gateway branch, each timer's and each boundary event's way out), by the
 * class's own tests (process instances started since the class began), checked after the class: flow
 * nodes from the engine's history, sequence flows from {@link TakenSequenceFlows}. The detailed report, flow nodes and sequence flows, is written by
 * camunda-process-test-coverage to target/process-test-coverage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ProcessCoverage.Check.class)
public @interface ProcessCoverage {

    /** The key of the process whose every flow node the class drives. */
    String value();

    /** Records when the class starts, and checks its process's flow nodes after its last test. */
    class Check implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Check.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getStore(NAMESPACE).put("started", new Date());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            String key = context.getRequiredTestClass().getAnnotation(ProcessCoverage.class).value();
            assertEveryFlowNodeDriven(key, context.getStore(NAMESPACE).get("started", Date.class));
        }

        static void assertEveryFlowNodeDriven(String processKey, Date since) {
            ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
            ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(processKey).latestVersion().singleResult();
            Set<String> nodes = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> flows = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> driven = new TreeSet<>();
            Set<String> taken = new TreeSet<>();
            engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                    .startedAfter(new Date(since.getTime() - 1000)).list()
                    .forEach(instance -> {
                        engine.getHistoryService().createHistoricActivityInstanceQuery()
                                .processInstanceId(instance.getId()).list().stream()
                                .map(HistoricActivityInstance::getActivityId)
                                .map(id -> id.replace("#multiInstanceBody", "")).forEach(driven::add);
                        taken.addAll(TakenSequenceFlows.takenBy(instance.getId()));
                    });
            // The flows out of an event-based gateway are never "taken": the event they lead to fires. They
            // count as taken when that event was reached.
            engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(SequenceFlow.class).stream()
                    .filter(flow -> flow.getSource() instanceof EventBasedGateway)
                    .filter(flow -> driven.contains(flow.getTarget().getId()))
                    .forEach(flow -> taken.add(flow.getId()));
            nodes.removeAll(driven);
            flows.removeAll(taken);
            assertThat(nodes).as("flow nodes of %s that no test drove", processKey).isEmpty();
            assertThat(flows).as("sequence flows of %s that no test took", processKey).isEmpty();
        }
    }
}
