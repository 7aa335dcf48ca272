package com.engagementboard.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the application does on someone's behalf (start the charter's process when the chair submits a
 * draft, schedule a meeting, read whether a task was already completed) runs as the system: without
 * the person's engine authentication, so nobody needs wider engine grants than their own tasks. Who
 * asked is recorded by the application itself (the audit trail, the domain records), not by widening
 * grants. The person's authentication is restored afterwards.
 */
@Component
public class SystemAccount {

    private final IdentityService identity;

    SystemAccount(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Supplier<T> work) {
        Authentication person = identity.getCurrentAuthentication();
        if (person == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(person);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
