package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.LineType;
import org.allmende.billing.contribution.Share;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contribution lines become invoice lines with the same nets; how quantity, price, unit and VAT are shown. */
class EInvoiceLinesTest {

    private static final Function<String, String> NAMES = code -> "Dienst " + code;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PAGE, ZP, Seiten",
        "GB_MONTH, E34, GB-Monate",
        "DEVICE, C62, Geräte",
        "HOUR, HUR, Stunden",
        "FLAT, LS, pauschal",
        "PIECE, H87, Stück",
        "BLOCK, C62, Blöcke"
    })
    void ourUnitsAreUneceRecommendation20Codes(String unit, String code, String label) {
        var invoiceUnit = InvoiceUnit.ofContributionUnit(unit);

        assertThat(invoiceUnit.code()).isEqualTo(code);
        assertThat(invoiceUnit.label()).isEqualTo(label);
    }

    @Test
    void everyCatalogUnitHasACode() {
        assertThat(Arrays.stream(ServiceUnit.values()).map(unit -> InvoiceUnit.ofContributionUnit(unit.name())))
                .doesNotContainNull();
        assertThatThrownBy(() -> InvoiceUnit.ofContributionUnit("LITRE")).hasMessageContaining("LITRE");
    }

    @Test
    void aUsageLineKeepsItsQuantityAndPrice() {
        var line =
                map(contribution(LineType.USAGE, "12345", "PAGE", "0.0123", Share.ONE, "151.84", VatRegime.STANDARD));

        assertThat(line.quantity()).isEqualByComparingTo("12345");
        assertThat(line.unit()).isEqualTo(InvoiceUnit.PAGE);
        assertThat(line.netPrice()).isEqualByComparingTo("0.0123");
        assertThat(line.netAmount()).isEqualByComparingTo("151.84");
        assertThat(line.note()).isNull();
        assertThat(line.name()).isEqualTo("Dienst SVC");
        assertThat(line.sellerItemId()).isEqualTo("SVC");
        assertThat(line.vat()).isEqualTo(VatCategory.STANDARD);
    }

    @Test
    void aPriceProratedByDaysIsALumpSumThatShowsItsCalculation() {
        var line = map(contribution(
                LineType.SUBSCRIPTION, "12", "DEVICE", "12.50", new Share(22, 31), "106.45", VatRegime.STANDARD));

        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.unit()).isEqualTo(InvoiceUnit.LUMP_SUM);
        assertThat(line.netPrice()).isEqualByComparingTo("106.45");
        assertThat(line.netAmount()).isEqualByComparingTo("106.45");
        assertThat(line.note()).isEqualTo("12 Geräte à 12,50 € × 22/31");
    }

    @Test
    void aCreditIsANegativeQuantityAtAPositivePrice() {
        var line = map(contribution(LineType.CREDIT, "1", "FLAT", "-15.00", Share.ONE, "-15.00", VatRegime.STANDARD));

        assertThat(line.quantity()).isEqualByComparingTo("-1");
        assertThat(line.netPrice()).isEqualByComparingTo("15.00");
        assertThat(line.netAmount()).isEqualByComparingTo("-15.00");
        assertThat(line.name()).isEqualTo("Gutschrift: Dienst SVC");
    }

    @Test
    void aCorrectionWhoseNetIsNotQuantityTimesPriceIsALumpSumOfTheDifference() {
        // a volume tier left: the same pages, now at a lower price, 5.00 less
        var line = map(contribution(LineType.CORRECTION, "0", "PAGE", "0.02", Share.ONE, "-5.00", VatRegime.STANDARD));

        assertThat(line.quantity()).isEqualByComparingTo("-1");
        assertThat(line.unit()).isEqualTo(InvoiceUnit.LUMP_SUM);
        assertThat(line.netPrice()).isEqualByComparingTo("5.00");
        assertThat(line.note()).isEqualTo("Differenz 0 Seiten à 0,02 €");
        assertThat(line.name()).isEqualTo("Korrektur 2026-02: Dienst SVC");
    }

    @Test
    void exemptLinesAreCategoryEGoodsAreStandardRated() {
        var exempt = map(
                contribution(LineType.USAGE, "3", "HOUR", "85.00", Share.ONE, "255.00", VatRegime.EXEMPT_COST_SHARING));
        var goods = map(contribution(LineType.USAGE, "2", "PIECE", "89.90", Share.ONE, "179.80", VatRegime.GOODS));

        assertThat(exempt.vat()).isEqualTo(VatCategory.COST_SHARING_EXEMPT);
        assertThat(goods.vat()).isEqualTo(VatCategory.STANDARD);
    }

    @Test
    void linesAreNumberedInTheirOrder() {
        var lines = EInvoiceLines.fromContributions(
                List.of(
                        contribution(LineType.USAGE, "1", "HOUR", "85.00", Share.ONE, "85.00", VatRegime.STANDARD),
                        contribution(LineType.USAGE, "2", "HOUR", "85.00", Share.ONE, "170.00", VatRegime.STANDARD)),
                NAMES);

        assertThat(lines).extracting(EInvoiceLine::id).containsExactly("1", "2");
    }

    private static EInvoiceLine map(ContributionLine contribution) {
        return EInvoiceLines.fromContributions(List.of(contribution), NAMES).get(0);
    }

    static ContributionLine contribution(
            LineType type, String quantity, String unit, String price, Share share, String net, VatRegime regime) {
        var amount = new BigDecimal(net);
        var vat = Money.round(amount.multiply(regime.ratePercent()).divide(BigDecimal.valueOf(100)));
        var march = BillingPeriod.month(YearMonth.of(2026, 3));
        return new ContributionLine(
                type,
                "SVC",
                "as calculated",
                type == LineType.CREDIT ? LocalDate.of(2026, 3, 5) : march.first(),
                type == LineType.CREDIT ? LocalDate.of(2026, 3, 5) : march.last(),
                new BigDecimal(quantity),
                unit,
                new BigDecimal(price),
                share,
                amount,
                regime,
                regime.ratePercent(),
                "why",
                vat,
                amount.add(vat),
                type == LineType.CORRECTION ? BillingPeriod.month(YearMonth.of(2026, 2)) : null,
                type == LineType.CREDIT ? "REF-1" : null);
    }
}
