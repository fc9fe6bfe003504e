package org.allmende.events.billing;

import java.util.UUID;

/**
 * A fact published by billing on {@code allmende.billing.v1}. The Kafka key is {@link #subject()}, the member's id
 * as on {@code allmende.membership.v1}: all billing facts about one member share a partition and keep their order,
 * and membership finds the member by the id its own events carry.
 */
public sealed interface BillingEvent
        permits InvoiceIssued,
                CreditNoteIssued,
                CapitalCallIssued,
                PaymentReceived,
                PaymentAllocated,
                PayoutMade,
                DunningLevelReached {

    UUID subject();
}
