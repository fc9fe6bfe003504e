package org.allmende.billing.einvoice;

import java.util.Optional;

/**
 * The unit of an invoiced quantity: the UN/ECE Recommendation 20 code an e-invoice carries (BT-130) and the German
 * word the PDF shows. Mapped from the catalog's {@code ServiceUnit} and the contribution lines' own units:
 *
 * <table>
 *   <tr><th>ours</th><th>code</th><th>Rec 20 name</th></tr>
 *   <tr><td>PAGE</td><td>ZP</td><td>page</td></tr>
 *   <tr><td>GB_MONTH</td><td>E34</td><td>gigabyte (the month is in the price: per GB and month)</td></tr>
 *   <tr><td>DEVICE</td><td>C62</td><td>one (a device provided or managed)</td></tr>
 *   <tr><td>HOUR</td><td>HUR</td><td>hour</td></tr>
 *   <tr><td>FLAT</td><td>LS</td><td>lump sum</td></tr>
 *   <tr><td>PIECE</td><td>H87</td><td>piece (goods: cartridges, spare parts)</td></tr>
 *   <tr><td>BLOCK</td><td>C62</td><td>one (a started block of a package price)</td></tr>
 *   <tr><td>MONTH</td><td>MON</td><td>month (a fee per month)</td></tr>
 *   <tr><td>SHARE</td><td>C62</td><td>one (a share of the cooperative, in a capital call)</td></tr>
 * </table>
 */
public enum InvoiceUnit {
    PAGE("ZP", "Seiten"),
    GB_MONTH("E34", "GB-Monate"),
    DEVICE("C62", "Geräte"),
    HOUR("HUR", "Stunden"),
    LUMP_SUM("LS", "pauschal"),
    PIECE("H87", "Stück"),
    BLOCK("C62", "Blöcke"),
    MONTH("MON", "Monate"),
    SHARE("C62", "Anteile");

    private final String code;
    private final String label;

    InvoiceUnit(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** UN/ECE Recommendation 20 (with Rec 21), as EN 16931 requires (BR-CL-23). */
    public String code() {
        return code;
    }

    /** For people reading the PDF. */
    public String label() {
        return label;
    }

    /** The unit of a contribution line: a catalog {@code ServiceUnit} name, {@code FLAT} or {@code BLOCK}. */
    public static InvoiceUnit ofContributionUnit(String unit) {
        return of(unit).orElseThrow(() -> new IllegalArgumentException("no invoice unit for " + unit));
    }

    /** The unit of a document line, if an e-invoice has a code for it. */
    public static Optional<InvoiceUnit> of(String unit) {
        return Optional.ofNullable(
                switch (unit) {
                    case "PAGE" -> PAGE;
                    case "GB_MONTH" -> GB_MONTH;
                    case "DEVICE" -> DEVICE;
                    case "HOUR" -> HOUR;
                    case "FLAT" -> LUMP_SUM;
                    case "PIECE" -> PIECE;
                    case "BLOCK" -> BLOCK;
                    case "MONTH" -> MONTH;
                    case "SHARE" -> SHARE;
                    default -> null;
                });
    }
}
