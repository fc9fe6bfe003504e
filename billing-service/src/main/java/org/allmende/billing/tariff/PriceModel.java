package org.allmende.billing.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service is priced. Time-based models ({@link FlatFee}, {@link PerSeat}, {@link MembershipFee}, the floor of
 * a {@link MinimumCharge}) state an amount per {@link Cadence} and are prorated by the days covered; quantity-based
 * models ({@link PerUnit}, {@link GraduatedTiers}, {@link VolumeTiers}, {@link Package}) price the usage of the
 * billing period. The rules that turn them into amounts live in {@code contribution}; these records only say what
 * finance configured, and refuse what cannot be meant.
 */
public sealed interface PriceModel {

    /** The models that charge for usage, as opposed to time subscribed or membership. */
    sealed interface UsagePrice extends PriceModel permits PerUnit, GraduatedTiers, VolumeTiers, Package {}

    /** A fixed amount per cadence while subscribed, whatever the quantity. */
    record FlatFee(BigDecimal amount, Cadence per) implements PriceModel {
        public FlatFee {
            amount = Prices.price(amount, "amount");
            Prices.required(per, "per");
        }
    }

    /** A price per seat (the subscription's quantity: tablets, licences) per cadence while subscribed. */
    record PerSeat(BigDecimal pricePerSeat, Cadence per) implements PriceModel {
        public PerSeat {
            pricePerSeat = Prices.price(pricePerSeat, "pricePerSeat");
            Prices.required(per, "per");
        }
    }

    /** Every unit used at the same price. */
    record PerUnit(BigDecimal unitPrice) implements UsagePrice {
        public PerUnit {
            unitPrice = Prices.price(unitPrice, "unitPrice");
        }
    }

    /** Each unit at the price of the tier its position in the period's usage falls into (like income tax). */
    record GraduatedTiers(List<Tier> tiers) implements UsagePrice {
        public GraduatedTiers {
            tiers = checkTiers(tiers);
        }
    }

    /** All units at the price of the one tier the period's total falls into. */
    record VolumeTiers(List<Tier> tiers) implements UsagePrice {
        public VolumeTiers {
            tiers = checkTiers(tiers);
        }

        /** The tier a total falls into: the first whose bound it does not exceed. */
        public Tier tierFor(BigDecimal total) {
            return tiers.stream()
                    .filter(tier -> tier.unbounded() || total.compareTo(tier.upTo()) <= 0)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Usage sold in blocks: every started block of {@code blockSize} units costs {@code blockPrice}. */
    record Package(BigDecimal blockSize, BigDecimal blockPrice) implements UsagePrice {
        public Package {
            blockSize = Prices.positive(blockSize, "blockSize");
            blockPrice = Prices.price(blockPrice, "blockPrice");
        }

        /** How many blocks a quantity starts: 0 for none, 1 for one unit up to a full block, 2 for one more. */
        public BigDecimal blocksStartedBy(BigDecimal quantity) {
            return Prices.canonical(quantity.divide(blockSize, 0, RoundingMode.CEILING));
        }
    }

    /**
     * Another model with a floor: per cadence, the member pays at least {@code minimum} (prorated by the days
     * subscribed); what the inner model charges less is added as a top-up.
     */
    record MinimumCharge(BigDecimal minimum, Cadence per, PriceModel inner) implements PriceModel {
        public MinimumCharge {
            minimum = Prices.positive(minimum, "minimum");
            Prices.required(per, "per");
            Prices.required(inner, "inner");
            if (inner instanceof MinimumCharge || inner instanceof MembershipFee) {
                throw new InvalidTariff(
                        "inner",
                        "minimum-of-a-service-model",
                        "a minimum charge applies to a service's flat, seat or usage price, not to "
                                + inner.getClass().getSimpleName());
            }
        }
    }

    /**
     * The membership fee per cadence, by brackets of the member's inhabitants (municipalities) or, for members
     * without an inhabitants figure or where no inhabitant brackets are configured, of its staff; the figure counts
     * as of the {@link ReferenceDay}.
     */
    record MembershipFee(List<Bracket> byInhabitants, List<Bracket> byStaff, Cadence per, ReferenceDay referenceDay)
            implements PriceModel {
        public MembershipFee {
            byInhabitants = checkBrackets(byInhabitants, "byInhabitants");
            byStaff = checkBrackets(byStaff, "byStaff");
            if (byInhabitants.isEmpty() && byStaff.isEmpty()) {
                throw new InvalidTariff(
                        "byInhabitants", "brackets-required", "needs brackets by inhabitants, by staff, or both");
            }
            Prices.required(per, "per");
            Prices.required(referenceDay, "referenceDay");
        }

        public static Bracket bracketFor(List<Bracket> brackets, long count) {
            Bracket found = brackets.get(0);
            for (var bracket : brackets) {
                if (bracket.from() <= count) {
                    found = bracket;
                }
            }
            return found;
        }
    }

    private static List<Tier> checkTiers(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new InvalidTariff("tiers", "required", "needs at least one tier");
        }
        var checked = new ArrayList<Tier>();
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            var tier = Prices.required(tiers.get(i), "tiers[" + i + "]");
            var last = i == tiers.size() - 1;
            if (last && !tier.unbounded()) {
                throw new InvalidTariff(
                        "tiers[" + i + "].upTo", "last-tier-unbounded", "the last tier has no upper bound");
            }
            if (!last && tier.unbounded()) {
                throw new InvalidTariff(
                        "tiers[" + i + "].upTo", "required", "only the last tier may have no upper bound");
            }
            if (!last && previous != null && tier.upTo().compareTo(previous) <= 0) {
                throw new InvalidTariff(
                        "tiers[" + i + "].upTo",
                        "ascending",
                        "must be greater than the tier before's (" + previous + ")");
            }
            if (!last) {
                previous = tier.upTo();
            }
            checked.add(tier);
        }
        return List.copyOf(checked);
    }

    private static List<Bracket> checkBrackets(List<Bracket> brackets, String field) {
        if (brackets == null || brackets.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < brackets.size(); i++) {
            var bracket = Prices.required(brackets.get(i), field + "[" + i + "]");
            if (i == 0 && bracket.from() != 0) {
                throw new InvalidTariff(field + "[0].from", "starts-at-zero", "the first bracket starts at 0");
            }
            if (i > 0 && bracket.from() <= brackets.get(i - 1).from()) {
                throw new InvalidTariff(
                        field + "[" + i + "].from",
                        "ascending",
                        "must be greater than the bracket before's ("
                                + brackets.get(i - 1).from() + ")");
            }
        }
        return List.copyOf(brackets);
    }
}
