package org.allmende.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import org.allmende.membership.statutes.FiscalCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalCalendarTest {

    @ParameterizedTest(name = "fiscal year from {0}, notice {1} given {2}: effective {3}")
    @CsvSource({
        "--01-01, P2Y, 2026-03-10, 2028-12-31",
        "--01-01, P2Y, 2026-12-31, 2028-12-31",
        "--01-01, P2Y, 2027-01-01, 2029-12-31",
        "--01-01, P2Y, 2026-01-01, 2028-12-31",
        "--01-01, P3M, 2026-09-30, 2026-12-31",
        "--01-01, P3M, 2026-10-01, 2027-12-31",
        "--01-01, P3M, 2026-10-02, 2027-12-31",
        "--07-01, P1Y, 2026-03-10, 2027-06-30",
        "--07-01, P1Y, 2026-07-01, 2028-06-30",
        "--07-01, P1Y, 2026-07-02, 2028-06-30",
        "--01-01, P5Y, 2026-02-28, 2031-12-31"
    })
    void noticeTakesEffectAtTheFirstFiscalYearEndAtLeastThePeriodAhead(
            String yearStart, String period, String givenOn, String effectiveOn) {
        var calendar = new FiscalCalendar(MonthDay.parse(yearStart), Period.parse(period), Period.ofMonths(6));

        assertThat(calendar.noticeEffectiveOn(LocalDate.parse(givenOn))).isEqualTo(LocalDate.parse(effectiveOn));
    }

    @ParameterizedTest(name = "{0}: the fiscal year from {1} ends {2}")
    @CsvSource({
        "2026-09-15, --01-01, 2026-12-31",
        "2026-12-31, --01-01, 2026-12-31",
        "2026-03-01, --07-01, 2026-06-30",
        "2026-07-01, --07-01, 2027-06-30"
    })
    void exclusionTakesEffectAtTheEndOfTheCurrentFiscalYear(String decidedOn, String yearStart, String end) {
        var calendar = new FiscalCalendar(MonthDay.parse(yearStart), Period.ofYears(2), Period.ofMonths(6));

        assertThat(calendar.endOfFiscalYear(LocalDate.parse(decidedOn))).isEqualTo(LocalDate.parse(end));
    }

    @ParameterizedTest(name = "notice period {0} is outside §65 GenG")
    @CsvSource({"P2M", "P89D", "P5Y1M", "P6Y"})
    void theNoticePeriodMustLieBetweenThreeMonthsAndFiveYears(String period) {
        assertThatThrownBy(() -> new FiscalCalendar(MonthDay.of(1, 1), Period.parse(period), Period.ofMonths(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("§65");
    }
}
