package org.allmende.support.publishing;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Where a service's contract facts go: the cluster, the topic, and how the topic is created. */
public record RelaySettings(String bootstrapServers, String topic, int partitions, short replicationFactor) {

    /** The settings under a service's own prefix, e.g. {@code allmende.kafka} (membership). */
    public static RelaySettings bind(Environment environment, String prefix) {
        return Binder.get(environment)
                .bind(prefix, RelaySettings.class)
                .orElseThrow(() -> new IllegalStateException("no Kafka settings under " + prefix));
    }
}
