package com.engagementboard.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based login for the webapps, also on the webapps' "who am I" call
 * ({@code GET /camunda/api/admin/auth/user/{engine}}): a session that logged in at {@code /login}
 * is then known to the webapps from its first request, whichever the webapp asks first.
 */
class WebappAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    private static final Pattern AUTH_USER = Pattern.compile("/api/admin/auth/user/([^/]+)");

    @Override
    protected String extractEngineName(HttpServletRequest request) {
        String engine = super.extractEngineName(request);
        if (engine == null && "GET".equals(request.getMethod())) {
            Matcher matcher = AUTH_USER.matcher(getRequestUri(request));
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return engine;
    }
}
