package org.allmende.membership.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allmende.support.intake.ConsumerLoop;
import org.allmende.support.publishing.RelaySettings;
import org.allmende.support.publishing.Topic;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consumer of {@code allmende.billing.v1} (ADR 0024), with plain kafka-clients. Its position lives in
 * membership's database: on assignment it seeks to the stored offset (the beginning for a fresh database), each
 * record's offset is stored once {@link BillingFacts} has applied or parked it, and a record that failed is read
 * again from there after a pause. Applying is idempotent in the Member aggregate, so reading a record twice (a
 * crash between command and offset) records nothing twice.
 */
@Component("billingIntake")
class BillingIntake implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BillingIntake.class);

    private final BillingFacts facts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Environment environment;
    private final String topic;
    private final String groupId;
    private final boolean enabled;
    private final ConsumerLoop loop = new ConsumerLoop();
    private volatile String lastError;

    BillingIntake(
            BillingFacts facts,
            JdbcTemplate jdbc,
            Clock clock,
            Environment environment,
            @Value("${allmende.billing-intake.topic}") String topic,
            @Value("${allmende.billing-intake.group-id}") String groupId,
            @Value("${allmende.billing-intake.enabled:true}") boolean enabled) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.topic = topic;
        this.groupId = groupId;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || isRunning()) {
            return;
        }
        var own = RelaySettings.bind(environment, "allmende.kafka");
        loop.start(
                ConsumerLoop.consumer(own.bootstrapServers(), groupId, 100, Map.of()),
                "membership-intake-" + topic,
                () -> run(own));
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.up().withDetail("intake", "disabled").build();
        }
        if (!isRunning()) {
            return Health.down().withDetail("intake", "not running").build();
        }
        var builder = lastError == null
                ? Health.up()
                : Health.status(new Status("DEGRADED")).withDetail("lastError", lastError);
        return builder.withDetail("topic", topic).build();
    }

    private void run(RelaySettings own) {
        var backoff = 0L;
        try (var consumer = loop.consumer()) {
            ensureTopic(own);
            consumer.subscribe(List.of(topic), new SeekToStoredOffsets(consumer));
            while (loop.keepsRunning()) {
                try {
                    var polled = consumer.poll(Duration.ofMillis(500));
                    for (var partition : polled.partitions()) {
                        for (var record : polled.records(partition)) {
                            applyOne(consumer, partition, record);
                        }
                    }
                    backoff = 0;
                    lastError = null;
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition decides
                } catch (RuntimeException e) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    backoff = ConsumerLoop.backoff(backoff);
                    log.error("billing fact not applied; reading it again in {} ms", backoff, e);
                    try {
                        consumer.assignment().forEach(partition -> seekToStored(consumer, partition));
                    } catch (RuntimeException rewindFailed) {
                        log.error("cannot rewind to the stored offsets", rewindFailed);
                    }
                    loop.pause(backoff);
                }
            }
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("billing intake stopped", e);
        }
    }

    private void applyOne(
            KafkaConsumer<String, byte[]> consumer, TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        var headers = new HashMap<String, String>();
        for (var header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        facts.apply(new BillingFacts.Incoming(
                record.topic(), record.partition(), record.offset(), record.key(), headers, record.value()));
        jdbc.update(
                """
                insert into billing_intake_offset (topic, partition_no, next_offset, updated_at) values (?, ?, ?, ?)
                on conflict (topic, partition_no) do update set next_offset = excluded.next_offset,
                    updated_at = excluded.updated_at
                """,
                partition.topic(),
                partition.partition(),
                record.offset() + 1,
                Timestamp.from(clock.instant()));
    }

    /** Billing creates its topic; membership may start first and must not wait for its metadata to age. */
    private void ensureTopic(RelaySettings own) {
        try {
            new Topic(new RelaySettings(own.bootstrapServers(), topic, own.partitions(), own.replicationFactor()))
                    .ensureExists();
        } catch (RuntimeException e) {
            log.warn("billing topic {} not created: {}", topic, e.getMessage());
        }
    }

    private void seekToStored(KafkaConsumer<String, byte[]> consumer, TopicPartition partition) {
        var stored = jdbc.queryForList(
                "select next_offset from billing_intake_offset where topic = ? and partition_no = ?",
                Long.class,
                partition.topic(),
                partition.partition());
        if (stored.isEmpty()) {
            consumer.seekToBeginning(List.of(partition));
        } else {
            consumer.seek(partition, stored.get(0));
        }
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> seekToStored(consumer, partition));
            log.info("billing intake assigned {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to commit: each applied record stored its offset
        }
    }
}
