package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.allmende.billing.contribution.BillingFacts.DailyUsage;
import org.allmende.billing.contribution.BillingFacts.UsageCorrection;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.billing.tariff.VatTreatment;

/**
 * A member's contributions for a billing period: a pure function of the billing facts, the period and the tariffs.
 * No clock, no database, no randomness: the same input gives the same lines, in the same order — the membership
 * fee, then each service by code (its segments in date order), then corrections of earlier periods, then credits.
 */
public final class Contributions {

    private Contributions() {}

    public static List<ContributionLine> calculate(BillingFacts facts, BillingPeriod period, Tariffs tariffs) {
        var lines = new ArrayList<ContributionLine>(MembershipFees.lines(facts.member(), period, tariffs));
        var usage = usageByService(facts.usage(), period.days());
        var services = new TreeSet<String>(usage.keySet());
        facts.subscriptions().stream()
                .filter(s -> Days.between(s.effectiveFrom(), s.effectiveTo(), period.days())
                        .isPresent())
                .forEach(s -> services.add(s.serviceCode()));
        for (var service : services) {
            lines.addAll(charges(facts, service, period, usage.getOrDefault(service, new TreeMap<>()), tariffs));
        }
        for (var correction : facts.corrections()) {
            lines.addAll(corrections(facts, correction, tariffs));
        }
        for (var credit : facts.credits()) {
            var plan = tariffs.planOn(credit.serviceCode(), credit.serviceDate())
                    .orElseThrow(() -> new TariffMissing(credit.serviceCode(), credit.serviceDate()));
            lines.add(ContributionLine.withNet(
                    LineType.CREDIT,
                    credit.serviceCode(),
                    credit.reason(),
                    new Days(credit.serviceDate(), credit.serviceDate()),
                    BigDecimal.ONE,
                    "FLAT",
                    credit.amount().negate(),
                    Share.ONE,
                    credit.amount().negate(),
                    VatTreatment.decide(plan, facts.member().costSharingExempt()),
                    null,
                    credit.reference()));
        }
        return List.copyOf(lines);
    }

    private static List<ContributionLine> charges(
            BillingFacts facts,
            String service,
            BillingPeriod period,
            NavigableMap<LocalDate, BigDecimal> usage,
            Tariffs tariffs) {
        var subscriptions = facts.subscriptions().stream()
                .filter(s -> s.serviceCode().equals(service))
                .toList();
        return new ServiceCharges(
                        service,
                        period,
                        subscriptions,
                        usage,
                        tariffs,
                        facts.member().costSharingExempt())
                .lines();
    }

    /**
     * An earlier period priced twice, with its usage as billed and as known now; each line that changed becomes a
     * CORRECTION line with the difference in quantity and net. A line that is gone (a minimum's top-up no longer
     * needed) is taken back whole, a new one added whole.
     */
    private static List<ContributionLine> corrections(BillingFacts facts, UsageCorrection correction, Tariffs tariffs) {
        var period = correction.period();
        var billed = usageByService(correction.billed(), period.days());
        var now = usageByService(correction.billed(), period.days());
        for (var late : correction.late()) {
            var days = now.computeIfAbsent(late.serviceCode(), code -> new TreeMap<>());
            var total = days.getOrDefault(late.day(), BigDecimal.ZERO).add(late.quantity());
            if (total.signum() < 0) {
                throw new IllegalArgumentException(
                        "late usage takes back more than was billed: " + late + " in " + period);
            }
            days.put(late.day(), total);
        }
        var lines = new ArrayList<ContributionLine>();
        for (var service : new TreeSet<>(now.keySet())) {
            var before = charges(facts, service, period, billed.getOrDefault(service, new TreeMap<>()), tariffs);
            var after = charges(facts, service, period, now.get(service), tariffs);
            lines.addAll(differences(before, after, correction));
        }
        return lines;
    }

    private record LineKey(LineType type, Days days, String description, String unit, BigDecimal unitPrice) {
        static LineKey of(ContributionLine line) {
            return new LineKey(line.type(), line.days(), line.description(), line.unit(), line.unitPrice());
        }
    }

    private static List<ContributionLine> differences(
            List<ContributionLine> before, List<ContributionLine> after, UsageCorrection correction) {
        var period = correction.period();
        var corrected = correction.invoiceNumber() == null
                ? period.toString()
                : period + " (invoice " + correction.invoiceNumber() + ")";
        var paired = new LinkedHashMap<LineKey, ContributionLine[]>();
        after.forEach(line -> paired.computeIfAbsent(LineKey.of(line), key -> new ContributionLine[2])[1] = line);
        before.forEach(line -> paired.computeIfAbsent(LineKey.of(line), key -> new ContributionLine[2])[0] = line);
        var lines = new ArrayList<ContributionLine>();
        paired.forEach((key, pair) -> {
            var quantity = quantity(pair[1]).subtract(quantity(pair[0]));
            var net = net(pair[1]).subtract(net(pair[0]));
            if (quantity.signum() == 0 && net.signum() == 0) {
                return;
            }
            var template = pair[1] != null ? pair[1] : pair[0];
            lines.add(ContributionLine.withNet(
                    LineType.CORRECTION,
                    template.serviceCode(),
                    "Correction of " + corrected + ": " + template.description(),
                    template.days(),
                    quantity,
                    template.unit(),
                    template.unitPrice(),
                    template.share(),
                    net,
                    template.vatTreatment(),
                    period,
                    correction.invoiceNumber()));
        });
        return lines;
    }

    private static BigDecimal quantity(ContributionLine line) {
        return line == null ? BigDecimal.ZERO : line.quantity();
    }

    private static BigDecimal net(ContributionLine line) {
        return line == null ? BigDecimal.ZERO : line.net();
    }

    private static TreeMap<String, NavigableMap<LocalDate, BigDecimal>> usageByService(
            List<DailyUsage> usage, Days within) {
        var byService = new TreeMap<String, NavigableMap<LocalDate, BigDecimal>>();
        for (var day : usage) {
            if (within.contains(day.day()) && day.quantity().signum() != 0) {
                byService
                        .computeIfAbsent(day.serviceCode(), code -> new TreeMap<>())
                        .put(day.day(), day.quantity());
            }
        }
        return byService;
    }
}
