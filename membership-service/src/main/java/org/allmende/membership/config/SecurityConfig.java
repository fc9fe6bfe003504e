package org.allmende.membership.config;

import org.allmende.support.pages.PageLogins;
import org.allmende.support.pages.PageSecurity;
import org.allmende.support.security.ApiSecurity;
import org.allmende.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Anything not listed is denied, so a new endpoint or page needs an owner before it works. Two
 * chains: the REST API (HTTP Basic, stateless) and the pages (a session after a form login, CSRF; ADR 0027).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The machine side: everything under these paths, whatever the page chain would say. */
    static final String[] API = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager logins) throws Exception {
        var board = Role.BOARD.name();
        var admin = Role.ADMIN.name();
        return ApiSecurity.statelessBasic(http.securityMatcher(API), logins)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/applications", "/api/applications/*/withdrawal")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/statutes", "/api/applications/*/status")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(admin)
                        .requestMatchers("/api/applications", "/api/applications/**")
                        .hasRole(board)
                        .requestMatchers(HttpMethod.GET, "/api/capital-payments/held")
                        .hasAnyRole(Role.FINANCE.name(), board)
                        .requestMatchers(HttpMethod.GET, "/api/billing-intake/parked")
                        .hasAnyRole(Role.FINANCE.name(), admin)
                        .requestMatchers(HttpMethod.POST, "/api/members/*/capital-payments")
                        .hasRole(Role.FINANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/members", "/api/members/**", "/api/register")
                        .hasAnyRole(board, admin)
                        .requestMatchers(HttpMethod.POST, "/api/members/*/inhabitants")
                        .hasAnyRole(board, admin)
                        .requestMatchers(HttpMethod.GET, "/api/share-requests")
                        .hasRole(board)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/members/*/share-requests",
                                "/api/members/*/share-requests/*/decision",
                                "/api/members/*/notice",
                                "/api/members/*/exclusion",
                                "/api/members/*/address",
                                "/api/members/*/transfers",
                                "/api/mergers")
                        .hasRole(board)
                        .requestMatchers(HttpMethod.POST, "/api/exits/run")
                        .hasRole(admin)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/members/*/subscriptions",
                                "/api/members/*/subscriptions/*/quantity",
                                "/api/members/*/subscriptions/*/cancellation")
                        .hasAnyRole(board, admin)
                        .requestMatchers(HttpMethod.GET, "/api/catalog", "/api/catalog/*")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/catalog", "/api/catalog/*/versions")
                        .hasAnyRole(board, admin)
                        .requestMatchers(HttpMethod.POST, "/api/usage/batches")
                        .hasAnyRole(Role.METER.name(), Role.FINANCE.name())
                        .requestMatchers("/api/me/**")
                        .hasRole(Role.MEMBER.name())
                        .anyRequest()
                        .denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PageLogins logins) throws Exception {
        return PageSecurity.formLogin(http, logins)
                .authorizeHttpRequests(requests -> requests.requestMatchers(PageSecurity.PUBLIC_RESOURCES)
                        .permitAll()
                        // the public application form (§15 GenG) and its receipt; this service's style sheets
                        .requestMatchers(HttpMethod.GET, "/", "/apply", "/apply/received", "/membership/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/apply")
                        .permitAll()
                        .requestMatchers("/board", "/board/**")
                        .hasRole(Role.BOARD.name())
                        // a member's own entries: the member number comes from the login, never the URL
                        .requestMatchers(HttpMethod.GET, "/me", "/me/**")
                        .hasRole(Role.MEMBER.name())
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
