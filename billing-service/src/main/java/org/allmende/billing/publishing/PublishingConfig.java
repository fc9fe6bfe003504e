package org.allmende.billing.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.allmende.billing.config.AxonConfig;
import org.allmende.support.publishing.KafkaRelay;
import org.allmende.support.publishing.RelayHealth;
import org.allmende.support.publishing.RelaySettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Billing facts go to the cluster and topic under {@code allmende.publishing}. */
@Configuration(proxyBeanMethods = false)
class PublishingConfig {

    @Bean(destroyMethod = "close")
    KafkaRelay billingRelay(Environment environment, MeterRegistry meters) {
        return new KafkaRelay(RelaySettings.bind(environment, "allmende.publishing"), "billing-publisher", meters);
    }

    @Bean("kafkaPublisher")
    RelayHealth kafkaPublisher(EventProcessingConfiguration processing) {
        return new RelayHealth(processing, AxonConfig.KAFKA_PUBLISHER);
    }
}
