package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.util.List;
import org.allmende.events.money.Money;

/**
 * The document totals (BG-22): the sum of line nets (BT-106, also the tax basis BT-109: Allmende has no document
 * level allowances or charges), the VAT total (BT-110) as the sum of the breakdown's rounded category amounts, the
 * gross (BT-112) and the amount due (BT-115: nothing is prepaid).
 */
public record EInvoiceTotals(
        BigDecimal lineTotal, List<VatBreakdown> vatBreakdown, BigDecimal vatTotal, BigDecimal grossTotal) {

    public static EInvoiceTotals of(List<EInvoiceLine> lines) {
        var net = lines.stream().map(EInvoiceLine::netAmount).reduce(Money.ZERO, BigDecimal::add);
        var breakdown = VatBreakdown.of(lines);
        var vat = breakdown.stream().map(VatBreakdown::taxAmount).reduce(Money.ZERO, BigDecimal::add);
        return new EInvoiceTotals(net, breakdown, vat, net.add(vat));
    }

    public BigDecimal amountDue() {
        return grossTotal;
    }
}
