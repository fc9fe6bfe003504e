package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.Admissions;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member's own register extract (§31 GenG) as a page, to print and as JSON: the member number from the login, the
 * same entries the board sees for that member, no other member's reachable. Gemeinde Eins (member 1, the login
 * mitglied1) paid 150 EUR on its shares; Gemeinde Zwei (member 2) paid 400 EUR.
 */
class MemberExtractPagesIT {

    private static final String BILLING_PAGES = "http://billing.allmende.test:8082";

    private static RunningMembershipService service;
    private static Admissions.Admitted eins;
    private static Admissions.Admitted zwei;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start(
                SharedInfrastructure.unique("membership"),
                SharedInfrastructure.unique("membership_topic"),
                Map.of("allmende.links.billing", BILLING_PAGES));
        eins = Admissions.admit(service, "Gemeinde Eins");
        zwei = Admissions.admit(service, "Gemeinde Zwei");
        assertThat(eins.number()).as("the login mitglied1 is member 1").isEqualTo(1);
        assertThat(zwei.number()).isEqualTo(2);
        pay(eins, "150.00");
        pay(zwei, "400.00");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void pay(Admissions.Admitted member, String amount) {
        var today = LocalDate.now(service.bean(Clock.class));
        var paid = service.api(DemoLogins.FINANCE)
                .post(
                        "/api/members/" + member.number() + "/capital-payments",
                        Map.of("amount", amount, "paidOn", today.toString(), "reference", "Einzahlung"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(204);
        var board = service.api(DemoLogins.BOARD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.get("/api/members/" + member.number())
                                .json()
                                .path("paidInCapital")
                                .decimalValue()
                                .compareTo(new BigDecimal(amount))
                        == 0);
    }

    private static PageSession logIn(DemoLogins.Login login) {
        var session = new PageSession(service.baseUrl());
        assertThat(session.logIn(login).statusCode()).isEqualTo(302);
        return session;
    }

    @Test
    void aMemberSeesItsOwnEntriesAndChangesInGermanAndEnglishWithALinkToThePortal() {
        var member = logIn(DemoLogins.MEMBER_1);

        var german = member.get("/me/register-extract?lang=de");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(german.body())
                .contains("Unsere Eintragungen in der Mitgliederliste", "Gemeinde Eins", "§ 31 GenG")
                .contains("id=\"member-number\">1<", "id=\"member-capital\">150,00 EUR<", "id=\"register-changes\"")
                .contains("href=\"" + BILLING_PAGES + "/me/shares\"", "href=\"/me/register-extract/print\"")
                .contains("href=\"/me/register-extract\"")
                .doesNotContain("Gemeinde Zwei", "400,00", "style=");
        var english = member.get("/me/register-extract?lang=en");
        assertThat(english.body())
                .contains("Our entries in the member register", "id=\"member-capital\">150.00 EUR<", "Joined with");
        assertThat(member.get("/me").headers().firstValue("Location").orElseThrow())
                .endsWith("/me/register-extract");
    }

    @Test
    void theExtractToPrintIsTheBoardsExtractOfTheSameMember() {
        var member = logIn(DemoLogins.MEMBER_1).get("/me/register-extract/print");
        var board = logIn(DemoLogins.BOARD).get("/board/members/1/register-extract");

        assertThat(member.statusCode()).isEqualTo(200);
        assertThat(member.body()).contains("Auszug aus der Mitgliederliste (§ 31 GenG)", "Gemeinde Eins", "150.00");
        assertThat(withoutProductionTime(member.body())).isEqualTo(withoutProductionTime(board.body()));
    }

    @Test
    void theJsonExtractFollowsTheLoginAndNoMemberNumberInTheUrlChangesWhoIsShown() {
        var mine = service.api(DemoLogins.MEMBER_1).get("/api/me/register-extract");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("entry").path("memberNumber").asLong()).isEqualTo(1);
        assertThat(mine.json().path("entry").path("paidInCapital").decimalValue())
                .isEqualByComparingTo("150.00");
        assertThat(service.api(DemoLogins.MEMBER_2)
                        .get("/api/me/register-extract")
                        .json()
                        .path("entry")
                        .path("name")
                        .asText())
                .isEqualTo("Gemeinde Zwei");

        var other = logIn(DemoLogins.MEMBER_2);
        assertThat(other.get("/me/register-extract?memberNumber=1&member=1").body())
                .contains("Gemeinde Zwei", "id=\"member-capital\">400.00 EUR<")
                .doesNotContain("Gemeinde Eins");
        assertThat(other.get("/board/members/1/register-extract").statusCode()).isEqualTo(403);
        assertThat(service.api(DemoLogins.MEMBER_2)
                        .get("/api/members/1/register-extract")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theBoardAndFinanceHaveTheirOwnViewsAndNoMemberPageAndAnonymousIsSentToTheLogin() {
        assertThat(logIn(DemoLogins.BOARD).get("/me/register-extract").statusCode())
                .isEqualTo(403);
        assertThat(logIn(DemoLogins.FINANCE).get("/me/register-extract").statusCode())
                .isEqualTo(403);
        assertThat(new PageSession(service.baseUrl())
                        .get("/me/register-extract")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login");
        assertThat(service.api(DemoLogins.BOARD).get("/api/me/register-extract").status())
                .isEqualTo(403);
    }

    /** The extract names when it was made: the one difference between two extracts of the same entries. */
    private static String withoutProductionTime(String extract) {
        return extract.replaceAll("Erstellt am [^<]*", "Erstellt am");
    }
}
