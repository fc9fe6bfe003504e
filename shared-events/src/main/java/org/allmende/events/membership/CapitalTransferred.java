package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Paid-in capital changed hands between two members without payout (§76 GenG). Published once for each side:
 * {@code subject} is the member whose account it is ({@code memberId}), {@code counterpart} the other one.
 */
public record CapitalTransferred(
        UUID memberId,
        UUID counterpartMemberId,
        String direction,
        int shares,
        BigDecimal amount,
        int sharesAfter,
        BigDecimal paidInCapitalAfter,
        LocalDate agreedOn)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
