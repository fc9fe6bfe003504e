package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** A member subscribed to a catalog service, in a quantity (e.g. 12 tablets), from a date on. Key: the member id. */
public record ServiceSubscribed(
        UUID memberId, long memberNumber, String serviceCode, int quantity, LocalDate effectiveFrom)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
