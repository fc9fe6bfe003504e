package org.allmende.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * A meter that speaks Kafka: {@link UsageRecorded} in the contract's wire format (JSON by {@link EventJson}, the
 * headers of {@link Headers}, the member number as key), each send with a fresh event id, as a meter sending a
 * record again does. Asynchronous, acks=all and idempotent; {@link #flush} waits for the broker's acknowledgements.
 */
final class UsageProducer implements AutoCloseable {

    private static final EventType TYPE =
            ContractEvents.byClass(UsageRecorded.class).orElseThrow();

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    UsageProducer(String bootstrapServers, String topic) {
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
        var record = new ProducerRecord<>(topic, Long.toString(usage.memberNumber()), EventJson.write(usage));
        record.headers().add(Headers.EVENT_TYPE, TYPE.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        Headers.SCHEMA_VERSION,
                        Integer.toString(TYPE.schemaVersion()).getBytes(StandardCharsets.UTF_8));
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
