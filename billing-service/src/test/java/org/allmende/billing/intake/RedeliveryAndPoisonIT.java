package org.allmende.billing.intake;

import static org.allmende.billing.ContractProducer.admitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.wire.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Billing applies each event once, whatever is redelivered, and parks what it cannot apply without stopping. */
class RedeliveryAndPoisonIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private String database;
    private ContractProducer topic;
    private RunningBillingService billing;

    @BeforeEach
    void start() {
        database = SharedInfrastructure.unique("billing");
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        billing = RunningBillingService.start(database, topic.topic());
    }

    @AfterEach
    void stop() {
        billing.close();
        topic.close();
    }

    private List<JsonNode> members() {
        var response = billing.api(DemoLogins.FINANCE).get("/api/members");
        assertThat(response.status()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        response.json().forEach(list::add);
        return list;
    }

    private List<JsonNode> parked(String status) {
        var list = new ArrayList<JsonNode>();
        billing.api(DemoLogins.ADMIN)
                .get("/api/parked-records?status=" + status)
                .json()
                .forEach(list::add);
        return list;
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        var event = admitted(101);
        var eventId = topic.send(event);
        topic.send(event.subject().toString(), "MemberAdmitted", eventId, "1", EventJson.write(event));
        topic.send(admitted(102));

        await().atMost(PATIENCE).until(() -> members().size() == 2);
        await().atMost(PATIENCE)
                .until(() -> billing.jdbc()
                                .queryForObject("select coalesce(sum(next_offset), 0) from consumer_offset", Long.class)
                        == 3);
        assertThat(members()).extracting(m -> m.get("memberNumber").asLong()).containsExactly(101L, 102L);
        assertThat(parked("PARKED")).isEmpty();
    }

    @Test
    void offsetsRewoundToZeroChangeNothing() {
        for (long n = 1; n <= 30; n++) {
            topic.send(admitted(n));
        }
        await().atMost(PATIENCE).until(() -> members().size() == 30);
        var before = members();
        billing.close();

        var jdbc = org.allmende.devinfra.SharedInfrastructure.postgres();
        try (var connection =
                java.sql.DriverManager.getConnection(jdbc.jdbcUrl(database), jdbc.user(), jdbc.password())) {
            connection.createStatement().executeUpdate("update consumer_offset set next_offset = 0");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        billing = RunningBillingService.start(database, topic.topic());

        await().atMost(PATIENCE)
                .until(() -> billing.jdbc()
                                .queryForObject("select coalesce(sum(next_offset), 0) from consumer_offset", Long.class)
                        == 30);
        assertThat(members()).isEqualTo(before);
        assertThat(parked("PARKED")).isEmpty();
    }

    @Test
    void poisonIsParkedOtherMembersFlowAndTheMembersLaterEventsWaitUntilRetried() {
        var poisoned = UUID.randomUUID().toString();
        topic.send(
                poisoned,
                "MemberAdmitted",
                UUID.randomUUID().toString(),
                "1",
                "{\"memberId\": ".getBytes(StandardCharsets.UTF_8));
        var stranger = UUID.randomUUID().toString();
        topic.send(
                stranger, "MemberExploded", UUID.randomUUID().toString(), "1", "{}".getBytes(StandardCharsets.UTF_8));
        var future = admitted(7);
        topic.send(
                future.subject().toString(),
                "MemberAdmitted",
                UUID.randomUUID().toString(),
                "2",
                EventJson.write(future));
        topic.send(admitted(1));
        topic.send(admitted(2));
        // a later event for the poisoned key: must wait behind the parked record
        var later = admitted(3);
        topic.send(poisoned, "MemberAdmitted", UUID.randomUUID().toString(), "1", EventJson.write(later));

        await().atMost(PATIENCE).until(() -> parked("PARKED").size() == 4);
        assertThat(members()).extracting(m -> m.get("memberNumber").asLong()).containsExactly(1L, 2L);
        var reasons =
                parked("PARKED").stream().map(p -> p.get("reason").asText()).toList();
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r).contains("not a valid MemberAdmitted"))
                .anySatisfy(r -> assertThat(r).contains("unknown event type MemberExploded"))
                .anySatisfy(r -> assertThat(r).contains("schema version 2"))
                .anySatisfy(r -> assertThat(r).startsWith("waiting behind parked record"));
        var metrics = billing.api(DemoLogins.ADMIN)
                .get("/actuator/prometheus", "text/plain")
                .body();
        assertThat(metrics).contains("allmende_intake_parked_open 4.0");

        var head = parked("PARKED").stream()
                .filter(p -> p.get("key").asText().equals(poisoned)
                        && p.get("blockedBy").isNull())
                .findFirst()
                .orElseThrow();
        var waiting = parked("PARKED").stream()
                .filter(p -> p.get("key").asText().equals(poisoned)
                        && !p.get("blockedBy").isNull())
                .findFirst()
                .orElseThrow();

        var retryTheWaitingOne =
                billing.api(DemoLogins.ADMIN).post("/api/parked-records/" + waiting.get("id") + "/retry", "");
        assertThat(retryTheWaitingOne.status()).isEqualTo(409);
        assertThat(retryTheWaitingOne.json().path("rule").asText()).isEqualTo("parked-record-not-first");

        var retried = billing.api(DemoLogins.ADMIN).post("/api/parked-records/" + head.get("id") + "/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get(0).get("status").asText()).isEqualTo("PARKED");
        assertThat(retried.json().get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(members()).hasSize(2);

        var financeMayNotDiscard = billing.api(DemoLogins.FINANCE)
                .post(
                        "/api/parked-records/" + head.get("id") + "/discard",
                        Map.of("reason", "truncated by a broken producer"));
        assertThat(financeMayNotDiscard.status()).isEqualTo(403);
        var discarded = billing.api(DemoLogins.ADMIN)
                .post(
                        "/api/parked-records/" + head.get("id") + "/discard",
                        Map.of("reason", "truncated by a broken producer"));
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(discarded.json().get(0).get("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.json().get(1).get("status").asText()).isEqualTo("APPLIED");
        assertThat(members()).extracting(m -> m.get("memberNumber").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(parked("PARKED")).hasSize(2);
    }

    @Test
    void badRequestsToTheIntakeApiAreClientErrorsThatChangeNothing() {
        var admin = billing.api(DemoLogins.ADMIN);

        var unknown = admin.post("/api/parked-records/424242/retry", "");
        var noReason = admin.post("/api/parked-records/424242/discard", Map.of());
        var notANumber = billing.api(DemoLogins.FINANCE).get("/api/members/zwölf");
        var malformed = admin.post("/api/parked-records/1/discard", "{\"reason\":");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().path("errors").get(0).path("field").asText())
                .isEqualTo("memberNumber");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(parked("DISCARDED")).isEmpty();
    }

    @Test
    void aRecordThatFailedOnStaleDataAppliesOnRetryOnceTheDataIsRepaired() {
        topic.send(admitted(1));
        await().atMost(PATIENCE).until(() -> members().size() == 1);
        // a second member under the same number breaks the unique member number: the handler fails
        var clash = new org.allmende.events.membership.MemberAdmitted(
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                "Gemeinde Doppelt",
                org.allmende.events.membership.BodyKind.MUNICIPALITY,
                new org.allmende.events.membership.PostalAddress("Weg 1", "34117", "Kassel", "DE"),
                1,
                java.time.LocalDate.of(2026, 2, 1),
                null,
                null,
                null,
                null,
                null);
        topic.send(clash);
        await().atMost(PATIENCE).until(() -> parked("PARKED").size() == 1);
        var head = parked("PARKED").get(0);
        assertThat(head.get("reason").asText()).contains("could not be applied");

        billing.jdbc().update("update member set member_number = 1001 where member_number = 1");
        var retried = billing.api(DemoLogins.ADMIN).post("/api/parked-records/" + head.get("id") + "/retry", "");

        assertThat(retried.json().get(0).get("status").asText()).isEqualTo("APPLIED");
        assertThat(members()).extracting(m -> m.get("name").asText()).containsExactly("Gemeinde Doppelt", "Gemeinde 1");
        assertThat(parked("PARKED")).isEmpty();
    }
}
