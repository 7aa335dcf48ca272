package com.engagementboard.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No engine text in the 5xx answers of the Camunda webapps' APIs (see {@link ServerErrorBodyFilter}), and no
 * 5xx for a null where the engine doors read variables (see {@link EngineBodyCheck}).
 */
@Configuration
class ServerErrorConfig {

    @Bean
    FilterRegistrationBean<ServerErrorBodyFilter> webappServerErrorBodies(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        FilterRegistrationBean<ServerErrorBodyFilter> registration = new FilterRegistrationBean<>(
                new ServerErrorBodyFilter());
        registration.setName("engagement-board-webapp-server-errors");
        registration.addUrlPatterns(webapps + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** After Spring Security (its filter order is -100): the caller is known before the body is read. */
    @Bean
    FilterRegistrationBean<EngineBodyCheck> engineBodyCheck(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        FilterRegistrationBean<EngineBodyCheck> registration = new FilterRegistrationBean<>(new EngineBodyCheck());
        registration.setName("engagement-board-engine-body-check");
        registration.addUrlPatterns(webapps + "/api/engine/*", "/engine-rest/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
