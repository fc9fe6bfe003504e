package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RemittanceTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Mitgliedsnummer 17 Einzahlung | 17",
                "Mitglied 17 | 17",
                "MITGL.-NR. 4711 Anteile | 4711",
                "mitglieds-nr: 8 | 8",
                "Beitrag Mitglied Nr. 23 | 23"
            })
    void aMemberNumberWrittenInTheTextIsFound(String text, long number) {
        assertThat(RemittanceText.memberNumber(text)).contains(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"RE-2026-000017", "Mitgliederversammlung 2026"})
    void noMemberNumberWhereNoneIsWritten(String text) {
        assertThat(RemittanceText.memberNumber(text)).isEqualTo(Optional.empty());
    }

    @Test
    void numbersAreSearchedWithoutCaseAndSpaces() {
        assertThat(RemittanceText.searchable("Rechnung re-2026- 000201\nMai")).isEqualTo("RECHNUNGRE-2026-000201MAI");
    }

    @Test
    void aNumberInsideALongerOneFoundAtTheSamePlaceIsDropped() {
        var invoice = new RemittanceText.Found(1, 7, "RE-2026-000123", 5);
        var fee = new RemittanceText.Found(2, 7, "RE-2026-000123-M1", 5);
        var other = new RemittanceText.Found(3, 7, "RE-2026-000124", 30);

        assertThat(RemittanceText.distinct(List.of(other, invoice, fee))).containsExactly(fee, other);
    }
}
