package org.allmende.billing.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.allmende.support.web.InvalidField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a run's capital calls are due: the day finance names, else the payment term from today; always ahead. */
class CapitalCallDueDateTest {

    @ParameterizedTest(name = "asked {0} on {1} with term {2}: due {3}")
    @CsvSource({
        ",           2026-06-15, P30D, 2026-07-15",
        ",           2026-01-31, P1M,  2026-02-28",
        ",           2026-12-20, P30D, 2027-01-19",
        "2026-06-16, 2026-06-15, P30D, 2026-06-16",
        "2026-09-30, 2026-06-15, P30D, 2026-09-30",
    })
    void dueOnTheDayAskedElseAfterThePaymentTerm(LocalDate asked, LocalDate today, String term, LocalDate due) {
        assertThat(CapitalCalls.dueOn(asked, today, Period.parse(term))).isEqualTo(due);
    }

    @ParameterizedTest(name = "asked {0} on {1}")
    @CsvSource({"2026-06-15, 2026-06-15", "2026-06-01, 2026-06-15"})
    void aDueDateNotAheadIsRefusedNamingTheField(LocalDate asked, LocalDate today) {
        assertThatThrownBy(() -> CapitalCalls.dueOn(asked, today, Period.ofDays(30)))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("dueOn"));
    }
}
