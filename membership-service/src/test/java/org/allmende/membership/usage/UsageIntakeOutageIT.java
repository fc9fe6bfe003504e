package org.allmende.membership.usage;

import static org.allmende.membership.usage.UsageBatches.BATCHES;
import static org.allmende.membership.usage.UsageBatches.batch;
import static org.allmende.membership.usage.UsageBatches.outcomes;
import static org.allmende.membership.usage.UsageBatches.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.EventJson;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while a batch comes: the answer is 503 and still says for every record whether it was
 * taken, is a duplicate, breaks a rule or must be sent again; sent again once the broker is back, exactly the
 * records that were not stored are taken. A broker of this test's own, so that stopping it disturbs no other test.
 */
class UsageIntakeOutageIT {

    private static final String TODAY = "2026-03-02";

    private static LocalKafka kafka;
    private static RunningMembershipService service;
    private static String usageTopic;
    private static ApiClient meter;
    private static long member;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.startTemporary();
        usageTopic = SharedInfrastructure.unique("usage_topic");
        service = RunningMembershipService.start(
                SharedInfrastructure.unique("membership"),
                SharedInfrastructure.unique("membership_topic"),
                Map.of(
                        "allmende.kafka.bootstrap-servers",
                        kafka.bootstrapServers(),
                        "allmende.usage.topic",
                        usageTopic,
                        "allmende.usage.acknowledgement-patience",
                        "PT6S",
                        "allmende.clock.fixed",
                        TODAY + "T09:00:00Z"));
        meter = service.api(DemoLogins.METER);
        member = UsageBatches.admit(service, "Stadt Funkloch");
        UsageBatches.subscribe(service, member, "PRINT-PAGES", TODAY);
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
    }

    @Test
    void whileTheBrokerIsDownTheAnswerNamesWhatToSendAgainAndSentAgainExactlyThatIsTaken() {
        var first = record("g-1", member, "PRINT-PAGES", "10", "PAGE", TODAY, TODAY);
        var second = record("g-2", member, "PRINT-PAGES", "20", "PAGE", TODAY, TODAY);
        assertThat(outcomes(meter.post(BATCHES, batch(first, second)))).containsExactly("g-1 ACCEPTED", "g-2 ACCEPTED");
        var third = record("g-3", member, "PRINT-PAGES", "30", "PAGE", TODAY, TODAY);
        var fourth = record("g-4", member, "PRINT-PAGES", "40", "PAGE", TODAY, TODAY);
        var wrong = record("g-5", member, "PRINT-PAGES", "50", "HOUR", TODAY, TODAY);
        var later = batch(first, second, third, fourth, wrong, third);

        kafka.stop();
        ApiClient.Response down;
        try {
            down = meter.post(BATCHES, later);
        } finally {
            kafka.start();
        }

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.json().path("type").asText()).isEqualTo("urn:allmende:problem:usage-not-stored");
        assertThat(down.json().path("rule").asText()).isEqualTo("usage-not-stored");
        assertThat(down.json().path("notStored").asInt()).isEqualTo(2);
        assertThat(outcomes(down))
                .containsExactly(
                        "g-1 DUPLICATE",
                        "g-2 DUPLICATE",
                        "g-3 NOT_STORED",
                        "g-4 NOT_STORED",
                        "g-5 REJECTED wrong-unit",
                        "g-3 DUPLICATE");

        // the broker answers again (this reads the topic through it); the same batch once more
        UsageBatches.readAll(kafka.bootstrapServers(), usageTopic);
        var back = meter.post(BATCHES, later);

        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(outcomes(back))
                .containsExactly(
                        "g-1 DUPLICATE",
                        "g-2 DUPLICATE",
                        "g-3 ACCEPTED",
                        "g-4 ACCEPTED",
                        "g-5 REJECTED wrong-unit",
                        "g-3 DUPLICATE");
        assertThat(UsageBatches.readAll(kafka.bootstrapServers(), usageTopic).stream()
                        .map(r -> EventJson.read(r.value(), UsageRecorded.class).recordId()))
                .containsExactlyInAnyOrder("g-1", "g-2", "g-3", "g-4");
    }
}
