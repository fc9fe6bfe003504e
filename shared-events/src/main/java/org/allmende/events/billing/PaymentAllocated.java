package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Money already on a member's account was applied to its open items after the payment itself was booked: a
 * credit (an over-payment, a credit note) set off against an item issued later ({@code cause} CREDIT_APPLIED), or
 * taken back from items because a direct debit came back (DIRECT_DEBIT_RETURNED, negative amounts).
 * {@code capitalAllocated} is the part on capital calls, positive or negative.
 */
public record PaymentAllocated(
        UUID memberId,
        long memberNumber,
        LocalDate allocatedOn,
        String cause,
        String currency,
        List<Allocation> allocations,
        BigDecimal capitalAllocated)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
