package com.engagementboard.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The packaging's class-data training run (pom.xml, {@code record-class-data-archive}): with {@code
 * engagement-board.class-data-training=true} the application stops as soon as it is ready, so that the JVM's
 * archive ({@code -XX:ArchiveClassesAtExit}) holds every class a whole start loads: the engine, MyBatis's
 * mappings, Hibernate, Flyway, the deployment and the demo organisation. Spring's own {@code
 * spring.context.exit=onRefresh} stops before any of those is created. Never set in a running installation.
 */
@Component
@ConditionalOnProperty(name = "engagement-board.class-data-training", havingValue = "true")
class ClassDataTraining implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
