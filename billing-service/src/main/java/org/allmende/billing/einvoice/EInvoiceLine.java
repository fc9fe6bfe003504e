package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.allmende.events.money.Money;

/**
 * One invoice line (BG-25). The net amount (BT-131) is exactly the quantity (BT-129) times the net price (BT-146)
 * rounded once to cents, as a receiver recomputes it; the price is never negative (BR-27), so a credit on an invoice
 * is a negative quantity. {@code name} is the item name (BT-153), {@code description} the item description (BT-154),
 * {@code sellerItemId} the service code (BT-155), {@code note} a line note (BT-127), from/to the line's period
 * (BT-134/135).
 */
public record EInvoiceLine(
        String id,
        String name,
        String description,
        String sellerItemId,
        BigDecimal quantity,
        InvoiceUnit unit,
        BigDecimal netPrice,
        BigDecimal netAmount,
        VatCategory vat,
        LocalDate from,
        LocalDate to,
        String note) {

    public EInvoiceLine {
        Text.required(id, "line.id");
        Text.required(name, "line.name");
        description = Text.optional(description);
        sellerItemId = Text.optional(sellerItemId);
        note = Text.optional(note);
        Objects.requireNonNull(quantity, "line.quantity");
        Objects.requireNonNull(unit, "line.unit");
        Objects.requireNonNull(netPrice, "line.netPrice");
        Objects.requireNonNull(netAmount, "line.netAmount");
        Objects.requireNonNull(vat, "line.vat");
        if (netPrice.signum() < 0) {
            throw new IllegalArgumentException("line " + id + ": the net price is never negative (BR-27)");
        }
        if (netAmount.scale() != Money.SCALE) {
            throw new IllegalArgumentException("line " + id + ": the net amount has two decimals, not " + netAmount);
        }
        if (Money.round(quantity.multiply(netPrice)).compareTo(netAmount) != 0) {
            throw new IllegalArgumentException("line " + id + ": " + quantity.toPlainString() + " × "
                    + netPrice.toPlainString() + " is not " + netAmount.toPlainString());
        }
        if ((from == null) != (to == null) || (from != null && to.isBefore(from))) {
            throw new IllegalArgumentException("line " + id + ": a period has a start and an end not before it");
        }
    }
}
