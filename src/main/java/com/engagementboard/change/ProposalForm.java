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
 * <p>Published once the application is ready (the process application deployed the template first) and a moment
 * after a change of touchpoints, functions or standing permissions commits: a thousand touchpoints imported one by
 * one are one new version, not a thousand. A version equal to the latest is not published again, so the nodes of a
 * cluster publish one between them (two at worst, both alike). Only the newest few versions are kept.
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

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        publishQuietly();
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

    /** Publishes the form with the current choices unless its latest version has them already; whether it did. */
    synchronized boolean publish() {
        String form = withChoices();
        if (form.equals(latest())) {
            return false;
        }
        Deployment published = repository.createDeployment().name(DEPLOYMENT).source("Engagement Board")
                .addString(RESOURCE, form).deploy();
        LOG.info("Change proposal form published with the current choices (deployment {})", published.getId());
        forgetOlderVersions();
        return true;
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

    private void forgetOlderVersions() {
        List<Deployment> published = repository.createDeploymentQuery().deploymentName(DEPLOYMENT)
                .orderByDeploymentTime().desc().list();
        for (Deployment old : published.subList(Math.min(VERSIONS_KEPT, published.size()), published.size())) {
            try {
                repository.deleteDeployment(old.getId());
            } catch (RuntimeException gone) {
                // Another node removed it first.
                LOG.debug("Deployment {} of the proposal form is gone already", old.getId());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        later.shutdownNow();
    }
}
