package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.allmende.devinfra.DemoLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dunning over two days, the service restarted in between with its clock moved on (the same database): each run
 * raises an overdue item one level at most, twice on one day raises nothing more, fees are items of their own and
 * charged once, a paid item drops out. Levels as configured: 14 days (no fee), 28 days (5.00), 42 days (10.00).
 */
class DunningIT {

    private static final String JUNE_15 = "2026-06-15T08:00:00Z";
    private static final String JULY_1 = "2026-07-01T08:00:00Z";

    private static BillingOnDays billing;

    @BeforeAll
    static void start() {
        billing = BillingOnDays.start(
                JUNE_15, Map.of(), LongStream.rangeClosed(21, 25).boxed().toList());
    }

    @AfterAll
    static void stop() {
        billing.close();
    }

    private static JsonNode run() {
        var response = billing.api(DemoLogins.FINANCE).post("/api/dunning-runs", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static List<String> notices(JsonNode run) {
        return java.util.stream.StreamSupport.stream(run.path("notices").spliterator(), false)
                .map(n -> n.path("documentNumber").asText() + "@"
                        + n.path("level").asInt())
                .toList();
    }

    private static long count(String sql) {
        return billing.count(sql);
    }

    @Test
    void eachLevelIsReachedOnceAndItsFeeChargedOnce() {
        var items = billing.items();
        items.add(NewOpenItem.invoice(
                21, "RE-2026-000401", LocalDate.of(2026, 4, 17), LocalDate.of(2026, 5, 1), new BigDecimal("200.00")));
        items.add(NewOpenItem.invoice(
                22, "RE-2026-000402", LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 25), new BigDecimal("50.00")));
        items.add(NewOpenItem.invoice(
                23, "RE-2026-000403", LocalDate.of(2026, 5, 27), LocalDate.of(2026, 6, 10), new BigDecimal("30.00")));
        items.add(NewOpenItem.capitalCall(
                24, "KA-2026-000404", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 20), new BigDecimal("100")));
        items.add(NewOpenItem.invoice(
                25, "RE-2026-000405", LocalDate.of(2026, 4, 17), LocalDate.of(2026, 5, 1), new BigDecimal("10.00")));
        var paid = billing.api(DemoLogins.FINANCE)
                .post(
                        "/api/payments",
                        "{\"amount\":10,\"bookedOn\":\"2026-05-02\",\"referenceText\":\"RE-2026-000405\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        // 15 June: 45, 21 and 26 days overdue reach the first level; 5 days overdue and the paid one do not
        var first = run();
        assertThat(first.path("runOn").asText()).isEqualTo("2026-06-15");
        assertThat(notices(first)).containsExactly("RE-2026-000401@1", "RE-2026-000402@1", "KA-2026-000404@1");
        assertThat(first.at("/notices/0/fee").decimalValue()).isZero();
        assertThat(first.at("/notices/0/feeDocumentNumber").isNull()).isTrue();
        assertThat(notices(run())).as("the same day again").isEmpty();
        assertThat(count("select count(*) from dunning_notice")).isEqualTo(3);

        var overview = billing.api(DemoLogins.BOARD).get("/api/dunning");
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        assertThat(overview.json().path("levels")).hasSize(3);
        var byNumber = new java.util.HashMap<String, JsonNode>();
        overview.json()
                .path("items")
                .forEach(i -> byNumber.put(i.path("documentNumber").asText(), i));
        assertThat(byNumber).containsOnlyKeys("RE-2026-000401", "RE-2026-000402", "RE-2026-000403", "KA-2026-000404");
        assertThat(byNumber.get("RE-2026-000401").path("nextLevelOn").asText())
                .as("28 days after due passed, but 14 days after the first notice")
                .isEqualTo("2026-06-29");
        assertThat(byNumber.get("RE-2026-000403").path("nextLevelOn").asText()).isEqualTo("2026-06-24");

        // 1 July: the member of RE-2026-000402 has paid; the others move on one level, fees charged
        billing.restartOn(JULY_1);
        var payment = billing.api(DemoLogins.FINANCE)
                .post(
                        "/api/payments",
                        "{\"amount\":50,\"bookedOn\":\"2026-06-30\",\"referenceText\":\"RE-2026-000402 Mahnung\"}");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        var second = run();
        assertThat(notices(second)).containsExactly("RE-2026-000401@2", "RE-2026-000403@1", "KA-2026-000404@2");
        assertThat(second.at("/notices/0/fee").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(second.at("/notices/0/feeDocumentNumber").asText()).isEqualTo("RE-2026-000401-M2");
        assertThat(notices(run())).isEmpty();
        assertThat(notices(run())).isEmpty();

        assertThat(count("select count(*) from open_item where document_type = 'DUNNING_FEE'"))
                .isEqualTo(2);
        var fee = billing.items().byDocumentNumber("RE-2026-000401-M2").orElseThrow();
        assertThat(fee.memberNumber()).isEqualTo(21);
        assertThat(fee.dueOn()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(fee.refersTo()).isEqualTo("RE-2026-000401");
        var account =
                billing.api(DemoLogins.FINANCE).get("/api/members/21/account").json();
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("205.00");
        assertThat(count("select count(*) from dunning_notice where open_item_id = (select id from open_item"
                        + " where document_number = 'RE-2026-000401')"))
                .isEqualTo(2);
    }

    @Test
    void financeRunsDunningTheBoardLooksOn() {
        assertThat(billing.api(DemoLogins.BOARD).post("/api/dunning-runs", "").status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_1)
                        .post("/api/dunning-runs", "")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/dunning").status())
                .isEqualTo(403);
        assertThat(billing.billing().api().get("/api/dunning").status()).isEqualTo(401);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/dunning").status()).isEqualTo(200);
    }
}
