package org.allmende.billing.tariff;

/** What a time-based price is stated per: a calendar month, quarter or year. */
public enum Cadence {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
