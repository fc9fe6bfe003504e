package org.allmende.events.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment on the member's shares arrived; {@code paidInCapital} is its Geschäftsguthaben afterwards. */
public record CapitalPaymentRecorded(
        UUID memberId, BigDecimal amount, LocalDate paidOn, String reference, BigDecimal paidInCapital)
        implements MembershipEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
