package org.allmende.events.billing;

/** How VAT applies to an amount. */
public enum VatRegime {
    /** Taxable at the stated rate (19 % by default; cartridges and other goods stay taxable). */
    TAXABLE,
    /** Exempt as a cost-sharing service of the cooperative to its members (§4 Nr. 29 UStG); rate 0. */
    EXEMPT_COST_SHARING,
    /** No supply at all, e.g. capital on shares; rate 0, not a VAT document. */
    NOT_TAXABLE
}
