package com.engagementboard.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity service as this application needs it:
 * <ul>
 * <li>passwords hashed with PBKDF2 ({@link Pbkdf2PasswordEncryptor}); Camunda still checks the
 * SHA-512 hashes of existing databases, and {@link CamundaIdentityAuthenticationProvider} rehashes
 * them at the next login;</li>
 * <li>Camunda's password policy (at least 10 characters with a lower-case and an upper-case letter,
 * a digit and a special character, and not the user's own id or name) for every new password; only
 * the demo's well-known users are saved past it;</li>
 * <li>an account locks after {@link LoginProperties#maxAttempts()} wrong passwords in a row, with no
 * delays before (Camunda's growing delays are off: a typo costs nothing). Camunda's lock is
 * permanent; {@link LoginLockout} lifts it after {@link LoginProperties#lockDuration()}.</li>
 * </ul>
 */
@Component
class LoginSecurityPlugin extends AbstractProcessEnginePlugin {

    private final LoginProperties login;

    LoginSecurityPlugin(LoginProperties login) {
        this.login = login;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(login.hashIterations()));
        configuration.setEnablePasswordPolicy(true);
        configuration.setLoginMaxAttempts(login.maxAttempts());
        configuration.setLoginDelayBase(0);
    }
}
