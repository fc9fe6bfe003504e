package org.allmende.billing.tariff;

import java.math.BigDecimal;

/**
 * One step of a tiered price: the units up to and including {@code upTo} (counted over the billing period, from
 * where the tier before ends) at {@code unitPrice}; the last tier has no upper bound ({@code upTo} null).
 */
public record Tier(BigDecimal upTo, BigDecimal unitPrice) {

    public Tier {
        if (upTo != null) {
            upTo = Prices.positive(upTo, "upTo");
        }
        unitPrice = Prices.price(unitPrice, "unitPrice");
    }

    public static Tier upTo(String upTo, String unitPrice) {
        return new Tier(new BigDecimal(upTo), new BigDecimal(unitPrice));
    }

    public static Tier above(String unitPrice) {
        return new Tier(null, new BigDecimal(unitPrice));
    }

    public boolean unbounded() {
        return upTo == null;
    }
}
