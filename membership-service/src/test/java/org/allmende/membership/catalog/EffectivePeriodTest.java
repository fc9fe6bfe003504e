package org.allmende.membership.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffectivePeriodTest {

    private static EffectivePeriod period(String from, String to) {
        return new EffectivePeriod(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    /** Both ends inclusive; an empty end is an open period. */
    @ParameterizedTest(name = "[{0} .. {1}] and [{2} .. {3}] overlap: {4}")
    @CsvSource(
            nullValues = "",
            value = {
                "2026-01-01, 2026-03-31, 2026-04-01, 2026-06-30, false", // back to back
                "2026-01-01, 2026-03-31, 2026-03-31, 2026-06-30, true", // share the last day
                "2026-01-01, 2026-03-31, 2026-02-01, 2026-02-28, true", // one inside the other
                "2026-01-01, 2026-01-01, 2026-01-01, 2026-01-01, true", // the same single day
                "2026-04-01, 2026-06-30, 2026-01-01, 2026-03-31, false", // the other way round
                "2026-01-01,           , 2030-01-01, 2030-12-31, true", // open reaches everything later
                "2026-01-01,           , 2025-01-01, 2025-12-31, false", // but nothing earlier
                "2026-01-01,           , 2025-01-01,           , true", // two open periods always
                "2026-01-01, 2026-06-30, 2026-07-01,           , false", // re-subscribed after the last day
                "2026-01-01, 2026-06-30, 2026-06-30,           , true", // re-subscribed on the last day
            })
    void overlapIsSymmetricAndInclusive(String from, String to, String otherFrom, String otherTo, boolean expected) {
        var one = period(from, to);
        var other = period(otherFrom, otherTo);

        assertThat(one.overlaps(other)).isEqualTo(expected);
        assertThat(other.overlaps(one)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0} .. {1}] contains {2}: {3}")
    @CsvSource(
            nullValues = "",
            value = {
                "2026-01-01, 2026-03-31, 2025-12-31, false",
                "2026-01-01, 2026-03-31, 2026-01-01, true",
                "2026-01-01, 2026-03-31, 2026-03-31, true",
                "2026-01-01, 2026-03-31, 2026-04-01, false",
                "2026-01-01,           , 2099-12-31, true",
                "2026-01-01,           , 2025-12-31, false",
            })
    void aPeriodContainsItsFirstAndLastDay(String from, String to, String day, boolean expected) {
        assertThat(period(from, to).contains(LocalDate.parse(day))).isEqualTo(expected);
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> period("2026-04-01", "2026-03-31")).isInstanceOf(IllegalArgumentException.class);
    }
}
