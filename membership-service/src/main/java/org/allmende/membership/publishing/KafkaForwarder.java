package org.allmende.membership.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.allmende.events.membership.MembershipEvent;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.config.AxonConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: forwards every contract event from the event store to Kafka. The tracking processor's token
 * advances in the same transaction as the batch is acknowledged, and only after the broker acknowledged every
 * record of it (acks=all); a failure fails the batch, the processor retries it and never skips an event.
 * A retry may send a record again: consumers deduplicate by the event id header.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
class KafkaForwarder {

    private static final String PENDING = KafkaForwarder.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 12;

    private final Producer<String, byte[]> producer;
    private final Topic topic;
    private final Counter forwarded;

    KafkaForwarder(Producer<String, byte[]> producer, Topic topic, MeterRegistry meters) {
        this.producer = producer;
        this.topic = topic;
        this.forwarded = Counter.builder("allmende.publisher.forwarded")
                .description("contract events acknowledged by Kafka")
                .tag("topic", topic.name())
                .register(meters);
    }

    @EventHandler
    void forward(MembershipEvent event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        topic.ensureExists();
        var type = ContractEvents.byClass(event.getClass())
                .orElseThrow(() -> new IllegalStateException(event.getClass() + " is not in the contract"));
        var record =
                new ProducerRecord<String, byte[]>(topic.name(), event.subject().toString(), EventJson.write(event));
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
        return root.getOrComputeResource(PENDING, key -> {
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

    static class PublishingFailed extends RuntimeException {
        PublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
