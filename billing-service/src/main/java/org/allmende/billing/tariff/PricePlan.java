package org.allmende.billing.tariff;

import java.time.LocalDate;
import java.util.Optional;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;

/**
 * The price of one service over the days it is in effect ({@code effectiveTo} inclusive, null while no later plan
 * exists). Unit and kind are the catalog's for the service; {@code costSharingEligible} says whether finance
 * configured the service for the §4 Nr. 29 UStG exemption (never for goods). The membership fee is the plan of
 * the reserved code {@value #MEMBERSHIP_FEE}.
 */
public record PricePlan(
        String serviceCode,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        ServiceUnit unit,
        ServiceKind kind,
        boolean costSharingEligible,
        PriceModel model) {

    public static final String MEMBERSHIP_FEE = "MEMBERSHIP-FEE";

    public PricePlan {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new InvalidTariff("serviceCode", "required", "must be given");
        }
        Prices.required(effectiveFrom, "effectiveFrom");
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new InvalidTariff("effectiveTo", "not-before-effective-from", "must not lie before effectiveFrom");
        }
        Prices.required(unit, "unit");
        Prices.required(kind, "kind");
        Prices.required(model, "model");
        if (kind == ServiceKind.GOODS && costSharingEligible) {
            throw new InvalidTariff(
                    "costSharingEligible",
                    "goods-always-taxable",
                    "goods are always taxable: the cost-sharing exemption (§4 Nr. 29 UStG) covers services only");
        }
        var membership = MEMBERSHIP_FEE.equals(serviceCode);
        if (membership != model instanceof PriceModel.MembershipFee) {
            throw new InvalidTariff(
                    "model",
                    "membership-fee-model",
                    membership
                            ? MEMBERSHIP_FEE + " is priced by a membership fee model"
                            : "a membership fee model is only for " + MEMBERSHIP_FEE);
        }
    }

    /** The days of {@code limit} this plan is in effect, if any. */
    public Optional<Days> daysWithin(Days limit) {
        return Days.between(effectiveFrom, effectiveTo, limit);
    }

    public boolean inEffectOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public PricePlan endingOn(LocalDate lastDay) {
        return new PricePlan(serviceCode, effectiveFrom, lastDay, unit, kind, costSharingEligible, model);
    }
}
