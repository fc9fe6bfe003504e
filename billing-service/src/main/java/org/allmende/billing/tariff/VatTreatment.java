package org.allmende.billing.tariff;

import java.math.BigDecimal;
import org.allmende.events.membership.ServiceKind;

/**
 * The VAT a line carries and why, decided by one rule: goods are always taxed; a service is exempt as cost sharing
 * (§4 Nr. 29 UStG) only when its price plan is marked eligible <em>and</em> the member is configured for the
 * exemption (it uses the service directly for exempt or sovereign activities); everything else is taxed at 19 %.
 */
public record VatTreatment(VatRegime regime, String reason) {

    public static VatTreatment decide(PricePlan plan, boolean memberCostSharingExempt) {
        if (plan.kind() == ServiceKind.GOODS) {
            return new VatTreatment(
                    VatRegime.GOODS,
                    "19 % VAT: delivery of goods, always taxable (§4 Nr. 29 UStG exempts services only)");
        }
        if (!plan.costSharingEligible()) {
            return new VatTreatment(
                    VatRegime.STANDARD, "19 % VAT: service not eligible for the cost-sharing exemption");
        }
        if (!memberCostSharingExempt) {
            return new VatTreatment(
                    VatRegime.STANDARD, "19 % VAT: member not configured for the cost-sharing exemption");
        }
        return new VatTreatment(
                VatRegime.EXEMPT_COST_SHARING, "VAT exempt: cost sharing among members (§4 Nr. 29 UStG)");
    }

    public BigDecimal ratePercent() {
        return regime.ratePercent();
    }
}
