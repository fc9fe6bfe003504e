package org.allmende.billing.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.einvoice.Buyer;
import org.allmende.billing.einvoice.EInvoiceDocument;
import org.allmende.billing.einvoice.EInvoiceLine;
import org.allmende.billing.einvoice.EInvoiceLines;
import org.allmende.billing.einvoice.ElectronicAddress;
import org.allmende.billing.einvoice.PaymentInstructions;
import org.allmende.billing.einvoice.PostalAddress;
import org.allmende.billing.einvoice.PrecedingInvoice;
import org.allmende.billing.einvoice.SellerProperties;
import org.allmende.billing.einvoice.VatBreakdown;
import org.allmende.billing.einvoice.VatCategory;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.billing.VatSubtotal;
import org.allmende.events.money.Money;
import org.allmende.support.web.RuleViolation;

/**
 * An issued invoice or credit note as an e-invoice (ADR 0022): everything from the document as it was issued — buyer
 * with the Leitweg-ID it had (BT-10, BT-49), lines, VAT per category with the §4 Nr. 29 exemption (or
 * not subject to VAT, category O, where every line is), and the payment
 * means fixed at issue (direct debit under the mandate recorded then, else credit transfer to the cooperative's
 * account; a credit note is set off) — and the seller from configuration. The e-invoice states exactly the amounts
 * billing booked, per VAT category and in total, or it is not made. Pure.
 */
public final class EInvoiceMapping {

    private EInvoiceMapping() {}

    /**
     * A capital call maps to a document of type {@code CAPITAL_CALL}, not subject to VAT, which renders as a plain PDF
     * and never as XRechnung.
     *
     * @param precedingIssueDate for a credit note, the issue date of the invoice it corrects (BT-26)
     * @throws RuleViolation {@code not-taxable-line} for lines outside VAT beside taxed or exempt ones, {@code e-invoice-differs-from-booked} if the amounts would not be the
     *     booked ones
     */
    public static EInvoiceDocument of(DocumentIssued document, LocalDate precedingIssueDate, SellerProperties seller) {
        var type =
                switch (document.type()) {
                    case INVOICE -> org.allmende.billing.einvoice.DocumentType.INVOICE;
                    case CREDIT_NOTE -> org.allmende.billing.einvoice.DocumentType.CREDIT_NOTE;
                    case CAPITAL_CALL -> org.allmende.billing.einvoice.DocumentType.CAPITAL_CALL;
                };
        var buyer = document.buyer();
        var leitwegId = buyer.leitwegId() == null || buyer.leitwegId().isBlank() ? null : buyer.leitwegId();
        var eInvoice = new EInvoiceDocument(
                type,
                document.number(),
                document.issuedOn(),
                document.dueOn(),
                document.periodFrom(),
                document.periodTo(),
                document.type() == DocumentType.CREDIT_NOTE
                        ? new PrecedingInvoice(document.refersToNumber(), precedingIssueDate)
                        : null,
                seller.seller(),
                new Buyer(
                        buyer.name(),
                        new PostalAddress(buyer.street(), buyer.postalCode(), buyer.city(), buyer.country()),
                        buyer.memberNumber(),
                        leitwegId,
                        leitwegId == null ? null : ElectronicAddress.leitwegId(leitwegId)),
                payment(document, seller),
                lines(document),
                null);
        asBooked(eInvoice, document);
        return eInvoice;
    }

    /** A capital call calls capital on shares, no supply: it is no VAT document and has no e-invoice. */
    public static RuleViolation notAnEInvoice(String number) {
        return new RuleViolation(
                "not-an-e-invoice",
                number + " is a capital call: capital on shares is no supply, so there is no invoice in the sense of"
                        + " § 14 UStG and no e-invoice of it. Its PDF is available.");
    }

    static PaymentInstructions payment(DocumentIssued document, SellerProperties seller) {
        if (document.type() == DocumentType.CREDIT_NOTE) {
            return new PaymentInstructions.SetOff();
        }
        var debit = document.directDebit();
        if (debit == null) {
            return seller.creditTransfer();
        }
        return new PaymentInstructions.DirectDebit(debit.mandateReference(), debit.creditorId(), debit.debitedIban());
    }

    static List<EInvoiceLine> lines(DocumentIssued document) {
        var regimes =
                document.lines().stream().map(DocumentLine::regime).distinct().toList();
        if (regimes.contains(VatRegime.NOT_TAXABLE) && regimes.size() > 1) {
            throw new RuleViolation(
                    "not-taxable-line",
                    document.number() + " has lines outside VAT beside taxed or exempt ones: EN 16931 lets lines not"
                            + " subject to VAT (category O) stand only alone on a document (BR-O-11).");
        }
        return IntStream.range(0, document.lines().size())
                .mapToObj(i -> line(i + 1, document.lines().get(i)))
                .toList();
    }

    private static EInvoiceLine line(int no, DocumentLine line) {
        return EInvoiceLines.priced(
                String.valueOf(no),
                line.description(),
                null,
                line.serviceCode(),
                line.quantity(),
                line.unit(),
                line.unitPrice(),
                Money.round(line.net()), // two decimals, however the amount was read back
                category(line),
                null,
                null,
                "",
                "");
    }

    static VatCategory category(DocumentLine line) {
        return switch (line.regime()) {
            case TAXABLE -> new VatCategory("S", line.vatRatePercent(), null, null);
            case EXEMPT_COST_SHARING -> VatCategory.COST_SHARING_EXEMPT;
            case NOT_TAXABLE -> VatCategory.NOT_SUBJECT;
        };
    }

    /** The e-invoice's totals and VAT breakdown are the booked ones, to the cent, or nothing is sent. */
    private static void asBooked(EInvoiceDocument eInvoice, DocumentIssued document) {
        try {
            var totals = eInvoice.totalsAsBooked(document.netTotal(), document.vatTotal(), document.grossTotal());
            var booked = new ArrayList<String>();
            for (var subtotal : document.vatSubtotals()) {
                booked.add(key(subtotal));
            }
            var stated = new ArrayList<String>();
            for (var breakdown : totals.vatBreakdown()) {
                stated.add(key(breakdown));
            }
            if (!booked.stream()
                    .sorted()
                    .toList()
                    .equals(stated.stream().sorted().toList())) {
                throw new IllegalStateException(
                        document.number() + " was booked with VAT " + booked + " but its lines give " + stated);
            }
        } catch (IllegalStateException e) {
            throw new RuleViolation("e-invoice-differs-from-booked", e.getMessage());
        }
    }

    private static String key(VatSubtotal subtotal) {
        var code =
                switch (subtotal.regime()) {
                    case TAXABLE -> "S";
                    case EXEMPT_COST_SHARING -> "E";
                    case NOT_TAXABLE -> "O";
                };
        return code + " " + rate(subtotal.ratePercent()) + "% " + amount(subtotal.net()) + " " + amount(subtotal.vat());
    }

    private static String key(VatBreakdown breakdown) {
        return breakdown.category().code() + " " + rate(breakdown.category().ratePercent()) + "% "
                + amount(breakdown.taxableAmount()) + " " + amount(breakdown.taxAmount());
    }

    private static String amount(BigDecimal amount) {
        return Money.round(amount).toPlainString();
    }

    private static String rate(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
