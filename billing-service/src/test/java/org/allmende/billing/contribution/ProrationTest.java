package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.MARCH_2026;
import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.calculate;
import static org.allmende.billing.contribution.Fixtures.day;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.month;
import static org.allmende.billing.contribution.Fixtures.plan;
import static org.allmende.billing.contribution.Fixtures.priced;
import static org.allmende.billing.contribution.Fixtures.subscribed;
import static org.allmende.billing.contribution.Fixtures.tiers;
import static org.allmende.billing.contribution.Fixtures.totalNet;
import static org.allmende.billing.contribution.Fixtures.used;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PriceModel.FlatFee;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time-based prices cover the days subscribed; a price change splits the period into stretches of one plan. */
class ProrationTest {

    @ParameterizedTest(name = "{0} to {1} per {2}: {3}")
    @CsvSource({
        "2026-03-01, 2026-03-31, MONTH,   1",
        "2026-03-15, 2026-03-31, MONTH,   17/31",
        "2026-03-01, 2026-03-14, MONTH,   14/31",
        "2026-04-10, 2026-04-10, MONTH,   1/30",
        "2026-02-15, 2026-02-28, MONTH,   1/2",
        "2028-02-15, 2028-02-29, MONTH,   15/29",
        "2028-02-01, 2028-02-29, MONTH,   1",
        "2026-03-16, 2026-05-31, MONTH,   78/31",
        "2026-01-01, 2026-12-31, MONTH,   12",
        "2026-01-01, 2026-03-31, QUARTER, 1",
        "2026-02-01, 2026-03-31, QUARTER, 2/3",
        "2026-07-01, 2026-12-31, YEAR,    1/2",
        "2028-01-01, 2028-12-31, YEAR,    1"
    })
    void eachMonthCountsTheDaysCoveredOverItsOwnLength(String first, String last, Cadence per, String share) {
        assertThat(Share.of(new Days(day(first), day(last)), per)).hasToString(share);
    }

    @ParameterizedTest(name = "12 tablets at 10 EUR a month, subscribed {1} to {2}, billed {0}: {3}")
    @CsvSource({
        "2026-03, 2026-01-01, ,           12@10=120.00",
        "2026-03, 2026-03-15, ,           12@10=65.81",
        "2026-03, 2026-01-01, 2026-03-14, 12@10=54.19",
        "2026-03, 2026-03-10, 2026-03-20, 12@10=42.58",
        "2026-02, 2026-02-15, ,           12@10=60.00",
        "2028-02, 2028-02-15, ,           12@10=62.07",
        "2028-02, 2028-01-01, 2028-02-28, 12@10=115.86",
        "2026-03, 2026-04-01, ,           ''",
        "2026-03, 2026-01-01, 2026-02-28, ''"
    })
    void seatsStartingOrEndingMidMonthArePricedByTheDays(String period, String from, String to, String lines) {
        var facts = BillingFacts.of(member()).withSubscriptions(List.of(subscribed("RIS-TABLET", 12, from, to)));

        var result = calculate(
                facts, month(period), plan("RIS-TABLET", ServiceUnit.DEVICE, new PerSeat(amount("10"), Cadence.MONTH)));

        assertThat(priced(result)).isEqualTo(lines);
    }

    @Test
    void aQuantityChangeMidMonthSplitsTheSubscription() {
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(
                        subscribed("RIS-TABLET", 12, "2026-01-01", "2026-03-14"),
                        subscribed("RIS-TABLET", 20, "2026-03-15", null)));

        var result = calculate(
                facts, MARCH_2026, plan("RIS-TABLET", ServiceUnit.DEVICE, new PerSeat(amount("10"), Cadence.MONTH)));

