package org.allmende.support.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The common shape of both services' page security (ADR 0027), beside the stateless API: a session per browser
 * after a form login (or OpenID Connect, when configured), its id renewed at login; CSRF tokens on every state
 * change (forms carry them as a field, htmx as a header); a content security policy without inline script or style;
 * no framing; {@code Cache-Control: no-store} (Spring Security's default, kept for every page).
 */
public final class PageSecurity {

    private static final Logger log = LoggerFactory.getLogger(PageSecurity.class);

    /** Scripts and styles only from the service itself: htmx and the style sheet are files it serves. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self';"
            + " object-src 'none'; frame-ancestors 'none'";

    /** What the pages need without a login: the login page itself, the style sheet, htmx, the error page. */
    public static final String[] PUBLIC_RESOURCES = {"/login", "/allmende/**", "/webjars/**", "/favicon.ico", "/error"};

    private PageSecurity() {}

    public static HttpSecurity formLogin(HttpSecurity http, PageLogins logins) throws Exception {
        http.authenticationProvider(logins.local())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    log.warn(
                            "page access denied: {} {} for login {} ({})",
                            request.getMethod(),
                            request.getRequestURI(),
                            request.getRemoteUser(),
                            e.getClass().getSimpleName());
                    response.sendError(HttpStatus.FORBIDDEN.value());
                }));
        if (logins.oidcConfigured()) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .failureUrl("/login?refused")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(logins.oidc())));
        }
        return http;
    }
}
