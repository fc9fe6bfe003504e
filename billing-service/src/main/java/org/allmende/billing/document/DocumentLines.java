package org.allmende.billing.document;

import java.math.BigDecimal;
import java.util.List;
import org.allmende.events.billing.VatRegime;

/** The rules a document's lines keep, checked when a draft is added and again when it is issued. */
public final class DocumentLines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DocumentLines() {}

    /** Throws {@link DocumentRefused} naming the first rule broken, and the line (counted from 1). */
    public static void check(DocumentType type, List<DocumentLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new DocumentRefused("document-without-lines", "A document needs at least one line.");
        }
        for (int i = 0; i < lines.size(); i++) {
            check(type, i + 1, lines.get(i));
        }
        var gross = DocumentTotals.of(lines).gross();
        switch (type) {
            case INVOICE -> {
                if (gross.signum() < 0) {
                    throw new DocumentRefused(
                            "invoice-total-negative",
                            "The invoice would total " + gross + " EUR: credit the member with a credit note.");
                }
            }
            case CREDIT_NOTE, CAPITAL_CALL -> {
                if (gross.signum() <= 0) {
                    throw new DocumentRefused(
                            "document-total-not-positive", "A " + type.configKey() + " must total more than 0 EUR.");
                }
            }
        }
    }

    private static void check(DocumentType type, int no, DocumentLine line) {
        if (line == null
                || line.kind() == null
                || line.description() == null
                || line.description().isBlank()
                || line.quantity() == null
                || line.unit() == null
                || line.unit().isBlank()
                || line.unitPrice() == null
                || line.net() == null
                || line.vatRatePercent() == null
                || line.regime() == null
                || line.vat() == null
                || line.gross() == null) {
            throw refused(no, "line-incomplete", "every field but the service code is required");
        }
        if (line.description().length() > 300
                || line.unit().length() > 20
                || (line.serviceCode() != null && line.serviceCode().length() > 40)) {
            throw refused(no, "line-text-too-long", "description up to 300, unit 20, service code 40 characters");
        }
        if (decimals(line.net()) > 2 || decimals(line.vat()) > 2 || decimals(line.gross()) > 2) {
            throw refused(no, "amount-scale", "amounts are in EUR with at most two decimals");
        }
        if (decimals(line.quantity()) > 4 || decimals(line.unitPrice()) > 4) {
            throw refused(no, "quantity-scale", "quantities and unit prices have at most four decimals");
        }
        if (decimals(line.vatRatePercent()) > 2
                || line.vatRatePercent().signum() < 0
                || line.vatRatePercent().compareTo(HUNDRED) > 0) {
            throw refused(no, "vat-rate-invalid", "a VAT rate is a percentage from 0 to 100");
        }
        if (line.regime() != VatRegime.TAXABLE
                && (line.vatRatePercent().signum() != 0 || line.vat().signum() != 0)) {
            throw refused(no, "vat-on-untaxed-line", "a line under " + line.regime() + " carries no VAT");
        }
        if (line.net().add(line.vat()).compareTo(line.gross()) != 0) {
            throw refused(no, "gross-is-not-net-plus-vat", line.net() + " + " + line.vat() + " is not " + line.gross());
        }
        var capital = line.kind() == LineKind.SHARE_CAPITAL;
        if ((type == DocumentType.CAPITAL_CALL) != capital) {
            throw refused(
                    no, "share-capital-only-in-capital-calls", "a capital call has share capital lines, nothing else");
        }
        if (capital && line.regime() != VatRegime.NOT_TAXABLE) {
            throw refused(no, "capital-call-with-vat", "capital on shares is no supply: regime NOT_TAXABLE");
        }
    }

    private static int decimals(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }

    private static DocumentRefused refused(int no, String rule, String message) {
        return new DocumentRefused(rule, "Line " + no + ": " + message + ".");
    }
}
