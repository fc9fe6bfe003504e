package org.allmende.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.EventType;
import org.allmende.events.wire.Headers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Contract events onto a topic in the contract's wire format (JSON by {@link EventJson}, the headers of
 * {@link Headers}), each send with a fresh event id: usage as a meter that speaks Kafka sends it (the member number as
 * key), membership's events as its relay sends them (the event's subject as key). Asynchronous, acks=all and
 * idempotent; {@link #flush} waits for the broker's acknowledgements.
 */
final class EventProducer implements AutoCloseable {

    private static final Map<Class<?>, EventType> TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    EventProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    void send(UsageRecorded usage) {
        send(Long.toString(usage.memberNumber()), usage);
    }

    void send(MembershipEvent event) {
        send(event.subject().toString(), event);
    }

    private void send(String key, Object event) {
        var type = TYPES.computeIfAbsent(
                event.getClass(), c -> ContractEvents.byClass(c).orElseThrow());
        var record = new ProducerRecord<>(topic, key, EventJson.write(event));
        record.headers().add(Headers.EVENT_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        Headers.SCHEMA_VERSION,
                        Integer.toString(type.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    /** Waits until the broker acknowledged every record sent; fails if any was refused. */
    void flush() {
        producer.flush();
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    failures.get() + " usage records not acknowledged by the broker", firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
