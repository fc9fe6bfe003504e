package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an e-invoice says, independent of its syntax: an issued invoice or credit note (number BT-1, issue date BT-2),
 * the period it bills (BG-14), its due date (BT-9), for a credit note the invoice it corrects (BG-3), the seller and
 * buyer, payment instructions and the lines. Always in euros. The totals follow from the lines ({@link #totals()}).
 */
public record EInvoiceDocument(
        DocumentType type,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate periodFrom,
        LocalDate periodTo,
        PrecedingInvoice precedingInvoice,
        Seller seller,
        Buyer buyer,
        PaymentInstructions payment,
        List<EInvoiceLine> lines,
        String note) {

    public static final String CURRENCY = "EUR";

    public EInvoiceDocument {
        Objects.requireNonNull(type, "type");
        Text.required(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(payment, "payment");
        note = Text.optional(note);
        lines = List.copyOf(lines);
        if (periodTo.isBefore(periodFrom)) {
            throw new IllegalArgumentException("the period ends before it starts: " + periodFrom + ".." + periodTo);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an e-invoice has at least one line (BR-16)");
        }
        var ids = new HashSet<String>();
        for (var line : lines) {
            if (!ids.add(line.id())) {
                throw new IllegalArgumentException("line ids are unique, " + line.id() + " is not");
            }
        }
        var notSubject = lines.stream().filter(l -> l.vat().notSubject()).count();
        if (notSubject > 0 && notSubject < lines.size()) {
            throw new IllegalArgumentException(
                    "lines not subject to VAT stand alone on a document (BR-O-11 to BR-O-14), not beside others");
        }
        switch (type) {
            case INVOICE, CAPITAL_CALL -> {
                Objects.requireNonNull(dueDate, "an invoice or capital call has a due date");
                if (precedingInvoice != null) {
                    throw new IllegalArgumentException("only a credit note names a preceding invoice");
                }
                if (payment instanceof PaymentInstructions.SetOff) {
                    throw new IllegalArgumentException("only a credit note is set off, an invoice or call is paid");
                }
                if (type == DocumentType.CAPITAL_CALL && notSubject < lines.size()) {
                    throw new IllegalArgumentException("capital on shares is no supply: not subject to VAT");
                }
            }
            case CREDIT_NOTE -> {
                Objects.requireNonNull(precedingInvoice, "a credit note names the invoice it corrects");
                if (payment instanceof PaymentInstructions.DirectDebit) {
                    throw new IllegalArgumentException("a credit note is refunded by credit transfer to the member's"
                            + " account, not by direct debit");
                }
            }
        }
        if (dueDate != null && dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("the due date " + dueDate + " is before the issue date " + issueDate);
        }
    }

    /** Not subject to VAT as a whole: then the seller's VAT id is left out (BR-O-2). */
    public boolean notSubjectToVat() {
        return lines.get(0).vat().notSubject();
    }

    public String currency() {
        return CURRENCY;
    }

    public EInvoiceTotals totals() {
        return EInvoiceTotals.of(lines);
    }

    /**
     * The totals, provided they are the ones billing booked for this document: an e-invoice that states other amounts
     * than the issued document must not be sent. Both compute VAT per category from the summed nets (ADR 0020).
     */
    public EInvoiceTotals totalsAsBooked(BigDecimal net, BigDecimal vat, BigDecimal gross) {
        var totals = totals();
        if (totals.lineTotal().compareTo(net) != 0
                || totals.vatTotal().compareTo(vat) != 0
                || totals.grossTotal().compareTo(gross) != 0) {
            throw new IllegalStateException(number + " was booked with net " + net + ", VAT " + vat + ", gross "
                    + gross + " but its lines give " + totals.lineTotal() + ", " + totals.vatTotal() + ", "
                    + totals.grossTotal());
        }
        return totals;
    }
}
