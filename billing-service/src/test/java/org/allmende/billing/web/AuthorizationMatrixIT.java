package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.AuthorizationMatrix;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.support.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every endpoint and page of billing-service, called anonymously and as every role, against the table beside this
 * test ({@code authorization-matrix.txt}). The mappings come from the running service, so a new endpoint or page
 * without a line in the table fails here with the line to add, and a line whose endpoint is gone fails too.
 */
class AuthorizationMatrixIT {

    private static RunningBillingService service;

    @BeforeAll
    static void start() {
        var database = SharedInfrastructure.unique("billing");
        service = RunningBillingService.start(database, SharedInfrastructure.unique("membership_topic"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static AuthorizationMatrix matrix() {
        var roles = Arrays.stream(Role.values()).map(Role::name).toList();
        var dispatcher = service.bean(DispatcherServlet.class);
        return AuthorizationMatrix.of(
                AuthorizationMatrixIT.class, "authorization-matrix.txt", roles, service.baseUrl(), dispatcher);
    }

    @Test
    void everyEndpointAndPageHasALineInTheTableAndEveryLineAnEndpoint() {
        var matrix = matrix();
        assertThat(matrix.endpoints()).hasSizeGreaterThan(50);
        assertThat(matrix.withoutRule()).isEmpty();
        assertThat(matrix.withoutEndpoint()).as("lines without an endpoint").isEmpty();
    }

    @Test
    void eachCallerGetsWhatTheTableSaysFromEveryEndpointAndPage() {
        assertThat(matrix().differences(AuthorizationMatrixIT::sample)).isEmpty();
    }

    /** Path variables: a member number billing does not know; unknown ids and numbers elsewhere. */
    private static String sample(String variable) {
        return switch (variable) {
            case "memberNumber" -> "2";
            case "month" -> "2026-01";
            case "runId", "payoutId" -> UUID.randomUUID().toString();
            case "format:ubl|cii|pdf" -> "pdf";
            default -> "999999";
        };
    }
}
