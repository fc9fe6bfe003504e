package org.allmende.support.publishing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the outbox relay is moving. While Kafka is unreachable the service still works (its events wait in the
 * event store), so the service is DEGRADED, not DOWN; the detail says why. Register it as {@code kafkaPublisher}.
 */
public final class RelayHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events wait in the event store until Kafka is back");

    private final EventProcessingConfiguration processing;
    private final String processorName;

    public RelayHealth(EventProcessingConfiguration processing, String processorName) {
        this.processing = processing;
        this.processorName = processorName;
    }

    @Override
    public Health health() {
        var processor = processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null || !processor.isRunning()) {
            return Health.down().withDetail("processor", "not running").build();
        }
        for (var status : processor.processingStatus().values()) {
            if (status.isErrorState()) {
                var error = status.getError();
                return Health.status(DEGRADED)
                        .withDetail("error", error == null ? "unknown" : error.getMessage())
                        .withDetail("position", status.getCurrentPosition().orElse(-1))
                        .build();
            }
        }
        var builder = Health.up();
        processor.processingStatus().values().stream().findFirst().ifPresent(status -> builder.withDetail(
                        "position", status.getCurrentPosition().orElse(-1))
                .withDetail("caughtUp", status.isCaughtUp()));
        return builder.build();
    }
}
