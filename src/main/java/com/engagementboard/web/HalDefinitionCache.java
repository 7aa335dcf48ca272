package com.engagementboard.web;

import jakarta.servlet.ServletContext;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Camunda's cache of HAL relations, for process and case definitions only. The Tasklist asks for its
 * task lists as {@code application/hal+json}, and Camunda then reads the process definition of the
 * tasks on every request; a definition never changes once deployed, and everybody may read every one
 * ({@code IdentityBootstrap} grants it), so a cached one shows nobody anything new.
 * <p>
 * Users and groups are not cached: Camunda's cache is shared by everyone, so a name read for an
 * administrator would be shown to a person who may not read that user.
 */
@Component
class HalDefinitionCache implements ServletContextInitializer {

    /** Camunda's configuration format; a definition is kept for an hour, at most 500 of each. */
    static final String CONFIGURATION = """
            {"cacheImplementation": "org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache",
             "caches": {
               "org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition":
                 {"capacity": 500, "secondsToLive": 3600},
               "org.camunda.bpm.engine.rest.hal.caseDefinition.HalCaseDefinition":
                 {"capacity": 500, "secondsToLive": 3600}}}""";

    @Override
    public void onStartup(ServletContext servletContext) {
        servletContext.setInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME, CONFIGURATION);
        servletContext.addListener(HalRelationCacheBootstrap.class);
    }
}
