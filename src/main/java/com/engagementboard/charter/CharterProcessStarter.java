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

    /** Tells the instance of a superseded version to stop waiting for its review. */
    void superseded(long charterId) {
        system.run(() -> runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_CHARTER_SUPERSEDED)
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId))
                .correlateAllWithResult());
    }
}
