package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.allmende.billing.contribution.BillingFacts.DailyUsage;
import org.allmende.billing.contribution.BillingFacts.Subscription;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;

/**
 * A member's contributions of a coming year estimated from the usage of the months it has behind it, for a
 * municipality's budget: a pure function like {@link Contributions}, and priced by it, month by month.
 *
 * <p>Each service's usage per month is the average of its basis months: the complete months of the basis through
 * which the service was subscribed without a break up to the basis' end (a service subscribed in September is not
 * averaged over January to August). So the months of the current year not yet complete are annualised from the
 * complete ones; seasons are not modelled. Every month of the budget year gets that average, spread evenly over the
 * days the service is subscribed in it (none after a subscription ends). Each month is then priced as a monthly
 * invoice run would price it: the subscriptions running then with their quantities, the membership fee, the price
 * plans in effect then (a plan published for a date in the budget year applies from that date).
 */
public final class Budgets {

    /** Quantities of an average month: four decimals, like the usage ledger keeps them. */
    private static final int QUANTITY_SCALE = 4;

    private Budgets() {}

    /** How much of a service the member used in one month of the basis. */
    public record MonthlyUsage(String serviceCode, YearMonth month, BigDecimal quantity) {
        public MonthlyUsage {
            Objects.requireNonNull(serviceCode, "serviceCode");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** The complete months the estimate is based on, both inclusive. */
    public record Basis(YearMonth from, YearMonth to) {
        public Basis {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("a basis from " + from + " to " + to + " has no month");
            }
        }

        public int months() {
            return (int) (to.getYear() * 12L + to.getMonthValue() - (from.getYear() * 12L + from.getMonthValue()) + 1);
        }

        /** {@code 2026-01..2026-10, 10 months}. */
        @Override
        public String toString() {
            return from + ".." + to + ", " + months() + (months() == 1 ? " month" : " months");
        }
    }

    /** Amounts of a month, of a service or of all services. */
    public record MonthAmounts(YearMonth month, BigDecimal net, BigDecimal vat, BigDecimal gross) {}

    /**
     * One service (or the membership fee) over the budget year. {@code usageBasis} and {@code monthlyUsage} for a
     * service with usage: the months averaged and their average, in {@code unit}.
     */
    public record ServiceBudget(
            String serviceCode,
            String unit,
            String usageBasis,
            BigDecimal basisUsage,
            BigDecimal monthlyUsage,
            List<MonthAmounts> months,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal gross) {}

    /** The estimate: per service and month, per month, and the year's totals with their VAT breakdown. */
    public record Budget(
            int year,
            String basis,
            List<ServiceBudget> services,
            List<Subscription> subscriptions,
            List<MonthAmounts> months,
            ContributionTotals totals) {}

    /**
     * @param facts the member and its subscriptions in the budget year (usage, corrections and credits are ignored)
     * @param basisSubscriptions the member's subscriptions during the basis
     * @param usage the member's usage per service and month of the basis
     */
    public static Budget estimate(
            int year,
            Basis basis,
            BillingFacts facts,
            List<Subscription> basisSubscriptions,
            List<MonthlyUsage> usage,
            Tariffs tariffs) {
        var estimates = new TreeMap<String, Estimate>();
        var byService = new TreeMap<String, List<MonthlyUsage>>();
        usage.forEach(u -> byService
                .computeIfAbsent(u.serviceCode(), code -> new ArrayList<>())
                .add(u));
        byService.forEach(
                (service, months) -> estimates.put(service, estimate(service, basis, basisSubscriptions, months)));

        var lines = new ArrayList<ContributionLine>();
        var perMonth = new LinkedHashMap<YearMonth, List<ContributionLine>>();
        for (int m = 1; m <= 12; m++) {
            var month = YearMonth.of(year, m);
            var days = new ArrayList<DailyUsage>();
            estimates.forEach((service, estimate) -> days.addAll(spread(service, estimate.monthly, month, facts)));
            var monthLines = Contributions.calculate(
                    new BillingFacts(facts.member(), facts.subscriptions(), days, List.of(), List.of()),
                    BillingPeriod.month(month),
                    tariffs);
            perMonth.put(month, monthLines);
            lines.addAll(monthLines);
        }

        var services = new ArrayList<ServiceBudget>();
        var codes = new ArrayList<>(
                lines.stream().map(ContributionLine::serviceCode).distinct().toList());
        codes.sort(Comparator.comparing((String code) -> !PricePlan.MEMBERSHIP_FEE.equals(code))
                .thenComparing(Comparator.naturalOrder()));
        for (var code : codes) {
            var months = new ArrayList<MonthAmounts>();
            perMonth.forEach((month, monthLines) -> months.add(amounts(
                    month,
                    monthLines.stream()
                            .filter(line -> line.serviceCode().equals(code))
                            .toList())));
            var ofService = lines.stream()
                    .filter(line -> line.serviceCode().equals(code))
                    .toList();
            var totals = ContributionTotals.of(ofService);
            var estimate = estimates.get(code);
            services.add(new ServiceBudget(
                    code,
                    unitOf(code, tariffs, year),
                    estimate == null ? null : estimate.basis,
                    estimate == null ? null : estimate.total,
                    estimate == null ? null : estimate.monthly,
                    List.copyOf(months),
                    totals.net(),
                    totals.vat(),
                    totals.gross()));
        }
        var months = new ArrayList<MonthAmounts>();
        perMonth.forEach((month, monthLines) -> months.add(amounts(month, monthLines)));
        var inYear = new Days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        var subscriptions = facts.subscriptions().stream()
                .filter(s ->
                        Days.between(s.effectiveFrom(), s.effectiveTo(), inYear).isPresent())
                .toList();
        return new Budget(
                year,
                basis.toString(),
                List.copyOf(services),
                subscriptions,
                List.copyOf(months),
                ContributionTotals.of(lines));
    }

