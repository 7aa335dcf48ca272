package com.engagementboard.security;

import com.engagementboard.web.ErrorPages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything, through two filter chains.
 * <ul>
 * <li>API clients call {@code /api} and {@code /engine-rest} with HTTP Basic: a stateless chain
 * ({@link #basicApiChain}) that neither reads nor creates a session, so a browser's session cookie
 * sent along is ignored and the call acts as the Basic user only.</li>
 * <li>People log in with the form at {@code /login} ({@link #browserChain}): a session, with
 * Spring's CSRF token on every state change; the Camunda webapps under {@code /camunda} keep their
 * own CSRF protection (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}).</li>
 * </ul>
 * Both chains apply the same rules ({@link #authorizeRequests}). Users, passwords and groups are
 * Camunda's ({@link CamundaIdentityAuthenticationProvider}); Camunda's authorizations then decide
 * which tasks a person sees and completes, through every door alike.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String CHAIR = Groups.authority(Groups.BOARD_CHAIR);
    private static final String ADMIN = Groups.authority(Groups.ADMIN);

    /**
     * The application's own pages: scripts, styles and images from this server only, no plugins, no
     * framing by other sites. The Camunda webapps send their own policy (Camunda's header-security
     * filter, with a nonce for their inline scripts), so this one is not added under {@code /camunda}.
     */
    static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";
    /** Swagger UI sets inline styles and runs an inline initialiser; its page gets this policy. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** Requests that carry their own HTTP Basic credentials. */
    static final RequestMatcher BASIC_CREDENTIALS = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /**
     * A browser that once answered the Basic password dialog sends those credentials with every
     * request, forged ones from other sites included. Such writes are refused: browsers mark them
     * with {@code Sec-Fetch-Site}, scripts and API clients do not send it.
     */
    private static final RequestMatcher CROSS_SITE_WRITE = request -> {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean write = !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
        return write && site != null && !site.equals("same-origin") && !site.equals("none");
    };

    /**
     * {@code /api} and {@code /engine-rest} with HTTP Basic: stateless. No session is read or
     * created, nothing is remembered between requests, and CSRF does not apply (the request carries
     * its own credentials).
     */
    @Bean
    @Order(1)
    SecurityFilterChain basicApiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
            ProblemEntryPoint problems, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new AndRequestMatcher(BASIC_CREDENTIALS,
                        new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"))))
                .authenticationManager(onlyCamunda(identity))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(CROSS_SITE_WRITE).denyAll();
                    authorizeRequests(requests, path, webapps);
                })
                .httpBasic(basic -> basic.realmName(ProblemEntryPoint.REALM).authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** Everything else: the login form and its session; HTTP Basic still opens pages for scripts. */
    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
            ProblemEntryPoint problems, LoginFailureHandler loginFailure, ErrorPages pages,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher apis = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
                path.matcher(webapps + "/api/**"), path.matcher("/v3/api-docs/**"), path.matcher("/actuator/**"),
                // What the pages' scripts fetch (the charts' figures, a case's diagram and state): data, so a 401
                // problem, not the login page.
                path.matcher("/charts/**"), path.matcher("/cases/*/state"), path.matcher("/cases/*/diagram.bpmn"));

        http.authenticationManager(onlyCamunda(identity))
                .authorizeHttpRequests(requests -> authorizeRequests(requests, path, webapps))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure).permitAll())
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
                // An API call without any session cannot ride on one (and changes nothing): it gets 401, not
                // a CSRF 403. Every state change in a session needs the token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher(webapps + "/**"),
                        new AndRequestMatcher(apis, request -> request.getSession(false) == null)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, apis)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(problems, apis)
                        // A person's browser gets the product's 403 page; any other client the problem details.
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> forbiddenPage(pages, request,
                                response, denied), pages::wantsPage)
                        .defaultAccessDeniedHandlerFor(problems, request -> true))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** The 403 page; a refused form (no or an old CSRF token) is told as such, not as a missing right. */
    private static void forbiddenPage(ErrorPages pages, HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied) throws IOException {
        if (denied instanceof CsrfException) {
            pages.render(request, response, HttpServletResponse.SC_FORBIDDEN, "The form has expired",
                    "The form was sent without its security token, or with an old one (after logging in again, "
                            + "say). Go back, reload the page and send the form again.");
        } else {
            pages.render(request, response, HttpServletResponse.SC_FORBIDDEN, null, null);
        }
    }

    /**
     * Camunda's identity service and nothing else: no parent manager that would check (and count) a
     * wrong password a second time.
     */
    private static AuthenticationManager onlyCamunda(CamundaIdentityAuthenticationProvider identity) {
        ProviderManager manager = new ProviderManager(identity);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** The rules both chains apply: who may open which page and call which API. */
    private static void authorizeRequests(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            PathPatternRequestMatcher.Builder path, String webapps) {
        requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers(path.matcher("/login"), path.matcher("/error"),
                        path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                        path.matcher("/actuator/info"), path.matcher("/css/**"), path.matcher("/images/**"),
                        path.matcher("/favicon.ico"), path.matcher("/favicon.svg")).permitAll()
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
                        path.matcher(HttpMethod.DELETE, "/api/charter/drafts/**"),
                        path.matcher("/charter/*/withdraw")).hasAuthority(CHAIR)
                // The board: the chair (or an administrator) sets it up, the chair calls meetings,
                // members submit items.
                .requestMatchers(path.matcher(HttpMethod.PUT, "/api/board")).hasAnyAuthority(CHAIR, ADMIN)
                .requestMatchers(path.matcher(HttpMethod.POST, "/api/board/meetings"),
                        path.matcher(HttpMethod.POST, "/api/board/meetings/*/call-off"),
                        path.matcher("/board/meetings/*/call-off"),
                        path.matcher(HttpMethod.POST, "/api/board/actions/**")).hasAuthority(CHAIR)
                .requestMatchers(path.matcher(HttpMethod.POST, "/api/board/agenda-items"))
                .hasAuthority(Groups.authority(Groups.BOARD_MEMBER))
                // Summits: the chair convenes, cancels and postpones them (API and page).
                .requestMatchers(path.matcher(HttpMethod.POST, "/api/summits/**"),
                        path.matcher(HttpMethod.POST, "/summits/*/cancel"),
                        path.matcher(HttpMethod.POST, "/summits/*/postpone")).hasAuthority(CHAIR)
                .anyRequest().authenticated();
    }

    /**
     * Security headers: {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: SAMEORIGIN}
     * everywhere (Camunda Forms may frame pages of this server), a strict Content-Security-Policy on
     * the application's pages, a looser one for Swagger UI, and none added under {@code /camunda},
     * whose webapps send Camunda's own.
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher swagger = new OrRequestMatcher(path.matcher("/swagger-ui/**"),
                path.matcher("/swagger-ui.html"));
        RequestMatcher camunda = path.matcher("/camunda/**");
        headers.contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
                        new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new AndRequestMatcher(new NegatedRequestMatcher(swagger), new NegatedRequestMatcher(camunda)),
                        new StaticHeadersWriter("Content-Security-Policy", PAGES_CSP)));
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

    /**
     * The engine REST API runs as the logged-in user, so Camunda's authorizations apply to it; with the
     * groups Spring Security holds for them (Camunda's filter would otherwise query the person's groups
     * and tenants on every request: two queries of the engine's identity tables each time).
     */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("engagement-board-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName());
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
