package org.allmende.events.wire;

/** The topics of the contract. Versioned in the name: an incompatible change gets a new topic. */
public final class Topics {
    public static final String MEMBERSHIP = "allmende.membership.v1";
    public static final String USAGE = "allmende.usage.v1";
    public static final String BILLING = "allmende.billing.v1";

    private Topics() {}
}
