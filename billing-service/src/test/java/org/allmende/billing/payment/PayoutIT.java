package org.allmende.billing.payment;

import static org.allmende.billing.ContractProducer.memberId;
import static org.allmende.billing.payment.CapitalCallIT.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.allmende.events.billing.DunningLevelReached;
import org.allmende.events.billing.PayoutMade;
import org.allmende.events.membership.MembershipEnded;
import org.allmende.events.membership.SharesGivenUp;
import org.allmende.events.wire.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payouts after exit (§73 GenG) on a real PostgreSQL and Kafka: due from membership's events (once, whatever is
 * redelivered), set off against the member's open items due by the payout, the rest paid out, PayoutMade
 * published; and the dunning level reached as a fact. Each test has members of its own.
 */
class PayoutIT {

    /** Monday, 15 June 2026, 10:00 in Germany. */
    private static final String NOW = "2026-06-15T08:00:00Z";

    private static BillingOnDays days;

    @BeforeAll
    static void start() {
        days = BillingOnDays.start(NOW, Map.of(), List.of(41L, 42L, 43L));
    }

    @AfterAll
    static void stop() {
        days.close();
    }

    private static void invoice(long member, String number, String issuedOn, String dueOn, String gross) {
        days.items()
                .add(NewOpenItem.invoice(
                        member, number, LocalDate.parse(issuedOn), LocalDate.parse(dueOn), new BigDecimal(gross)));
    }

    private static JsonNode payouts(long member) {
        var response = days.finance().get("/api/payouts");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var mine = days.finance().get("/api/payouts").json();
        var list = new com.fasterxml.jackson.databind.node.ArrayNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        mine.forEach(p -> {
            if (p.path("memberNumber").asLong() == member) {
                list.add(p);
            }
        });
        return list;
    }

    private static JsonNode pay(String payoutId) {
        return pay(payoutId, "{}");
    }

