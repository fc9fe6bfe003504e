package org.allmende.billing.intake;

import static org.allmende.billing.ContractProducer.admitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.junit.jupiter.api.Test;

/** Billing resumes from its stored offsets after a stop, and instances in one group share the partitions. */
class RestartAndScaleOutIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static long count(RunningBillingService billing, String sql) {
        return billing.jdbc().queryForObject(sql, Long.class);
    }

    private static void assertExactly(RunningBillingService billing, long members) {
        assertThat(count(billing, "select count(*) from member")).isEqualTo(members);
        assertThat(count(billing, "select count(distinct member_number) from member"))
                .isEqualTo(members);
        assertThat(count(billing, "select count(*) from applied_event")).isEqualTo(members);
        assertThat(count(billing, "select coalesce(sum(next_offset), 0) from consumer_offset"))
                .isEqualTo(members);
        assertThat(count(billing, "select count(*) from parked_record")).isZero();
    }

    @Test
    void billingStoppedMidStreamResumesWithoutLossOrDoubleCount() {
        var database = SharedInfrastructure.unique("billing");
        try (var topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 6)) {
            for (long n = 1; n <= 2000; n++) {
                topic.send(admitted(n));
            }
            var billing = RunningBillingService.start(database, topic.topic());
            await().atMost(PATIENCE).until(() -> count(billing, "select count(*) from member") > 0);
            billing.close();

            for (long n = 2001; n <= 4000; n++) {
                topic.send(admitted(n));
            }
            try (var restarted = RunningBillingService.start(database, topic.topic())) {
                await().atMost(PATIENCE).until(() -> count(restarted, "select count(*) from member") == 4000);
                await().atMost(PATIENCE)
                        .until(() ->
                                count(restarted, "select coalesce(sum(next_offset), 0) from consumer_offset") == 4000);
                assertExactly(restarted, 4000);
            }
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorTakesOverFromTheStoredOffsets() {
        var database = SharedInfrastructure.unique("billing");
        try (var topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 6)) {
            for (long n = 1; n <= 600; n++) {
                topic.send(admitted(n));
            }
            var first = RunningBillingService.start(database, topic.topic());
            try (var second = RunningBillingService.start(database, topic.topic())) {
                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(assigned(first)).isPositive();
                    assertThat(assigned(second)).isPositive();
                    assertThat(assigned(first) + assigned(second)).isEqualTo(6);
                });
                await().atMost(PATIENCE).until(() -> count(second, "select count(*) from member") == 600);

                first.close();
                for (long n = 601; n <= 1200; n++) {
                    topic.send(admitted(n));
                }

                await().atMost(PATIENCE).until(() -> assigned(second) == 6);
                await().atMost(PATIENCE)
                        .until(() ->
                                count(second, "select coalesce(sum(next_offset), 0) from consumer_offset") == 1200);
                assertExactly(second, 1200);
            }
        }
    }

    private static int assigned(RunningBillingService billing) {
        return billing.api(DemoLogins.ADMIN)
                .get("/api/intake")
                .json()
                .path("assignedPartitions")
                .size();
    }
}
