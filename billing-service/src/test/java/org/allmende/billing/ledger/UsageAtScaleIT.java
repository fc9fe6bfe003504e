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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Usage in bulk: thousands of records with duplicates and reversals in the same polls count exactly once; usage of an
 * invoiced period that arrives later is marked for the next run; a rebuild from offset 0 ends where the live intake
 * stood; a billing-service stopped mid-stream resumes without loss or double count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageAtScaleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private static String database;
    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;
    /** What the meter sent, in order: first of each key counts. */
    private static final List<UsageRecorded> SENT = new ArrayList<>();

    private static UsageRecorded record(String id, long member, String quantity, LocalDate day, String reverses) {
        return new UsageRecorded(
                "print-fleet", id, member, "PRINT-PAGES", new BigDecimal(quantity), "PAGE", day, day, reverses);
    }

    private static long count(RunningBillingService service, String sql) {
        return service.jdbc().queryForObject(sql, Long.class);
    }

    private static long offsets(RunningBillingService service) {
        return count(service, "select coalesce(sum(next_offset), 0) from consumer_offset");
    }

    private static void send(List<UsageRecorded> records) {
        usage.sendUsage(records);
        SENT.addAll(records);
    }

    /** The daily totals the meter's records must add up to: each key once, reversals subtracted, rejects left out. */
    private static Map<String, BigDecimal> expectedDaily(List<UsageRecorded> sent, java.util.Set<String> rejected) {
        var seen = new HashSet<String>();
        var totals = new TreeMap<String, BigDecimal>();
        for (var record : sent) {
            if (!seen.add(record.recordId()) || rejected.contains(record.recordId())) {
                continue;
            }
            var signed = record.reversesRecordId() == null
                    ? record.quantity()
                    : record.quantity().negate();
            totals.merge(record.memberNumber() + "/" + record.usedFrom(), signed, BigDecimal::add);
        }
        totals.replaceAll((k, v) -> v.stripTrailingZeros());
        return totals;
    }

    private static Map<String, BigDecimal> actualDaily(RunningBillingService service) {
        var totals = new TreeMap<String, BigDecimal>();
        service.jdbc().query("select member_number, day, quantity from usage_daily", row -> {
            totals.put(
                    row.getLong(1) + "/" + row.getDate(2).toLocalDate(),
                    row.getBigDecimal(3).stripTrailingZeros());
        });
        totals.values().removeIf(v -> v.signum() == 0);
        return totals;
    }

    @BeforeAll
    static void start() {
        database = SharedInfrastructure.unique("billing");
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 4);
        billing = RunningBillingService.start(database, membership.topic(), usage.topic());
        membership.send(admitted(1));
        membership.send(admitted(2));
        membership.send(defined("PRINT-PAGES", PAGE, SERVICE, LocalDate.of(2026, 1, 1)));
        membership.send(subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)));
        membership.send(subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)));
        await().atMost(PATIENCE).until(() -> offsets(billing) == 5);
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    @Test
    @Order(1)
    void thousandsOfRecordsWithDuplicatesAndReversalsInTheSamePollsCountOnce() {
        var records = new ArrayList<UsageRecorded>();
        for (int i = 1; i <= 3000; i++) {
            records.add(record("r-" + i, 1 + i % 2, (i % 7 + 1) + "." + (i % 4) * 25, MARCH_1.plusDays(i % 31), null));
        }
        for (int i = 1; i <= 60; i++) {
            // sent again, even with another quantity: the first of the key counts
            records.add(record("r-" + (i * 40), 1 + (i * 40) % 2, "999", MARCH_1, null));
        }
        var r10 = records.get(9);
        var r20 = records.get(19);
        var r30 = records.get(29);
        records.add(record("rev-10", r10.memberNumber(), r10.quantity().toPlainString(), r10.usedFrom(), "r-10"));
        records.add(record("rev-20a", r20.memberNumber(), "1", r20.usedFrom(), "r-20"));
        records.add(record(
                "rev-20b",
                r20.memberNumber(),
                r20.quantity().subtract(BigDecimal.ONE).toPlainString(),
                r20.usedFrom(),
                "r-20"));
        records.add(record("rev-30a", r30.memberNumber(), r30.quantity().toPlainString(), r30.usedFrom(), "r-30"));
        records.add(record("rev-30b", r30.memberNumber(), "0.25", r30.usedFrom(), "r-30"));
        records.add(record("rev-unknown", 1, "1", MARCH_1, "r-999999"));
        send(records);

        await().atMost(PATIENCE).until(() -> offsets(billing) == 5 + records.size());
        var rejected =
                billing.api(DemoLogins.FINANCE).get("/api/rejected-usage").json();
        assertThat(rejected.findValuesAsText("recordId")).containsExactlyInAnyOrder("rev-30b", "rev-unknown");
        assertThat(rejected.findValuesAsText("rule"))
                .containsExactlyInAnyOrder("reversal-above-original", "reversal-of-unknown-record");
        assertThat(count(billing, "select count(*) from usage_record")).isEqualTo(3000 + 4);
        assertThat(actualDaily(billing)).isEqualTo(expectedDaily(SENT, java.util.Set.of("rev-30b", "rev-unknown")));
        assertThat(count(billing, "select count(*) from parked_record")).isZero();
    }

    @Test
    @Order(2)
    void usageOfAnInvoicedPeriodArrivingLaterIsMarkedForTheNextRun() {
        billing.bean(UsageLedger.class)
                .periodInvoiced(
                        1, MARCH_1, LocalDate.of(2026, 3, 31), "RE-2026-000001", "billing-" + database, usage.topic());
        var before = offsets(billing);
        var memberOnesFirst =
                SENT.stream().filter(r -> r.memberNumber() == 1).findFirst().orElseThrow();
        var late = List.of(
                record("late-march", 1, "12", LocalDate.of(2026, 3, 15), null),
                record("late-april", 1, "3", LocalDate.of(2026, 4, 2), null),
                record("late-other-member", 2, "4", LocalDate.of(2026, 3, 15), null),
                record("late-reversal", 1, "1", memberOnesFirst.usedFrom(), memberOnesFirst.recordId()));
        send(late);

        await().atMost(PATIENCE).until(() -> offsets(billing) == before + late.size());
        var marked = billing.api(DemoLogins.FINANCE).get("/api/late-usage").json();
        assertThat(marked.findValuesAsText("recordId")).containsExactlyInAnyOrder("late-march", "late-reversal");
        assertThat(marked.findValuesAsText("invoicedBy")).containsOnly("RE-2026-000001");
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/late-usage?member=2")
                        .json())
                .isEmpty();
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/late-usage").status())
                .isEqualTo(403);
    }

    @Test
    @Order(3)
    void aRebuildFromOffsetZeroEndsWhereTheLiveIntakeStood() {
        var daily = actualDaily(billing);
        var records = count(billing, "select count(*) from usage_record");
        var late = billing.api(DemoLogins.FINANCE).get("/api/late-usage").json().toString();
        var rejected = billing.api(DemoLogins.FINANCE)
                .get("/api/rejected-usage")
                .json()
                .findValuesAsText("recordId");
        var offsets = offsets(billing);

        assertThat(billing.api(DemoLogins.FINANCE)
                        .post("/api/admin/usage/rebuild", Map.of())
                        .status())
                .isEqualTo(403);
        var rebuild = billing.api(DemoLogins.ADMIN).post("/api/admin/usage/rebuild", Map.of());

        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> offsets(billing) == offsets);
        assertThat(count(billing, "select count(*) from usage_record")).isEqualTo(records);
        assertThat(actualDaily(billing)).isEqualTo(daily);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/late-usage").json().toString())
                .isEqualTo(late);
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/rejected-usage")
                        .json()
                        .findValuesAsText("recordId"))
                .containsExactlyInAnyOrderElementsOf(rejected);
    }

    @Test
    void billingStoppedMidStreamResumesWithoutLossOrDoubleCount() {
        var db = SharedInfrastructure.unique("billing");
        try (var members = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
                var meter = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 6)) {
            members.send(admitted(7));
            members.send(defined("PRINT-PAGES", PAGE, SERVICE, LocalDate.of(2026, 1, 1)));
            members.send(subscribed(7, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)));
            var first = new ArrayList<UsageRecorded>();
            for (int i = 0; i < 12_000; i++) {
                first.add(record("m-" + i, 7, "1.5", MARCH_1.plusDays(i % 30), null));
            }
            meter.sendUsage(first);
            var service = RunningBillingService.start(db, members.topic(), meter.topic());
            await().atMost(PATIENCE).until(() -> count(service, "select count(*) from usage_record") > 0);
            service.close();

            var second = new ArrayList<UsageRecorded>();
            for (int i = 6_000; i < 18_000; i++) { // half of them known already
                second.add(record("m-" + i, 7, "1.5", MARCH_1.plusDays(i % 30), null));
            }
            meter.sendUsage(second);
            try (var restarted = RunningBillingService.start(db, members.topic(), meter.topic())) {
                await().atMost(PATIENCE).until(() -> offsets(restarted) == 3 + 24_000);
                assertThat(count(restarted, "select count(*) from usage_record"))
                        .isEqualTo(18_000);
                assertThat(restarted.jdbc().queryForObject("select sum(quantity) from usage_daily", BigDecimal.class))
                        .isEqualByComparingTo("27000");
                assertThat(count(restarted, "select count(*) from parked_record"))
                        .isZero();
                assertThat(count(restarted, "select count(*) from rejected_usage"))
                        .isZero();
            }
        }
    }
}
