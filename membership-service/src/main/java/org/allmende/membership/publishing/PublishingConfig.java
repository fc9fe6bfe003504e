package org.allmende.membership.publishing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
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
        return new KafkaProducer<>(Map.<String, Object>ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "membership-publisher"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, (Object) true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    @Bean
    Topic membershipTopic(PublishingProperties properties) {
        return new Topic(properties);
    }

    /** Creates the topic at start when Kafka is there, so consumers can subscribe before the first event. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> createTopicEarly(Topic topic) {
        return ready -> CompletableFuture.runAsync(() -> {
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
