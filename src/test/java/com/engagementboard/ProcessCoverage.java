package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Holds a process test class to its promise: every flow node of its process was driven by the
 * class's tests (process instances started since the class began). The detailed report, flow nodes
 * and sequence flows, is written by camunda-process-test-coverage to target/process-test-coverage.
 */
public final class ProcessCoverage {

    private ProcessCoverage() {
    }

    public static Date start() {
        return new Date();
    }

    public static void assertEveryFlowNodeDriven(String processKey, Date since) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        Set<String> nodes = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).startedAfter(new Date(since.getTime() - 1000)).list().stream()
                .map(p -> p.getId()).collect(Collectors.toSet());
        Set<String> driven = new TreeSet<>();
        for (String instance : instances) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list()
                    .stream().map(HistoricActivityInstance::getActivityId).map(id -> id.replace("#multiInstanceBody", ""))
                    .forEach(driven::add);
        }
        nodes.removeAll(driven);
        assertThat(nodes).as("flow nodes of %s that no test drove", processKey).isEmpty();
    }
}
