package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.events.money.Money;

/**
 * The totals of some lines: plain sums of the lines' rounded amounts, never rounded again, so an invoice's totals
 * are always exactly the sum of its lines. Per VAT regime as well, for the VAT breakdown an invoice shows.
 */
public record ContributionTotals(BigDecimal net, BigDecimal vat, BigDecimal gross, List<VatSubtotal> byVatRegime) {

    /** The lines of one VAT regime: their net (the taxable amount) and VAT. */
    public record VatSubtotal(VatRegime regime, BigDecimal ratePercent, BigDecimal net, BigDecimal vat) {}

    public static ContributionTotals of(List<ContributionLine> lines) {
        var byRegime = new TreeMap<VatRegime, BigDecimal[]>();
        var net = Money.ZERO;
        var vat = Money.ZERO;
        var gross = Money.ZERO;
        for (var line : lines) {
            net = net.add(line.net());
            vat = vat.add(line.vat());
            gross = gross.add(line.gross());
            var subtotal =
                    byRegime.computeIfAbsent(line.vatRegime(), regime -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            subtotal[0] = subtotal[0].add(line.net());
            subtotal[1] = subtotal[1].add(line.vat());
        }
        var subtotals = new ArrayList<VatSubtotal>();
        byRegime.forEach(
                (regime, sums) -> subtotals.add(new VatSubtotal(regime, regime.ratePercent(), sums[0], sums[1])));
        return new ContributionTotals(net, vat, gross, List.copyOf(subtotals));
    }
}
