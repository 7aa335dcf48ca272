package com.engagementboard.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterAll;

/**
 * Every rule of {@code processes/change-routing.dmn}, evaluated by Camunda's DMN engine as the business
 * rule task does: the first rule that matches decides, so each case names the rule it must hit.
 */
class ChangeRoutingTableTest {

    private static final List<String> MATCHED = new ArrayList<>();
    private static final Set<String> HIT = new LinkedHashSet<>();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws Exception {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().forEach(rule -> MATCHED.add(rule.getId()));
            }
        }));
        engine = configuration.buildEngine();
        try (InputStream table = ChangeRoutingTableTest.class.getResourceAsStream("/change-routing.dmn")) {
            assertThat(table).as("processes/change-routing.dmn on the classpath").isNotNull();
            decision = engine.parseDecision("change-routing", table);
        }
    }

    @AfterAll
    static void everyRuleWasHit() {
        List<String> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
                .map(rule -> rule.getId()).toList();
        assertThat(HIT).as("rules the cases hit").containsExactlyInAnyOrderElementsOf(rules);
    }

    @ParameterizedTest(name = "{6}: standing={0} covered={1} functions={2} cost={3} priority={4} -> {5}")
    @CsvSource({
            // standing, covered, functions, cost, priority, route, rule
            "true,  true,  1, 60000, 5, STANDING, Rule_StandingPermission",
            "true,  true,  0,     0, 1, STANDING, Rule_StandingPermission",
            "true,  false, 1,   100, 1, BOARD,    Rule_NoOwner",
            "true,  true,  2,   100, 1, BOARD,    Rule_CrossesFunctions",
            "false, false, 1,   100, 1, BOARD,    Rule_NoOwner",
            "false, true,  2,     0, 1, BOARD,    Rule_CrossesFunctions",
            "false, true,  1, 50001, 1, BOARD,    Rule_Costly",
            "false, true,  1, 50000, 3, OWNER,    Rule_Owners",
            "false, true,  1, 10001, 4, BOARD,    Rule_HighPriority",
            "false, true,  1, 10000, 5, OWNER,    Rule_Owners",
            "false, true,  1, 20000, 3, OWNER,    Rule_Owners",
            "false, true,  0,     0, 1, OWNER,    Rule_Owners",
    })
    void theFirstMatchingRuleRoutesTheChange(boolean standing, boolean covered, int functions, long cost, int priority,
            String route, String rule) {
        VariableMap inputs = Variables.createVariables().putValue("withinStandingPermission", standing)
                .putValue("charterCovers", covered).putValue("functionsAffected", functions)
                .putValue("estimatedCost", cost).putValue("touchpointPriority", priority);
        MATCHED.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, inputs);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<String>getEntry("route")).isEqualTo(route);
        assertThat(result.getSingleResult().<String>getEntry("routeReason")).isNotBlank();
        assertThat(MATCHED).as("the first matching rule").first().isEqualTo(rule);
        HIT.add(rule);
    }
}
