package org.allmende.membership.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where membership facts go: the cluster and the topic of the contract. */
@ConfigurationProperties("allmende.kafka")
public record PublishingProperties(String bootstrapServers, String topic, int partitions, short replicationFactor) {}
