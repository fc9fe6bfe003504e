package org.allmende.support.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The outbox relay (ADR 0005): sends contract events from a service's event store to its Kafka topic in the wire
 * format of ADR 0004. A service's tracking processor calls {@link #forward} for each event; the processor's token
 * advances in the same transaction as the batch, and only after the broker acknowledged every record of it
 * (acks=all, idempotent producer). A failure fails the batch, the processor retries it and never skips an event.
 * A retry may send a record again: consumers deduplicate by the event id header. Declared as a bean, it creates its
 * topic as soon as the service is ready.
 */
public final class KafkaRelay implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private static final long ACK_TIMEOUT_SECONDS = 12;

    private final String pendingKey;
    private final Producer<String, byte[]> producer;
    private final Topic topic;
    private final Counter forwarded;

    public KafkaRelay(RelaySettings settings, String clientId, MeterRegistry meters) {
        this.pendingKey = KafkaRelay.class.getName() + ".pending." + settings.topic();
        this.producer = new KafkaProducer<>(Map.<String, Object>ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, (Object) true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        this.topic = new Topic(settings);
        this.forwarded = Counter.builder("allmende.publisher.forwarded")
                .description("contract events acknowledged by Kafka")
                .tag("topic", topic.name())
                .register(meters);
    }

    public Topic topic() {
        return topic;
    }

    /** Creates the topic in the background when Kafka is there, so consumers can subscribe before the first event. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        CompletableFuture.runAsync(() -> {
            try {
                topic.ensureExists();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(KafkaRelay.class)
                        .warn(
                                "topic {} not created at start, will retry on first publish: {}",
                                topic.name(),
                                e.getMessage());
            }
        });
    }

    /**
     * Sends one contract event under {@code key}; the acknowledgement is awaited when the processor's unit of work
     * prepares to commit, together with the rest of its batch.
     */
    public void forward(String key, Object event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        topic.ensureExists();
        var type = ContractEvents.byClass(event.getClass())
                .orElseThrow(() -> new IllegalStateException(event.getClass() + " is not in the contract"));
        var record = new ProducerRecord<String, byte[]>(topic.name(), key, EventJson.write(event));
        record.headers()
                .add(Headers.EVENT_TYPE, bytes(type.name()))
                .add(Headers.EVENT_ID, bytes(message.getIdentifier()))
                .add(Headers.SCHEMA_VERSION, bytes(Integer.toString(type.schemaVersion())))
                .add(Headers.RECORDED_AT, bytes(message.getTimestamp().toString()));
        var correlationId = message.getMetaData().get("correlationId");
        if (correlationId != null) {
            record.headers().add(Headers.CORRELATION_ID, bytes(correlationId.toString()));
        }
        pendingOf(unitOfWork).add(producer.send(record));
    }

    private List<Future<RecordMetadata>> pendingOf(UnitOfWork<?> unitOfWork) {
        var root = unitOfWork.root();
        return root.getOrComputeResource(pendingKey, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> pending) {
        for (var send : pending) {
            try {
                send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailed("interrupted while waiting for Kafka", e);
            } catch (ExecutionException e) {
                throw new PublishingFailed(
                        "Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishingFailed("Kafka did not acknowledge within " + ACK_TIMEOUT_SECONDS + " s", e);
            }
        }
        forwarded.increment(pending.size());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }

    static class PublishingFailed extends RuntimeException {
        PublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
