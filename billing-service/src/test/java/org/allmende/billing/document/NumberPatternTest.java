package org.allmende.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPatternTest {

    @ParameterizedTest(name = "{0} in {1}, number {2} -> {3}")
    @CsvSource({
        "RE-{yyyy}-{seq:6}, 2026, 123, RE-2026-000123",
        "RE-{yyyy}-{seq:6}, 2026, 1, RE-2026-000001",
        "RE-{yyyy}-{seq:6}, 2026, 1234567, RE-2026-1234567",
        "GS_{yy}_{seq:4}, 2031, 42, GS_31_0042",
        "{yyyy}{seq}, 2026, 7, 20267",
        "KA.{seq:3}.{yyyy}, 2027, 5, KA.005.2027"
    })
    void writesTheYearAndTheZeroPaddedNumber(String pattern, int year, long sequence, String number) {
        assertThat(new NumberPattern(pattern).format(year, sequence)).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RE-{seq:6}                                   | the year",
                "RE-{yyyy}                                    | exactly one {seq}",
                "RE-{yyyy}-{seq:6}-{seq:2}                    | exactly one {seq}",
                "RE-{yyyy}-{seq:0}                            | 1 to 12 digits",
                "RE-{yyyy:4}-{seq:6}                          | only {seq} takes a width",
                "RE {yyyy}-{seq:6}                            | only letters, digits",
                "RE/{yyyy}/{seq:6}                            | only letters, digits",
                "RE-{yyyy}-{nr:6}                             | only letters, digits",
                "RECHNUNGSNUMMER-DER-GENOSSENSCHAFT-{yyyy}-{seq:6} | at most 40 characters"
            })
    void aPatternThatCouldRepeatOrOverflowANumberIsRefused(String pattern, String needs) {
        assertThatThrownBy(() -> new NumberPattern(pattern.strip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(needs);
    }
}
