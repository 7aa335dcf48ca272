package com.engagementboard.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.springframework.stereotype.Component;

/**
 * Camunda builds its DMN engine, and with it the Scala FEEL engine, while the process engine starts:
 * about 1 s of CPU (0.93 to 1.00 s in a new JVM, measured alone: loading and initialising the Scala
 * runtime and the FEEL parser), although no process of this product evaluates a decision table today. The DMN engine keeps
 * the same Scala FEEL engine (and the custom functions Camunda gives it), only created on the first
 * FEEL expression it evaluates.
 */
@Component
class LazyFeelEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDmnEngineConfiguration() == null) {
            DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                    .createDefaultDmnEngineConfiguration();
            // The custom function providers are read when the engine is first needed: Camunda sets them
            // on this configuration after the plugins' preInit.
            dmn.setFeelEngineFactory(() -> new LazyFeelEngine(
                    () -> new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance()));
            configuration.setDmnEngineConfiguration(dmn);
        }
    }

    /** A FEEL engine created by its first use, once, whichever thread asks first. */
    static final class LazyFeelEngine implements FeelEngine {

        private final FeelEngineFactory factory;
        private volatile FeelEngine engine;

        LazyFeelEngine(FeelEngineFactory factory) {
            this.factory = factory;
        }

        FeelEngine engine() {
            FeelEngine created = engine;
            if (created == null) {
                synchronized (this) {
                    created = engine;
                    if (created == null) {
                        created = factory.createInstance();
                        engine = created;
                    }
                }
            }
            return created;
        }

        boolean created() {
            return engine != null;
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            return engine().evaluateSimpleExpression(expression, variableContext);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
            return engine().evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }
    }
}
