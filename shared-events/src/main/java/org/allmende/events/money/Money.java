package org.allmende.events.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for money in Allmende: euros with two decimals, rounded half up (kaufmännisch). Every
 * amount that is computed (not entered) goes through {@link #round}; compare amounts with {@code compareTo}.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE, ROUNDING);

    private Money() {}

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /** An amount as entered: at most two decimals, else it is refused rather than silently rounded. */
    public static BigDecimal exact(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(amount + " has more than two decimals");
        }
        return amount.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal times(BigDecimal amount, long factor) {
        return round(amount.multiply(BigDecimal.valueOf(factor)));
    }
}
