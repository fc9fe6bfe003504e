package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment was booked to a member's account (matched on receipt, or assigned by finance), and applied to its open
 * items as {@code allocations}. {@code capitalAllocated} is the part that paid capital calls (the member's
 * paid-in capital grows by it, §7 GenG); {@code unallocated} is what is left as the member's credit, which later
 * allocations ({@link PaymentAllocated}) use up. A payment billing could not match is no fact about a member yet:
 * it is published when finance assigns it.
 */
public record PaymentReceived(
        long paymentId,
        UUID memberId,
        long memberNumber,
        String bankReference,
        LocalDate bookedOn,
        LocalDate valueDate,
        String reference,
        String matchedBy,
        String currency,
        BigDecimal amount,
        List<Allocation> allocations,
        BigDecimal capitalAllocated,
        BigDecimal unallocated)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
