package org.allmende.billing.contribution;

/** What a contribution line charges or credits. */
public enum LineType {
    /** The membership fee, by inhabitant or staff brackets. */
    MEMBERSHIP_FEE,
    /** A time-based charge of a subscription: a flat fee or seats, prorated by days. */
    SUBSCRIPTION,
    /** Usage of the period, and a minimum charge's top-up over it. */
    USAGE,
    /** Late usage of an earlier, invoiced period: what it costs now less what was billed. */
    CORRECTION,
    /** An amount credited to the member. */
    CREDIT
}
