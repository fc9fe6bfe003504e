package org.allmende.billing.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where billing reads the contract from; instances with the same group id share the partitions. */
@ConfigurationProperties("allmende.intake")
public record IntakeProperties(
        String bootstrapServers, String groupId, String membershipTopic, String usageTopic, int maxPollRecords) {

    public java.util.List<String> topics() {
        return usageTopic == null || usageTopic.isBlank()
                ? java.util.List.of(membershipTopic)
                : java.util.List.of(membershipTopic, usageTopic);
    }
}
