package com.engagementboard.charter;

import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.engagementboard.security.SystemAccount;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and signals {@code touchpoint-charter} instances; the business key names the charter version. */
@Component
class CharterProcessStarter {

    private final RuntimeService runtime;
    private final SystemAccount system;

    CharterProcessStarter(RuntimeService runtime, SystemAccount system) {
        this.runtime = runtime;
        this.system = system;
    }

    void start(long charterId) {
        system.run(() -> runtime.startProcessInstanceByKey(TouchpointCharterProcess.KEY,
                TouchpointCharterProcess.businessKey(charterId),
                org.camunda.bpm.engine.variable.Variables.createVariables().putValue(Variables.CHARTER_ID, charterId)));
    }

    /** Tells the instance of a withdrawn version to end its open tasks and tell the heads. */
    void withdrawn(long charterId) {
        system.run(() -> runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_CHARTER_WITHDRAWN)
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId))
                .correlateAllWithResult());
    }

    /** Tells the instance of a superseded version to end whatever it waits for (its review, a task, a notice). */
    void superseded(long charterId) {
        system.run(() -> runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_CHARTER_SUPERSEDED)
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId))
                .correlateAllWithResult());
    }
}
