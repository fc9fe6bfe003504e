package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.MARCH_2026;
import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.calculate;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.plan;
import static org.allmende.billing.contribution.Fixtures.priced;
import static org.allmende.billing.contribution.Fixtures.subscribed;
import static org.allmende.billing.contribution.Fixtures.tiers;
import static org.allmende.billing.contribution.Fixtures.totalNet;
import static org.allmende.billing.contribution.Fixtures.used;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PriceModel.FlatFee;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every price model on one month of usage or subscription: which lines it yields, at which price, for what net. */
class PricingModelsTest {

    private static final String TIERS = "1000@0.02|5000@0.015|@0.01";

    /** Usage of March 2026, spread over two days so that lines are about the period, not a day. */
    private static List<ContributionLine> usageLines(PriceModel model, String quantity) {
        var half = amount(quantity).divide(amount("2"));
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("PRINT-PAGES", 1, "2026-01-01", null)))
                .withUsage(List.of(
                        used("PRINT-PAGES", "2026-03-02", half.toPlainString()),
                        used("PRINT-PAGES", "2026-03-30", half.toPlainString())));
        return calculate(facts, MARCH_2026, plan("PRINT-PAGES", ServiceUnit.PAGE, model));
    }

    @ParameterizedTest(name = "{0} pages at 0.0123 EUR: {1}")
    @CsvSource({
        "0,      ''",
        "1000,   1000@0.0123=12.30",
        "41,     41@0.0123=0.50",
        "407,    407@0.0123=5.01",
        "2.5,    2.5@0.0123=0.03",
        "0.0002, 0.0002@0.0123=0.00"
    })
    void perUnitChargesEveryUnitAtOnePrice(String quantity, String lines) {
        assertThat(priced(usageLines(new PerUnit(amount("0.0123")), quantity))).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0} pages graduated: {1}")
    @CsvSource({
        "0,       '',                                                  0.00",
        "999,     999@0.02=19.98,                                      19.98",
        "1000,    1000@0.02=20.00,                                     20.00",
        "1001,    1000@0.02=20.00|1@0.015=0.02,                        20.02",
        "5000,    1000@0.02=20.00|4000@0.015=60.00,                    80.00",
        "5001,    1000@0.02=20.00|4000@0.015=60.00|1@0.01=0.01,        80.01",
        "12345.5, 1000@0.02=20.00|4000@0.015=60.00|7345.5@0.01=73.46,  153.46"
    })
    void graduatedTiersPriceEachUnitByTheTierItsPositionFallsInto(String quantity, String lines, String total) {
        var result = usageLines(new GraduatedTiers(tiers(TIERS)), quantity);

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(totalNet(result)).isEqualByComparingTo(total);
    }

    @ParameterizedTest(name = "{0} pages by volume: {1}")
    @CsvSource({
        "0,       ''",
        "1000,    1000@0.02=20.00",
        "1001,    1001@0.015=15.02",
        "5000,    5000@0.015=75.00",
        "5001,    5001@0.01=50.01",
        "12345.5, 12345.5@0.01=123.46"
    })
    void volumeTiersPriceAllUnitsByTheTierOfThePeriodsTotal(String quantity, String lines) {
        assertThat(priced(usageLines(new VolumeTiers(tiers(TIERS)), quantity))).isEqualTo(lines);
    }

    @ParameterizedTest(name = "{0} pages in blocks of 500: {1}")
    @CsvSource({
        "0,      ''",
        "1,      1@7.5=7.50",
        "500,    1@7.5=7.50",
        "501,    2@7.5=15.00",
        "1000,   2@7.5=15.00",
        "1000.5, 3@7.5=22.50"
    })
    void packagesChargeEveryStartedBlock(String quantity, String lines) {
        var result = usageLines(new Package(amount("500"), amount("7.50")), quantity);

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result).allSatisfy(line -> assertThat(line.unit()).isEqualTo("BLOCK"));
    }

    @ParameterizedTest(name = "{0} pages with a minimum of 50 EUR a month: {1}")
    @CsvSource({
        "0,    1@50=50.00,                  50.00",
        "1000, 1000@0.02=20.00|1@30=30.00,  50.00",
        "2499, 2499@0.02=49.98|1@0.02=0.02, 50.00",
        "2500, 2500@0.02=50.00,             50.00",
        "3000, 3000@0.02=60.00,             60.00"
    })
    void aMinimumChargeTopsUpWhatTheUsageCostsLess(String quantity, String lines, String total) {
        var result = usageLines(new MinimumCharge(amount("50"), Cadence.MONTH, new PerUnit(amount("0.02"))), quantity);

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(totalNet(result)).isEqualByComparingTo(total);
        assertThat(result).allSatisfy(line -> assertThat(line.type()).isEqualTo(LineType.USAGE));
    }

    @ParameterizedTest(name = "minimum of 50 EUR a month, subscribed {0} to {1}: {2}")
    @CsvSource({
        "2026-03-01, , 1@50=50.00",
        "2026-03-17, , 1@24.19=24.19",
        "2026-02-01, 2026-03-16, 1@25.81=25.81",
        "2026-04-01, , ''"
    })
    void theMinimumCoversOnlyTheDaysSubscribed(String from, String to, String lines) {
        var facts = BillingFacts.of(member()).withSubscriptions(List.of(subscribed("PRINT-PAGES", 1, from, to)));
        var minimum = new MinimumCharge(amount("50"), Cadence.MONTH, new PerUnit(amount("0.02")));

        assertThat(priced(calculate(facts, MARCH_2026, plan("PRINT-PAGES", ServiceUnit.PAGE, minimum))))
                .isEqualTo(lines);
    }

    @ParameterizedTest(name = "flat fee {0} per {1}, billed for March 2026: {2}")
    @CsvSource({
        "120,  MONTH,   1@120=120.00",
        "360,  QUARTER, 1@360=120.00",
        "1200, YEAR,    1@1200=100.00",
        "1000, YEAR,    1@1000=83.33",
        "0,    MONTH,   1@0=0.00"
    })
    void aFlatFeeIsChargedPerPeriodWhateverTheQuantity(String amount, Cadence per, String lines) {
        var facts =
                BillingFacts.of(member()).withSubscriptions(List.of(subscribed("ADMIN-NET", 3, "2026-01-01", null)));

        var result =
                calculate(facts, MARCH_2026, plan("ADMIN-NET", ServiceUnit.FLAT, new FlatFee(amount(amount), per)));

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result).allSatisfy(line -> assertThat(line.type()).isEqualTo(LineType.SUBSCRIPTION));
    }

    @ParameterizedTest(name = "{0} tablets at {1} per {2}: {3}")
    @CsvSource({
        "1,  10,     MONTH, 1@10=10.00",
        "12, 10,     MONTH, 12@10=120.00",
        "12, 9.99,   MONTH, 12@9.99=119.88",
        "7,  100,    YEAR,  7@100=58.33",
        "3,  0.3333, MONTH, 3@0.3333=1.00"
    })
    void perSeatChargesTheSubscribedQuantity(int seats, String price, Cadence per, String lines) {
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("RIS-TABLET", seats, "2026-01-01", null)));

        var result =
                calculate(facts, MARCH_2026, plan("RIS-TABLET", ServiceUnit.DEVICE, new PerSeat(amount(price), per)));

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result.get(0).unit()).isEqualTo("DEVICE");
    }

    @ParameterizedTest(name = "{0} tablets with a minimum of 50 EUR a month: {1}")
    @CsvSource({"3, 3@10=30.00|1@20=20.00", "5, 5@10=50.00", "6, 6@10=60.00"})
    void aMinimumOverSeatsTopsUpTheSubscription(int seats, String lines) {
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("RIS-TABLET", seats, "2026-01-01", null)));
        var model = new MinimumCharge(amount("50"), Cadence.MONTH, new PerSeat(amount("10"), Cadence.MONTH));

        var result = calculate(facts, MARCH_2026, plan("RIS-TABLET", ServiceUnit.DEVICE, model));

        assertThat(priced(result)).isEqualTo(lines);
        assertThat(result).allSatisfy(line -> assertThat(line.type()).isEqualTo(LineType.SUBSCRIPTION));
    }
}
