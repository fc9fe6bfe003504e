package org.allmende.billing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.BodyKind;
import org.allmende.events.membership.CatalogServiceDefined;
import org.allmende.events.membership.CatalogServiceVersionPublished;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.membership.PostalAddress;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.membership.SubscriptionCancelled;
import org.allmende.events.membership.SubscriptionQuantityChanged;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on a topic the way a producer of the contract does (or, on purpose, the way it must not). */
public final class ContractProducer implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    public ContractProducer(String topic, int partitions) {
        this.topic = topic;
        var bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    public static UUID memberId(long memberNumber) {
        return UUID.nameUUIDFromBytes(("member-" + memberNumber).getBytes(StandardCharsets.UTF_8));
    }

    public static MemberAdmitted admitted(long memberNumber) {
        return new MemberAdmitted(
                memberId(memberNumber),
                memberNumber,
                UUID.nameUUIDFromBytes(("application-" + memberNumber).getBytes(StandardCharsets.UTF_8)),
                "Gemeinde " + memberNumber,
                BodyKind.MUNICIPALITY,
                new PostalAddress("Hauptstraße " + memberNumber, "34117", "Kassel", "DE"),
                (int) (memberNumber % 20) + 1,
                LocalDate.of(2026, 1, 1).plusDays(memberNumber % 300),
                "06611000",
                1000 * memberNumber,
                LocalDate.of(2025, 12, 31),
                (int) memberNumber,
                "991-33333TEST-33");
    }

    public static CatalogServiceDefined defined(String code, ServiceUnit unit, ServiceKind kind, LocalDate from) {
        return new CatalogServiceDefined(serviceId(code), code, "Service " + code, unit, kind, from);
    }

    public static CatalogServiceVersionPublished versionPublished(
            String code, int version, String name, ServiceUnit unit, ServiceKind kind, LocalDate from) {
        return new CatalogServiceVersionPublished(serviceId(code), code, version, name, unit, kind, from);
    }

    public static ServiceSubscribed subscribed(long memberNumber, String code, int quantity, LocalDate from) {
        return new ServiceSubscribed(memberId(memberNumber), memberNumber, code, quantity, from);
    }

    public static SubscriptionQuantityChanged quantityChanged(
            long memberNumber, String code, int quantity, LocalDate from) {
        return new SubscriptionQuantityChanged(memberId(memberNumber), memberNumber, code, quantity, from);
    }

    public static SubscriptionCancelled cancelled(long memberNumber, String code, LocalDate lastDay) {
        return new SubscriptionCancelled(memberId(memberNumber), memberNumber, code, lastDay);
    }

    private static UUID serviceId(String code) {
        return UUID.nameUUIDFromBytes(("service:" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a contract event with a fresh event id; returns the event id. */
    public String send(MembershipEvent event) {
        var eventId = UUID.randomUUID().toString();
        send(event, eventId);
        return eventId;
    }

    /** Sends a contract event under a given event id, e.g. once more as a redelivery would. */
    public void send(MembershipEvent event, String eventId) {
        var type = ContractEvents.byClass(event.getClass()).orElseThrow();
        send(
                event.subject().toString(),
                type.name(),
                eventId,
                Integer.toString(type.schemaVersion()),
                EventJson.write(event));
    }

    /** Sends usage as a meter does: keyed by member number, a fresh event id each; waits for every acknowledgement. */
    public void sendUsage(List<UsageRecorded> usage) {
        var sent = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (var record : usage) {
            var kafkaRecord =
                    new ProducerRecord<>(topic, Long.toString(record.memberNumber()), EventJson.write(record));
            kafkaRecord.headers().add(Headers.EVENT_TYPE, "UsageRecorded".getBytes(StandardCharsets.UTF_8));
            kafkaRecord
                    .headers()
                    .add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            kafkaRecord.headers().add(Headers.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(kafkaRecord));
        }
        try {
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a usage record the way a meter that speaks Kafka does: keyed by member number, a fresh event id. */
    public void send(UsageRecorded usage) {
        send(
                Long.toString(usage.memberNumber()),
                "UsageRecorded",
                UUID.randomUUID().toString(),
                "1",
                EventJson.write(usage));
    }

    public void send(String key, String type, String eventId, String schemaVersion, byte[] payload) {
        var record = new ProducerRecord<>(topic, key, payload);
        if (type != null) {
            record.headers().add(Headers.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        if (eventId != null) {
            record.headers().add(Headers.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        if (schemaVersion != null) {
            record.headers().add(Headers.SCHEMA_VERSION, schemaVersion.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close();
    }
}