    private static JsonNode pay(String payoutId, String body) {
        var response = days.finance().post("/api/payouts/" + payoutId + "/payment", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theCapitalOfALeftMemberIsSetOffAgainstItsDueInvoiceAndTheRestPaidOut() {
        invoice(41, "RE-2026-000401", "2026-05-01", "2026-05-15", "119.00");
        invoice(41, "RE-2026-000402", "2026-06-10", "2026-07-01", "59.50");
        var ended = new MembershipEnded(
                memberId(41),
                LocalDate.of(2025, 12, 31),
                "NOTICE",
                new BigDecimal("1000.00"),
                LocalDate.of(2026, 6, 30),
                null);
        var eventId = days.send(ended);
        days.sendAgain(ended, eventId);

        var due = payouts(41);
        assertThat(due).as("one payout, whatever was redelivered").hasSize(1);
        assertThat(due.get(0).path("status").asText()).isEqualTo("DUE");
        assertThat(due.get(0).path("capital").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(due.get(0).path("dueBy").asText()).isEqualTo("2026-06-30");

        var paid = pay(
                due.get(0).path("payoutId").asText(),
                "{\"iban\":\"DE02 1203 0000 0000 2020 51\",\"accountHolder\":\"Gemeinde 41\"}");

        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("accountIban").asText()).isEqualTo("DE02120300000000202051");
        var file =
                days.finance().get("/api/payouts/" + paid.path("payoutId").asText() + "/pain.001", "application/xml");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        PainSchema.validate(PainSchema.PAIN_001, file.body());
        assertThat(file.body())
                .contains("<InstdAmt Ccy=\"EUR\">881.00</InstdAmt>")
                .contains("<IBAN>DE02120300000000202051</IBAN>")
                .contains("<EndToEndId>AUS-41-2025-12-31</EndToEndId>");
        assertThat(paid.path("netted").decimalValue()).isEqualByComparingTo("119.00");
        assertThat(paid.path("paidOut").decimalValue()).isEqualByComparingTo("881.00");
        assertThat(paid.path("nettedAgainst").get(0).asText()).isEqualTo("RE-2026-000401");
        assertThat(days.open("RE-2026-000401")).isZero();
        assertThat(days.open("RE-2026-000402")).as("not due yet: not set off").isEqualByComparingTo("59.50");
        assertThat(pay(due.get(0).path("payoutId").asText()).path("paidOut").decimalValue())
                .as("paid again: the same answer, nothing twice")
                .isEqualByComparingTo("881.00");

        var account = days.finance().get("/api/members/41/account").json();
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("59.50");
        var facts = days.facts(records ->
                read(records, "PayoutMade", PayoutMade.class).stream().anyMatch(p -> p.memberNumber() == 41));
        var ofMember = read(facts, "PayoutMade", PayoutMade.class).stream()
                .filter(p -> p.memberNumber() == 41)
                .toList();
        assertThat(facts.stream()
                        .filter(r -> memberId(41).toString().equals(r.key()))
                        .filter(r -> "PayoutMade".equals(CapitalCallIT.header(r, Headers.EVENT_TYPE)))
                        .map(r -> CapitalCallIT.header(r, Headers.EVENT_ID))
                        .distinct())
                .as("paid twice, published once")
                .hasSize(1);
        var made = ofMember.get(0);
        assertThat(made.memberId()).isEqualTo(memberId(41));
        assertThat(made.cause()).isEqualTo("EXIT");
        assertThat(made.capital()).isEqualByComparingTo("1000.00");
        assertThat(made.netted()).isEqualByComparingTo("119.00");
        assertThat(made.paidOut()).isEqualByComparingTo("881.00");
        assertThat(made.nettedAgainst()).singleElement().satisfies(a -> {
            assertThat(a.documentNumber()).isEqualTo("RE-2026-000401");
            assertThat(a.amount()).isEqualByComparingTo("119.00");
        });
    }

    @Test
    void givenUpSharesArePaidOutWholeWhenNothingIsOpen() {
        days.send(new SharesGivenUp(
                memberId(42), 1, 2, LocalDate.of(2025, 12, 31), new BigDecimal("500.00"), LocalDate.of(2026, 6, 30)));

        var paid = pay(payouts(42).get(0).path("payoutId").asText());

        assertThat(paid.path("cause").asText()).isEqualTo("SHARES_GIVEN_UP");
        assertThat(paid.path("accountIban").isNull())
                .as("no account given and no mandate: finance transfers by hand, no file")
                .isTrue();
        assertThat(days.finance()
                        .get(
                                "/api/payouts/" + paid.path("payoutId").asText() + "/pain.001",
                                "application/xml, application/problem+json")
                        .status())
                .isEqualTo(404);
        assertThat(paid.path("netted").decimalValue()).isZero();
        assertThat(paid.path("paidOut").decimalValue()).isEqualByComparingTo("500.00");
    }

    @Test
    void aMergedMemberHasNoPayoutAndAPayoutIsNotPaidAheadOfToday() {
        days.send(new MembershipEnded(
                memberId(43), LocalDate.of(2025, 12, 31), "MERGER", BigDecimal.ZERO, null, memberId(42)));

        assertThat(payouts(43)).isEmpty();
        var unknown = days.finance().post("/api/payouts/" + java.util.UUID.randomUUID() + "/payment", "{}");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void anItemReachingADunningLevelIsPublished() {
        invoice(43, "RE-2026-000431", "2026-04-01", "2026-04-15", "238.00");

        var run = days.finance().post("/api/dunning-runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(201);

        var facts = days.facts(records -> read(records, "DunningLevelReached", DunningLevelReached.class).stream()
                .anyMatch(d -> d.documentNumber().equals("RE-2026-000431")));
        var reached = read(facts, "DunningLevelReached", DunningLevelReached.class).stream()
                .filter(d -> d.documentNumber().equals("RE-2026-000431"))
                .toList();
        assertThat(reached).singleElement().satisfies(d -> {
            assertThat(d.memberId()).isEqualTo(memberId(43));
            assertThat(d.level()).isEqualTo(1);
            assertThat(d.openAmount()).isEqualByComparingTo("238.00");
        });
    }
}
