package com.engagementboard.web;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** No engine text in the 5xx answers of the Camunda webapps' APIs (see {@link ServerErrorBodyFilter}). */
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
}
