package org.allmende.billing.tariff;

import java.math.BigDecimal;

/** The rules every price and quantity in a tariff keeps. */
final class Prices {

    /** Unit prices may be finer than a cent (0.0123 EUR per page); only amounts on lines are rounded. */
    static final int MAX_DECIMALS = 6;

    /** Below a trillion, as every amount billing stores: 1e400 is a number, but no price. */
    static final int MAX_DIGITS = 12;

    private Prices() {}

    static BigDecimal price(BigDecimal value, String field) {
        if (value == null) {
            throw new InvalidTariff(field, "required", "must be given");
        }
        if (value.signum() < 0) {
            throw new InvalidTariff(field, "not-negative", "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidTariff(
                    field, "at-most-" + MAX_DECIMALS + "-decimals", "must have at most " + MAX_DECIMALS + " decimals");
        }
        if (value.precision() - value.scale() > MAX_DIGITS) {
            throw new InvalidTariff(
                    field,
                    "at-most-" + MAX_DIGITS + "-digits",
                    "must have at most " + MAX_DIGITS + " digits before the point");
        }
        return canonical(value);
    }

    static BigDecimal positive(BigDecimal value, String field) {
        var checked = price(value, field);
        if (checked.signum() == 0) {
            throw new InvalidTariff(field, "positive", "must be greater than zero");
        }
        return checked;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidTariff(field, "required", "must be given");
        }
        return value;
    }

    /** One scale for one number, whatever scale it was written with (1.50 and 1.5 are the same price). */
    static BigDecimal canonical(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
