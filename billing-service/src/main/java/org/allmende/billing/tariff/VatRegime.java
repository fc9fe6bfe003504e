package org.allmende.billing.tariff;

import java.math.BigDecimal;

/** How VAT applies to a contribution line, with the rate in percent. */
public enum VatRegime {
    /** A taxable service at the standard rate (§12 Abs. 1 UStG). */
    STANDARD(new BigDecimal("19")),
    /** A service to a member exempt as cost sharing among members (§4 Nr. 29 UStG). */
    EXEMPT_COST_SHARING(BigDecimal.ZERO),
    /** A delivery of goods (cartridges, spare parts): always taxable, the cost-sharing exemption covers services only. */
    GOODS(new BigDecimal("19"));

    private final BigDecimal ratePercent;

    VatRegime(BigDecimal ratePercent) {
        this.ratePercent = ratePercent;
    }

    public BigDecimal ratePercent() {
        return ratePercent;
    }
}
