package org.allmende.billing.config;

import java.util.Map;
import org.allmende.billing.document.DocumentsProperties;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.support.axon.AxonOnPostgres;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Billing's event store (its issued documents, ADR 0019) on its own PostgreSQL, wired as membership's
 * ({@link AxonOnPostgres}), and its two processors: the relay to {@code allmende.billing.v1} and the projection of
 * the issued documents.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentsProperties.class)
@Import(AxonOnPostgres.class)
public class AxonConfig {

    public static final String KAFKA_PUBLISHER = "kafka-publisher";

    @Bean
    ConfigurerModule eventProcessing() {
        return AxonOnPostgres.singleThreadedProcessors(Map.of(KAFKA_PUBLISHER, 200, IssuedDocuments.PROCESSOR, 100));
    }
}
