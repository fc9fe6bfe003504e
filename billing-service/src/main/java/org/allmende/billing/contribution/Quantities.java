package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.allmende.events.money.Money;

/**
 * Arithmetic on quantities and amounts. Quantities and unit prices stay exact; an amount on a line is rounded
 * exactly once, by the one rule in {@link Money} (two decimals, half up), from the exact product and share.
 */
final class Quantities {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Quantities() {}

    /** One scale for one number, whatever scale it was written with (1.50 and 1.5 are the same quantity). */
    static BigDecimal canonical(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** unit price × quantity × share, rounded once: the division by the share's denominator is the rounding. */
    static BigDecimal net(BigDecimal unitPrice, BigDecimal quantity, Share share) {
        var exact = unitPrice.multiply(quantity).multiply(BigDecimal.valueOf(share.numerator()));
        return exact.divide(BigDecimal.valueOf(share.denominator()), Money.SCALE, Money.ROUNDING);
    }

    /** rate (percent) × net, rounded once. */
    static BigDecimal vat(BigDecimal net, BigDecimal ratePercent) {
        return Money.round(net.multiply(ratePercent).divide(HUNDRED));
    }
}
