package com.engagementboard.audit;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs the {@link AuditRecorder} into Hibernate's events before the first record is written. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    HibernatePropertiesCustomizer auditTrail(ObjectProvider<IdentityService> identity, Clock clock) {
        AuditRecorder recorder = new AuditRecorder(AuditedTypes::isAudited, new Actors(identity), clock);
        IntegratorProvider integrators = () -> List.of(new AuditIntegrator(recorder));
        return properties -> properties.put(JpaSettings.INTEGRATOR_PROVIDER, integrators);
    }

    private record AuditIntegrator(AuditRecorder recorder) implements Integrator {

        @Override
        public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                SessionFactoryImplementor sessionFactory) {
            EventListenerRegistry events = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
            events.appendListeners(EventType.POST_INSERT, recorder);
            events.appendListeners(EventType.POST_UPDATE, recorder);
            events.appendListeners(EventType.POST_DELETE, recorder);
            events.appendListeners(EventType.PRE_COLLECTION_UPDATE, recorder);
            events.appendListeners(EventType.PRE_COLLECTION_REMOVE, recorder);
            events.appendListeners(EventType.POST_COLLECTION_RECREATE, recorder);
        }

        @Override
        public void disintegrate(SessionFactoryImplementor sessionFactory,
                SessionFactoryServiceRegistry serviceRegistry) {
            // nothing to release
        }
    }
}
