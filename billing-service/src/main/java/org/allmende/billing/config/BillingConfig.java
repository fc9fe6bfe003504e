package org.allmende.billing.config;

import org.allmende.billing.einvoice.SellerProperties;
import org.allmende.billing.intake.IntakeProperties;
import org.allmende.billing.payment.CapitalProperties;
import org.allmende.billing.payment.CreditorProperties;
import org.allmende.billing.payment.DirectDebitProperties;
import org.allmende.billing.payment.DunningProperties;
import org.allmende.billing.run.InvoicingProperties;
import org.allmende.support.pages.PageLogins;
import org.allmende.support.pages.PageSecurity;
import org.allmende.support.security.ApiSecurity;
import org.allmende.support.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    IntakeProperties.class,
    InvoicingProperties.class,
    CreditorProperties.class,
    DirectDebitProperties.class,
    DunningProperties.class,
    SellerProperties.class,
    CapitalProperties.class
})
public class BillingConfig {

    /** The machine side: everything under these paths, whatever the page chain would say. */
    static final String[] API = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"};

    /**
     * Who may call what. Anything not listed is denied, so a new endpoint needs an owner before it works. Two
     * chains: the REST API (HTTP Basic, stateless) and the pages (a session after a form login, CSRF; ADR 0027).
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager logins) throws Exception {
        var board = Role.BOARD.name();
        var finance = Role.FINANCE.name();
        var admin = Role.ADMIN.name();
        return ApiSecurity.statelessBasic(http.securityMatcher(API), logins)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(admin)
                        // a member's account is business data: finance and the board, not the operators
                        .requestMatchers(HttpMethod.GET, "/api/members/*/account", "/api/members/*/mandates")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/members/*/mandates")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.POST, "/api/payments", "/api/payments/*/assignment")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/payments", "/api/payments/*")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.POST, "/api/bank-statements")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.POST, "/api/dunning-runs")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/dunning")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/direct-debits", "/api/direct-debits/returns")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/direct-debits", "/api/direct-debits/**")
                        .hasRole(finance)
                        // a member's usage is business data: finance and the board, not the operators
                        .requestMatchers(HttpMethod.GET, "/api/members/*/usage", "/api/members/*/usage/**")
                        .hasAnyRole(finance, board)
                        // what a member will pay is business data too
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/members/*/contributions",
                                "/api/members/*/budget",
                                "/api/members/*/budget/**")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.GET, "/api/members", "/api/members/**")
                        .hasAnyRole(finance, board, admin)
                        .requestMatchers(HttpMethod.GET, "/api/catalog")
                        .hasAnyRole(finance, board, admin)
                        .requestMatchers(HttpMethod.GET, "/api/tariffs")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/tariffs")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/me/**")
                        .hasRole(Role.MEMBER.name())
                        .requestMatchers(HttpMethod.GET, "/api/rejected-usage")
                        .hasAnyRole(finance, admin)
                        .requestMatchers(
                                HttpMethod.POST, "/api/rejected-usage/recheck", "/api/rejected-usage/dismissal")
                        .hasAnyRole(finance, admin)
                        .requestMatchers(HttpMethod.GET, "/api/parked-records", "/api/parked-records/**", "/api/intake")
                        .hasAnyRole(admin, finance)
                        .requestMatchers(
                                HttpMethod.POST, "/api/parked-records/*/retry", "/api/parked-records/*/discard")
                        .hasRole(admin)
                        .requestMatchers(HttpMethod.POST, "/api/admin/usage/rebuild")
                        .hasRole(admin)
                        .requestMatchers(HttpMethod.GET, "/api/late-usage")
                        .hasAnyRole(finance, admin)
                        .requestMatchers(HttpMethod.POST, "/api/invoice-runs")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/invoice-runs/*")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/invoice-runs/*/issue")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/documents", "/api/documents/*")
                        .hasAnyRole(finance, board)
                        .requestMatchers(
                                HttpMethod.GET, "/api/documents/*/ubl", "/api/documents/*/cii", "/api/documents/*/pdf")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/capital-calls", "/api/payouts/*/payment")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/payouts/*/pain.001")
                        .hasRole(finance)
                        .requestMatchers(HttpMethod.GET, "/api/payouts", "/api/payouts/*")
                        .hasAnyRole(finance, board)
                        .requestMatchers(HttpMethod.POST, "/api/admin/documents/rebuild")
                        .hasRole(admin)
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
                        .requestMatchers(HttpMethod.GET, "/")
                        .authenticated()
                        // a member's own data: the member number comes from the login
                        .requestMatchers(HttpMethod.GET, "/me", "/me/**")
                        .hasRole(Role.MEMBER.name())
                        .requestMatchers(HttpMethod.GET, "/members")
                        .hasAnyRole(Role.FINANCE.name(), Role.BOARD.name())
                        // finance's workspace: the board may look at runs and documents, only finance acts
                        .requestMatchers(
                                HttpMethod.GET,
                                "/finance/runs",
                                "/finance/runs/*",
                                "/finance/documents",
                                "/finance/documents/**")
                        .hasAnyRole(Role.FINANCE.name(), Role.BOARD.name())
                        .requestMatchers("/finance/**")
                        .hasRole(Role.FINANCE.name())
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
