package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The quantity of a member's subscription changes from {@code effectiveFrom} on; before that day the previous
 * quantity applies. Never dated before the subscription's previous change. Key: the member id.
 */
public record SubscriptionQuantityChanged(
        UUID memberId, long memberNumber, String serviceCode, int quantity, LocalDate effectiveFrom)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
