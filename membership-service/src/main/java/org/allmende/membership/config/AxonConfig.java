package org.allmende.membership.config;

import org.allmende.membership.statutes.Statutes;
import org.allmende.support.axon.AxonOnPostgres;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Membership's event processors and what its commands carry into their events. The event store itself (JDBC on
 * PostgreSQL, Jackson 2, failing handlers retried) is {@link AxonOnPostgres}, shared with billing (ADR 0002).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Statutes.class)
@Import(AxonOnPostgres.class)
public class AxonConfig {

    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    public static final String REGISTER = "register";
    public static final String CATALOG = "catalog";

    /** Who did it and in which request: copied from each command into the events it causes. */
    @Bean
    CorrelationDataProvider correlationDataProvider() {
        return new SimpleCorrelationDataProvider("correlationId", "user", "role");
    }

    @Bean
    ConfigurerModule eventProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(
                        KAFKA_PUBLISHER,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(200))
                .registerTrackingEventProcessor(
                        "admission-transfers",
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(20))
                .registerTrackingEventProcessor(
                        REGISTER,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100))
                .registerTrackingEventProcessor(
                        CATALOG,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)));
    }
}