        assertThat(priced(result)).isEqualTo("12@10=54.19|20@10=109.68");
        assertThat(result).extracting(ContributionLine::share).hasToString("[14/31, 17/31]");
        assertThat(result.get(1).from()).isEqualTo(day("2026-03-15"));
    }

    @Test
    void aPriceChangeOnThe15thSplitsTheMonth() {
        var facts =
                BillingFacts.of(member()).withSubscriptions(List.of(subscribed("ADMIN-NET", 1, "2026-01-01", null)));

        var result = calculate(
                facts,
                MARCH_2026,
                plan(
                        "ADMIN-NET",
                        ServiceUnit.FLAT,
                        "2020-01-01",
                        "2026-03-14",
                        new FlatFee(amount("100"), Cadence.MONTH)),
                plan("ADMIN-NET", ServiceUnit.FLAT, "2026-03-15", null, new FlatFee(amount("130"), Cadence.MONTH)));

        assertThat(priced(result)).isEqualTo("1@100=45.16|1@130=71.29");
        assertThat(result)
                .extracting(line -> line.from() + ".." + line.to())
                .containsExactly("2026-03-01..2026-03-14", "2026-03-15..2026-03-31");
    }

    /** 800 pages on 10 March, 500 on 20 March, and the price changing on the 15th. */
    private static String pricedAcrossAChangeOnThe15th(PriceModel until14th, PriceModel from15th) {
        var facts = BillingFacts.of(member())
                .withUsage(List.of(used("PRINT-PAGES", "2026-03-10", "800"), used("PRINT-PAGES", "2026-03-20", "500")));
        return priced(calculate(
                facts,
                MARCH_2026,
                plan("PRINT-PAGES", ServiceUnit.PAGE, "2020-01-01", "2026-03-14", until14th),
                plan("PRINT-PAGES", ServiceUnit.PAGE, "2026-03-15", null, from15th)));
    }

    @Test
    void aPriceChangeMidMonthPricesEachDaysUsageByItsOwnPlan() {
        assertThat(pricedAcrossAChangeOnThe15th(new PerUnit(amount("0.02")), new PerUnit(amount("0.03"))))
                .isEqualTo("800@0.02=16.00|500@0.03=15.00");
    }

    @Test
    void graduatedTiersReachedBeforeAPriceChangeStayReachedAfterIt() {
        assertThat(pricedAcrossAChangeOnThe15th(
                        new GraduatedTiers(tiers("1000@0.02|@0.01")), new GraduatedTiers(tiers("1000@0.03|@0.015"))))
                .isEqualTo("800@0.02=16.00|200@0.03=6.00|300@0.015=4.50");
    }

    @Test
    void volumeTiersAreChosenByThePeriodsTotalAcrossAPriceChange() {
        assertThat(pricedAcrossAChangeOnThe15th(
                        new VolumeTiers(tiers("1000@0.02|@0.01")), new VolumeTiers(tiers("1000@0.03|@0.015"))))
                .isEqualTo("800@0.01=8.00|500@0.015=7.50");
    }

    @Test
    void aPackageBlockIsChargedByThePlanInEffectWhenItWasStarted() {
        assertThat(pricedAcrossAChangeOnThe15th(
                        new Package(amount("500"), amount("5")), new Package(amount("500"), amount("6"))))
                .isEqualTo("2@5=10.00|1@6=6.00");
    }

    @Test
    void billingMonthlyOrQuarterlyChargesTheSameUpToTheCentPerLine() {
        var facts = BillingFacts.of(member())
                .withSubscriptions(List.of(subscribed("RIS-TABLET", 7, "2026-02-10", "2026-03-20")));
        var plan = plan("RIS-TABLET", ServiceUnit.DEVICE, new PerSeat(amount("13.37"), Cadence.MONTH));

        var quarter = calculate(facts, BillingPeriod.quarter(2026, 1), plan);
        var months = List.of("2026-01", "2026-02", "2026-03").stream()
                .flatMap(m -> calculate(facts, month(m), plan).stream())
                .toList();

        assertThat(quarter).singleElement().satisfies(line -> assertThat(line.share())
                .isEqualTo(Share.of(new Days(day("2026-02-10"), day("2026-02-28")), Cadence.MONTH)
                        .plus(Share.of(new Days(day("2026-03-01"), day("2026-03-20")), Cadence.MONTH))));
        assertThat(totalNet(months).subtract(totalNet(quarter)).abs()).isLessThanOrEqualTo(amount("0.02"));
    }

    @ParameterizedTest(name = "a member from {0} to {1}, billed for {2}: {3}")
    @CsvSource({
        "2020-01-01, ,           2026,    1@1500=1500.00",
        "2026-07-01, ,           2026,    1@1500=750.00",
        "2020-01-01, 2026-03-20, 2026-03, 1@1500=80.65",
        "2020-01-01, 2025-12-31, 2026,    ''"
    })
    void theMembershipFeeCoversTheDaysOfMembership(String from, String until, String period, String lines) {
        var member = new BillingFacts.Member(
                7, day(from), until == null ? null : day(until), false, member().inhabitants(), List.of());

        var result = Contributions.calculate(
                BillingFacts.of(member), BillingPeriod.parse(period), MembershipFeeTest.tariffs());

        assertThat(priced(result)).isEqualTo(lines);
    }
}
