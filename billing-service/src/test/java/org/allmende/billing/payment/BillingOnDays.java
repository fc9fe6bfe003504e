package org.allmende.billing.payment;

import static org.allmende.billing.ContractProducer.admitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;

/**
 * A billing service with its clock fixed on a day, its members admitted through the membership topic, and a way
 * to let days pass: {@link #restartOn} starts it again on the same database with the clock moved on.
 */
final class BillingOnDays implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ContractProducer membership;
    private final String database = SharedInfrastructure.unique("billing");
    private final String usageTopic = SharedInfrastructure.unique("usage_topic");
    private final Map<String, String> properties;
    private RunningBillingService billing;

    private BillingOnDays(String now, Map<String, String> properties, List<Long> members) {
        this.properties = properties;
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        billing = startOn(now);
        members.forEach(number -> membership.send(admitted(number)));
        await().atMost(PATIENCE).until(() -> billing.consumed() == members.size());
    }

    /** On the day of {@code now} (an instant), with these members and extra properties. */
    static BillingOnDays start(String now, Map<String, String> properties, List<Long> members) {
        return new BillingOnDays(now, properties, members);
    }

    private RunningBillingService startOn(String now) {
        var all = new HashMap<>(properties);
        all.put("allmende.clock.fixed", now);
        return RunningBillingService.start(database, membership.topic(), usageTopic, all);
    }

    /** Days pass: the same service and database, the clock at {@code now}. */
    void restartOn(String now) {
        billing.close();
        billing = startOn(now);
    }

    /** Sends what membership would, under a fresh event id (returned), and waits until billing has taken it in. */
    String send(org.allmende.events.membership.MembershipEvent event) {
        var before = billing.consumed();
        var eventId = membership.send(event);
        await().atMost(PATIENCE).until(() -> billing.consumed() > before);
        return eventId;
    }

    /** The same event again under the same id, as a redelivery would; waits until billing has read it. */
    void sendAgain(org.allmende.events.membership.MembershipEvent event, String eventId) {
        var before = billing.consumed();
        membership.send(event, eventId);
        await().atMost(PATIENCE).until(() -> billing.consumed() > before);
    }

    /** Billing's facts as a consumer of the contract reads them, until {@code count} distinct events are there. */
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> facts(
            java.util.function.Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>>
                    enough) {
        return org.allmende.devinfra.TopicProbe.readUntil(RunningBillingService.factsTopic(database), PATIENCE, enough);
    }

    RunningBillingService billing() {
        return billing;
    }

    ApiClient api(DemoLogins.Login login) {
        return billing.api(login);
    }

    ApiClient finance() {
        return billing.api(DemoLogins.FINANCE);
    }

    OpenItems items() {
        return billing.bean(OpenItems.class);
    }

    BigDecimal open(String documentNumber) {
        return items().byDocumentNumber(documentNumber).orElseThrow().openAmount();
    }

    /** Imports a statement from the test resources; 200 expected. */
    JsonNode importStatement(String resource, String contentType) {
        var response = finance().post("/api/bank-statements", contentType, CamtStatementsTest.resource(resource));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    long count(String sql) {
        return billing.jdbc().queryForObject(sql, Long.class);
    }

    @Override
    public void close() {
        billing.close();
        membership.close();
    }
}
