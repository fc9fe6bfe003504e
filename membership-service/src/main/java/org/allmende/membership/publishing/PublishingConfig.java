package org.allmende.membership.publishing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingProperties.class)
class PublishingConfig {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> membershipProducer(PublishingProperties properties) {
        return new KafkaProducer<>(reliable(properties, "membership-publisher", 10_000));
    }

    /** acks=all, idempotent, a few milliseconds' linger; a record not acknowledged in time fails its send. */
    private static Map<String, Object> reliable(
            PublishingProperties properties, String clientId, int deliveryTimeoutMs) {
        var settings = new HashMap<String, Object>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, deliveryTimeoutMs - 10));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, deliveryTimeoutMs));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    @Bean
    Topic membershipTopic(PublishingProperties properties) {
        return new Topic(properties);
    }

    /**
     * Usage taken over HTTP, on its own producer: high volume, so it batches large and compresses (lz4); still
     * acks=all and idempotent. A record not acknowledged within the patience counts as not stored — well below
     * PostgreSQL's idle-in-transaction timeout, as the batch's transaction waits for it (ADR 0016).
     */
    @Bean(destroyMethod = "close")
    KafkaUsagePublisher usagePublisher(
            PublishingProperties properties,
            @Value("${allmende.usage.topic}") String topic,
            @Value("${allmende.usage.acknowledgement-patience}") Duration patience) {
        var settings = reliable(properties, "membership-usage", (int) patience.toMillis());
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        var producer = new KafkaProducer<String, byte[]>(settings);
        return new KafkaUsagePublisher(producer, new Topic(properties, topic), patience);
    }

    /** Creates the topics at start when Kafka is there, so consumers can subscribe before the first event. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> createTopicEarly(Topic topic) {
        return ready -> createEarly(topic);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> createUsageTopicEarly(KafkaUsagePublisher usage) {
        return ready -> createEarly(usage.topic());
    }

    private static void createEarly(Topic topic) {
        CompletableFuture.runAsync(() -> {
            try {
                topic.ensureExists();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(PublishingConfig.class)
                        .warn(
                                "topic {} not created at start, will retry on first publish: {}",
                                topic.name(),
                                e.getMessage());
            }
        });
    }
}
