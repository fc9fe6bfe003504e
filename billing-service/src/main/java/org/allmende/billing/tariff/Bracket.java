package org.allmende.billing.tariff;

import java.math.BigDecimal;

/** A membership fee bracket: members counting {@code from} (inclusive) or more, up to the next bracket, pay {@code fee}. */
public record Bracket(long from, BigDecimal fee) {

    public Bracket {
        if (from < 0) {
            throw new InvalidTariff("from", "not-negative", "must not be negative");
        }
        fee = Prices.price(fee, "fee");
    }

    public static Bracket from(long from, String fee) {
        return new Bracket(from, new BigDecimal(fee));
    }
}
