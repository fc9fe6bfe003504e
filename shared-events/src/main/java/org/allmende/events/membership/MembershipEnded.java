package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The membership ended (§65, §68, §77a GenG). Its paid-in capital is paid out by {@code payoutDueBy} (§73), netted
 * against open items by billing — except after a merger, when the successor took the capital over (payout zero).
 */
public record MembershipEnded(
        UUID memberId,
        LocalDate endedOn,
        String cause,
        BigDecimal capitalToPayOut,
        LocalDate payoutDueBy,
        UUID successorMemberId)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
