package org.allmende.billing.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.allmende.support.intake.ConsumerLoop;
import org.allmende.support.publishing.RelaySettings;
import org.allmende.support.publishing.Topic;
import org.allmende.support.web.RuleViolation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The consumer of {@code allmende.membership.v1}. Its position lives in PostgreSQL, not in Kafka: on assignment it
 * seeks to the stored offsets (the beginning for a fresh database), and a batch that fails is read again from
 * there. Instances with the same group id share the partitions; Kafka's group protocol does the coordination.
 */
@Component
public class MembershipIntake implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MembershipIntake.class);

    private final IntakeProperties properties;
    private final Environment environment;
    private final RecordIntake intake;
    private final ConsumerOffsets offsets;
    private final ConsumerLoop loop = new ConsumerLoop();
    private volatile String lastError;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Queue<Consumer<KafkaConsumer<String, byte[]>>> tasks = new ConcurrentLinkedQueue<>();

    MembershipIntake(
            IntakeProperties properties, RecordIntake intake, ConsumerOffsets offsets, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.intake = intake;
        this.offsets = offsets;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // Usage comes in volume: up to 4 MiB per partition and fetch, so a poll can fill max-poll-records.
        var consumer = ConsumerLoop.consumer(
                properties.bootstrapServers(),
                properties.groupId(),
                properties.maxPollRecords(),
                Map.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024));
        loop.start(consumer, "billing-intake-" + properties.membershipTopic(), this::run);
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** The partitions of the membership topic this instance reads now. */
    public List<Integer> assignedPartitions() {
        return assigned.stream()
                .filter(p -> p.topic().equals(properties.membershipTopic()))
                .map(TopicPartition::partition)
                .sorted()
                .toList();
    }

    /**
     * Forgets billing's usage projections and reads the usage topic again from offset 0. Runs on the intake's own
     * thread between two batches, so no batch is half-way. Refused while another instance holds some of the
     * usage partitions: it would go on from its stored position.
     */
    public CompletableFuture<Integer> rebuildUsage() {
        var done = new CompletableFuture<Integer>();
        if (!isRunning()
                || properties.usageTopic() == null
                || properties.usageTopic().isBlank()) {
            done.completeExceptionally(new RuleViolation("intake-not-running", "The usage intake is not running."));
            return done;
        }
        tasks.add(consumer -> {
            try {
                var all = consumer.partitionsFor(properties.usageTopic()).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (!consumer.assignment().containsAll(all)) {
                    throw new RuleViolation(
                            "rebuild-needs-all-partitions",
                            "This instance reads only some of the " + all.size() + " partitions of "
                                    + properties.usageTopic() + "; stop the other billing instances first.");
                }
                intake.forgetUsage(properties.groupId(), properties.usageTopic());
                consumer.seekToBeginning(all);
                log.warn("usage projections forgotten; reading {} again from offset 0", properties.usageTopic());
                done.complete(all.size());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        loop.consumer().wakeup();
        return done;
    }

    @Override
    public Health health() {
        if (!isRunning()) {
            return Health.down().withDetail("intake", "not running").build();
        }
        var builder = lastError == null
                ? Health.up()
                : Health.status(new Status("DEGRADED")).withDetail("lastError", lastError);
        return builder.withDetail("topic", properties.membershipTopic()).build();
    }

    private void run() {
        var backoff = 0L;
        try (var consumer = loop.consumer()) {
            ensureUsageTopic();
            consumer.subscribe(properties.topics(), new SeekToStoredOffsets(consumer));
            while (loop.keepsRunning()) {
                ConsumerRecords<String, byte[]> polled = ConsumerRecords.empty();
                try {
                    for (var task = tasks.poll(); task != null; task = tasks.poll()) {
                        task.accept(consumer);
                    }
                    polled = consumer.poll(Duration.ofMillis(500));
                    if (polled.isEmpty()) {
                        continue;
                    }
                    if (!intake.applyBatch(properties.groupId(), convert(polled))) {
                        rewind(consumer, polled.partitions());
                    }
                    backoff = 0;
                    lastError = null;
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition decides
                } catch (RuntimeException e) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    backoff = ConsumerLoop.backoff(backoff);
                    log.error("intake batch failed, nothing of it was applied; reading it again in {} ms", backoff, e);
                    try {
                        rewind(consumer, polled.partitions());
                    } catch (RuntimeException rewindFailed) {
                        log.error("cannot rewind to the stored offsets", rewindFailed);
                    }
                    loop.pause(backoff);
                }
            }
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("intake stopped", e);
        }
    }

    /**
     * Meters may write before anyone else created the usage topic; billing, its reader, makes sure it exists, with
     * the partitions and replication of billing's own topic.
     */
    private void ensureUsageTopic() {
        if (properties.usageTopic() == null || properties.usageTopic().isBlank()) {
            return;
        }
        var own = RelaySettings.bind(environment, "allmende.publishing");
        try {
            new Topic(new RelaySettings(
                            properties.bootstrapServers(),
                            properties.usageTopic(),
                            own.partitions(),
                            own.replicationFactor()))
                    .ensureExists();
        } catch (RuntimeException e) {
            log.warn("usage topic {} not created: {}", properties.usageTopic(), e.getMessage());
        }
    }

    private void rewind(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        for (var partition : partitions) {
            if (consumer.assignment().contains(partition)) {
                seekToStored(consumer, partition);
            }
        }
    }

    private void seekToStored(KafkaConsumer<String, byte[]> consumer, TopicPartition partition) {
        var stored = offsets.next(properties.groupId(), partition.topic(), partition.partition());
        if (stored.isPresent()) {
            consumer.seek(partition, stored.getAsLong());
        } else {
            consumer.seekToBeginning(List.of(partition));
        }
    }

    private static List<IncomingRecord> convert(ConsumerRecords<String, byte[]> polled) {
        var records = new ArrayList<IncomingRecord>(polled.count());
        for (var record : polled) {
            var headers = new HashMap<String, String>();
            for (var header : record.headers()) {
                headers.put(
                        header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            records.add(new IncomingRecord(
                    record.topic(), record.partition(), record.offset(), record.key(), headers, record.value()));
        }
        return records;
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (var partition : partitions) {
                seekToStored(consumer, partition);
                assigned.add(partition);
            }
            log.info("intake assigned {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to commit: every applied batch stored its offsets in its own transaction.
            partitions.forEach(assigned::remove);
            log.info("intake revoked {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
