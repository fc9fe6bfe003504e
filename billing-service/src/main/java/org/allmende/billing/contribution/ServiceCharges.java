package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import org.allmende.billing.contribution.BillingFacts.Subscription;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.PriceModel.FlatFee;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.UsagePrice;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.billing.tariff.Tier;
import org.allmende.billing.tariff.VatTreatment;

/**
 * The charges for one service in one billing period: the period is split where the service's price plan changes,
 * and each stretch ("segment") is priced by its own plan.
 *
 * <p>Time-based prices (flat fee, seats, a minimum's floor) cover the subscribed days of the segment, prorated by
 * {@link Share}. Quantity-based prices see the period's usage in day order as one run of units: units used on the
 * segment's days are priced by the segment's plan, at the position they hold in the whole period's run. So a
 * graduated tier reached before a price change stays reached after it, volume tiers are chosen by the period's
 * total, and a package block is charged by the plan in effect when its first unit was used.
 */
final class ServiceCharges {

    private final String serviceCode;
    private final BillingPeriod period;
    private final List<Subscription> subscriptions;
    private final NavigableMap<LocalDate, BigDecimal> usage;
    private final Tariffs tariffs;
    private final boolean memberCostSharingExempt;

    /** Usage per day within the period; subscriptions of this service only. */
    ServiceCharges(
            String serviceCode,
            BillingPeriod period,
            List<Subscription> subscriptions,
            NavigableMap<LocalDate, BigDecimal> usage,
            Tariffs tariffs,
            boolean memberCostSharingExempt) {
        this.serviceCode = serviceCode;
        this.period = period;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.tariffs = tariffs;
        this.memberCostSharingExempt = memberCostSharingExempt;
    }

    List<ContributionLine> lines() {
        requirePlansForEveryDayCharged();
        var total = sum(usage.values());
        var before = BigDecimal.ZERO;
        var lines = new ArrayList<ContributionLine>();
        for (var plan : tariffs.plansFor(serviceCode)) {
            var segment = plan.daysWithin(period.days());
            if (segment.isEmpty()) {
                continue;
            }
            var days = segment.get();
            var used = sum(usage.subMap(days.first(), true, days.last(), true).values());
            lines.addAll(segmentLines(plan, days, before, used, total));
            before = before.add(used);
        }
        return lines;
    }

    private List<ContributionLine> segmentLines(
            PricePlan plan, Days days, BigDecimal before, BigDecimal used, BigDecimal total) {
        var vat = VatTreatment.decide(plan, memberCostSharingExempt);
        var unit = plan.unit().name();
        var model = plan.model();
        var inner = model instanceof MinimumCharge minimum ? minimum.inner() : model;
        var lines = new ArrayList<ContributionLine>();
        if (inner instanceof FlatFee flat) {
            for (var piece : subscribed(days)) {
                var share = Share.of(piece.days(), flat.per());
                lines.add(ContributionLine.priced(
                        LineType.SUBSCRIPTION,
                        serviceCode,
                        "Flat fee " + flat.amount().toPlainString() + " EUR per " + per(flat.per()) + shareText(share),
                        piece.days(),
                        BigDecimal.ONE,
                        "FLAT",
                        flat.amount(),
                        share,
                        vat));
            }
        } else if (inner instanceof PerSeat seat) {
            for (var piece : subscribed(days)) {
                var share = Share.of(piece.days(), seat.per());
                lines.add(ContributionLine.priced(
                        LineType.SUBSCRIPTION,
                        serviceCode,
                        seat.pricePerSeat().toPlainString() + " EUR per " + unit + " and " + per(seat.per())
                                + shareText(share),
                        piece.days(),
                        BigDecimal.valueOf(piece.quantity()),
                        unit,
                        seat.pricePerSeat(),
                        share,
                        vat));
            }
        } else if (inner instanceof PerUnit perUnit) {
            if (used.signum() > 0) {
                lines.add(usageLine(
                        perUnit.unitPrice().toPlainString() + " EUR per " + unit,
                        days,
                        used,
                        unit,
                        perUnit.unitPrice(),
                        vat));
            }
        } else if (inner instanceof GraduatedTiers graduated) {
            var lower = BigDecimal.ZERO;
            var after = before.add(used);
            for (var tier : graduated.tiers()) {
                var from = before.max(lower);
                var to = tier.unbounded() ? after : after.min(tier.upTo());
                if (to.compareTo(from) > 0) {
                    lines.add(usageLine(
                            "Graduated tier " + tierText(lower, tier, unit),
                            days,
                            to.subtract(from),
                            unit,
                            tier.unitPrice(),
                            vat));
                }
                lower = tier.unbounded() ? lower : tier.upTo();
            }
        } else if (inner instanceof VolumeTiers volume) {
            if (used.signum() > 0) {
                var tier = volume.tierFor(total);
                var index = volume.tiers().indexOf(tier);
                var lower = index == 0
                        ? BigDecimal.ZERO
                        : volume.tiers().get(index - 1).upTo();
                lines.add(usageLine(
                        "Volume tier " + tierText(lower, tier, unit) + ", period total "
                                + Quantities.canonical(total).toPlainString() + " " + unit,
                        days,
                        used,
                        unit,
                        tier.unitPrice(),
                        vat));
            }
        } else if (inner instanceof Package pack) {
            var blocks = pack.blocksStartedBy(before.add(used)).subtract(pack.blocksStartedBy(before));
            if (blocks.signum() > 0) {
                lines.add(usageLine(
                        "Started blocks of " + pack.blockSize().toPlainString() + " " + unit,
                        days,
                        blocks,
                        "BLOCK",
                        pack.blockPrice(),
                        vat));
            }
        } else {
            // MinimumCharge refuses a nested minimum or a membership fee, PricePlan a membership fee on a service.
            throw new IllegalStateException(inner + " cannot price a service");
        }
        if (model instanceof MinimumCharge minimum) {
            topUp(minimum, days, lines, vat).ifPresent(lines::add);
        }
        return lines;
    }

