package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngagementBoardTest
class LazyFeelEnginePluginTest {

    /** A decision table whose input entries are FEEL unary tests (ranges and comparisons). */
    private static final String SIZE_BANDS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="sizes" name="Sizes"
                xmlns:camunda="http://camunda.org/schema/1.0/dmn" namespace="https://engagement-board.example/test">
              <decision id="companySize" name="Company size" camunda:historyTimeToLive="P1D">
                <decisionTable id="bands" hitPolicy="UNIQUE">
                  <input id="touchpointsInput" label="Touchpoints">
                    <inputExpression id="touchpointsExpression" typeRef="integer"><text>touchpoints</text></inputExpression>
                  </input>
                  <output id="sizeOutput" name="size" typeRef="string"/>
                  <rule id="small"><inputEntry id="smallEntry"><text>&lt; 150</text></inputEntry>
                    <outputEntry id="smallSize"><text>"small"</text></outputEntry></rule>
                  <rule id="medium"><inputEntry id="mediumEntry"><text>[150..2000)</text></inputEntry>
                    <outputEntry id="mediumSize"><text>"medium"</text></outputEntry></rule>
                  <rule id="enterprise"><inputEntry id="enterpriseEntry"><text>&gt;= 2000</text></inputEntry>
                    <outputEntry id="enterpriseSize"><text>"enterprise"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Autowired
    ProcessEngine engine;

    @Test
    void theEnginesDecisionTablesStillEvaluateFeelThroughTheScalaEngineCreatedOnFirstUse() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(LazyFeelEnginePlugin.LazyFeelEngine.class);
        DmnEngine dmn = configuration.getDmnEngine();
        // The engine's DMN transform reads its settings from a command's context, as in a deployment.
        List<Object> sizes = configuration.getCommandExecutorTxRequired().execute(context -> {
            DmnDecision decision = dmn.parseDecision("companySize",
                    new ByteArrayInputStream(SIZE_BANDS.getBytes(StandardCharsets.UTF_8)));
            return List.of(size(dmn, decision, 20), size(dmn, decision, 150), size(dmn, decision, 1999),
                    size(dmn, decision, 2000));
        });

        assertThat(sizes).containsExactly("small", "medium", "medium", "enterprise");
        assertThat(((LazyFeelEnginePlugin.LazyFeelEngine) configuration.getDmnEngineConfiguration().getFeelEngine())
                .created()).isTrue();
    }

    @Test
    void theFeelEngineIsCreatedOnceByItsFirstEvaluationNotBefore() throws Exception {
        AtomicInteger created = new AtomicInteger();
        FeelEngine answer = new FeelEngine() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T evaluateSimpleExpression(String expression, org.camunda.bpm.engine.variable.context.VariableContext context) {
                return (T) ("evaluated " + expression);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String expression, String input,
                    org.camunda.bpm.engine.variable.context.VariableContext context) {
                return true;
            }
        };
        LazyFeelEnginePlugin.LazyFeelEngine lazy = new LazyFeelEnginePlugin.LazyFeelEngine(() -> {
            created.incrementAndGet();
            return answer;
        });
        assertThat(created).hasValue(0);
        assertThat(lazy.created()).isFalse();

        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> lazy.evaluateSimpleUnaryTests("> 1", "x", Variables.emptyVariableContext()));
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        String result = lazy.evaluateSimpleExpression("1 + 1", Variables.emptyVariableContext());

        assertThat(result).isEqualTo("evaluated 1 + 1");
        assertThat(created).hasValue(1);
        assertThat(lazy.created()).isTrue();
    }

    private static Object size(DmnEngine dmn, DmnDecision decision, int touchpoints) {
        return dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("touchpoints", touchpoints))
                .getSingleEntry();
    }
}
