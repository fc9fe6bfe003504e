package org.allmende.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money received, as the bank statement or finance reports it. {@code bankReference} identifies it: a payment with
 * a reference recorded before is a duplicate. {@code memberNumber} is what the payer or finance said, a hint that
 * is checked against the open items, not an assignment.
 */
public record IncomingPayment(
        String bankReference,
        PaymentSource source,
        BigDecimal amount,
        LocalDate bookedOn,
        LocalDate valueDate,
        String remittanceText,
        String endToEndId,
        String mandateReference,
        String debtorName,
        String debtorIban,
        Long memberNumber) {

    /** Where a payment came from. */
    public enum PaymentSource {
        MANUAL,
        CAMT053
    }
}
