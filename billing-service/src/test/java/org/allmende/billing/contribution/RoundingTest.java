package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.MARCH_2026;
import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.calculate;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.plan;
import static org.allmende.billing.contribution.Fixtures.subscribed;
import static org.allmende.billing.contribution.Fixtures.used;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.allmende.billing.contribution.BillingFacts.Credit;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.billing.tariff.VatTreatment;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rounding rule: net rounded once per line, VAT = rate × net rounded once, gross = net + VAT; half up. */
class RoundingTest {

    @ParameterizedTest(name = "{1} × {0} EUR: net {2}, VAT {3}, gross {4}")
    @CsvSource({
        "0.005,  1,   0.01,  0.00, 0.01",
        "0.0049, 1,   0.00,  0.00, 0.00",
        "0.025,  1,   0.03,  0.01, 0.04",
        "0.0125, 1,   0.01,  0.00, 0.01",
        "0.0123, 41,  0.50,  0.10, 0.60",
        "0.0123, 407, 5.01,  0.95, 5.96",
        "0.05,   1,   0.05,  0.01, 0.06",
        "10.5,   1,   10.50, 2.00, 12.50",
        "2.5,    1,   2.50,  0.48, 2.98",
        "0.02,   1,   0.02,  0.00, 0.02",
        "1,      0.5, 0.50,  0.10, 0.60"
    })
    void netIsRoundedOnceAndVatOnceFromTheRoundedNet(
            String unitPrice, String quantity, String net, String vat, String gross) {
        var facts = BillingFacts.of(member()).withUsage(List.of(used("SUPPORT-HOURS", "2026-03-10", quantity)));

        var line = calculate(facts, MARCH_2026, plan("SUPPORT-HOURS", ServiceUnit.HOUR, new PerUnit(amount(unitPrice))))
                .get(0);

        assertThat(line.net()).isEqualTo(amount(net));
        assertThat(line.vat()).isEqualTo(amount(vat));
        assertThat(line.gross()).isEqualTo(amount(gross));
    }

    @Test
    void aShareIsAppliedExactlyBeforeTheOneRounding() {
        // 0.465 EUR per quarter for one day of a 31-day month is 0.465 / 93 = 0.005 exactly: half up gives a cent.
        // Dividing first (0.0107526881... per day) and rounding the intermediate would lose it.
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("RIS-TABLET", 1, "2026-03-31", "2026-03-31")));

        var line = calculate(
                        facts,
                        MARCH_2026,
                        plan("RIS-TABLET", ServiceUnit.DEVICE, new PerSeat(amount("0.465"), Cadence.QUARTER)))
                .get(0);

        assertThat(line.share()).hasToString("1/93");
        assertThat(line.net()).isEqualTo(amount("0.01"));
    }

    @ParameterizedTest(name = "a credit of {0}: VAT {1}, gross {2}")
    @CsvSource({"2.50, -0.48, -2.98", "10.00, -1.90, -11.90", "0.05, -0.01, -0.06"})
    void aCreditRoundsLikeTheChargeItMirrors(String credited, String vat, String gross) {
        var facts = BillingFacts.of(member())
                .withCredits(List.of(new Credit(
                        "GS-1", "SUPPORT-HOURS", Fixtures.day("2026-03-05"), amount(credited), "outage 2026-03-04")));

        var line = calculate(facts, MARCH_2026, plan("SUPPORT-HOURS", ServiceUnit.HOUR, new PerUnit(amount("80"))))
                .get(0);

        assertThat(line.type()).isEqualTo(LineType.CREDIT);
        assertThat(line.net()).isEqualTo(amount(credited).negate());
        assertThat(line.vat()).isEqualTo(amount(vat));
        assertThat(line.gross()).isEqualTo(amount(gross));
        assertThat(line.reference()).isEqualTo("GS-1");
    }

    @Test
    void totalsAreTheSumsOfTheLinesNeverRoundedAgain() {
        // Three lines of 0.02 net: VAT 0.0038 rounds to 0.00 on each line, so the VAT total is 0.00, although
        // 19 % of the total net 0.06 would round to 0.01. The invoice shows what its lines say.
        var facts = BillingFacts.of(member())
                .withUsage(List.of(
                        used("A", "2026-03-01", "1"), used("B", "2026-03-01", "1"), used("C", "2026-03-01", "1")));
        var price = new PerUnit(amount("0.02"));

        var lines = calculate(
                facts,
                MARCH_2026,
                plan("A", ServiceUnit.PIECE, price),
                plan("B", ServiceUnit.PIECE, price),
                plan("C", ServiceUnit.PIECE, price));
        var totals = ContributionTotals.of(lines);

        assertThat(totals.net()).isEqualTo(amount("0.06"));
        assertThat(totals.vat()).isEqualTo(amount("0.00"));
        assertThat(totals.gross()).isEqualTo(amount("0.06"));
        assertThat(totals.byVatRegime())
                .containsExactly(new ContributionTotals.VatSubtotal(
                        VatRegime.STANDARD, new BigDecimal("19"), amount("0.06"), amount("0.00")));
    }

    @Test
    void aLineWithAmountsRoundedAnotherWayCannotBeMade() {
        var treatment = new VatTreatment(VatRegime.STANDARD, "test");
        var days = new Days(Fixtures.day("2026-03-01"), Fixtures.day("2026-03-31"));

        assertThatThrownBy(() -> new ContributionLine(
                        LineType.USAGE,
                        "A",
                        "x",
                        days.first(),
                        days.last(),
                        BigDecimal.ONE,
                        "PIECE",
                        amount("10.5"),
                        Share.ONE,
                        amount("10.50"),
                        VatRegime.STANDARD,
                        new BigDecimal("19"),
                        treatment.reason(),
                        amount("1.99"),
                        amount("12.49"),
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rounded once");
    }
}
