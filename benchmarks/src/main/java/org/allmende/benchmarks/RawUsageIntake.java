package org.allmende.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.support.intake.ConsumerLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The baseline: this machine's practical limit for taking usage records from Kafka into PostgreSQL exactly once. A
 * plain kafka-clients consumer, polling as billing does, reads the same records (same headers checked, same JSON
 * read by the contract's {@link EventJson}), and writes each polled batch in one transaction: one
 * {@code insert ... select from unnest(...) on conflict do nothing} into a raw table keyed by (sending system,
 * record id), the daily totals of what was new in the same statement, and the offsets. No rules are checked (member,
 * subscription, unit, reversal's original): that is the work billing does on top.
 */
final class RawUsageIntake implements AutoCloseable {

    static final String SCHEMA =
            """
            create table if not exists raw_usage_record (
                sending_system     varchar(100)   not null,
                record_id          varchar(200)   not null,
                member_number      bigint         not null,
                service_code       varchar(40)    not null,
                quantity           numeric(18, 4) not null,
                unit               varchar(20)    not null,
                used_from          date           not null,
                used_to            date           not null,
                reverses_record_id varchar(200),
                event_id           uuid           not null,
                recorded_at        timestamptz    not null default now(),
                primary key (sending_system, record_id));
            create table if not exists raw_usage_daily (
                member_number bigint         not null,
                service_code  varchar(40)    not null,
                day           date           not null,
                quantity      numeric(18, 4) not null,
                unit          varchar(20)    not null,
                primary key (member_number, service_code, day));
            create table if not exists raw_consumer_offset (
                topic        varchar(200) not null,
                partition_no integer      not null,
                next_offset  bigint       not null,
                primary key (topic, partition_no));
            """;

    /** New records go in, those already there are skipped, and only what went in is added to the day's total. */
    private static final String APPLY =
            """
            with inserted as (
                insert into raw_usage_record (sending_system, record_id, member_number, service_code, quantity, unit,
                    used_from, used_to, reverses_record_id, event_id)
                select * from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::numeric[], ?::varchar[],
                    ?::date[], ?::date[], ?::varchar[], ?::uuid[])
                on conflict (sending_system, record_id) do nothing
                returning member_number, service_code, used_from, unit,
                    case when reverses_record_id is null then quantity else -quantity end as signed)
            insert into raw_usage_daily (member_number, service_code, day, quantity, unit)
            select member_number, service_code, used_from, sum(signed), min(unit) from inserted
            group by member_number, service_code, used_from
            on conflict (member_number, service_code, day)
                do update set quantity = raw_usage_daily.quantity + excluded.quantity
            """;

    private static final String ADVANCE =
            """
            insert into raw_consumer_offset (topic, partition_no, next_offset)
            select * from unnest(?::varchar[], ?::int[], ?::bigint[])
            on conflict (topic, partition_no) do update set next_offset = excluded.next_offset
            """;

    private static final String TYPE =
            ContractEvents.byClass(UsageRecorded.class).orElseThrow().name();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Connection connection;
    private final String topic;
    private final Thread thread;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong decodingNanos = new AtomicLong();
    private final AtomicLong writingNanos = new AtomicLong();

    private RawUsageIntake(KafkaConsumer<String, byte[]> consumer, Connection connection, String topic) {
        this.consumer = consumer;
        this.connection = connection;
        this.topic = topic;
        thread = new Thread(this::run, "baseline-intake");
    }

    /**
     * Starts reading {@code topic} with billing's polling settings into the tables of {@code jdbcUrl} (created
     * where missing). Runs until {@link #close}.
     */
    static RawUsageIntake start(
            String bootstrapServers,
            String topic,
            BillingIntakeSettings settings,
            String jdbcUrl,
            String user,
            String password) {
        try {
            var connection = DriverManager.getConnection(jdbcUrl, user, password);
            try (var statement = connection.createStatement()) {
                statement.execute(SCHEMA);
            }
            connection.setAutoCommit(false);
            var consumer = ConsumerLoop.consumer(
                    bootstrapServers,
                    "usage-baseline",
                    settings.maxPollRecords(),
                    Map.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024));
            var intake = new RawUsageIntake(consumer, connection, topic);
            intake.thread.start();
            return intake;
        } catch (SQLException e) {
            throw new IllegalStateException("baseline database not ready", e);
        }
    }

    /** Waits until the group gave this consumer its partitions, as billing's consumer has them before it starts. */
    boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the intake stopped, or null while it runs well. */
    Exception failure() {
        return failure.get();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new SeekToStoredOffsets());
            while (running) {
                var polled = consumer.poll(Duration.ofMillis(500));
                if (!polled.isEmpty()) {
                    apply(polled.records(topic));
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } catch (Exception e) {
            failure.set(e);
        }
    }

    /** Where the consumer's time went so far: polls that brought records, and time decoding and writing them. */
    String workDone() {
        var n = Math.max(1, polls.get());
        return String.format(
                "%,d polls with records, %,.0f records each on average; per poll %.1f ms reading headers and JSON,"
                        + " %.1f ms in PostgreSQL (statements and commit)",
                polls.get(), records.get() / (double) n, decodingNanos.get() / 1e6 / n, writingNanos.get() / 1e6 / n);
    }

    private void apply(Iterable<ConsumerRecord<String, byte[]>> polled) throws SQLException {
        var began = System.nanoTime();
        var records = new ArrayList<UsageRecorded>();
        var eventIds = new ArrayList<UUID>();
        var next = new HashMap<Integer, Long>();
        for (var record : polled) {
            var headers = new HashMap<String, String>();
            for (var header : record.headers()) {
                headers.put(
                        header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            if (!TYPE.equals(headers.get(Headers.EVENT_TYPE))
                    || Integer.parseInt(headers.get(Headers.SCHEMA_VERSION).strip()) > 1) {
                throw new IllegalStateException("not a UsageRecorded of schema 1 at " + record.offset());
            }
            eventIds.add(UUID.fromString(headers.get(Headers.EVENT_ID).strip()));
            records.add(EventJson.read(record.value(), UsageRecorded.class));
            next.put(record.partition(), record.offset() + 1);
        }
        var decoded = System.nanoTime();
        try (var insert = connection.prepareStatement(APPLY);
                var advance = connection.prepareStatement(ADVANCE)) {
            var n = records.size();
            insert.setArray(1, array("varchar", records, UsageRecorded::sendingSystem));
            insert.setArray(2, array("varchar", records, UsageRecorded::recordId));
            insert.setArray(3, array("bigint", records, UsageRecorded::memberNumber));
            insert.setArray(4, array("varchar", records, UsageRecorded::serviceCode));
            insert.setArray(
                    5,
                    connection.createArrayOf(
                            "numeric",
                            records.stream().map(UsageRecorded::quantity).toArray(BigDecimal[]::new)));
            insert.setArray(6, array("varchar", records, UsageRecorded::unit));
            insert.setArray(
                    7,
                    connection.createArrayOf(
                            "date",
                            records.stream()
                                    .map(r -> Date.valueOf(r.usedFrom()))
                                    .toArray(Date[]::new)));
            insert.setArray(
                    8,
                    connection.createArrayOf(
                            "date",
                            records.stream().map(r -> Date.valueOf(r.usedTo())).toArray(Date[]::new)));
            insert.setArray(9, array("varchar", records, UsageRecorded::reversesRecordId));
            insert.setArray(10, connection.createArrayOf("uuid", eventIds.toArray(new UUID[n])));
            insert.executeUpdate();
            var partitions = new ArrayList<>(next.keySet());
            advance.setArray(
                    1,
                    connection.createArrayOf(
                            "varchar", partitions.stream().map(p -> topic).toArray()));
            advance.setArray(2, connection.createArrayOf("integer", partitions.toArray(new Integer[0])));
            advance.setArray(
                    3,
                    connection.createArrayOf(
                            "bigint", partitions.stream().map(next::get).toArray(Long[]::new)));
            advance.executeUpdate();
            connection.commit();
            polls.incrementAndGet();
            this.records.addAndGet(n);
            decodingNanos.addAndGet(decoded - began);
            writingNanos.addAndGet(System.nanoTime() - decoded);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private <T> java.sql.Array array(
            String type, List<UsageRecorded> records, java.util.function.Function<UsageRecorded, T> field)
            throws SQLException {
        return connection.createArrayOf(type, records.stream().map(field).toArray());
    }

    /** On assignment, continue where the stored offsets say (the beginning for a fresh database), as billing does. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try (var stored = connection.prepareStatement(
                    "select partition_no, next_offset from raw_consumer_offset where topic = ?")) {
                stored.setString(1, topic);
                var offsets = new HashMap<Integer, Long>();
                try (var rows = stored.executeQuery()) {
                    while (rows.next()) {
                        offsets.put(rows.getInt(1), rows.getLong(2));
                    }
                }
                connection.commit();
                for (var partition : partitions) {
                    var offset = offsets.get(partition.partition());
                    if (offset == null) {
                        consumer.seekToBeginning(List.of(partition));
                    } else {
                        consumer.seek(partition, offset);
                    }
                }
                assigned.countDown();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to commit: every batch stored its offsets in its own transaction
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
