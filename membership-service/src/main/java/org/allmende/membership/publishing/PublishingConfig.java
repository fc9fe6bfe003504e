package org.allmende.membership.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import org.allmende.membership.config.AxonConfig;
import org.allmende.support.publishing.KafkaRelay;
import org.allmende.support.publishing.RelayHealth;
import org.allmende.support.publishing.RelaySettings;
import org.allmende.support.publishing.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Membership facts go to the cluster and topic under {@code allmende.kafka}; usage taken over HTTP to its own. */
@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    @Bean(destroyMethod = "close")
    KafkaRelay membershipRelay(Environment environment, MeterRegistry meters) {
        return new KafkaRelay(RelaySettings.bind(environment, "allmende.kafka"), "membership-publisher", meters);
    }

    @Bean("kafkaPublisher")
    RelayHealth kafkaPublisher(EventProcessingConfiguration processing) {
        return new RelayHealth(processing, AxonConfig.KAFKA_PUBLISHER);
    }

    /**
     * Usage taken over HTTP, on its own producer: high volume, so it batches large and compresses (lz4); still
     * acks=all and idempotent. A record not acknowledged within the patience counts as not stored — well below
     * PostgreSQL's idle-in-transaction timeout, as the batch's transaction waits for it (ADR 0016).
     */
    @Bean(destroyMethod = "close")
    KafkaUsagePublisher usagePublisher(
            Environment environment,
            @Value("${allmende.usage.topic}") String topic,
            @Value("${allmende.usage.acknowledgement-patience}") Duration patience) {
        var relay = RelaySettings.bind(environment, "allmende.kafka");
        var deliveryTimeoutMs = (int) patience.toMillis();
        var settings = new HashMap<String, Object>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, relay.bootstrapServers());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "membership-usage");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, deliveryTimeoutMs - 10));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, deliveryTimeoutMs));
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        var usageTopic = new Topic(
                new RelaySettings(relay.bootstrapServers(), topic, relay.partitions(), relay.replicationFactor()));
        return new KafkaUsagePublisher(new KafkaProducer<>(settings), usageTopic, patience);
    }

    /** Creates the usage topic at start when Kafka is there, so billing can subscribe before the first record. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> createUsageTopicEarly(KafkaUsagePublisher usage) {
        return ready -> CompletableFuture.runAsync(() -> {
            try {
                usage.topic().ensureExists();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(PublishingConfig.class)
                        .warn(
                                "topic {} not created at start, will retry on first publish: {}",
                                usage.topic().name(),
                                e.getMessage());
            }
        });
    }
}
