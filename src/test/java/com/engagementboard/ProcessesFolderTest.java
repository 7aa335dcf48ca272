package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Every save point (an asynchronous continuation) retries on purpose: three times, five minutes apart,
     * then an incident in Cockpit; never Camunda's default of three immediate retries.
     */
    @Test
    void everySavePointRetriesThreeTimesFiveMinutesApart() throws IOException {
        int savePoints = 0;
        for (Path file : processFiles()) {
            if (!file.toString().endsWith(".bpmn")) {
                continue;
            }
            org.camunda.bpm.model.bpmn.BpmnModelInstance model;
            try (InputStream content = Files.newInputStream(file)) {
                model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(content);
            }
            for (org.camunda.bpm.model.bpmn.instance.FlowNode node
                    : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
                // An event-based gateway has no asyncAfter (the model API refuses to read it): it waits for its events.
                boolean asyncAfter = !(node instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway)
                        && node.isCamundaAsyncAfter();
                if (!node.isCamundaAsyncBefore() && !asyncAfter) {
                    continue;
                }
                savePoints++;
                var retry = node.getExtensionElements() == null ? null : node.getExtensionElements()
                        .getElementsQuery().filterByType(
                                org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
                        .list().stream().findFirst().orElse(null);
                assertThat(retry).as("%s in %s retries on purpose", node.getId(), file).isNotNull();
                assertThat(retry.getTextContent()).as("%s in %s", node.getId(), file).isEqualTo("R3/PT5M");
            }
        }
        assertThat(savePoints).as("the save points of the charter and the board meeting").isGreaterThanOrEqualTo(5);
    }

    /**
     * The multi-instance tasks many people complete at the same moment (votes, agenda notices, endorsements)
     * count each completion after a save point of the inner activity, so that completions never conflict on
     * the multi-instance body; these save points retry on purpose too.
     */
    @Test
    void everyMultiInstanceSavePointRetriesThreeTimesFiveMinutesApart() throws IOException {
        List<String> asyncInner = new java.util.ArrayList<>();
        for (Path file : processFiles()) {
            if (!file.toString().endsWith(".bpmn")) {
                continue;
            }
            org.camunda.bpm.model.bpmn.BpmnModelInstance model;
            try (InputStream content = Files.newInputStream(file)) {
                model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(content);
            }
            for (org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics loop
                    : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class)) {
                if (!loop.isCamundaAsyncBefore() && !loop.isCamundaAsyncAfter()) {
                    continue;
                }
                String owner = ((org.camunda.bpm.model.bpmn.instance.BaseElement) loop.getParentElement()).getId();
                asyncInner.add(owner);
                var retry = loop.getExtensionElements() == null ? null : loop.getExtensionElements()
                        .getElementsQuery().filterByType(
                                org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
                        .list().stream().findFirst().orElse(null);
                assertThat(retry).as("%s in %s retries on purpose", owner, file).isNotNull();
                assertThat(retry.getTextContent()).as("%s in %s", owner, file).isEqualTo("R3/PT5M");
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
