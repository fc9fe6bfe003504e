package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member was called to pay capital on its shares (§7 GenG), under a number of the capital call series, by
 * {@code dueOn}. Capital is no supply: a capital call is not a VAT document and carries no VAT.
 */
public record CapitalCallIssued(
        UUID documentId,
        String number,
        UUID memberId,
        long memberNumber,
        UUID runId,
        LocalDate issuedOn,
        LocalDate dueOn,
        String currency,
        BigDecimal amount)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
