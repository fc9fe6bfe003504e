package org.allmende.billing.document;

/** What a document line is for. */
public enum LineKind {
    MEMBERSHIP_FEE,
    SUBSCRIPTION,
    USAGE,
    /** A correction of an earlier period (late usage, a reversal, a price error), positive or negative. */
    CORRECTION,
    CREDIT,
    /** Capital on shares in a capital call: quantity shares at the nominal value, no VAT. */
    SHARE_CAPITAL
}
