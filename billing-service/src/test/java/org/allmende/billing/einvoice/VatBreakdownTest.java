package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VAT per category and rate: the category's net times the rate, rounded once, half up (BR-CO-17). */
class VatBreakdownTest {

    @ParameterizedTest(name = "nets {0} at 19 % -> VAT {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // line by line 3 × 0.02 = 0.06; for the category 0.39 × 19 % = 0.0741 -> 0.07
                "0.13 0.13 0.13 | 0.07",
                // line by line 3 × 0.01 = 0.03; for the category 0.12 × 19 % = 0.0228 -> 0.02
                "0.04 0.04 0.04 | 0.02",
                "10.00          | 1.90",
                "0.05           | 0.01",
                "100.00 -40.00  | 11.40",
                "-0.13 -0.13 -0.13 | -0.07",
                "12345.67 0.01  | 2345.68"
            })
    void theCategorysVatIsItsNetTimesTheRateRoundedOnce(String nets, String vat) {
        var lines = new ArrayList<EInvoiceLine>();
        for (var net : nets.trim().split(" +")) {
            var amount = new BigDecimal(net);
            lines.add(EInvoiceSamples.line(
                    String.valueOf(lines.size() + 1),
                    "x",
                    amount.signum() < 0 ? "-1" : "1",
                    InvoiceUnit.LUMP_SUM,
                    amount.abs().toPlainString(),
                    net,
                    VatCategory.STANDARD));
        }

        var breakdown = VatBreakdown.of(lines);

        assertThat(breakdown).singleElement().satisfies(category -> {
            assertThat(category.taxAmount()).isEqualByComparingTo(vat);
            assertThat(category.taxAmount().scale()).isEqualTo(2);
        });
    }

    @Test
    void standardRatedComesBeforeExemptAndEachCategoryOnce() {
        var breakdown = VatBreakdown.of(List.of(
                EInvoiceSamples.line(
                        "1", "a", "1", InvoiceUnit.LUMP_SUM, "100.00", "100.00", VatCategory.COST_SHARING_EXEMPT),
                EInvoiceSamples.line("2", "b", "1", InvoiceUnit.LUMP_SUM, "50.00", "50.00", VatCategory.STANDARD),
                EInvoiceSamples.line(
                        "3", "c", "1", InvoiceUnit.LUMP_SUM, "20.00", "20.00", VatCategory.COST_SHARING_EXEMPT),
                EInvoiceSamples.line(
                        "4",
                        "d",
                        "1",
                        InvoiceUnit.LUMP_SUM,
                        "30.00",
                        "30.00",
                        new VatCategory("S", new BigDecimal("19.00"), null, null))));

        assertThat(breakdown)
                .extracting(b -> b.category().code(), b -> b.taxableAmount().toPlainString(), b -> b.taxAmount()
                        .toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("S", "80.00", "15.20"),
                        org.assertj.core.groups.Tuple.tuple("E", "120.00", "0.00"));
    }

    @Test
    void exemptLinesShareOneReason() {
        var other = new VatCategory("E", BigDecimal.ZERO, "Steuerfrei nach § 4 Nr. 11 UStG", "VATEX-EU-132-1E");

        assertThatThrownBy(() -> VatBreakdown.of(List.of(
                        EInvoiceSamples.line(
                                "1", "a", "1", InvoiceUnit.LUMP_SUM, "1.00", "1.00", VatCategory.COST_SHARING_EXEMPT),
                        EInvoiceSamples.line("2", "b", "1", InvoiceUnit.LUMP_SUM, "1.00", "1.00", other))))
                .hasMessageContaining("different exemption reasons");
    }
}
