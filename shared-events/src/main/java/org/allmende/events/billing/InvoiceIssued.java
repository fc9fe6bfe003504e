package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice was issued to a member for a period, under a number of the invoice series. Issued documents are never
 * changed; a correction is a credit note referring to this number or a correction line in a later invoice.
 * Amounts are in {@code currency} (EUR) with two decimals.
 */
public record InvoiceIssued(
        UUID documentId,
        String number,
        UUID memberId,
        long memberNumber,
        LocalDate periodFrom,
        LocalDate periodTo,
        UUID runId,
        LocalDate issuedOn,
        LocalDate dueOn,
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
