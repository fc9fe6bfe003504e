package org.allmende.billing.payment;

import static org.allmende.billing.ContractProducer.memberId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.events.billing.CapitalCallIssued;
import org.allmende.events.billing.PaymentReceived;
import org.allmende.events.membership.CapitalPaymentRecorded;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capital calls through the API on a real PostgreSQL and Kafka: the statutes' first instalment, then the rest,
 * each euro called once whatever runs again; a payment on a call is published with its capital part, and counts
 * as paid before membership has recorded it (ADR 0024). Members 21, 22, 23 hold 2, 3 and 4 shares of 500 EUR.
 */
class CapitalCallIT {

    /** Monday, 15 June 2026, 10:00 in Germany. */
    private static final String NOW = "2026-06-15T08:00:00Z";

    private static BillingOnDays days;

    @BeforeAll
    static void start() {
        days = BillingOnDays.start(NOW, Map.of(), List.of(21L, 22L, 23L));
    }

    @AfterAll
    static void stop() {
        days.close();
    }

    private static JsonNode call(String body) {
        var response = days.finance().post("/api/capital-calls", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Member number → amount called, as the run answered. */
    private static Map<Long, String> calls(JsonNode run) {
        var calls = new TreeMap<Long, String>();
        run.path("calls")
                .forEach(c -> calls.put(
                        c.path("memberNumber").asLong(),
                        c.path("amount").decimalValue().setScale(2).toPlainString()));
        return calls;
    }

    private static List<OpenItemView> capitalCalls(long member) {
        return days.items().ofMember(member).stream()
                .filter(item -> item.type() == OpenItemType.CAPITAL_CALL)
                .toList();
    }

    @Test
    void capitalIsCalledByTheStatutesOnceAndAPaymentOnItIsPublishedWithItsCapitalPart() {
        // member 23 paid 300 EUR before billing called anything (finance recorded it in membership)
        days.send(new CapitalPaymentRecorded(
                memberId(23),
                new BigDecimal("300.00"),
                LocalDate.of(2026, 3, 1),
                "Überweisung",
                new BigDecimal("300.00"),
                null));

        var first = call("{\"portion\":\"FIRST_INSTALMENT\",\"dueOn\":\"2026-07-15\"}");

        assertThat(calls(first))
                .as("a tenth of 2 and 3 shares of 500 EUR; member 23 paid more than its tenth already")
                .containsExactlyEntriesOf(new TreeMap<Long, String>(Map.of(21L, "100.00", 22L, "150.00")));
        assertThat(first.path("issue").path("issued").asInt()).isEqualTo(2);
        var call21 = capitalCalls(21).get(0);
        assertThat(call21.dueOn()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(call21.amount()).isEqualByComparingTo("100.00");
        assertThat(call21.documentNumber()).startsWith("KA-2026-");

        assertThat(calls(call("{\"portion\":\"FIRST_INSTALMENT\",\"dueOn\":\"2026-07-15\"}")))
                .as("the same run again calls nothing")
                .isEmpty();
        assertThat(calls(call("{\"portion\":\"FIRST_INSTALMENT\",\"dueOn\":\"2026-07-31\"}")))
                .as("nor on another day: the open calls count")
                .isEmpty();

        // member 21 pays its first instalment; membership has not recorded it yet
        var payment = days.finance()
                .post(
                        "/api/payments",
                        "{\"amount\":100.00,\"bookedOn\":\"2026-06-15\",\"referenceText\":\"" + call21.documentNumber()
                                + " Einlage\",\"bankReference\":\"CAP-21-1\"}");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        var rest = call("{\"portion\":\"FULL\",\"dueOn\":\"2026-08-14\"}");

        assertThat(calls(rest))
                .as("the rest: subscribed less paid in, called and paid through billing")
                .containsExactlyEntriesOf(new TreeMap<Long, String>(Map.of(
                        21L, "900.00",
                        22L, "1350.00",
                        23L, "1700.00")));
        assertThat(capitalCalls(22))
                .extracting(OpenItemView::dueOn)
                .containsExactly(LocalDate.of(2026, 7, 15), LocalDate.of(2026, 8, 14));
        assertThat(calls(call("{}"))).as("everything is called").isEmpty();

        var facts = days.facts(
                records -> count(records, "CapitalCallIssued") >= 5 && count(records, "PaymentReceived") >= 1);
        var received = read(facts, "PaymentReceived", PaymentReceived.class).get(0);
        assertThat(received.memberId()).isEqualTo(memberId(21));
        assertThat(received.capitalAllocated()).isEqualByComparingTo("100.00");
        assertThat(received.unallocated()).isEqualByComparingTo("0.00");
        assertThat(received.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.documentNumber()).isEqualTo(call21.documentNumber());
            assertThat(allocation.paysCapital()).isTrue();
        });
        var issued = read(facts, "CapitalCallIssued", CapitalCallIssued.class);
        assertThat(issued)
                .extracting(CapitalCallIssued::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(
                        new BigDecimal("100.00"),
                        new BigDecimal("150.00"),
                        new BigDecimal("900.00"),
                        new BigDecimal("1350.00"),
                        new BigDecimal("1700.00"));

        // membership records the allocation as paid-in capital: still nothing more to call
        days.send(new CapitalPaymentRecorded(
                memberId(21),
                new BigDecimal("100.00"),
                LocalDate.of(2026, 6, 15),
                call21.documentNumber(),
                new BigDecimal("100.00"),
                received.allocations().get(0).allocationId()));
        assertThat(calls(call("{\"dueOn\":\"2026-09-01\"}"))).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> days.count("select count(*) from capital_acknowledged") == 1);
    }

    @Test
    void aDueDateThatIsNotAheadIsRefusedNamingTheField() {
        var response = days.finance().post("/api/capital-calls", "{\"dueOn\":\"2026-06-15\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("dueOn").contains("after-today");
    }

    @Test
    void onlyFinanceCallsCapital() {
        var response = days.api(org.allmende.devinfra.DemoLogins.BOARD).post("/api/capital-calls", "{}");

        assertThat(response.status()).isEqualTo(403);
    }

    static long count(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream()
                .filter(r -> type.equals(header(r, Headers.EVENT_TYPE)))
                .map(r -> header(r, Headers.EVENT_ID))
                .distinct()
                .count();
    }

    static <T> List<T> read(List<ConsumerRecord<String, byte[]>> records, String type, Class<T> recordClass) {
        return records.stream()
                .filter(r -> type.equals(header(r, Headers.EVENT_TYPE)))
                .map(r -> EventJson.read(r.value(), recordClass))
                .distinct()
                .toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
