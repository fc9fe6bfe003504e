package org.allmende.membership.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.devinfra.TopicWriter;
import org.allmende.events.billing.Allocation;
import org.allmende.events.billing.BillingEvent;
import org.allmende.events.billing.PaymentAllocated;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.billing.PayoutMade;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.Admissions;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Membership reads billing's facts from a real Kafka topic into the Member aggregate (ADR 0024): capital paid
 * through billing becomes paid-in capital once, whatever is redelivered; what the shares cannot take is held;
 * a record that cannot be read is parked and the rest flows on; a payout after exit takes the capital owed to zero.
 * Each member of the test holds 12 shares of 500 EUR (6,000 EUR subscribed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DATABASE = SharedInfrastructure.unique("membership");
    private static final String TOPIC = SharedInfrastructure.unique("membership_topic");
    private static final String BILLING_TOPIC = SharedInfrastructure.unique("billing_topic");
    private static final LocalDate PAID = LocalDate.of(2026, 11, 2);

    private static RunningMembershipService service;
    private static TopicWriter billing;
    private static ApiClient board;
    private static Admissions.Admitted payer;
    private static Admissions.Admitted leaver;
    private static long sent;

    @BeforeAll
    static void start() {
        service = start(Map.of());
        billing = new TopicWriter();
        board = service.api(DemoLogins.BOARD);
        payer = Admissions.admit(service, "Stadt Zahlheim");
        leaver = Admissions.admit(service, "Gemeinde Gehstedt");
    }

    private static RunningMembershipService start(Map<String, String> extra) {
        var properties = new java.util.HashMap<>(extra);
        properties.put("allmende.billing-intake.topic", BILLING_TOPIC);
        return RunningMembershipService.start(DATABASE, TOPIC, properties);
    }

    @AfterAll
    static void stop() {
        billing.close();
        service.close();
    }

    /** Publishes a fact as billing's relay does; returns its event id. */
    private static String publish(BillingEvent fact, String eventId) {
        var type = ContractEvents.byClass(fact.getClass()).orElseThrow();
        publishRaw(
                fact.subject().toString(),
                Map.of(
                        Headers.EVENT_TYPE, type.name(),
                        Headers.EVENT_ID, eventId,
                        Headers.SCHEMA_VERSION, Integer.toString(type.schemaVersion())),
                EventJson.write(fact));
        return eventId;
    }

    private static void publishRaw(String key, Map<String, String> headers, byte[] value) {
        billing.send(BILLING_TOPIC, key, headers, value);
        sent++;
    }

    /** Waits until membership has stored its position past every record published. */
    private static void readEverything() {
        var jdbc = service.bean(JdbcTemplate.class);
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "select coalesce(sum(next_offset), 0) from billing_intake_offset where topic = ?",
                                Long.class,
                                BILLING_TOPIC)
                        == sent);
    }

    private static JsonNode entry(long memberNumber) {
        var response = board.get("/api/members/" + memberNumber);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static PaymentReceived payment(UUID memberId, long paymentId, Allocation... allocations) {
        var amount =
                java.util.Arrays.stream(allocations).map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var capital = java.util.Arrays.stream(allocations)
                .filter(Allocation::paysCapital)
                .map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PaymentReceived(
                paymentId,
                memberId,
                0,
                "BANK-" + paymentId,
                PAID,
                PAID,
                "KA-2026-000001",
                "DOCUMENT_NUMBER",
                "EUR",
                amount,
                List.of(allocations),
                capital,
                new BigDecimal("0.00"));
    }

    private static Allocation capital(long id, String amount) {
        return new Allocation(id, 1L, "KA-2026-00000" + (id % 10), "CAPITAL_CALL", new BigDecimal(amount));
    }

    @Test
    @Order(1)
    void aCapitalPaymentInBillingBecomesPaidInCapitalOnceWhateverIsRedelivered() {
        var memberId = UUID.fromString(payer.memberId());
        var invoice = new Allocation(11, 1L, "RE-2026-000001", "INVOICE", new BigDecimal("119.00"));
        var first = payment(memberId, 1, capital(1, "1000.00"), invoice);

        var eventId = publish(first, UUID.randomUUID().toString());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        entry(payer.number()).path("paidInCapital").decimalValue())
                .isEqualByComparingTo("1000.00"));

        publish(first, eventId);
        publish(payment(memberId, 1, capital(1, "1000.00")), UUID.randomUUID().toString());
        readEverything();

        var history = board.get("/api/members/" + payer.number() + "/history").json();
        assertThat(history.findValuesAsText("type"))
                .as("the same allocation again, in the same event or another: paid in once")
                .filteredOn("CapitalPaymentRecorded"::equals)
                .hasSize(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(board.get("/api/members/" + payer.number() + "/register-extract")
                                .json()
                                .path("changes")
                                .findValuesAsText("description"))
                        .filteredOn(d -> d.contains("KA-2026-000001"))
                        .hasSize(1));
        assertThat(entry(payer.number()).path("paidInCapital").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    @Order(2)
    void capitalBeyondTheSharesIsHeldAndAReturnTakesCapitalBack() {
        var memberId = UUID.fromString(payer.memberId());
        publish(
                new PaymentAllocated(
                        memberId,
                        payer.number(),
                        PAID,
                        "CREDIT_APPLIED",
                        "EUR",
                        List.of(capital(2, "5500.00")),
                        new BigDecimal("5500.00")),
                UUID.randomUUID().toString());
        readEverything();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(payer.number()).path("paidInCapital").decimalValue())
                    .isEqualByComparingTo("6000.00");
            assertThat(entry(payer.number()).path("capitalHeld").decimalValue()).isEqualByComparingTo("500.00");
        });
        var held = service.api(DemoLogins.FINANCE)
                .get("/api/capital-payments/held")
                .json();
        assertThat(held).singleElement().satisfies(h -> {
            assertThat(h.path("allocation_id").asLong()).isEqualTo(2);
            assertThat(h.path("reason").asText()).isEqualTo("payment-above-subscribed-capital");
        });

        publish(
                new PaymentAllocated(
                        memberId,
                        payer.number(),
                        PAID,
                        "DIRECT_DEBIT_RETURNED",
                        "EUR",
                        List.of(capital(3, "-1000.00")),
                        new BigDecimal("-1000.00")),
                UUID.randomUUID().toString());
        readEverything();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        entry(payer.number()).path("paidInCapital").decimalValue())
                .isEqualByComparingTo("5000.00"));
    }

    @Test
    @Order(3)
    void aRecordThatCannotBeReadIsParkedAndTheNextOnesFlowOn() {
        publishRaw(
                payer.memberId(),
                Map.of(
                        Headers.EVENT_TYPE, "PaymentReceived",
                        Headers.EVENT_ID, UUID.randomUUID().toString(),
                        Headers.SCHEMA_VERSION, "1"),
                "{\"paymentId\": ".getBytes(StandardCharsets.UTF_8));
        publish(
                payment(UUID.randomUUID(), 4, capital(4, "10.00")),
                UUID.randomUUID().toString());
        publish(
                payment(UUID.fromString(leaver.memberId()), 5, capital(5, "3000.00")),
                UUID.randomUUID().toString());
        readEverything();

        var parked = service.api(DemoLogins.FINANCE)
                .get("/api/billing-intake/parked")
                .json();
        assertThat(parked.findValuesAsText("reason")).containsExactlyInAnyOrder("malformed", "member-unknown");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        entry(leaver.number()).path("paidInCapital").decimalValue())
                .isEqualByComparingTo("3000.00"));
    }

    @Test
    @Order(4)
    void afterExitThePayoutTakesTheCapitalOwedToZero() {
        var excluded =
                board.post("/api/members/" + leaver.number() + "/exclusion", Map.of("reason", "Satzungsverstoß"));
        assertThat(excluded.status()).as(excluded.toString()).isEqualTo(204);
        var nextYear = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear() + 1;
        service.close();
        service = start(Map.of("allmende.clock.fixed", nextYear + "-01-02T08:00:00Z"));
        board = service.api(DemoLogins.BOARD);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        entry(leaver.number()).path("status").asText())
                .isEqualTo("ENDED"));
        assertThat(entry(leaver.number()).path("paidInCapital").decimalValue()).isZero();
        assertThat(entry(leaver.number()).path("capitalToPayOut").decimalValue())
                .isEqualByComparingTo("3000.00");

        var payoutId = UUID.randomUUID();
        var payout = new PayoutMade(
                payoutId,
                UUID.fromString(leaver.memberId()),
                leaver.number(),
                "EXIT",
                LocalDate.of(nextYear, 6, 30),
                LocalDate.of(nextYear, 1, 2),
                "EUR",
                new BigDecimal("3000.00"),
                List.of(new Allocation(90, null, "RE-2026-000090", "INVOICE", new BigDecimal("119.00"))),
                new BigDecimal("119.00"),
                new BigDecimal("2881.00"),
                "AUS-" + leaver.number());
        var eventId = publish(payout, UUID.randomUUID().toString());
        publish(payout, eventId);
        readEverything();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        entry(leaver.number()).path("capitalToPayOut").decimalValue())
                .isZero());
        assertThat(board.get("/api/members/" + leaver.number() + "/history")
                        .json()
                        .findValuesAsText("type"))
                .filteredOn("CapitalPaidOut"::equals)
                .hasSize(1);
        var extract = board.get("/api/members/" + leaver.number() + "/register-extract")
                .json()
                .path("changes");
        assertThat(extract.findValuesAsText("kind")).containsSubsequence("EXIT", "PAYOUT");
        assertThat(extract.findValuesAsText("kind"))
                .filteredOn("PAYOUT"::equals)
                .hasSize(1);
    }
}
