package com.engagementboard.charter;

import com.engagementboard.charter.TouchpointCharterProcess.Typed;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.NotFoundException;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and signals {@code touchpoint-charter} instances; the business key names the charter version. */
@Component
class CharterProcessStarter {

    private final RuntimeService runtime;
    private final SystemAccount system;
    private final CharterRepository charters;
    private final Clock clock;

    CharterProcessStarter(RuntimeService runtime, SystemAccount system, CharterRepository charters, Clock clock) {
        this.clock = clock;
        this.runtime = runtime;
        this.system = system;
        this.charters = charters;
    }

    /**
     * Starts the acceptance of a version just submitted. Whoever calls it, the rule of one version in
     * acceptance at a time holds here too: only a version in acceptance, when no other version is, and only
     * once (409 otherwise, before anything starts).
     */
    void start(long charterId) {
        CharterVersion version = charters.findById(charterId)
                .orElseThrow(() -> new NotFoundException("charter version", String.valueOf(charterId)));
        version.requireStatus("sent out for acceptance", CharterStatus.IN_ACCEPTANCE);
        charters.findFirstByStatusAndIdNot(CharterStatus.IN_ACCEPTANCE, charterId).ifPresent(other -> {
            throw CharterDrafts.anotherInAcceptance(other, clock.getZone());
        });
        String businessKey = TouchpointCharterProcess.businessKey(charterId);
        system.run(() -> {
            if (runtime.createProcessInstanceQuery().processDefinitionKey(TouchpointCharterProcess.KEY)
                    .processInstanceBusinessKey(businessKey).count() > 0) {
                throw new ConflictException("Already in acceptance", "Charter version " + charterId
                        + " is already out for acceptance; its process runs.");
            }
            runtime.startProcessInstanceByKey(TouchpointCharterProcess.KEY, businessKey,
                    Typed.CHARTER_ID.set(org.camunda.bpm.engine.variable.Variables.createVariables(), charterId));
        });
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
