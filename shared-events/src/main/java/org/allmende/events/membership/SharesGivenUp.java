package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A partial notice took effect: the member holds fewer shares; the capital above them is to be paid out. */
public record SharesGivenUp(
        UUID memberId,
        int shares,
        int remainingShares,
        LocalDate effectiveOn,
        BigDecimal capitalToPayOut,
        LocalDate payoutDueBy)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
