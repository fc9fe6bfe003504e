package org.allmende.billing.document;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.billing.VatSubtotal;
import org.allmende.events.money.Money;

/**
 * A document's VAT breakdown and totals. The lines' net amounts are summed per VAT regime and rate, and the VAT of
 * each group is its net times the rate, rounded once (EN 16931 BR-CO-17, what an XRechnung validator recomputes);
 * a line's own VAT is informative. Groups in the order of the regimes, then by rate.
 */
public record DocumentTotals(List<VatSubtotal> vatSubtotals, BigDecimal net, BigDecimal vat, BigDecimal gross) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private record Group(VatRegime regime, BigDecimal ratePercent) {}

    private static final Comparator<Group> ORDER =
            Comparator.comparing(Group::regime).thenComparing(Group::ratePercent);

    public static DocumentTotals of(List<DocumentLine> lines) {
        Map<Group, BigDecimal> nets = new TreeMap<>(ORDER);
        for (var line : lines) {
            nets.merge(
                    new Group(line.regime(), line.vatRatePercent().setScale(2, Money.ROUNDING)),
                    line.net(),
                    BigDecimal::add);
        }
        var subtotals = nets.entrySet().stream()
                .map(group -> {
                    var net = Money.round(group.getValue());
                    var vat = Money.round(
                            net.multiply(group.getKey().ratePercent()).divide(HUNDRED));
                    return new VatSubtotal(
                            group.getKey().regime(), group.getKey().ratePercent(), net, vat, net.add(vat));
                })
                .toList();
        return new DocumentTotals(
                subtotals,
                sum(subtotals.stream().map(VatSubtotal::net).toList()),
                sum(subtotals.stream().map(VatSubtotal::vat).toList()),
                sum(subtotals.stream().map(VatSubtotal::gross).toList()));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
    }
}
