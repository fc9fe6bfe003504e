package org.allmende.billing.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.allmende.billing.tariff.Days;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.billing.tariff.VatTreatment;
import org.allmende.events.money.Money;

/**
 * One line of a member's contributions. {@code net} is {@code unitPrice × quantity × share} rounded once (two
 * decimals, half up); {@code vat} is {@code vatRatePercent / 100 × net} rounded once; {@code gross = net + vat}.
 * The constructor refuses a line that breaks these rules, so no line can carry amounts rounded another way.
 * {@code share} is the part of a time-based price's cadence the days cover (1 for usage and one-off amounts).
 * {@code correctedPeriod} names the earlier period a CORRECTION line corrects; {@code reference} the invoice that
 * billed it, or a credit's reference.
 */
public record ContributionLine(
        LineType type,
        String serviceCode,
        String description,
        LocalDate from,
        LocalDate to,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        Share share,
        BigDecimal net,
        VatRegime vatRegime,
        BigDecimal vatRatePercent,
        String vatReason,
        BigDecimal vat,
        BigDecimal gross,
        BillingPeriod correctedPeriod,
        String reference) {

    public ContributionLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(vatRegime, "vatRegime");
        new Days(from, to);
        if (net.scale() != Money.SCALE || vat.scale() != Money.SCALE || gross.scale() != Money.SCALE) {
            throw new IllegalArgumentException(
                    "amounts on a line have two decimals: " + net + ", " + vat + ", " + gross);
        }
        if (vatRatePercent.compareTo(vatRegime.ratePercent()) != 0) {
            throw new IllegalArgumentException(vatRegime + " is taxed at " + vatRegime.ratePercent() + " %");
        }
        if (vat.compareTo(Quantities.vat(net, vatRatePercent)) != 0 || gross.compareTo(net.add(vat)) != 0) {
            throw new IllegalArgumentException("VAT is the rate times the net, rounded once, and gross their sum");
        }
        if ((type == LineType.CORRECTION) != (correctedPeriod != null)) {
            throw new IllegalArgumentException("a CORRECTION line, and only one, names the period it corrects");
        }
    }

    /** A line with its amounts: the net from unit price, quantity and share, the VAT from the net. */
    static ContributionLine priced(
            LineType type,
            String serviceCode,
            String description,
            Days days,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            Share share,
            VatTreatment vat) {
        return withNet(
                type,
                serviceCode,
                description,
                days,
                quantity,
                unit,
                unitPrice,
                share,
                Quantities.net(unitPrice, quantity, share),
                vat,
                null,
                null);
    }

    /** A line whose net is already an amount (a difference or a sum of rounded amounts, rounding changes nothing). */
    static ContributionLine withNet(
            LineType type,
            String serviceCode,
            String description,
            Days days,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            Share share,
            BigDecimal net,
            VatTreatment vat,
            BillingPeriod correctedPeriod,
            String reference) {
        var roundedNet = Money.round(net);
        var vatAmount = Quantities.vat(roundedNet, vat.ratePercent());
        return new ContributionLine(
                type,
                serviceCode,
                description,
                days.first(),
                days.last(),
                Quantities.canonical(quantity),
                unit,
                Quantities.canonical(unitPrice),
                share,
                roundedNet,
                vat.regime(),
                vat.ratePercent(),
                vat.reason(),
                vatAmount,
                roundedNet.add(vatAmount),
                correctedPeriod,
                reference);
    }

    public Days days() {
        return new Days(from, to);
    }

    VatTreatment vatTreatment() {
        return new VatTreatment(vatRegime, vatReason);
    }
}
