package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit note was issued to a member, taking back (part of) the invoice {@code refersToNumber}. The amounts are
 * what is credited, as positive numbers in {@code currency} (EUR) with two decimals.
 */
public record CreditNoteIssued(
        UUID documentId,
        String number,
        String refersToNumber,
        UUID memberId,
        long memberNumber,
        LocalDate periodFrom,
        LocalDate periodTo,
        UUID runId,
        LocalDate issuedOn,
        String currency,
        List<VatSubtotal> vatSubtotals,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
