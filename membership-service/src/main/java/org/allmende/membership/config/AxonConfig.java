package org.allmende.membership.config;

import java.util.Map;
import org.allmende.membership.statutes.Statutes;
import org.allmende.support.axon.AxonOnPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
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
    /** The in-memory facts usage is checked against; its token is kept in memory, every start replays. */
    public static final String USAGE_FACTS = "usage-facts";

    /** Who did it and in which request: copied from each command into the events it causes. */
    @Bean
    CorrelationDataProvider correlationDataProvider() {
        return new SimpleCorrelationDataProvider("correlationId", "user", "role");
    }

    @Bean
    ConfigurerModule eventProcessing() {
        return AxonOnPostgres.singleThreadedProcessors(
                Map.of(KAFKA_PUBLISHER, 200, "admission-transfers", 20, REGISTER, 100, CATALOG, 100));
    }

    /** Usage facts: in memory, no transaction, from the start of the store at every start of the service. */
    @Bean
    ConfigurerModule usageFactsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(USAGE_FACTS, c -> new InMemoryTokenStore())
                .registerTransactionManager(USAGE_FACTS, c -> NoTransactionManager.INSTANCE)
                .registerTrackingEventProcessor(
                        USAGE_FACTS,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(500)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }
}
