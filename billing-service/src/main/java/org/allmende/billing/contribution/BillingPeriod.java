package org.allmende.billing.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;
import org.allmende.billing.tariff.Days;

/** The calendar month, quarter or year an invoice covers (business dates, Europe/Berlin). */
public record BillingPeriod(Kind kind, LocalDate first, LocalDate last) implements Comparable<BillingPeriod> {

    public enum Kind {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }
    }

    private static final Pattern QUARTER_LABEL = Pattern.compile("(\\d{4})-Q([1-4])");

    public BillingPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        var start =
                switch (kind) {
                    case MONTH -> first.withDayOfMonth(1);
                    case QUARTER -> LocalDate.of(first.getYear(), (first.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    case YEAR -> first.withDayOfYear(1);
                };
        var end = start.plusMonths(kind.months).minusDays(1);
        if (!start.equals(first) || !end.equals(last)) {
            throw new IllegalArgumentException(
                    "a " + kind + " runs from " + start + " to " + end + ", not from " + first + " to " + last);
        }
    }

    public static BillingPeriod month(YearMonth month) {
        return new BillingPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static BillingPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
        }
        var start = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new BillingPeriod(
                Kind.QUARTER, start.atDay(1), start.plusMonths(2).atEndOfMonth());
    }

    public static BillingPeriod year(int year) {
        return new BillingPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The month, quarter or year that runs exactly from {@code first} to {@code last}. */
    public static BillingPeriod of(LocalDate first, LocalDate last) {
        var months = first.until(last.plusDays(1)).toTotalMonths();
        var kind = months == 12 ? Kind.YEAR : months == 3 ? Kind.QUARTER : Kind.MONTH;
        return new BillingPeriod(kind, first, last);
    }

    /** {@code 2026-03}, {@code 2026-Q1} or {@code 2026}. */
    public static BillingPeriod parse(String label) {
        var quarter = QUARTER_LABEL.matcher(label);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        if (label.matches("\\d{4}")) {
            return year(Integer.parseInt(label));
        }
        return month(YearMonth.parse(label));
    }

    public Days days() {
        return new Days(first, last);
    }

    @Override
    public int compareTo(BillingPeriod other) {
        return days().compareTo(other.days());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.from(first).toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(first.getYear());
        };
    }
}
