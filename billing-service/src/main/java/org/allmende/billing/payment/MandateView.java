package org.allmende.billing.payment;

import java.time.LocalDate;

/**
 * A SEPA direct debit mandate of a member. {@code nextSequenceType} is what its next collection is sent as:
 * FRST until a collection under it stands (submitted and not returned), RCUR after.
 */
public record MandateView(
        long memberNumber,
        String reference,
        LocalDate signedOn,
        String debtorName,
        String iban,
        String bic,
        String status,
        LocalDate endedOn,
        String endReason,
        String nextSequenceType,
        LocalDate lastCollectionDate) {}
