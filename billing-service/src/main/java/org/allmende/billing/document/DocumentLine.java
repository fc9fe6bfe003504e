package org.allmende.billing.document;

import java.math.BigDecimal;
import org.allmende.events.billing.VatRegime;

/**
 * One line of a document as drafted and issued: {@code quantity} {@code unit} at {@code unitPrice} makes
 * {@code net}; {@code vat} at {@code vatRatePercent} under {@code regime}; {@code gross} = net + VAT. Money in EUR
 * with two decimals, quantities and unit prices with up to four. The same fields as the contributions calculation's
 * lines, so one maps onto the other. No checks in here: an issued line is read back from the event store as it was
 * written, whatever later rules say; {@link DocumentLines#check} guards what is drafted.
 */
public record DocumentLine(
        LineKind kind,
        String description,
        String serviceCode,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal net,
        BigDecimal vatRatePercent,
        VatRegime regime,
        BigDecimal vat,
        BigDecimal gross) {}
