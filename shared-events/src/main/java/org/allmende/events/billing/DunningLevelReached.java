package org.allmende.events.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An overdue item of a member reached a dunning level (1 = first reminder) on {@code reachedOn}, with
 * {@code openAmount} still open; the level's fee, if any, is an item of its own ({@code feeDocumentNumber}).
 */
public record DunningLevelReached(
        UUID memberId,
        long memberNumber,
        String documentNumber,
        String documentType,
        int level,
        LocalDate reachedOn,
        String currency,
        BigDecimal openAmount,
        BigDecimal fee,
        String feeDocumentNumber)
        implements BillingEvent {

    @Override
    public UUID subject() {
        return memberId;
    }
}
