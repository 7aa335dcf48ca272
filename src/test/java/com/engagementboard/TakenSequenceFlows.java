package com.engagementboard;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Records every sequence flow the tests' process instances take (a "take" listener on each flow,
 * added when the processes are parsed), so {@link ProcessCoverage} holds each process test class to
 * every gateway branch, not only to every flow node.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TakenSequenceFlows extends AbstractProcessEnginePlugin {

    /** Process instance id: the ids of the sequence flows it took. */
    private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

    static Set<String> takenBy(String processInstanceId) {
        return TAKEN.getOrDefault(processInstanceId, Set.of());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener record = execution -> TAKEN
                .computeIfAbsent(execution.getProcessInstanceId(), id -> ConcurrentHashMap.newKeySet())
                .add(execution.getCurrentTransitionId());
        var listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<BpmnParseListener>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, record);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