    /** The floor of the segment's subscribed days, less what the segment charges already, if that is more. */
    private Optional<ContributionLine> topUp(
            MinimumCharge minimum, Days days, List<ContributionLine> charged, VatTreatment vat) {
        var pieces = subscribed(days);
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        var share = pieces.stream()
                .map(piece -> Share.of(piece.days(), minimum.per()))
                .reduce(Share.NONE, Share::plus);
        var floor = Quantities.net(minimum.minimum(), BigDecimal.ONE, share);
        var missing =
                floor.subtract(sum(charged.stream().map(ContributionLine::net).toList()));
        if (missing.signum() <= 0) {
            return Optional.empty();
        }
        var covered = new Days(
                pieces.get(0).days().first(),
                pieces.get(pieces.size() - 1).days().last());
        return Optional.of(ContributionLine.withNet(
                minimum.inner() instanceof UsagePrice ? LineType.USAGE : LineType.SUBSCRIPTION,
                serviceCode,
                "Minimum charge " + minimum.minimum().toPlainString() + " EUR per " + per(minimum.per())
                        + shareText(share) + ": top-up",
                covered,
                BigDecimal.ONE,
                "FLAT",
                missing,
                Share.ONE,
                missing,
                vat,
                null,
                null));
    }

    private ContributionLine usageLine(
            String description, Days days, BigDecimal quantity, String unit, BigDecimal unitPrice, VatTreatment vat) {
        return ContributionLine.priced(
                LineType.USAGE, serviceCode, description, days, quantity, unit, unitPrice, Share.ONE, vat);
    }

    /** A subscribed stretch of days with one quantity. */
    private record Piece(Days days, int quantity) {}

    private List<Piece> subscribed(Days limit) {
        var pieces = new ArrayList<Piece>();
        for (var subscription : subscriptions) {
            Days.between(subscription.effectiveFrom(), subscription.effectiveTo(), limit)
                    .ifPresent(days -> pieces.add(new Piece(days, subscription.quantity())));
        }
        return pieces;
    }

    private void requirePlansForEveryDayCharged() {
        for (var piece : subscribed(period.days())) {
            for (var day = piece.days().first(); !day.isAfter(piece.days().last()); day = day.plusDays(1)) {
                requirePlanOn(day);
            }
        }
        usage.forEach((day, quantity) -> {
            if (quantity.signum() != 0) {
                requirePlanOn(day);
            }
        });
    }

    private void requirePlanOn(LocalDate day) {
        if (tariffs.planOn(serviceCode, day).isEmpty()) {
            throw new TariffMissing(serviceCode, day);
        }
    }

    private static String tierText(BigDecimal lower, Tier tier, String unit) {
        var above = lower.signum() == 0 ? "" : "above " + lower.toPlainString() + " ";
        return tier.unbounded() ? above + unit : above + "up to " + tier.upTo().toPlainString() + " " + unit;
    }

    private static String per(Cadence cadence) {
        return cadence.name().toLowerCase(Locale.ROOT);
    }

    private static String shareText(Share share) {
        return share.isOne() ? "" : " × " + share;
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
