package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * A VAT category of EN 16931 (UNCL 5305 code and rate), and for an exempt one the reason as text (BT-120) and code
 * (BT-121, VATEX list). Allmende uses three: standard rated, the cost-sharing exemption and not subject to VAT.
 */
public record VatCategory(String code, BigDecimal ratePercent, String exemptionReason, String exemptionReasonCode) {

    /** Taxable at the standard rate, §12 Abs. 1 UStG: services not exempt and every delivery of goods. */
    public static final VatCategory STANDARD = new VatCategory("S", new BigDecimal("19"), null, null);

    /**
     * Exempt as cost sharing among members (§4 Nr. 29 UStG, which implements Article 132(1)(f) of the VAT Directive
     * 2006/112/EC: VATEX-EU-132-1F).
     */
    public static final VatCategory COST_SHARING_EXEMPT = new VatCategory(
            "E",
            BigDecimal.ZERO,
            "Steuerfrei nach § 4 Nr. 29 UStG (Kostenteilung unter Mitgliedern)",
            "VATEX-EU-132-1F");

    /**
     * Not subject to VAT: no supply at all (an entrance fee, capital on shares). EN 16931 allows it only alone on a
     * document (BR-O-11 to BR-O-14) and without the seller's VAT id (BR-O-2).
     */
    public static final VatCategory NOT_SUBJECT =
            new VatCategory("O", BigDecimal.ZERO, "Nicht steuerbar (kein Leistungsaustausch)", "VATEX-EU-O");

    /** Standard rated first, higher rates first, then exempt: one breakdown per category code and rate. */
    static final Comparator<VatCategory> ORDER = Comparator.comparing((VatCategory c) -> !"S".equals(c.code()))
            .thenComparing(VatCategory::code)
            .thenComparing(VatCategory::ratePercent, Comparator.reverseOrder());

    public VatCategory {
        Objects.requireNonNull(code, "vat.code");
        Objects.requireNonNull(ratePercent, "vat.ratePercent");
        ratePercent = ratePercent.stripTrailingZeros();
        if (ratePercent.scale() < 0) {
            ratePercent = ratePercent.setScale(0);
        }
        exemptionReason = Text.optional(exemptionReason);
        exemptionReasonCode = Text.optional(exemptionReasonCode);
        switch (code) {
            case "S" -> {
                if (ratePercent.signum() <= 0 || exemptionReason != null || exemptionReasonCode != null) {
                    throw new IllegalArgumentException(
                            "a standard rated category has a positive rate and no exemption reason (BR-S-5, BR-S-10)");
                }
            }
            case "E", "O" -> {
                if (ratePercent.signum() != 0 || (exemptionReason == null && exemptionReasonCode == null)) {
                    throw new IllegalArgumentException(
                            "an exempt or untaxed category has rate 0 and a reason (BR-E-5, BR-E-10, BR-O-5, BR-O-10)");
                }
            }
            default -> throw new IllegalArgumentException("VAT category " + code + " is not used by Allmende");
        }
    }

    public boolean exempt() {
        return "E".equals(code);
    }

    public boolean notSubject() {
        return "O".equals(code);
    }
}
