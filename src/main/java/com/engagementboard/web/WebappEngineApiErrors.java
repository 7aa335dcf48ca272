package com.engagementboard.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The Tasklist does not call {@code /engine-rest}: it completes tasks through the webapps' own engine
 * API ({@code /camunda/api/engine/...}, the servlet "Engine Api" that Camunda's webapp starter
 * registers). That door answers with the same mapper as {@code /engine-rest}
 * ({@link EngineRestConfig.FormCheckFailedMapper}): a refused form field is a 400 naming it, two clicks
 * at once a 409, never a 500 with engine text. The mapper is added to the servlet's Jersey providers
 * once every initializer has registered its servlets.
 */
@Component
class WebappEngineApiErrors implements ServletContextInitializer {

    static final String ENGINE_API_SERVLET = "Engine Api";
    private static final String PROVIDERS = "jersey.config.server.provider.classnames";

    @Override
    public void onStartup(jakarta.servlet.ServletContext servletContext) {
        servletContext.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                // The context given to onStartup: a listener's own view may not look up registrations.
                ServletRegistration engineApi = servletContext.getServletRegistration(ENGINE_API_SERVLET);
                if (engineApi != null) {
                    String existing = engineApi.getInitParameter(PROVIDERS);
                    String mapper = EngineRestConfig.providerClassNames();
                    engineApi.setInitParameter(PROVIDERS, existing == null ? mapper : existing + "," + mapper);
                }
            }
        });
    }
}
