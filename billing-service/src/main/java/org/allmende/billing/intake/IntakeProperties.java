package org.allmende.billing.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where billing reads the contract from; instances with the same group id share the partitions. */
@ConfigurationProperties("allmende.intake")
public record IntakeProperties(String bootstrapServers, String groupId, String membershipTopic, int maxPollRecords) {}
