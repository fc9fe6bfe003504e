package org.allmende.billing.contribution;

import static org.allmende.billing.contribution.Fixtures.amount;
import static org.allmende.billing.contribution.Fixtures.member;
import static org.allmende.billing.contribution.Fixtures.plan;
import static org.allmende.billing.contribution.Fixtures.subscribed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.allmende.billing.contribution.BillingFacts.Subscription;
import org.allmende.billing.contribution.Budgets.Basis;
import org.allmende.billing.contribution.Budgets.MonthlyUsage;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Next year's budget from this year's complete months: which months count, their average, and its price. */
class BudgetsTest {

    private static final Basis JANUARY_TO_OCTOBER = new Basis(YearMonth.of(2026, 1), YearMonth.of(2026, 10));
    private static final Tariffs PAGES_AT_TEN_CENTS =
            Tariffs.of(plan("PAGES", ServiceUnit.PAGE, new PerUnit(amount("0.10"))));

    /** "100 x 9, 200": January to October of 2026, in order. */
    private static List<MonthlyUsage> months(String spec) {
        var quantities = new ArrayList<String>();
        for (var part : spec.split(",")) {
            var repeated = part.trim().split(" x ");
            var times = repeated.length == 2 ? Integer.parseInt(repeated[1]) : 1;
            for (int i = 0; i < times; i++) {
                quantities.add(repeated[0]);
            }
        }
        var usage = new ArrayList<MonthlyUsage>();
        for (int i = 0; i < quantities.size(); i++) {
            usage.add(new MonthlyUsage("PAGES", YearMonth.of(2026, i + 1), new BigDecimal(quantities.get(i))));
        }
        return usage;
    }

    /** "2025-01-01..2026-05-31 1|2026-06-01.. 2": subscription periods of PAGES with their quantities. */
    private static List<Subscription> periods(String spec) {
        return Arrays.stream(spec.split("\\|"))
                .map(period -> {
                    var parts = period.split("[. ]+");
                    return parts.length == 2
                            ? subscribed("PAGES", Integer.parseInt(parts[1]), parts[0], null)
                            : subscribed("PAGES", Integer.parseInt(parts[2]), parts[0], parts[1]);
                })
                .toList();
    }

    @ParameterizedTest(name = "subscribed {0}, used {1}: {2}, {3} a month")
    @CsvSource(
            delimiter = ';',
            value = {
                "2025-06-01.. 1;                        100 x 9, 200;     2026-01..2026-10, 10 months; 110",
                "2026-03-15.. 1;                        0 x 2, 50, 100 x 7; 2026-04..2026-10, 7 months; 100",
                "2026-10-01.. 1;                        0 x 9, 300;       2026-10..2026-10, 1 month;   300",
                "2025-01-01..2026-05-31 1|2026-06-01.. 2; 100 x 10;       2026-01..2026-10, 10 months; 100",
                "2026-08-01.. 1;                        0 x 7, 40, 30, 30; 2026-08..2026-10, 3 months; 33.3333",
            })
    void theAverageMonthIsTakenOverTheCompleteMonthsSubscribedWithoutABreak(
            String subscriptions, String used, String basis, String monthly) {
        var facts = BillingFacts.of(member()).withSubscriptions(periods(subscriptions));

        var budget = Budgets.estimate(
                2027, JANUARY_TO_OCTOBER, facts, periods(subscriptions), months(used), PAGES_AT_TEN_CENTS);

        var pages = budget.services().get(0);
        assertThat(pages.usageBasis()).isEqualTo(basis);
        assertThat(pages.monthlyUsage()).isEqualByComparingTo(monthly);
        assertThat(budget.basis()).isEqualTo("2026-01..2026-10, 10 months");
        assertThat(pages.months().get(0).net())
                .as("January at 0.10 a page")
                .isEqualByComparingTo(
                        new BigDecimal(monthly).multiply(amount("0.10")).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aServiceWithoutACompleteMonthYetGetsNoUsageAndSaysWhy() {
        var subscriptions = List.of(subscribed("PAGES", 1, "2026-10-02", null));
        var facts = BillingFacts.of(member()).withSubscriptions(subscriptions);

        var budget = Budgets.estimate(
                2027, JANUARY_TO_OCTOBER, facts, subscriptions, months("0 x 9, 500"), PAGES_AT_TEN_CENTS);

        assertThat(budget.services()).isEmpty();
        assertThat(budget.totals().gross()).isEqualByComparingTo("0");
    }

    @Test
    void pricesPublishedForTheBudgetYearApplyFromTheirDayAndEndingSubscriptionsStop() {
        var subscriptions = List.of(
                subscribed("PAGES", 1, "2025-01-01", null), subscribed("TABLETS", 10, "2025-01-01", "2027-06-30"));
        var facts = BillingFacts.of(member()).withSubscriptions(subscriptions);
        var tariffs = Tariffs.of(
                plan("PAGES", ServiceUnit.PAGE, "2020-01-01", "2027-06-30", new PerUnit(amount("0.10"))),
                plan("PAGES", ServiceUnit.PAGE, "2027-07-01", null, new PerUnit(amount("0.12"))),
                plan("TABLETS", ServiceUnit.DEVICE, new PerSeat(amount("8"), Cadence.MONTH)));

        var budget = Budgets.estimate(2027, JANUARY_TO_OCTOBER, facts, subscriptions, months("1000 x 10"), tariffs);

        var pages = budget.services().get(0);
        assertThat(pages.serviceCode()).isEqualTo("PAGES");
        assertThat(pages.months().get(5).net()).isEqualByComparingTo("100.00");
        assertThat(pages.months().get(6).net()).isEqualByComparingTo("120.00");
        assertThat(pages.net()).isEqualByComparingTo("1320.00");
        var tablets = budget.services().get(1);
        assertThat(tablets.months().get(5).net()).isEqualByComparingTo("80.00");
        assertThat(tablets.months().get(6).net()).isEqualByComparingTo("0.00");
        assertThat(budget.subscriptions()).hasSize(2);
        assertThat(budget.months()).hasSize(12);
        assertThat(budget.months().stream().map(Budgets.MonthAmounts::gross).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the year is the sum of its months")
                .isEqualByComparingTo(budget.totals().gross());
        assertThat(budget.totals().net()).isEqualByComparingTo("1800.00");
    }
}
