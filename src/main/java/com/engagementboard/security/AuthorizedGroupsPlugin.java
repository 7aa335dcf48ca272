package com.engagementboard.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Every engine command with an authenticated person first asked the database which groups hold any
 * authorization at all ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}), to leave the others out
 * of its checks. The engine writes two authorizations for every task (the task and its history), so at 10,000
 * open tasks that is a scan of some 20,000 rows: about 1 ms on PostgreSQL, three times for one Tasklist list
 * (the filter, the list, the count). Here the person's own groups are used as they are: a group without
 * authorizations matches no row of the checks, so the answers are the same, and a person has a handful of
 * groups. Authorization checks themselves are unchanged (Camunda's own queries; {@code AuthorizationGroupsTest}).
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new PersonsGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager, checking with the person's groups as they are. */
    static final class PersonsGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            // A new, modifiable list, as Camunda's own answer is.
            return authenticatedGroupIds == null ? new ArrayList<>()
                    : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
                            .toList()));
        }
    }
}
