package org.allmende.billing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.billing.VatSubtotal;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTotalsTest {

    static DocumentLine line(String net, String rate, VatRegime regime) {
        var amount = new BigDecimal(net);
        var vat = amount.multiply(new BigDecimal(rate)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        return new DocumentLine(
                LineKind.USAGE,
                "pages",
                "PRINT-PAGES",
                BigDecimal.ONE,
                "PAGE",
                amount,
                amount,
                new BigDecimal(rate),
                regime,
                vat,
                amount.add(vat));
    }

    @ParameterizedTest(name = "nets {0} at {1} % -> VAT {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // rounded once for the group: 0.39 * 19 % = 0.0741 -> 0.07; line by line it would be 3 * 0.02
                "0.13 0.13 0.13 | 19    | 0.39 | 0.07 | 0.46",
                "10.00          | 19    | 10.00 | 1.90 | 11.90",
                "10.00 -4.00    | 19    | 6.00 | 1.14 | 7.14",
                "0.05           | 7     | 0.05 | 0.00 | 0.05",
                "0.07           | 7     | 0.07 | 0.00 | 0.07",
                "0.08           | 7     | 0.08 | 0.01 | 0.09"
            })
    void theVatOfAGroupIsItsNetTimesTheRateRoundedOnce(String nets, String rate, String net, String vat, String gross) {
        var lines = Arrays.stream(nets.split(" +"))
                .map(n -> line(n, rate, VatRegime.TAXABLE))
                .toList();

        var totals = DocumentTotals.of(lines);

        assertThat(totals.vatSubtotals()).hasSize(1);
        assertThat(totals.net()).isEqualByComparingTo(net);
        assertThat(totals.vat()).isEqualByComparingTo(vat);
        assertThat(totals.gross()).isEqualByComparingTo(gross);
    }

    @Test
    void linesAreGroupedByRegimeAndRateTaxedFirst() {
        var totals = DocumentTotals.of(List.of(
                line("120.00", "0", VatRegime.EXEMPT_COST_SHARING),
                line("50.00", "19", VatRegime.TAXABLE),
                line("10.00", "7", VatRegime.TAXABLE),
                line("30.00", "19.00", VatRegime.TAXABLE)));

        assertThat(totals.vatSubtotals())
                .extracting(VatSubtotal::regime, s -> s.ratePercent().toPlainString(), s -> s.net()
                        .toPlainString())
                .containsExactly(
                        Tuple.tuple(VatRegime.TAXABLE, "7.00", "10.00"),
                        Tuple.tuple(VatRegime.TAXABLE, "19.00", "80.00"),
                        Tuple.tuple(VatRegime.EXEMPT_COST_SHARING, "0.00", "120.00"));
        assertThat(totals.net()).isEqualByComparingTo("210.00");
        assertThat(totals.vat()).isEqualByComparingTo("15.90");
        assertThat(totals.gross()).isEqualByComparingTo("225.90");
    }
}
