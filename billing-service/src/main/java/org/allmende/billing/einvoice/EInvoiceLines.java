package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.LineType;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.events.money.Money;

/**
 * Invoice lines from the contribution lines an invoice bills: the same nets, cent for cent, in the same order.
 *
 * <p>A line keeps its quantity and unit price when they give its net (usage, whole months of a flat fee or seats).
 * A net that is not quantity × price — a price prorated by days (10 EUR a month × 15/31), a correction's difference,
 * a minimum's top-up — becomes a lump sum (1 LS at the net) whose note shows how it was computed, because EN 16931
 * defines the line net as quantity × price and receivers recompute it. A credit is a negative quantity at a positive
 * price (BR-27). Standard rated lines and goods are category S at their rate, cost-sharing exempt lines category E
 * with the reason of {@link VatCategory#COST_SHARING_EXEMPT}.
 */
public final class EInvoiceLines {

    private EInvoiceLines() {}

    /**
     * @param serviceNames the name of a service by its code (the catalog's), shown as the item name
     */
    public static List<EInvoiceLine> fromContributions(
            List<ContributionLine> contributions, Function<String, String> serviceNames) {
        var lines = new ArrayList<EInvoiceLine>();
        for (var contribution : contributions) {
            lines.add(line(String.valueOf(lines.size() + 1), contribution, serviceNames));
        }
        return List.copyOf(lines);
    }

    static EInvoiceLine line(String id, ContributionLine line, Function<String, String> serviceNames) {
        InvoiceUnit.ofContributionUnit(line.unit()); // a contribution's unit is always one an e-invoice knows
        return priced(
                id,
                name(line, serviceNames),
                line.description(),
                line.serviceCode(),
                line.quantity(),
                line.unit(),
                line.unitPrice(),
                line.net(),
                category(line),
                line.from(),
                line.to(),
                line.type() == LineType.CORRECTION ? "Differenz " : "",
                line.share().isOne() ? "" : " × " + line.share());
    }

    /**
     * A line of any origin (a contribution, an issued document's line): its quantity and unit price when they give
     * its net in a unit an e-invoice knows, else a lump sum whose note shows how the net came about, between
     * {@code notePrefix} and {@code noteSuffix}. A negative price becomes a negative quantity (BR-27).
     */
    public static EInvoiceLine priced(
            String id,
            String name,
            String description,
            String sellerItemId,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal net,
            VatCategory vat,
            LocalDate from,
            LocalDate to,
            String notePrefix,
            String noteSuffix) {
        var price = unitPrice;
        if (price.signum() < 0) {
            quantity = quantity.negate();
            price = price.negate();
        }
        var known = InvoiceUnit.of(unit);
        if (known.isPresent() && Money.round(quantity.multiply(price)).compareTo(net) == 0) {
            return new EInvoiceLine(
                    id, name, description, sellerItemId, quantity, known.get(), price, net, vat, from, to, null);
        }
        var note = notePrefix + GermanFormat.quantity(quantity) + " "
                + known.map(InvoiceUnit::label).orElse(unit) + " à " + GermanFormat.price(price) + noteSuffix;
        return new EInvoiceLine(
                id,
                name,
                description,
                sellerItemId,
                net.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE,
                InvoiceUnit.LUMP_SUM,
                net.abs(),
                net,
                vat,
                from,
                to,
                note);
    }

    private static String name(ContributionLine line, Function<String, String> serviceNames) {
        var service = serviceNames.apply(line.serviceCode());
        return switch (line.type()) {
            case MEMBERSHIP_FEE -> "Mitgliedsbeitrag";
            case CORRECTION -> "Korrektur " + line.correctedPeriod() + ": " + service;
            case CREDIT -> "Gutschrift: " + service;
            case SUBSCRIPTION, USAGE -> service;
        };
    }

    static VatCategory category(ContributionLine line) {
        return line.vatRegime() == VatRegime.EXEMPT_COST_SHARING
                ? VatCategory.COST_SHARING_EXEMPT
                : new VatCategory("S", line.vatRatePercent(), null, null);
    }
}
