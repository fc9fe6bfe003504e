package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as recorded: {@code RECEIVED} money or a direct debit {@code RETURN} (negative). {@code memberNumber}
 * is the account it is booked to (null: unmatched, waiting for finance); {@code allocations} what it paid;
 * {@code unallocated} what is left of it as the member's credit.
 */
public record PaymentView(
        long id,
        String bankReference,
        String kind,
        String source,
        BigDecimal amount,
        String currency,
        LocalDate bookedOn,
        LocalDate valueDate,
        String remittanceText,
        String endToEndId,
        String debtorName,
        String debtorIban,
        Long memberHint,
        Long memberNumber,
        MatchedBy matchedBy,
        BigDecimal unallocated,
        List<Allocation> allocations) {

    /** Part of the payment applied to a document. */
    public record Allocation(String documentNumber, BigDecimal amount, LocalDate allocatedOn) {}

    public boolean matched() {
        return memberNumber != null;
    }
}
