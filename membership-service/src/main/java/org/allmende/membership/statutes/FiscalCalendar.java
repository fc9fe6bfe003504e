package org.allmende.membership.statutes;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * Dates of the fiscal year by the statutes (§8 GenG; default: the calendar year). Notice and exclusion take effect
 * only at the end of a fiscal year (§65, §68); the capital is paid out within a period after exit (§73).
 */
public record FiscalCalendar(MonthDay yearStart, Period noticePeriod, Period payoutWithin) {

    private static final Period SHORTEST_NOTICE = Period.ofMonths(3);
    private static final Period LONGEST_NOTICE = Period.ofYears(5);

    public FiscalCalendar {
        if (months(noticePeriod) < months(SHORTEST_NOTICE) || months(noticePeriod) > months(LONGEST_NOTICE)) {
            throw new IllegalArgumentException(
                    "notice period " + noticePeriod + " is outside what §65 GenG allows (3 months to 5 years)");
        }
        if (payoutWithin.isNegative() || payoutWithin.isZero()) {
            throw new IllegalArgumentException("payout period must be positive");
        }
    }

    /** The last day of the fiscal year that contains {@code date}. */
    public LocalDate endOfFiscalYear(LocalDate date) {
        var start = yearStart.atYear(date.getYear());
        var nextStart = date.isBefore(start) ? start : start.plusYears(1);
        return nextStart.minusDays(1);
    }

    /** The first fiscal year end at least the notice period after the notice was given. */
    public LocalDate noticeEffectiveOn(LocalDate givenOn) {
        // §§ 187, 188 BGB: a notice received on day D with a period of P runs out at the end of D + P.
        return endOfFiscalYear(givenOn.plus(noticePeriod));
    }

    public LocalDate payoutDueBy(LocalDate endedOn) {
        return endedOn.plus(payoutWithin);
    }

    private static long months(Period period) {
        return period.toTotalMonths() + (period.getDays() > 0 ? 1 : 0);
    }
}
