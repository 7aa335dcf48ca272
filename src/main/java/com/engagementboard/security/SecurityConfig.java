package com.engagementboard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything. People log in with a form at {@code /login}; API clients send HTTP Basic.
 * The same session opens the application's pages, its API under {@code /api}, the engine REST API
 * under {@code /engine-rest} and the Camunda webapps under {@code /camunda}. Users, passwords and
 * groups are Camunda's ({@link CamundaIdentityAuthenticationProvider}); Camunda's authorizations
 * then decide which tasks a person sees and completes, through every door alike.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String CHAIR = Groups.authority(Groups.BOARD_CHAIR);
    private static final String ADMIN = Groups.authority(Groups.ADMIN);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
            ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        ProblemEntryPoint problems = new ProblemEntryPoint(json);
        RequestMatcher apis = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
                path.matcher(webapps + "/api/**"), path.matcher("/v3/api-docs/**"), path.matcher("/actuator/**"));
        // A request that carries its own Basic credentials is no forged browser form: CSRF does not apply.
        RequestMatcher basicAuth = request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };

        http.authenticationProvider(identity)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(path.matcher("/login"), path.matcher("/error"),
                                path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                                path.matcher("/actuator/info"), path.matcher("/css/**"), path.matcher("/images/**"),
                                path.matcher("/favicon.ico")).permitAll()
                        .requestMatchers(path.matcher("/actuator/**")).hasAuthority(ADMIN)
                        .requestMatchers(path.matcher(webapps + "/app/cockpit/**"),
                                path.matcher(webapps + "/app/admin/**")).hasAuthority(ADMIN)
                        // The organisation registry: everyone logged in reads, the chair and administrators write.
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/functions/**"),
                                path.matcher(HttpMethod.PUT, "/api/functions/**"),
                                path.matcher(HttpMethod.DELETE, "/api/functions/**"),
                                path.matcher(HttpMethod.POST, "/api/touchpoints/**"),
                                path.matcher(HttpMethod.PUT, "/api/touchpoints/**"),
                                path.matcher(HttpMethod.DELETE, "/api/touchpoints/**")).hasAnyAuthority(CHAIR, ADMIN)
                        // Charter drafts: only the chair writes (before the body is even read).
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/charter/drafts/**"),
                                path.matcher(HttpMethod.PUT, "/api/charter/drafts/**"),
                                path.matcher(HttpMethod.PATCH, "/api/charter/drafts/**"),
                                path.matcher(HttpMethod.DELETE, "/api/charter/drafts/**")).hasAuthority(CHAIR)
                        // The board: the chair (or an administrator) sets it up, the chair calls meetings,
                        // members submit items.
                        .requestMatchers(path.matcher(HttpMethod.PUT, "/api/board")).hasAnyAuthority(CHAIR, ADMIN)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/board/meetings")).hasAuthority(CHAIR)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/board/agenda-items"))
                        .hasAuthority(Groups.authority(Groups.BOARD_MEMBER))
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/summits")).hasAuthority(CHAIR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(basic -> basic.realmName(ProblemEntryPoint.REALM).authenticationEntryPoint(problems))
                // Logging out of a webapp (its menu posts to .../auth/user/{engine}/logout) ends the whole session.
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"),
                                path.matcher(HttpMethod.POST, webapps + "/api/admin/auth/user/*/logout")))
                        .logoutSuccessHandler(logoutSuccess(path.matcher(webapps + "/**")))
                        .invalidateHttpSession(true).clearAuthentication(true))
                // API calls that need a login are not remembered to replay after it (and open no session).
                .requestCache(cache -> cache.requestCache(pagesOnly(apis)))
                // Camunda's webapps bring their own CSRF protection (cookie XSRF-TOKEN, header X-XSRF-TOKEN).
                // A call to the APIs without a session cannot ride on one: it gets 401, not a CSRF 403.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher(webapps + "/**"), basicAuth,
                        new AndRequestMatcher(apis, request -> request.getSession(false) == null)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, apis)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(problems, apis))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** The webapps expect a plain 200 on logout; pages go back to the login form. */
    private static LogoutSuccessHandler logoutSuccess(RequestMatcher webapps) {
        LinkedHashMap<RequestMatcher, LogoutSuccessHandler> handlers = new LinkedHashMap<>();
        handlers.put(webapps, new HttpStatusReturningLogoutSuccessHandler());
        DelegatingLogoutSuccessHandler handler = new DelegatingLogoutSuccessHandler(handlers);
        SimpleUrlLogoutSuccessHandler toLogin = new SimpleUrlLogoutSuccessHandler();
        toLogin.setDefaultTargetUrl("/login?logout");
        handler.setDefaultLogoutSuccessHandler(toLogin);
        return handler;
    }

    private static HttpSessionRequestCache pagesOnly(RequestMatcher apis) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new NegatedRequestMatcher(apis));
        return cache;
    }

    /** The Camunda webapps take the user Spring Security logged in (runs right after Spring Security). */
    @Bean
    FilterRegistrationBean<Filter> webappAuthenticationBridge(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WebappAuthenticationFilter());
        registration.setName("engagement-board-webapp-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** The engine REST API runs as the logged-in user, so Camunda's authorizations apply to it. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("engagement-board-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** The application's own API runs as the logged-in user too (see {@link EngineAuthenticationFilter}). */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> apiEngineAuthentication(IdentityService identity) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new EngineAuthenticationFilter(identity));
        registration.setName("engagement-board-api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
