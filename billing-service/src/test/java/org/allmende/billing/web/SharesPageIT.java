package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.memberId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.devinfra.TopicProbe;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The member portal's shares page on the real service (PostgreSQL, Kafka), its clock on Monday, 15 June 2026.
 * Member 1 holds 2 shares of 500 EUR and paid 300 EUR by hand before billing called capital; finance calls the rest
 * (700 EUR, due in 30 days) and member 1 pays 200 EUR on the call, which membership then records. Member 2 paid its 3
 * shares in full and gave one up: a payout of 500 EUR is due to it. Each member sees only its own figures, from its
 * login; finance and the board have no such page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharesPageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String MEMBERSHIP_PAGES = "http://membership.allmende.test:8081";

    private static ContractProducer membership;
    private static String database;
    private static RunningBillingService billing;
    private static String call;

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        database = SharedInfrastructure.unique("billing");
        billing = RunningBillingService.start(
                database,
                membership.topic(),
                SharedInfrastructure.unique("usage_topic"),
                Map.of(
                        "allmende.clock.fixed",
                        "2026-06-15T08:00:00Z",
                        // a trailing slash, as an operator might write it
                        "allmende.links.membership",
                        MEMBERSHIP_PAGES + "/"));
        var facts = List.of(
                admitted(1),
                admitted(2),
                new CapitalPaymentRecorded(
                        memberId(1),
                        new BigDecimal("300.00"),
                        LocalDate.of(2026, 3, 2),
                        "Überweisung",
                        new BigDecimal("300.00"),
                        null),
                new CapitalPaymentRecorded(
                        memberId(2),
                        new BigDecimal("1500.00"),
                        LocalDate.of(2026, 3, 2),
                        "Überweisung",
                        new BigDecimal("1500.00"),
                        null),
                new SharesGivenUp(
                        memberId(2),
                        1,
                        2,
                        LocalDate.of(2026, 6, 1),
                        new BigDecimal("500.00"),
                        LocalDate.of(2026, 12, 1)));
        facts.forEach(membership::send);
        await().atMost(PATIENCE).until(() -> billing.consumed() == facts.size());
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
    }

    private static PageSession logIn(DemoLogins.Login login) {
        var session = new PageSession(billing.baseUrl());
        assertThat(session.logIn(login).statusCode()).isEqualTo(302);
        return session;
    }

    @Test
    @Order(1)
    void financeCallsTheRestAndTheMemberSeesItsSharesCapitalAndTheOpenCallInGerman() {
        var run = billing.api(DemoLogins.FINANCE).post("/api/capital-calls", "{\"portion\":\"FULL\"}");
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().path("calls")).as("member 2 paid all its shares").hasSize(1);
        var draft = run.json().path("issue").path("drafts").get(0);
        assertThat(draft.path("memberNumber").asLong()).isEqualTo(1);
        assertThat(draft.path("outcome").asText()).isEqualTo("ISSUED");
        call = draft.path("number").asText();

        var member = logIn(DemoLogins.MEMBER_1);
        var page = member.get("/me/shares?lang=de");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body())
                .contains("Unsere Geschäftsanteile", "Gemeinde 1", "href=\"/me/shares\"")
                .contains("id=\"shares\">2<", "id=\"nominal-value\">500,00 EUR<", "id=\"subscribed\">1.000,00 EUR<")
                .contains("id=\"paid-in\">300,00 EUR<", "id=\"unpaid\">700,00 EUR<", "id=\"open-in-calls\">700,00 EUR<")
                .contains("id=\"call-" + call + "\"", "15.07.2026", "offen", "href=\"/me/invoices/" + call + "/pdf\"")
                .contains("id=\"no-capital-payments\"", "id=\"no-payouts\"")
                .contains("href=\"" + MEMBERSHIP_PAGES + "/me/register-extract\"")
                .doesNotContain("Gemeinde 2", "style=");
        var pdf = member.get("/me/invoices/" + call + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    @Order(2)
    void aPaymentOnTheCallIsOnItsWayUntilMembershipRecordsItThenItIsPaidInCapital() {
        var paid = billing.api(DemoLogins.FINANCE)
                .post(
                        "/api/payments",
                        "{\"amount\":200.00,\"bookedOn\":\"2026-06-15\",\"referenceText\":\"" + call
                                + " Einlage\",\"bankReference\":\"CAP-1-1\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        var member = logIn(DemoLogins.MEMBER_1);
        var onItsWay = member.get("/me/shares?lang=en").body();
        assertThat(onItsWay)
                .contains("id=\"paid-in\">300.00 EUR<", "id=\"on-its-way\">200.00 EUR<", "CAP-1-1", "on its way")
                .contains("partly paid", "id=\"open-in-calls\">500.00 EUR<");

        var received = read(
                TopicProbe.readUntil(RunningBillingService.factsTopic(database), PATIENCE, records -> !read(
                                records, "PaymentReceived", PaymentReceived.class)
                        .isEmpty()),
                "PaymentReceived",
                PaymentReceived.class);
        var allocation = received.get(0).allocations().get(0).allocationId();
        var before = billing.consumed();
        membership.send(new CapitalPaymentRecorded(
                memberId(1),
                new BigDecimal("200.00"),
                LocalDate.of(2026, 6, 15),
                call,
                new BigDecimal("500.00"),
                allocation));
        await().atMost(PATIENCE).until(() -> billing.consumed() > before);

        var recorded = member.get("/me/shares?lang=en").body();
        assertThat(recorded)
                .contains("id=\"paid-in\">500.00 EUR<", "id=\"unpaid\">500.00 EUR<", "recorded")
                .doesNotContain("id=\"on-its-way\"");
        var api = billing.api(DemoLogins.MEMBER_1).get("/api/me/capital");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("paidIn").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(api.json().path("unpaid").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(api.json().path("payments").get(0).path("recorded").asBoolean())
                .isTrue();
    }

    @Test
    @Order(3)
    void anotherMemberSeesOnlyItsOwnPayoutAndNoMemberNumberInTheUrlChangesWhoIsShown() {
        var other = logIn(DemoLogins.MEMBER_2);
        var page = other.get("/me/shares?lang=en&member=1&memberNumber=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Gemeinde 2", "id=\"shares\">2<", "id=\"paid-in\">1,000.00 EUR<", "id=\"unpaid\">0.00 EUR<")
                .contains("id=\"payouts\"", "shares given up", "01.12.2026", "500.00", "id=\"no-calls\"")
                .doesNotContain("Gemeinde 1", call);
        assertThat(other.get("/me/invoices/" + call + "/pdf").statusCode()).isEqualTo(404);
        assertThat(billing.api(DemoLogins.MEMBER_2)
                        .get("/api/me/capital")
                        .json()
                        .path("memberNumber")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    @Order(4)
    void financeAndTheBoardHaveNoSharesPageAndAnonymousIsSentToTheLogin() {
        assertThat(logIn(DemoLogins.FINANCE).get("/me/shares").statusCode()).isEqualTo(403);
        assertThat(logIn(DemoLogins.BOARD).get("/me/shares").statusCode()).isEqualTo(403);
        assertThat(new PageSession(billing.baseUrl())
                        .get("/me/shares")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login");
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/me/capital").status())
                .isEqualTo(403);
    }

    @Test
    @Order(5)
    void inChromiumAMemberOpensItsSharesFromThePortalAndSeesItsPaidInCapital() {
        try (var browser = Browser.open(billing.baseUrl(), "de")) {
            browser.get("/me").logIn(DemoLogins.MEMBER_1).element("#logout");
            browser.click("a[href='/me/shares']").awaitPath("/me/shares");
            assertThat(browser.text("h1")).isEqualTo("Unsere Geschäftsanteile und unser Geschäftsguthaben");
            assertThat(browser.text("#paid-in")).isEqualTo("500,00 EUR");
            assertThat(browser.text("#unpaid")).isEqualTo("500,00 EUR");
            assertThat(browser.text("#capital-calls")).contains(call, "15.07.2026", "teilweise bezahlt");
            assertThat(browser.element("#register-extract").getAttribute("href"))
                    .isEqualTo(MEMBERSHIP_PAGES + "/me/register-extract");
            var pdf = browser.fetch(browser.element("#pdf-" + call).getAttribute("href"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("member-shares");
        }
    }

    private static <T> List<T> read(List<ConsumerRecord<String, byte[]>> records, String type, Class<T> recordClass) {
        Predicate<ConsumerRecord<String, byte[]>> ofType = r -> {
            var header = r.headers().lastHeader(Headers.EVENT_TYPE);
            return header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8));
        };
        return records.stream()
                .filter(ofType)
                .map(r -> EventJson.read(r.value(), recordClass))
                .distinct()
                .toList();
    }
}
