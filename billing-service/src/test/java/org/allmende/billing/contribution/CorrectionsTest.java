package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.month;
import static org.allmende.billing.contribution.Fixtures.plan;
import static org.allmende.billing.contribution.Fixtures.priced;
import static org.allmende.billing.contribution.Fixtures.subscribed;
import static org.allmende.billing.contribution.Fixtures.used;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.allmende.billing.contribution.BillingFacts.UsageCorrection;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Late usage of an invoiced period becomes CORRECTION lines on a later invoice, naming the period. */
class CorrectionsTest {

    private static final BillingPeriod FEBRUARY = month("2026-02");

    private static List<ContributionLine> corrections(PriceModel model, String billed, String late) {
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("PRINT-PAGES", 1, "2026-01-01", null)))
                .withCorrections(List.of(new UsageCorrection(
                        FEBRUARY,
                        List.of(used("PRINT-PAGES", "2026-02-10", billed)),
                        List.of(used("PRINT-PAGES", "2026-02-10", late)))));
        return Contributions.calculate(
                        facts, Fixtures.MARCH_2026, Tariffs.of(plan("PRINT-PAGES", ServiceUnit.PAGE, model)))
                .stream()
                .filter(line -> line.type() == LineType.CORRECTION)
                .toList();
    }

    @ParameterizedTest(name = "billed {0} pages at 0.02, late {1}: {2}")
    @CsvSource({"1000, 100, 100@0.02=2.00", "1000, -50, -50@0.02=-1.00", "1000, 0, ''", "0, 25, 25@0.02=0.50"})
    void lateUsageIsChargedAtThePriceOfItsPeriod(String billed, String late, String lines) {
        var result = corrections(new PerUnit(amount("0.02")), billed, late);

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result).allSatisfy(line -> {
            assertThat(line.correctedPeriod()).isEqualTo(FEBRUARY);
            assertThat(line.from()).isEqualTo(FEBRUARY.first());
            assertThat(line.description()).startsWith("Correction of 2026-02: ");
        });
    }

    @Test
    void aReversalTakesTheVatBackWithTheNet() {
        var line = corrections(new PerUnit(amount("0.02")), "1000", "-50").get(0);

        assertThat(line.vat()).isEqualTo(amount("-0.19"));
        assertThat(line.gross()).isEqualTo(amount("-1.19"));
    }

    @Test
    void aMinimumsTopUpNoLongerNeededIsTakenBack() {
        var minimum = new MinimumCharge(amount("50"), Cadence.MONTH, new PerUnit(amount("0.02")));

        var result = corrections(minimum, "1000", "2000");

        // February billed 20.00 + a top-up of 30.00; now 60.00 and no top-up: 10.00 more in all.
        assertThat(priced(result)).isEqualTo("2000@0.02=40.00|-1@30=-30.00");
        assertThat(Fixtures.totalNet(result)).isEqualTo(amount("10.00"));
    }

    @Test
    void aVolumeTierCrossedByLateUsageRepricesThePeriod() {
        var volume = new VolumeTiers(Fixtures.tiers("1000@0.02|@0.01"));

        var result = corrections(volume, "900", "200");

        // 900 × 0.02 = 18.00 billed; 1100 × 0.01 = 11.00 now.
        assertThat(priced(result)).isEqualTo("1100@0.01=11.00|-900@0.02=-18.00");
    }

    @Test
    void lateUsageCannotTakeBackMoreThanWasBilled() {
        assertThatThrownBy(() -> corrections(new PerUnit(amount("0.02")), "10", "-11"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes back more than was billed");
    }

    @Test
    void usageOnADayWithoutAPlanIsNotSilentlyLeftOut() {
        var facts = BillingFacts.of(member()).withUsage(List.of(used("PRINT-PAGES", "2026-03-10", "5")));

        assertThatThrownBy(() -> Contributions.calculate(facts, Fixtures.MARCH_2026, Tariffs.of()))
                .isInstanceOfSatisfying(TariffMissing.class, e -> {
                    assertThat(e.serviceCode()).isEqualTo("PRINT-PAGES");
                    assertThat(e.day()).isEqualTo(Fixtures.day("2026-03-10"));
                });
    }
}
