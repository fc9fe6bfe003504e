package org.allmende.billing.run;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.Budgets;
import org.allmende.billing.ledger.CatalogLedger;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.ledger.UsageHistory;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.support.time.BusinessTime;
import org.allmende.support.web.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * A municipality's budget preview: a coming year's contributions per service and month, estimated from the usage of
 * the complete months of the current year (of the last year in January) by {@link Budgets}. Nothing is stored.
 */
@Component
public class BudgetPreviews {

    /**
     * The preview as of {@code asOf} (Europe/Berlin); {@code budget} null where the member is no member in the year.
     */
    public record BudgetPreview(
            long memberNumber,
            int year,
            LocalDate asOf,
            String basis,
            String method,
            String note,
            Map<String, String> serviceNames,
            Budgets.Budget budget) {}

    private final FactsLoader facts;
    private final TariffLedger tariffs;
    private final UsageHistory history;
    private final CatalogLedger catalog;
    private final Clock clock;

    BudgetPreviews(FactsLoader facts, TariffLedger tariffs, UsageHistory history, CatalogLedger catalog, Clock clock) {
        this.facts = facts;
        this.tariffs = tariffs;
        this.history = history;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The current year, as the business calendar has it. */
    public int currentYear() {
        return today().getYear();
    }

    public BudgetPreview preview(long memberNumber, int year) {
        var today = today();
        var thisMonth = YearMonth.from(today);
        var basis = thisMonth.getMonthValue() == 1
                ? new Budgets.Basis(thisMonth.minusMonths(12), thisMonth.minusMonths(1))
                : new Budgets.Basis(YearMonth.of(today.getYear(), 1), thisMonth.minusMonths(1));
        var method = "Each service's usage per month is the average of the complete months of " + basis.from() + ".."
                + basis.to()
                + " it was subscribed through (the year so far, annualised), spread evenly over the days it"
                + " is subscribed in " + year + "; each month is priced like a monthly invoice run with the price plans"
                + " in effect then, the subscriptions running in " + year + " with their quantities and the membership"
                + " fee. Seasons, late-usage corrections and credits are not estimated.";
        var names = new TreeMap<String, String>();
        names.put(PricePlan.MEMBERSHIP_FEE, "Membership fee");
        catalog.versions(Optional.of(LocalDate.of(year, 1, 1))).forEach(v -> names.put(v.code(), v.name()));
        var budget = facts.load(BillingPeriod.year(year), memberNumber)
                .map(memberFacts -> estimate(memberNumber, year, basis, memberFacts, names));
        return new BudgetPreview(
                memberNumber,
                year,
                today,
                basis.toString(),
                method,
                budget.isPresent()
                        ? "An estimate for the budget, not an invoice: the invoices of " + year + " bill what is used"
                                + " then."
                        : "Member " + memberNumber + " is no member in " + year + ": nothing to budget.",
                names,
                budget.orElse(null));
    }

    /** The estimate from the member's subscriptions and usage of the basis; service names of the usage added. */
    private Budgets.Budget estimate(
            long memberNumber, int year, Budgets.Basis basis, BillingFacts memberFacts, Map<String, String> names) {
        var basisSubscriptions = facts.load(BillingPeriod.year(basis.from().getYear()), memberNumber)
                .map(BillingFacts::subscriptions)
                .orElse(List.of());
        var usage = new ArrayList<Budgets.MonthlyUsage>();
        for (var series : history.series(
                memberNumber, basis.from(), basis.to(), UsageHistory.Granularity.MONTH, Optional.empty())) {
            names.putIfAbsent(series.serviceCode(), series.serviceName());
            series.periods()
                    .forEach(p -> usage.add(
                            new Budgets.MonthlyUsage(series.serviceCode(), YearMonth.from(p.start()), p.quantity())));
        }
        try {
            return Budgets.estimate(year, basis, memberFacts, basisSubscriptions, usage, tariffs.tariffs());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation("not-calculable", e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
