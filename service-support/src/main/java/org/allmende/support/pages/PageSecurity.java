package org.allmende.support.pages;

import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The common shape of both services' page security (ADR 0027), beside the stateless API: a session per browser
 * after a form login (or OpenID Connect, when configured), its id renewed at login, kept in the service's database
 * (ADR 0030); a logout that ends an OpenID Connect login at the provider too; CSRF tokens on every state
 * change (forms carry them as a field, htmx as a header); a content security policy without inline script or style;
 * no framing; {@code Cache-Control: no-store} (Spring Security's default, kept for every page).
 */
public final class PageSecurity {

    private static final Logger log = LoggerFactory.getLogger(PageSecurity.class);

    /** What the pages need without a login: the login page itself, the style sheet, htmx, the error page. */
    public static final String[] PUBLIC_RESOURCES = {"/login", "/allmende/**", "/webjars/**", "/favicon.ico", "/error"};

    private PageSecurity() {}

    /**
     * Scripts and styles only from the service itself (htmx and the style sheet are files it serves). The policy,
     * with the identity providers' origins as form targets besides the service itself: the logout form's
     * answer leads the browser to the provider's end-session endpoint, and browsers hold a form's redirects to
     * {@code form-action} too (ADR 0030).
     */
    public static String contentSecurityPolicy(List<String> providerOrigins) {
        var formAction = String.join(
                " ",
                Stream.concat(Stream.of("'self'"), providerOrigins.stream()).toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; form-action " + formAction + "; base-uri 'self'; object-src 'none';"
                + " frame-ancestors 'none'";
    }

    public static HttpSecurity formLogin(HttpSecurity http, PageLogins logins) throws Exception {
        http.authenticationProvider(logins.local())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(logins.logout().successHandler())
                        .invalidateHttpSession(true)
                        .clearAuthentication(true))
                // the session lives in the service's database (Spring Session, ADR 0030), which changes ids too
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                contentSecurityPolicy(logins.logout().providerOrigins())))
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
