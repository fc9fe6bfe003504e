package org.allmende.billing.ledger;

import java.time.LocalDate;

/** A period of a member's subscription with one quantity, both ends inclusive ({@code effectiveTo} null: open). */
public record SubscriptionView(String serviceCode, int quantity, LocalDate effectiveFrom, LocalDate effectiveTo) {}
