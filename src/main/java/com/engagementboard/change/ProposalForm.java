package com.engagementboard.change;

import com.engagementboard.organisation.OrganisationChanged;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The start form of a change proposal with its pickers filled: every touchpoint and function by name, and every
 * standing permission in force. The Tasklist never reads variables for a start form (its Camunda Forms directive
 * loads them for tasks only), so the choices are written into the form itself. The template is
 * {@code processes/change-proposal.form}, with empty choices. It is published as a new version of the same form
 * whenever the choices change; the process's start event binds the form's latest version, so the Tasklist shows
 * the newest choices and {@code security/VariableWriteGuard} accepts only those. The process definition never
 * changes.
 *
 * <p>Published right after the process application deployed (an upgrade deploys the template again: its empty
 * choices are replaced at once), once the application is ready (with the demo's data), a moment after a change of
 * touchpoints, functions or standing permissions commits (a thousand touchpoints imported one by one are a few new
 * versions, not a thousand), and checked every few minutes: a change committed on a node that stopped before
 * publishing it, or a node that published older choices over a newer node's, is put right. A version equal to the
 * latest is not published again, and a node checks its choices once more after publishing. Only the newest few
 * versions are kept, by version number (never the latest): the nodes' clocks may differ.
 *
 * <p>Between a change and its publication, {@code VariableWriteGuard} refuses a start at a touchpoint the form
 * does not offer yet; an empty list of choices (the template) checks nothing there, and the change's own record
 * refuses an unknown touchpoint.
 */
@Component
class ProposalForm {

    /** A standing permission was granted or revoked. */
    record PermissionsChanged() {
    }

    static final PermissionsChanged PERMISSIONS_CHANGED = new PermissionsChanged();

    /** The name of the deployments that publish the form. */
    static final String DEPLOYMENT = "change-proposal-choices";
    static final String RESOURCE = TouchpointChangeProcess.FORM_PROPOSAL + ".form";
    private static final int VERSIONS_KEPT = 3;
    /** How often each node checks that the form offers today's choices. */
    private static final Duration CHECK_EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ProposalForm.class);

    private final Changes changes;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl engine;
    private final Duration delay;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proposal-form");
        thread.setDaemon(true);
        return thread;
    });

    ProposalForm(Changes changes, ProcessEngine engine,
            @Value("${engagement-board.change.proposal-form-delay:PT2S}") Duration delay) {
        this.changes = changes;
        this.repository = engine.getRepositoryService();
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.delay = delay;
    }

    @EventListener(PostDeployEvent.class)
    void onDeployed() {
        publishQuietly();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        publishQuietly();
        later.scheduleWithFixedDelay(this::publishQuietly, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOrganisationChanged(OrganisationChanged changed) {
        publishSoon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPermissionsChanged(PermissionsChanged changed) {
        publishSoon();
    }

    /** Publishes the choices after the delay, once for every change made meanwhile. */
    private void publishSoon() {
        if (pending.compareAndSet(false, true)) {
            later.schedule(() -> {
                pending.set(false);
                publishQuietly();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (RuntimeException e) {
            // The form keeps its previous choices; the next change publishes them again.
            LOG.error("The change proposal form could not be published with the current choices", e);
        }
    }

    /**
     * Publishes the form with the current choices unless its latest version has them already, and checks again
     * once published (another node may have published older choices meanwhile); whether it published.
     */
    synchronized boolean publish() {
        boolean published = false;
        for (int round = 0; round < 3; round++) {
            String form = withChoices();
            if (form.equals(latest())) {
                break;
            }
            Deployment deployment = repository.createDeployment().name(DEPLOYMENT).source("Engagement Board")
                    .addString(RESOURCE, form).deploy();
            LOG.info("Change proposal form published with the current choices (deployment {})", deployment.getId());
            published = true;
        }
        if (published) {
            forgetOlderVersions();
        }
        return published;
    }

    /** The template with the choices of today. */
    String withChoices() {
        ObjectNode form;
        try (InputStream template = new ClassPathResource(RESOURCE).getInputStream()) {
            form = (ObjectNode) json.readTree(template);
        } catch (IOException e) {
            throw new UncheckedIOException("The template " + RESOURCE + " cannot be read", e);
        }
        Map<String, List<Map<String, Object>>> choices = Map.of(
                TouchpointChangeProcess.Variables.TOUCHPOINT, changes.touchpointOptions(),
                TouchpointChangeProcess.Variables.FUNCTIONS_AFFECTED, changes.functionOptions(),
                TouchpointChangeProcess.Variables.STANDING_PERMISSION, changes.permissionOptions());
        for (JsonNode component : form.withArray("components")) {
            List<Map<String, Object>> values = choices.get(component.path("key").asText());
            if (values != null) {
                ArrayNode array = json.createArrayNode();
                values.forEach(value -> array.add(json.valueToTree(value)));
                ((ObjectNode) component).set("values", array);
            }
        }
        try {
            return json.writeValueAsString(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version of the form as deployed, or null if there is none. */
    String latest() {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            CamundaFormDefinitionEntity definition = context.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(TouchpointChangeProcess.FORM_PROPOSAL);
            if (definition == null) {
                return null;
            }
            ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    definition.getDeploymentId(), definition.getResourceName());
            return resource == null ? null : new String(resource.getBytes(), StandardCharsets.UTF_8);
        });
    }

    /** Removes the publications of versions older than the newest few, by version number. */
    private void forgetOlderVersions() {
        List<String> older = engine.getCommandExecutorTxRequired().execute(context -> {
            CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(TouchpointChangeProcess.FORM_PROPOSAL);
            List<String> deployments = new ArrayList<>();
            if (latest == null) {
                return deployments;
            }
            for (Deployment published : repository.createDeploymentQuery().deploymentName(DEPLOYMENT).list()) {
                boolean old = context.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(published
                        .getId()).stream().allMatch(form -> form.getVersion() <= latest.getVersion() - VERSIONS_KEPT);
                if (old && !published.getId().equals(latest.getDeploymentId())) {
                    deployments.add(published.getId());
                }
            }
            return deployments;
        });
        for (String old : older) {
            try {
                repository.deleteDeployment(old);
            } catch (RuntimeException gone) {
                // Another node removed it first.
                LOG.debug("Deployment {} of the proposal form is gone already", old);
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        later.shutdownNow();
    }
}
