package org.allmende.support.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The thread of a Kafka consumer that keeps its position in its service's database, not in Kafka (ADR 0005): the
 * one consumer configuration the services' intakes share, start and stop, and a pause that ends when stopping.
 */
public final class ConsumerLoop {

    private static final long MAX_BACKOFF_MS = 10_000;

    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    /**
     * A consumer that commits nothing to Kafka (its owner stores offsets), reads only committed records, from the
     * beginning where nothing is stored, and never creates a topic; {@code extra} adds or overrides settings.
     */
    public static KafkaConsumer<String, byte[]> consumer(
            String bootstrapServers, String groupId, int maxPollRecords, Map<String, Object> extra) {
        var settings = new HashMap<String, Object>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                maxPollRecords,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        settings.putAll(extra);
        return new KafkaConsumer<>(settings);
    }

    /** The pause after the n-th failure in a row: 200 ms, doubled each time, at most 10 s. */
    public static long backoff(long previous) {
        return Math.min(MAX_BACKOFF_MS, Math.max(200, previous * 2));
    }

    /** Runs {@code body} on a thread of its own; the body closes the consumer when it ends. */
    public synchronized void start(KafkaConsumer<String, byte[]> consumer, String threadName, Runnable body) {
        stopped = new CountDownLatch(1);
        this.consumer = consumer;
        thread = new Thread(body, threadName);
        thread.start();
    }

    public KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    /** Asks the body to end (its poll is woken up) and waits for it, at most 30 s. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        stopped.countDown();
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    public boolean isRunning() {
        var running = thread;
        return running != null && running.isAlive();
    }

    /** The body's loop condition: false once {@link #stop} was called. */
    public boolean keepsRunning() {
        return stopped.getCount() > 0;
    }

    /** Waits, or less if the loop is stopped meanwhile. */
    public void pause(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
