package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.allmende.billing.contribution.BillingFacts.DailyUsage;
import org.allmende.billing.contribution.BillingFacts.Headcount;
import org.allmende.billing.contribution.BillingFacts.Member;
import org.allmende.billing.contribution.BillingFacts.Subscription;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.billing.tariff.Tier;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.money.Money;

/** Small builders so that tests read as the rule they check. */
final class Fixtures {

    static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    static final BillingPeriod MARCH_2026 = month("2026-03");

    private Fixtures() {}

    static BillingPeriod month(String month) {
        return BillingPeriod.month(YearMonth.parse(month));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    static Member member() {
        return new Member(
                7,
                LONG_AGO,
                null,
                false,
                List.of(new Headcount(12_000, day("2025-12-31"))),
                List.of(new Headcount(120, day("2025-12-31"))));
    }

    static Member exemptMember() {
        var m = member();
        return new Member(m.number(), m.memberFrom(), m.memberUntil(), true, m.inhabitants(), m.staff());
    }

    static PricePlan plan(String code, ServiceUnit unit, PriceModel model) {
        return new PricePlan(code, LONG_AGO, null, unit, ServiceKind.SERVICE, false, model);
    }

    static PricePlan plan(String code, ServiceUnit unit, String from, String to, PriceModel model) {
        return new PricePlan(code, day(from), to == null ? null : day(to), unit, ServiceKind.SERVICE, false, model);
    }

    static Subscription subscribed(String code, int quantity, String from, String to) {
        return new Subscription(code, quantity, day(from), to == null ? null : day(to));
    }

    static DailyUsage used(String code, String day, String quantity) {
        return new DailyUsage(code, day(day), amount(quantity));
    }

    /** "1000@0.02|5000@0.015|@0.01": tiers up to a bound, the last one unbounded. */
    static List<Tier> tiers(String spec) {
        return Arrays.stream(spec.split("\\|"))
                .map(tier -> tier.split("@"))
                .map(parts -> parts[0].isEmpty() ? Tier.above(parts[1]) : Tier.upTo(parts[0], parts[1]))
                .toList();
    }

    static List<ContributionLine> calculate(BillingFacts facts, BillingPeriod period, PricePlan... plans) {
        return Contributions.calculate(facts, period, Tariffs.of(plans));
    }

    /** Lines as "quantity@unitPrice=net", joined by "|" (empty without lines). */
    static String priced(List<ContributionLine> lines) {
        return lines.stream()
                .map(line -> line.quantity().toPlainString() + "@"
                        + line.unitPrice().toPlainString() + "=" + line.net().toPlainString())
                .collect(Collectors.joining("|"));
    }

    static BigDecimal totalNet(List<ContributionLine> lines) {
        return lines.stream().map(ContributionLine::net).reduce(Money.ZERO, BigDecimal::add);
    }
}
