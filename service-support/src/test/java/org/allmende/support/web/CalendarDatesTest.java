package org.allmende.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDatesTest {

    @Test
    void aDayOfTheCalendarIsRead() {
        assertThat(CalendarDates.parse("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarDates.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30",
                "2026-13-01",
                "0000-01-01",
                "+10000-01-01",
                "+999999999-12-31",
                "-999999999-01-01",
                "2026-1-5",
                "31.12.2025",
                "gestern",
                ""
            })
    void whatIsNoDayOfTheYears1To9999IsRefused(String text) {
        assertThatThrownBy(() -> CalendarDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0001 to 9999");
    }
}
