package org.allmende.billing.contribution;

import java.time.YearMonth;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.Days;

/**
 * The part of a time-based price that some days cover, as an exact fraction of the price's cadence. Proration is by
 * calendar month: each month contributes the days covered divided by its own length (15 days of a 31-day month are
 * 15/31 of it, every day of February 2028 together are 29/29), a quarter is 3 months and a year 12. So whole months
 * always cost the same, and billing monthly or quarterly charges the same amount up to the cent rounding per line.
 */
public record Share(long numerator, long denominator) {

    public static final Share ONE = new Share(1, 1);
    public static final Share NONE = new Share(0, 1);

    public Share {
        if (denominator <= 0 || numerator < 0) {
            throw new IllegalArgumentException(
                    "a share is a fraction of non-negative parts, not " + numerator + "/" + denominator);
        }
        var gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    /** What the days cover of a price stated per {@code cadence}. */
    public static Share of(Days days, Cadence cadence) {
        var months = Share.NONE;
        for (var month = YearMonth.from(days.first());
                !month.isAfter(YearMonth.from(days.last()));
                month = month.plusMonths(1)) {
            var wholeMonth = new Days(month.atDay(1), month.atEndOfMonth());
            var covered = wholeMonth.intersect(days).orElseThrow().count();
            months = months.plus(new Share(covered, month.lengthOfMonth()));
        }
        return new Share(months.numerator, months.denominator * cadence.months());
    }

    public Share plus(Share other) {
        return new Share(
                Math.addExact(
                        Math.multiplyExact(numerator, other.denominator),
                        Math.multiplyExact(other.numerator, denominator)),
                Math.multiplyExact(denominator, other.denominator));
    }

    public boolean isOne() {
        return numerator == 1 && denominator == 1;
    }

    @Override
    public String toString() {
        return denominator == 1 ? String.valueOf(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }
}
