package org.allmende.billing.tariff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allmende.billing.tariff.PriceModel.FlatFee;
import org.allmende.billing.tariff.PriceModel.GraduatedTiers;
import org.allmende.billing.tariff.PriceModel.MembershipFee;
import org.allmende.billing.tariff.PriceModel.MinimumCharge;
import org.allmende.billing.tariff.PriceModel.Package;
import org.allmende.billing.tariff.PriceModel.PerSeat;
import org.allmende.billing.tariff.PriceModel.PerUnit;
import org.allmende.billing.tariff.PriceModel.VolumeTiers;

/**
 * A price model as plain data, the shape finance sends and the database keeps (JSON): a {@code type} and the fields
 * of that type, nothing else. {@link #toModel()} checks it into a {@link PriceModel}, naming the field (as a path
 * such as {@code tiers[1].upTo}) and the rule of the first problem; {@link #of} is the way back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceModelData(
        Type type,
        BigDecimal amount,
        BigDecimal pricePerSeat,
        BigDecimal unitPrice,
        List<TierData> tiers,
        BigDecimal blockSize,
        BigDecimal blockPrice,
        BigDecimal minimum,
        Cadence per,
        PriceModelData inner,
        List<BracketData> byInhabitants,
        List<BracketData> byStaff,
        ReferenceDayData referenceDay)
        implements Serializable {

    /** The kinds of model, each with the fields it takes. */
    public enum Type {
        FLAT_FEE("amount", "per"),
        PER_SEAT("pricePerSeat", "per"),
        PER_UNIT("unitPrice"),
        GRADUATED_TIERS("tiers"),
        VOLUME_TIERS("tiers"),
        PACKAGE("blockSize", "blockPrice"),
        MINIMUM_CHARGE("minimum", "per", "inner"),
        MEMBERSHIP_FEE("byInhabitants", "byStaff", "per", "referenceDay");

        private final Set<String> fields;

        Type(String... fields) {
            this.fields = Set.of(fields);
        }
    }

    /** A tier: up to and including {@code upTo} (none for the last) at {@code unitPrice}. */
    public record TierData(BigDecimal upTo, BigDecimal unitPrice) implements Serializable {}

    /** A bracket: from {@code from} inhabitants or staff (inclusive) the {@code fee}. */
    public record BracketData(Long from, BigDecimal fee) implements Serializable {}

    /** The reference day: {@code day} as {@code --MM-DD}, {@code yearsBefore} the billed period's year. */
    public record ReferenceDayData(String day, Integer yearsBefore) implements Serializable {}

    public PriceModel toModel() {
        Prices.required(type, "type");
        var given = given();
        for (var field : given.keySet()) {
            if (!type.fields.contains(field)) {
                throw new InvalidTariff(field, "not-for-this-type", "is not a field of a " + type + " model");
            }
        }
        return switch (type) {
            case FLAT_FEE -> new FlatFee(amount, per);
            case PER_SEAT -> new PerSeat(pricePerSeat, per);
            case PER_UNIT -> new PerUnit(unitPrice);
            case GRADUATED_TIERS -> new GraduatedTiers(tierList());
            case VOLUME_TIERS -> new VolumeTiers(tierList());
            case PACKAGE -> new Package(blockSize, blockPrice);
            case MINIMUM_CHARGE -> new MinimumCharge(minimum, per, innerModel());
            case MEMBERSHIP_FEE ->
                new MembershipFee(
                        bracketList(byInhabitants, "byInhabitants"),
                        bracketList(byStaff, "byStaff"),
                        per,
                        referenceDayValue());
        };
    }

    public static PriceModelData of(PriceModel model) {
        var data = new Builder();
        if (model instanceof FlatFee flat) {
            data.type = Type.FLAT_FEE;
            data.amount = flat.amount();
            data.per = flat.per();
        } else if (model instanceof PerSeat seat) {
            data.type = Type.PER_SEAT;
            data.pricePerSeat = seat.pricePerSeat();
            data.per = seat.per();
        } else if (model instanceof PerUnit perUnit) {
            data.type = Type.PER_UNIT;
            data.unitPrice = perUnit.unitPrice();
        } else if (model instanceof GraduatedTiers graduated) {
            data.type = Type.GRADUATED_TIERS;
            data.tiers = tierData(graduated.tiers());
        } else if (model instanceof VolumeTiers volume) {
            data.type = Type.VOLUME_TIERS;
            data.tiers = tierData(volume.tiers());
        } else if (model instanceof Package pack) {
            data.type = Type.PACKAGE;
            data.blockSize = pack.blockSize();
            data.blockPrice = pack.blockPrice();
        } else if (model instanceof MinimumCharge minimum) {
            data.type = Type.MINIMUM_CHARGE;
            data.minimum = minimum.minimum();
            data.per = minimum.per();
            data.inner = of(minimum.inner());
        } else if (model instanceof MembershipFee fee) {
            data.type = Type.MEMBERSHIP_FEE;
            data.byInhabitants = bracketData(fee.byInhabitants());
            data.byStaff = bracketData(fee.byStaff());
            data.per = fee.per();
            data.referenceDay = new ReferenceDayData(
                    fee.referenceDay().day().toString(), fee.referenceDay().yearsBefore());
        }
        return data.build();
    }

    /** Only {@link #of} fills in the few fields of one type; the record's constructor takes them all. */
    private static final class Builder {
        Type type;
        BigDecimal amount;
        BigDecimal pricePerSeat;
        BigDecimal unitPrice;
        List<TierData> tiers;
        BigDecimal blockSize;
        BigDecimal blockPrice;
        BigDecimal minimum;
        Cadence per;
        PriceModelData inner;
        List<BracketData> byInhabitants;
        List<BracketData> byStaff;
        ReferenceDayData referenceDay;

        PriceModelData build() {
            return new PriceModelData(
                    type,
                    amount,
                    pricePerSeat,
                    unitPrice,
                    tiers,
                    blockSize,
                    blockPrice,
                    minimum,
                    per,
                    inner,
                    byInhabitants,
                    byStaff,
                    referenceDay);
        }
    }

    private static List<TierData> tierData(List<Tier> tiers) {
        return tiers.stream()
                .map(tier -> new TierData(tier.upTo(), tier.unitPrice()))
                .toList();
    }

    private static List<BracketData> bracketData(List<Bracket> brackets) {
        return brackets.isEmpty()
                ? null
                : brackets.stream()
                        .map(bracket -> new BracketData(bracket.from(), bracket.fee()))
                        .toList();
    }

    private Map<String, Object> given() {
        var given = new LinkedHashMap<String, Object>();
        given.put("amount", amount);
        given.put("pricePerSeat", pricePerSeat);
        given.put("unitPrice", unitPrice);
        given.put("tiers", tiers);
        given.put("blockSize", blockSize);
        given.put("blockPrice", blockPrice);
        given.put("minimum", minimum);
        given.put("per", per);
        given.put("inner", inner);
        given.put("byInhabitants", byInhabitants);
        given.put("byStaff", byStaff);
        given.put("referenceDay", referenceDay);
        given.values().removeIf(value -> value == null);
        return given;
    }

    private List<Tier> tierList() {
        if (tiers == null) {
            return null;
        }
        var checked = new ArrayList<Tier>();
        for (int i = 0; i < tiers.size(); i++) {
            var tier = Prices.required(tiers.get(i), "tiers[" + i + "]");
            try {
                checked.add(new Tier(tier.upTo(), tier.unitPrice()));
            } catch (InvalidTariff e) {
                throw e.within("tiers[" + i + "]");
            }
        }
        return checked;
    }

    private static List<Bracket> bracketList(List<BracketData> brackets, String field) {
        if (brackets == null) {
            return null;
        }
        var checked = new ArrayList<Bracket>();
        for (int i = 0; i < brackets.size(); i++) {
            var bracket = Prices.required(brackets.get(i), field + "[" + i + "]");
            try {
                checked.add(new Bracket(Prices.required(bracket.from(), "from"), bracket.fee()));
            } catch (InvalidTariff e) {
                throw e.within(field + "[" + i + "]");
            }
        }
        return checked;
    }

    private PriceModel innerModel() {
        if (inner == null) {
            return null;
        }
        try {
            return inner.toModel();
        } catch (InvalidTariff e) {
            throw e.within("inner");
        }
    }

    private ReferenceDay referenceDayValue() {
        if (referenceDay == null) {
            return null;
        }
        try {
            MonthDay day;
            try {
                day = MonthDay.parse(Prices.required(referenceDay.day(), "day"));
            } catch (DateTimeParseException e) {
                throw new InvalidTariff("day", "month-day", "must be a day of the year as --MM-DD, e.g. --12-31");
            }
            return new ReferenceDay(day, Prices.required(referenceDay.yearsBefore(), "yearsBefore"));
        } catch (InvalidTariff e) {
            throw e.within("referenceDay");
        }
    }
}
