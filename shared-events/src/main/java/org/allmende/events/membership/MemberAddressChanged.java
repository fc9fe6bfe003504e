package org.allmende.events.membership;

import java.time.LocalDate;
import java.util.UUID;

/** The member's address in the register (§30 GenG) changed, taking effect on {@code effectiveOn}. */
public record MemberAddressChanged(UUID memberId, PostalAddress address, LocalDate effectiveOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
