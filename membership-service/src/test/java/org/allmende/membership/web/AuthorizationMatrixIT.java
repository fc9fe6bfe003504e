package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.devinfra.AuthorizationMatrix;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.membership.Admissions;
import org.allmende.membership.RunningMembershipService;
import org.allmende.support.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every endpoint and page of membership-service, called anonymously and as every role, against the table beside
 * this test ({@code authorization-matrix.txt}). The mappings come from the running service's handler mapping, so a
 * new endpoint without a line in the table fails here, and so does a line whose endpoint is gone.
 */
class AuthorizationMatrixIT {

    private static final List<String> DENIAL_LOGGERS =
            List.of("org.allmende.support.security.ApiSecurity", "org.allmende.support.pages.PageSecurity");

    private static RunningMembershipService service;
    private static Admissions.Admitted first;
    private static Admissions.Admitted second;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        // member numbers 1 and 2: the demo login mitglied1 is bound to number 1
        first = Admissions.admit(service, "Gemeinde Eins");
        second = Admissions.admit(service, "Gemeinde Zwei");
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

    /** Path variables: another member's number than the member login's own; unknown ids elsewhere. */
    private static String sample(String variable) {
        if (variable.equals("memberNumber")) {
            return String.valueOf(second.number());
        }
        if (variable.endsWith("Id")) {
            return UUID.randomUUID().toString();
        }
        return "X";
    }

    @Test
    void aMembersLoginIsRefusedAnotherMembersDataAndTheDenialIsLogged() {
        var denials = new ListAppender<ILoggingEvent>();
        denials.start();
        DENIAL_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).addAppender(denials));
        try {
            var member = service.api(DemoLogins.MEMBER_1);
            var other = second.number();
            for (var path : List.of(
                    "/api/members/" + other,
                    "/api/members/" + other + "/history",
                    "/api/members/" + other + "/register-extract",
                    "/api/members/" + other + "/subscriptions")) {
                assertThat(member.get(path).status()).as(path).isEqualTo(403);
            }
            assertThat(member.post("/api/members/" + other + "/notice", Map.of())
                            .status())
                    .isEqualTo(403);
            assertThat(member.post("/api/members/" + other + "/share-requests", Map.of("shares", 1))
                            .status())
                    .isEqualTo(403);

            var own = member.get("/api/me/register-extract");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().path("entry").path("memberNumber").asLong()).isEqualTo(first.number());
            assertThat(own.body()).doesNotContain("Gemeinde Zwei");

            var page = new PageSession(service.baseUrl());
            page.logIn(DemoLogins.MEMBER_1);
            assertThat(page.get("/board/members/" + other).statusCode()).isEqualTo(403);

            var logged = denials.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(logged)
                    .anySatisfy(line -> assertThat(line)
                            .contains("GET", "/api/members/" + other + "/register-extract", "mitglied1"))
                    .anySatisfy(
                            line -> assertThat(line).contains("POST", "/api/members/" + other + "/notice", "mitglied1"))
                    .anySatisfy(line -> assertThat(line).contains("/board/members/" + other, "mitglied1"));
        } finally {
            DENIAL_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).detachAppender(denials));
            denials.stop();
        }
    }
}
