package org.allmende.events.billing;

import java.math.BigDecimal;

/**
 * Money applied to one of a member's open items: part of a payment ({@code paymentId}), of a credit, or of a payout
 * set off against what the member owes. {@code allocationId} is billing's id of this application, unique for ever:
 * a consumer that counts allocations deduplicates by it. {@code documentType} is {@code INVOICE},
 * {@code CAPITAL_CALL} (capital on shares), {@code DUNNING_FEE} or a later type; {@code amount} is negative when a
 * direct debit return takes back what the collection had paid.
 */
public record Allocation(
        long allocationId, Long paymentId, String documentNumber, String documentType, BigDecimal amount) {

    public static final String CAPITAL_CALL = "CAPITAL_CALL";

    public boolean paysCapital() {
        return CAPITAL_CALL.equals(documentType);
    }
}
