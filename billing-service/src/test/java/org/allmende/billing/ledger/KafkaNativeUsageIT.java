package org.allmende.billing.ledger;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.allmende.events.membership.ServiceKind.SERVICE;
import static org.allmende.events.membership.ServiceUnit.PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Meters that speak Kafka write usage straight onto the usage topic: billing counts each record once per
 * (sending system, record id), applies reversals, and keeps what breaks a rule in the rejected-usage list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaNativeUsageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;
    private static final List<UsageRecorded> RECORDS = new ArrayList<>();

    private static UsageRecorded record(
            String id, long member, String unit, String quantity, LocalDate day, String reverses) {
        return new UsageRecorded(
                "print-fleet", id, member, "PRINT-PAGES", new BigDecimal(quantity), unit, day, day, reverses);
    }

    private static void send(UsageRecorded record) {
        usage.send(
                Long.toString(record.memberNumber()),
                "UsageRecorded",
                UUID.randomUUID().toString(),
                "1",
                EventJson.write(record));
    }

    private static long offsets() {
        return billing.jdbc().queryForObject("select coalesce(sum(next_offset), 0) from consumer_offset", Long.class);
    }

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 3);
        billing =
                RunningBillingService.start(SharedInfrastructure.unique("billing"), membership.topic(), usage.topic());
        membership.send(admitted(1));
        membership.send(admitted(2));
        membership.send(defined("PRINT-PAGES", PAGE, SERVICE, LocalDate.of(2026, 1, 1)));
        membership.send(subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 3, 1)));
        await().atMost(PATIENCE).until(() -> offsets() == 4);

        RECORDS.addAll(List.of(
                record("r1", 1, "PAGE", "100", MARCH_10, null),
                record("r2", 1, "PAGE", "200", MARCH_10, null),
                record("r3", 1, "PAGE", "100", MARCH_10, "r1"),
                record("r4", 99, "PAGE", "5", MARCH_10, null),
                record("r5", 2, "PAGE", "5", MARCH_10, null),
                record("r6", 1, "GB_MONTH", "5", MARCH_10, null),
                record("r7", 1, "PAGE", "-5", MARCH_10, null),
                record("r8", 1, "PAGE", "5", LocalDate.of(2026, 2, 1), null)));
        for (var record : RECORDS) {
            send(record);
        }
        send(RECORDS.get(0)); // the meter sent r1 again, with a new event id
        await().atMost(PATIENCE).until(() -> offsets() == 4 + RECORDS.size() + 1);
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    private static String march(long member, DemoLogins.Login login) {
        return billing.api(login)
                .get("/api/members/" + member + "/usage?from=2026-03-01&to=2026-03-31")
                .json()
                .toString();
    }

    @Test
    void validUsageCountsOnceAndAReversalTakesItsOriginalBack() {
        assertThat(march(1, DemoLogins.FINANCE))
                .isEqualTo(
                        "[{\"serviceCode\":\"PRINT-PAGES\",\"day\":\"2026-03-10\",\"quantity\":200,\"unit\":\"PAGE\"}]");
        assertThat(billing.jdbc().queryForObject("select count(*) from usage_record", Long.class))
                .isEqualTo(3);
        assertThat(billing.jdbc().queryForObject("select count(*) from parked_record", Long.class))
                .isZero();
    }

    @Test
    void whatBreaksARuleIsKeptWithTheRuleForFinance() {
        var rejected =
                billing.api(DemoLogins.FINANCE).get("/api/rejected-usage").json();

        assertThat(rejected.findValuesAsText("recordId")).containsExactlyInAnyOrder("r4", "r5", "r6", "r7", "r8");
        assertThat(rejected.findValuesAsText("rule"))
                .containsExactlyInAnyOrder(
                        "member-not-active",
                        "not-subscribed",
                        "wrong-unit",
                        "quantity-out-of-bounds",
                        "not-subscribed");
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/rejected-usage").status())
                .isEqualTo(403);
    }

    @Test
    void aMemberSeesItsOwnUsageAndNoOneElses() {
        var own = billing.api(DemoLogins.MEMBER_1).get("/api/me/usage?from=2026-03-01&to=2026-03-31");

        assertThat(own.json().findValuesAsText("serviceCode")).containsExactly("PRINT-PAGES");
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/members/2/usage").status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_2)
                        .get("/api/me/usage?from=2026-03-01&to=2026-03-31")
                        .json())
                .isEmpty();
    }

    @Test
    void everythingDeliveredAgainChangesNothing() {
        var before = march(1, DemoLogins.FINANCE);
        var offsets = offsets();

        for (var record : RECORDS) {
            send(record);
        }

        await().atMost(PATIENCE).until(() -> offsets() == offsets + RECORDS.size());
        assertThat(march(1, DemoLogins.FINANCE)).isEqualTo(before);
        assertThat(billing.jdbc().queryForObject("select count(*) from rejected_usage", Long.class))
                .isEqualTo(5);
    }

    /** Runs last: it changes what the other tests read. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRecordIsCountedOnceItsSubscriptionArrivesAndFinanceDismissesAnother() {
        var finance = billing.api(DemoLogins.FINANCE);
        var stillBroken = finance.post(
                "/api/rejected-usage/recheck", java.util.Map.of("sendingSystem", "print-fleet", "recordId", "r5"));
        assertThat(stillBroken.status()).isEqualTo(409);
        assertThat(stillBroken.json().path("rule").asText()).isEqualTo("not-subscribed");

        // member 2's subscription arrives late, after its usage (the two topics are not ordered against each other)
        membership.send(subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 3, 1)));
        await().atMost(PATIENCE).until(() -> march(2, DemoLogins.FINANCE).contains("\"quantity\":5"));
        var dismissed = finance.post(
                "/api/rejected-usage/dismissal",
                java.util.Map.of(
                        "sendingSystem", "print-fleet", "recordId", "r4", "reason", "test meter, not a member"));
        var noReason = finance.post(
                "/api/rejected-usage/dismissal", java.util.Map.of("sendingSystem", "print-fleet", "recordId", "r6"));

        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(finance.get("/api/rejected-usage").json().findValuesAsText("recordId"))
                .containsExactlyInAnyOrder("r6", "r7", "r8");
        assertThat(billing.jdbc()
                        .queryForObject(
                                "select resolved_by from rejected_usage where record_id = 'r5' and status = 'ACCEPTED'",
                                String.class))
                .isEqualTo("billing");
        assertThat(finance.post(
                                "/api/rejected-usage/recheck",
                                java.util.Map.of("sendingSystem", "print-fleet", "recordId", "r5"))
                        .status())
                .isEqualTo(404);
        assertThat(billing.api(DemoLogins.MEMBER_2)
                        .post(
                                "/api/rejected-usage/recheck",
                                java.util.Map.of("sendingSystem", "print-fleet", "recordId", "r7"))
                        .status())
                .isEqualTo(403);
    }
}
