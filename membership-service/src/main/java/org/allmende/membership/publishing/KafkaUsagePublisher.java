package org.allmende.membership.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.usage.UsagePublisher;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage taken over HTTP onto {@code allmende.usage.v1}, keyed by the member number, in the wire format of the
 * contract (a fresh event id per record). All records of a batch are handed to the producer at once (it batches
 * and compresses them, lingering a few milliseconds), then every acknowledgement is awaited with one deadline:
 * no flush and no wait per record.
 */
class KafkaUsagePublisher implements UsagePublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaUsagePublisher.class);

    private static final String TYPE = "UsageRecorded";

    private final Producer<String, byte[]> producer;
    private final Topic topic;
    private final Duration patience;
    private final byte[] schemaVersion;

    KafkaUsagePublisher(Producer<String, byte[]> producer, Topic topic, Duration patience) {
        this.producer = producer;
        this.topic = topic;
        this.patience = patience;
        var type = ContractEvents.byName(TYPE).orElseThrow();
        this.schemaVersion = bytes(Integer.toString(type.schemaVersion()));
    }

    Topic topic() {
        return topic;
    }

    @Override
    public List<Boolean> publish(List<UsageRecorded> records, String correlationId, Instant recordedAt) {
        var acknowledged = new ArrayList<Boolean>(Collections.nCopies(records.size(), false));
        try {
            topic.ensureExists();
        } catch (RuntimeException e) {
            log.warn(
                    "usage topic {} not reachable, {} records not sent: {}",
                    topic.name(),
                    records.size(),
                    e.getMessage());
            return acknowledged;
        }
        var deadline = System.nanoTime() + patience.toNanos();
        var recorded = bytes(recordedAt.toString());
        var correlation = correlationId == null ? null : bytes(correlationId);
        var sends = new ArrayList<Future<RecordMetadata>>(records.size());
        for (var usage : records) {
            var record = new ProducerRecord<String, byte[]>(
                    topic.name(), Long.toString(usage.memberNumber()), EventJson.write(usage));
            record.headers()
                    .add(Headers.EVENT_TYPE, bytes(TYPE))
                    .add(Headers.EVENT_ID, bytes(UUID.randomUUID().toString()))
                    .add(Headers.SCHEMA_VERSION, schemaVersion)
                    .add(Headers.RECORDED_AT, recorded);
            if (correlation != null) {
                record.headers().add(Headers.CORRELATION_ID, correlation);
            }
            try {
                sends.add(producer.send(record));
            } catch (RuntimeException e) {
                // the producer could not even queue it (no metadata within max.block.ms, buffer full): the rest
                // would wait just as long each
                log.warn(
                        "usage record not queued for Kafka, {} left unsent: {}",
                        records.size() - sends.size(),
                        e.getMessage());
                break;
            }
        }
        var failures = 0;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.set(i, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                failures++;
            }
        }
        if (failures > 0 || sends.size() < records.size()) {
            log.warn(
                    "Kafka acknowledged {} of {} usage records on {}",
                    acknowledged.stream().filter(a -> a).count(),
                    records.size(),
                    topic.name());
        }
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
