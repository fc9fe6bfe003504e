package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.devinfra.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing's pages share membership's layout and security (ADR 0026, 0027) with a session cookie of their own; a
 * member sees its own membership from the login's member number, finance and the board see all members.
 */
class MemberPagesIT {

    private static ContractProducer topic;
    private static RunningBillingService billing;

    @BeforeAll
    static void start() {
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        billing = RunningBillingService.start(SharedInfrastructure.unique("billing"), topic.topic());
        topic.send(admitted(1));
        topic.send(admitted(2));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        billing.api(DemoLogins.FINANCE).get("/api/members/2").status() == 200);
    }

    @AfterAll
    static void stop() {
        billing.close();
        topic.close();
    }

    @Test
    void aMemberSeesItsOwnMembershipInGermanUnderBillingsOwnSessionCookie() {
        var member = new PageSession(billing.baseUrl());
        var login = member.logIn(DemoLogins.MEMBER_1);
        assertThat(login.statusCode()).isEqualTo(302);
        var session = member.cookie("ALLMENDE_BILLING_SESSION").orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(member.cookie("ALLMENDE_MEMBERSHIP_SESSION")).isEmpty();

        assertThat(member.get("/").headers().firstValue("Location").orElseThrow())
                .endsWith("/me");
        var mine = member.get("/me?lang=de");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body())
                .contains("Meine Mitgliedschaft", "Gemeinde 1", "id=\"member-number\">1<")
                .doesNotContain("Gemeinde 2");
        assertThat(mine.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(mine.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
        assertThat(member.get("/members").statusCode()).isEqualTo(403);
    }

    @Test
    void financeSeesEveryMemberAndNoMembersPage() {
        var finance = new PageSession(billing.baseUrl());
        finance.logIn(DemoLogins.FINANCE);

        var members = finance.get("/members");

        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains("Gemeinde 1", "Gemeinde 2", "Paid-in capital");
        assertThat(finance.get("/me").statusCode()).isEqualTo(403);
    }

    @Test
    void aPagePostWithoutCsrfTokenIsRefusedAndTheApiStaysBasic() {
        var finance = new PageSession(billing.baseUrl());
        finance.logIn(DemoLogins.FINANCE);
        assertThat(finance.post("/logout", java.util.Map.of(), java.util.Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(finance.get("/members").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/members").status()).isEqualTo(200);
        assertThat(billing.api().get("/api/members").status()).isEqualTo(401);
    }

    @Test
    void aPageSessionIsARowInBillingsDatabaseUntilLogoutAndTheApiWritesNone() {
        var before = new HashSet<>(billing.jdbc().queryForList("select session_id from spring_session", String.class));
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/me/member").status())
                .isEqualTo(200);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/members").status()).isEqualTo(200);
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/members").status())
                .isEqualTo(403);
        assertThat(billing.api().get("/api/members").status()).isEqualTo(401);
        var afterApi =
                new HashSet<>(billing.jdbc().queryForList("select session_id from spring_session", String.class));
        afterApi.removeAll(before);
        assertThat(afterApi).as("sessions made by API calls").isEmpty();

        var member = new PageSession(billing.baseUrl());
        member.logIn(DemoLogins.MEMBER_2);
        var id = new String(
                Base64.getDecoder()
                        .decode(member.cookie("ALLMENDE_BILLING_SESSION")
                                .orElseThrow()
                                .getValue()),
                StandardCharsets.UTF_8);
        assertThat(billing.jdbc()
                        .queryForObject(
                                "select principal_name from spring_session where session_id = ?", String.class, id))
                .isEqualTo("mitglied2");

        var page = member.get("/me");
        var out = member.post("/logout", Map.of("_csrf", PageSession.csrfToken(page)), Map.of());

        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(billing.jdbc()
                        .queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, id))
                .isZero();
    }
}
