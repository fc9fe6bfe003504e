package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's capital was paid out (§73 GenG): after its membership ended ({@code cause} EXIT) or after it gave up
 * shares (SHARES_GIVEN_UP). Of the {@code capital} owed, {@code netted} was set off against the member's open items
 * ({@code nettedAgainst}) and {@code paidOut} transferred to it on {@code paidOn}; {@code capital} is their sum.
 * {@code payoutId} identifies the payout for ever: a consumer records it once.
 */
public record PayoutMade(
        UUID payoutId,
        UUID memberId,
        long memberNumber,
        String cause,
        LocalDate dueBy,
        LocalDate paidOn,
        String currency,
        BigDecimal capital,
        List<Allocation> nettedAgainst,
        BigDecimal netted,
        BigDecimal paidOut,
        String reference)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
