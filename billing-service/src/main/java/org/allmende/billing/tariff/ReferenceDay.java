package org.allmende.billing.tariff;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The day whose inhabitants or staff figure sets a membership fee, relative to the billed period: e.g. 31 December of
 * the year before ({@code --12-31}, one year back) or 30 June of the year before (the official statistics' date).
 */
public record ReferenceDay(MonthDay day, int yearsBefore) {

    public ReferenceDay {
        Prices.required(day, "day");
        if (yearsBefore < 0) {
            throw new InvalidTariff("yearsBefore", "not-negative", "must not be negative");
        }
    }

    public static ReferenceDay endOfPreviousYear() {
        return new ReferenceDay(MonthDay.of(12, 31), 1);
    }

    /** The reference date for a period that starts on {@code periodStart}. */
    public LocalDate dateFor(LocalDate periodStart) {
        return day.atYear(periodStart.getYear() - yearsBefore);
    }

    @Override
    public String toString() {
        return day + " of " + (yearsBefore == 0 ? "the same year" : yearsBefore + " year(s) before");
    }
}
