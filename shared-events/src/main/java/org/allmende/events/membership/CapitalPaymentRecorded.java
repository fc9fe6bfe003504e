package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment on the member's shares arrived; {@code paidInCapital} is its Geschäftsguthaben afterwards. Recorded from
 * billing's allocation {@code billingAllocationId} to a capital call (null where finance recorded it by hand); a
 * negative amount takes back a capital payment whose direct debit came back.
 */
public record CapitalPaymentRecorded(
        UUID memberId,
        BigDecimal amount,
        LocalDate paidOn,
        String reference,
        BigDecimal paidInCapital,
        Long billingAllocationId)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