    /** A service's average month: over its basis months, or none where it has no complete basis month. */
    private record Estimate(String basis, BigDecimal total, BigDecimal monthly) {}

    private static Estimate estimate(
            String service, Basis basis, List<Subscription> subscriptions, List<MonthlyUsage> months) {
        var since = subscribedSince(service, subscriptions, basis.to().atEndOfMonth());
        if (since == null) {
            return new Estimate("not subscribed at the end of " + basis.to() + ": no usage expected", null, null);
        }
        var first = since.getDayOfMonth() == 1
                ? YearMonth.from(since)
                : YearMonth.from(since).plusMonths(1);
        if (first.isBefore(basis.from())) {
            first = basis.from();
        }
        if (first.isAfter(basis.to())) {
            return new Estimate(
                    "subscribed since " + since + ", no complete month yet: no usage estimated", null, null);
        }
        var from = first;
        var total = months.stream()
                .filter(m -> !m.month().isBefore(from) && !m.month().isAfter(basis.to()))
                .map(MonthlyUsage::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var used = new Basis(from, basis.to());
        var monthly = total.divide(BigDecimal.valueOf(used.months()), QUANTITY_SCALE, RoundingMode.HALF_UP);
        return new Estimate(used.toString(), Quantities.canonical(total), Quantities.canonical(monthly));
    }

    /**
     * The first day of the unbroken run of subscription periods of the service that covers {@code day}, or null where
     * none covers it.
     */
    static LocalDate subscribedSince(String service, List<Subscription> subscriptions, LocalDate day) {
        var periods = subscriptions.stream()
                .filter(s -> s.serviceCode().equals(service))
                .sorted(Comparator.comparing(Subscription::effectiveFrom).reversed())
                .toList();
        LocalDate since = null;
        for (var period : periods) {
            var covers = !period.effectiveFrom().isAfter(day)
                    && (period.effectiveTo() == null || !period.effectiveTo().isBefore(day));
            if (since == null
                    ? covers
                    : period.effectiveTo() != null
                            && period.effectiveTo().plusDays(1).equals(since)) {
                since = period.effectiveFrom();
            } else if (since != null) {
                break;
            }
        }
        return since;
    }

    /**
     * The average month's usage on the month's subscribed days: each day an equal part (four decimals), the last
     * day the rest, so the month adds up to the average times the part of the month subscribed.
     */
    private static List<DailyUsage> spread(String service, BigDecimal monthly, YearMonth month, BillingFacts facts) {
        if (monthly == null || monthly.signum() == 0) {
            return List.of();
        }
        var inMonth = new Days(month.atDay(1), month.atEndOfMonth());
        var subscribed = new ArrayList<LocalDate>();
        for (var subscription : facts.subscriptions()) {
            if (subscription.serviceCode().equals(service)) {
                Days.between(subscription.effectiveFrom(), subscription.effectiveTo(), inMonth)
                        .ifPresent(days -> {
                            for (var day = days.first(); !day.isAfter(days.last()); day = day.plusDays(1)) {
                                subscribed.add(day);
                            }
                        });
            }
        }
        if (subscribed.isEmpty()) {
            return List.of();
        }
        subscribed.sort(Comparator.naturalOrder());
        var target = monthly.multiply(BigDecimal.valueOf(subscribed.size()))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), QUANTITY_SCALE, RoundingMode.HALF_UP);
        var daily = target.divide(BigDecimal.valueOf(subscribed.size()), QUANTITY_SCALE, RoundingMode.DOWN);
        var days = new ArrayList<DailyUsage>();
        for (int i = 0; i < subscribed.size(); i++) {
            var quantity = i < subscribed.size() - 1
                    ? daily
                    : target.subtract(daily.multiply(BigDecimal.valueOf(subscribed.size() - 1L)));
            days.add(new DailyUsage(service, subscribed.get(i), quantity));
        }
        return days;
    }

    private static String unitOf(String code, Tariffs tariffs, int year) {
        return tariffs.plansFor(code).stream()
                .filter(plan -> plan.daysWithin(new Days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                        .isPresent())
                .map(plan -> plan.unit().name())
                .reduce((first, later) -> later)
                .orElse(null);
    }

    private static MonthAmounts amounts(YearMonth month, List<ContributionLine> lines) {
        var totals = ContributionTotals.of(lines);
        return new MonthAmounts(month, totals.net(), totals.vat(), totals.gross());
    }
}
