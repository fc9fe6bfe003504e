package org.allmende.membership.usage;

/**
 * Why a usage record is not taken: a stable rule name (billing's names where they mean the same, e.g. {@code
 * member-not-active}) and a human sentence.
 */
public record BrokenRule(String rule, String detail) {

    public static final String INCOMPLETE = "incomplete";
    public static final String MALFORMED = "malformed";
    public static final String QUANTITY_OUT_OF_BOUNDS = "quantity-out-of-bounds";
    public static final String QUANTITY_SCALE = "quantity-scale";
    public static final String PERIOD_REVERSED = "period-reversed";
    public static final String UNKNOWN_SERVICE = "unknown-service";
    public static final String MEMBER_NOT_ACTIVE = "member-not-active";
    public static final String NOT_SUBSCRIBED = "not-subscribed";
    public static final String WRONG_UNIT = "wrong-unit";
    public static final String REVERSAL_OF_UNKNOWN_RECORD = "reversal-of-unknown-record";
    public static final String REVERSAL_ABOVE_ORIGINAL = "reversal-above-original";
}
