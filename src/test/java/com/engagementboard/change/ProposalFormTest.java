package com.engagementboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The change proposal's start form with its pickers: every touchpoint and function by name and every standing
 * permission in force, written into a new version of the form whenever they change, a moment after, once for many
 * changes; and never a version equal to the latest.
 */
@EngagementBoardTest
class ProposalFormTest {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProposalForm form;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    Changes changes;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    /** The choices of the field in the latest version of the form, as "value=label". */
    private List<String> choices(String field) throws Exception {
        JsonNode latest = json.readTree(form.latest());
        List<String> choices = new ArrayList<>();
        for (JsonNode component : latest.path("components")) {
            if (component.path("key").asText().equals(field)) {
                component.path("values").forEach(v -> choices.add(v.path("value").asText() + "="
                        + v.path("label").asText()));
            }
        }
        return choices;
    }

    /** Waits until the latest version's choices of the field meet the condition, published in the background. */
    private List<String> publishedUntil(String field, Predicate<List<String>> condition) throws Exception {
        Instant deadline = Instant.now().plus(PUBLISHED_WITHIN);
        while (true) {
            List<String> now = choices(field);
            if (condition.test(now)) {
                return now;
            }
            assertThat(Instant.now()).as("the form was published with the new choices of %s", field)
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** The latest version number of the form: one more for every version published. */
    private int version() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(c -> c.getCamundaFormDefinitionManager().findLatestDefinitionByKey(
                        TouchpointChangeProcess.FORM_PROPOSAL).getVersion());
    }

    private TouchpointRequest touchpoint(String code, String name) {
        return new TouchpointRequest(code, name, "A touchpoint of the proposal form test",
                TouchpointKind.EXTERNAL_DIRECT, "Test", JourneyStage.CONSIDER, 3);
    }

    @Test
    void theFormOffersEveryTouchpointAndFunctionByNameAndThePermissionsInForce() throws Exception {
        form.publish();
        assertThat(choices(TouchpointChangeProcess.Variables.TOUCHPOINT)).contains("card-packaging=Card packaging")
                .hasSize(touchpoints.find(null, null, null).size());
        assertThat(choices(TouchpointChangeProcess.Variables.FUNCTIONS_AFFECTED))
                .contains("brand=Brand & Reputation", "service=Customer Service");
        assertThat(form.publish()).as("the same choices again: no new version").isFalse();

        ChangeFixtures.charterInForce(context);
        StandingPermission permission = changes.grant(ChangeFixtures.OWNED, "Colours of the sleeve "
                + UUID.randomUUID().toString().substring(0, 6), 800, "service.head", List.of("head-service"));
        try {
            assertThat(publishedUntil(TouchpointChangeProcess.Variables.STANDING_PERMISSION,
                    c -> c.stream().anyMatch(choice -> choice.startsWith(permission.getId() + "="))))
                    .anySatisfy(choice -> assertThat(choice).startsWith(permission.getId() + "=")
                            .contains("Colours of the sleeve"));
        } finally {
            changes.revoke(permission.getId(), "service.head", List.of("head-service"));
        }
        publishedUntil(TouchpointChangeProcess.Variables.STANDING_PERMISSION,
                c -> c.stream().noneMatch(choice -> choice.startsWith(permission.getId() + "=")));
    }

    @Test
    void twoThousandTouchpointsCreatedOneByOneAreOfferedAfterAFewVersionsNotTwoThousand() throws Exception {
        String tag = "pf" + UUID.randomUUID().toString().substring(0, 6);
        int count = 2_000;
        int before = version();
        List<String> codes = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                String code = tag + "-" + i;
                touchpoints.create(touchpoint(code, "Proposal form " + tag + " touchpoint " + i));
                codes.add(code);
            }
            List<String> offered = publishedUntil(TouchpointChangeProcess.Variables.TOUCHPOINT,
                    c -> c.stream().filter(choice -> choice.startsWith(tag + "-")).count() == count);
            assertThat(offered).contains(tag + "-1999=Proposal form " + tag + " touchpoint 1999");
            int published = version() - before;
            System.out.printf("Proposal form: %d touchpoints created one by one in %d ms, published in %d versions;"
                    + " the form offers %d touchpoints in %,d characters%n", count,
                    (System.nanoTime() - started) / 1_000_000, published, offered.size(), form.latest().length());
            assertThat(published).as("versions published for %d changes", count).isBetween(1, count / 20);
            // Once the publication under way (if any) is done, older versions removed: nothing new to publish.
            assertThat(form.publish()).as("the choices published already").isFalse();
            assertThat(repository.createDeploymentQuery().deploymentName(ProposalForm.DEPLOYMENT).count())
                    .as("only the newest versions are kept").isLessThanOrEqualTo(3);
        } finally {
            codes.forEach(touchpoints::delete);
        }
        publishedUntil(TouchpointChangeProcess.Variables.TOUCHPOINT,
                c -> c.stream().noneMatch(choice -> choice.startsWith(tag + "-")));
    }
}
