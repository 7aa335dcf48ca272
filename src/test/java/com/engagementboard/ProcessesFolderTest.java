package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every file of the top-level processes/ folder deploys on its own (the engine parses and validates
 * each), and the application deployed all of them as its process application at start-up.
 */
@EngagementBoardTest
class ProcessesFolderTest {

    static final Path PROCESSES = Path.of("processes");

    @Autowired
    RepositoryService repository;

    static List<Path> processFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).sorted().toList();
        }
    }

    @Test
    void holdsOnlyBpmnDmnAndFormFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .allSatisfy(f -> assertThat(f.toString()).matches(".*\\.(bpmn|dmn|form)$"));
        }
    }

    @Test
    void everyFileDeploysOnItsOwn() throws IOException {
        for (Path file : processFiles()) {
            try (InputStream content = Files.newInputStream(file)) {
                Deployment deployment = repository.createDeployment().name("processes-folder-test")
                        .addInputStream(file.getFileName().toString(), content).deploy();
                try {
                    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                            .containsExactly(file.getFileName().toString());
                    if (file.toString().endsWith(".bpmn")) {
                        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
                                .as("process definitions in " + file).isPositive();
                    }
                } finally {
                    repository.deleteDeployment(deployment.getId(), true);
                }
            }
        }
    }

    /** Every BPMN model of the folder, with its file. */
    private static Map<Path, org.camunda.bpm.model.bpmn.BpmnModelInstance> models() throws IOException {
        Map<Path, org.camunda.bpm.model.bpmn.BpmnModelInstance> models = new java.util.LinkedHashMap<>();
        for (Path file : processFiles()) {
            if (file.toString().endsWith(".bpmn")) {
                try (InputStream content = Files.newInputStream(file)) {
                    models.put(file, org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(content));
                }
            }
        }
        return models;
    }

    /** The save point of the element (named for the message) retries three times, five minutes apart. */
    private static void retriesOnPurpose(org.camunda.bpm.model.bpmn.instance.BaseElement element, String name,
            Path file) {
        var retry = element.getExtensionElements() == null ? null : element.getExtensionElements()
                .getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
                .list().stream().findFirst().orElse(null);
        assertThat(retry).as("%s in %s retries on purpose", name, file).isNotNull();
        assertThat(retry.getTextContent()).as("%s in %s", name, file).isEqualTo("R3/PT5M");
    }

    /**
     * Every save point (an asynchronous continuation) retries on purpose: three times, five minutes apart,
     * then an incident in Cockpit; never Camunda's default of three immediate retries.
     */
    @Test
    void everySavePointRetriesThreeTimesFiveMinutesApart() throws IOException {
        int savePoints = 0;
        for (Map.Entry<Path, org.camunda.bpm.model.bpmn.BpmnModelInstance> model : models().entrySet()) {
            for (org.camunda.bpm.model.bpmn.instance.FlowNode node : model.getValue()
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
                // An event-based gateway has no asyncAfter (the model API refuses to read it): it waits for its events.
                boolean asyncAfter = !(node instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway)
                        && node.isCamundaAsyncAfter();
                if (node.isCamundaAsyncBefore() || asyncAfter) {
                    savePoints++;
                    retriesOnPurpose(node, node.getId(), model.getKey());
                }
            }
        }
        assertThat(savePoints).as("the save points of the charter and the board meeting").isGreaterThanOrEqualTo(5);
    }

    /**
     * A timer whose job runs service work (a reminder, a lapse, a note in the record) retries on purpose too:
     * a database hiccup at that moment is retried three times, five minutes apart, then becomes an incident.
     */
    @Test
    void everyTimerThatRunsServiceWorkRetriesThreeTimesFiveMinutesApart() throws IOException {
        List<String> timers = new java.util.ArrayList<>();
        for (Map.Entry<Path, org.camunda.bpm.model.bpmn.BpmnModelInstance> model : models().entrySet()) {
            for (org.camunda.bpm.model.bpmn.instance.TimerEventDefinition timer : model.getValue()
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)) {
                var event = (org.camunda.bpm.model.bpmn.instance.FlowNode) timer.getParentElement();
                boolean serviceWork = event.getOutgoing().stream().map(flow -> flow.getTarget()).anyMatch(next ->
                        next instanceof org.camunda.bpm.model.bpmn.instance.ServiceTask
                                || next instanceof org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent
                                || next instanceof org.camunda.bpm.model.bpmn.instance.SendTask
                                || next instanceof org.camunda.bpm.model.bpmn.instance.BusinessRuleTask);
                if (serviceWork) {
                    timers.add(event.getId());
                    retriesOnPurpose(event, event.getId(), model.getKey());
                }
            }
        }
        assertThat(timers).as("the reminders and deadlines of the five processes").hasSizeGreaterThanOrEqualTo(10);
    }

    /**
     * The multi-instance tasks many people complete at the same moment (votes, agenda notices, endorsements)
     * count each completion after a save point of the inner activity, so that completions never conflict on
     * the multi-instance body; these save points retry on purpose too.
     */
    @Test
    void everyMultiInstanceSavePointRetriesThreeTimesFiveMinutesApart() throws IOException {
        List<String> asyncInner = new java.util.ArrayList<>();
        for (Map.Entry<Path, org.camunda.bpm.model.bpmn.BpmnModelInstance> model : models().entrySet()) {
            for (org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics loop : model.getValue()
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class)) {
                if (loop.isCamundaAsyncBefore() || loop.isCamundaAsyncAfter()) {
                    String owner = ((org.camunda.bpm.model.bpmn.instance.BaseElement) loop.getParentElement()).getId();
                    asyncInner.add(owner);
                    retriesOnPurpose(loop, owner, model.getKey());
                }
            }
        }
        assertThat(asyncInner).contains("Task_Vote", "Task_ReadAgenda", "Task_EndorseVision");
    }

    @Test
    void theApplicationDeployedEveryFileAtStartUp() throws IOException {
        List<String> deployed = repository.createDeploymentQuery().deploymentName("engagement-board").list().stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
        for (Path file : processFiles()) {
            assertThat(deployed).as("deployed resources").anySatisfy(
                    name -> assertThat(name).endsWith(file.getFileName().toString()));
        }
    }
}
