package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's subscription ends: {@code effectiveTo} is the last day the service is provided (inclusive). Key: the
 * member id.
 */
public record SubscriptionCancelled(UUID memberId, long memberNumber, String serviceCode, LocalDate effectiveTo)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
