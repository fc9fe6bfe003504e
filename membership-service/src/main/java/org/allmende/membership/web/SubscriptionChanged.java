package org.allmende.membership.web;

/** The answer to a subscription command: the member's version after it, for the next {@code expectedVersion}. */
public record SubscriptionChanged(long memberNumber, String serviceCode, long version) {}
