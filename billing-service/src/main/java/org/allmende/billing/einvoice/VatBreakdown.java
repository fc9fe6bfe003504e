package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.allmende.events.money.Money;

/**
 * The VAT of one category and rate (BG-23): the sum of its lines' nets (BT-116) and the tax on that sum, rounded
 * once (BT-117 = BT-116 × rate, BR-CO-17). Lines carry no VAT of their own in EN 16931: a line's VAT rounded line
 * by line may differ from this by a cent per few lines, and the invoice states this one.
 */
public record VatBreakdown(VatCategory category, BigDecimal taxableAmount, BigDecimal taxAmount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static List<VatBreakdown> of(List<EInvoiceLine> lines) {
        var taxable = new TreeMap<VatCategory, BigDecimal>(VatCategory.ORDER);
        var categories = new TreeMap<VatCategory, VatCategory>(VatCategory.ORDER);
        for (var line : lines) {
            var known = categories.putIfAbsent(line.vat(), line.vat());
            if (known != null && !known.equals(line.vat())) {
                // one breakdown per code and rate (BR-E-1 for exempt lines): one reason for all of them
                throw new IllegalArgumentException(
                        "lines of VAT category " + known.code() + " give different exemption reasons");
            }
            taxable.merge(line.vat(), line.netAmount(), BigDecimal::add);
        }
        var breakdown = new ArrayList<VatBreakdown>();
        taxable.forEach((category, net) -> breakdown.add(new VatBreakdown(category, net, tax(net, category))));
        return List.copyOf(breakdown);
    }

    static BigDecimal tax(BigDecimal taxable, VatCategory category) {
        return Money.round(taxable.multiply(category.ratePercent()).divide(HUNDRED));
    }
}
