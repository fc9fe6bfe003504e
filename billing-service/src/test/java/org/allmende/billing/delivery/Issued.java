package org.allmende.billing.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.allmende.billing.document.Buyer;
import org.allmende.billing.document.DirectDebitAtIssue;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentTotals;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.einvoice.PaymentInstructions;
import org.allmende.billing.einvoice.PostalAddress;
import org.allmende.billing.einvoice.SellerContact;
import org.allmende.billing.einvoice.SellerProperties;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.billing.VatSubtotal;
import org.allmende.events.money.Money;

/** Issued documents and the seller, as the tests of the e-invoices of issued documents use them. */
final class Issued {

    static final String LEITWEG_ID = "991-33333TEST-33";
    static final String CREDITOR_ID = "DE98ZZZ09999999999";
    static final String MEMBER_IBAN = "DE89370400440532013000";
    static final String SELLER_IBAN = "DE12500105170648489890";
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 4, 2);

    private Issued() {}

    static SellerProperties seller(String name) {
        return new SellerProperties(
                name,
                PostalAddress.german("Am Rechenzentrum 1", "34117", "Kassel"),
                "DE123456788",
                "026 123 45678",
                "Genossenschaftsregister GnR 123, Amtsgericht Kassel",
                new SellerContact("Rechnungsstelle KommunalIT", "+49 561 123456-0", "rechnung@kommunalit.example"),
                "rechnung@kommunalit.example",
                new PaymentInstructions.CreditTransfer(SELLER_IBAN, "INGDDEFFXXX", name),
                CREDITOR_ID);
    }

    static Buyer buyer(long member, String leitwegId) {
        return new Buyer(
                UUID.nameUUIDFromBytes(("member-" + member).getBytes()),
                member,
                "Gemeinde " + member,
                "Hauptstraße " + member,
                "34117",
                "Kassel",
                "DE",
                leitwegId);
    }

    /** The membership fee, exempt (§4 Nr. 29 UStG), and printed pages, taxed at 19 %. */
    static List<DocumentLine> taxedAndExempt() {
        return List.of(
                line(
                        LineKind.MEMBERSHIP_FEE,
                        "Mitgliedsbeitrag",
                        "1",
                        "MONTH",
                        "120.00",
                        "0",
                        VatRegime.EXEMPT_COST_SHARING),
                line(LineKind.USAGE, "Druckseiten", "1234", "PAGE", "0.04", "19", VatRegime.TAXABLE));
    }

    /** Five shares of 500 EUR called: no supply, outside VAT. */
    static DocumentLine shareCapital() {
        return line(LineKind.SHARE_CAPITAL, "Geschäftsanteile", "5", "SHARE", "500.00", "0", VatRegime.NOT_TAXABLE);
    }

    static DocumentLine line(
            LineKind kind,
            String description,
            String quantity,
            String unit,
            String price,
            String rate,
            VatRegime regime) {
        var net = Money.round(new BigDecimal(quantity).multiply(new BigDecimal(price)));
        var vat = Money.round(net.multiply(new BigDecimal(rate)).divide(BigDecimal.valueOf(100)));
        return new DocumentLine(
                kind,
                description,
                kind == LineKind.USAGE ? "PRINT-PAGES" : null,
                new BigDecimal(quantity),
                unit,
                new BigDecimal(price),
                net,
                new BigDecimal(rate),
                regime,
                vat,
                net.add(vat));
    }

    static DocumentIssued invoice(String number, Buyer buyer, List<DocumentLine> lines, DirectDebitAtIssue debit) {
        return document(DocumentType.INVOICE, number, buyer, null, lines, debit);
    }

    static DirectDebitAtIssue mandate(String reference) {
        return new DirectDebitAtIssue(reference, CREDITOR_ID, MEMBER_IBAN, "Gemeinde 1");
    }

    static DocumentIssued document(
            DocumentType type,
            String number,
            Buyer buyer,
            String refersTo,
            List<DocumentLine> lines,
            DirectDebitAtIssue debit) {
        var totals = DocumentTotals.of(lines);
        return new DocumentIssued(
                UUID.nameUUIDFromBytes(number.getBytes()),
                type,
                number,
                UUID.nameUUIDFromBytes("run".getBytes()),
                switch (type) {
                    case INVOICE -> RunKind.CONTRIBUTIONS;
                    case CREDIT_NOTE -> RunKind.CORRECTION;
                    case CAPITAL_CALL -> RunKind.CAPITAL_CALL;
                },
                buyer,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                ISSUED_ON,
                type == DocumentType.CREDIT_NOTE ? null : ISSUED_ON.plusDays(14),
                refersTo,
                "EUR",
                lines,
                totals.vatSubtotals(),
                totals.net(),
                totals.vat(),
                totals.gross(),
                debit);
    }

    /** The document as if billing had booked other VAT subtotals and totals than its lines give. */
    static DocumentIssued bookedAs(
            DocumentIssued d, List<VatSubtotal> subtotals, BigDecimal vatTotal, BigDecimal grossTotal) {
        return new DocumentIssued(
                d.documentId(),
                d.type(),
                d.number(),
                d.runId(),
                d.runKind(),
                d.buyer(),
                d.periodFrom(),
                d.periodTo(),
                d.issuedOn(),
                d.dueOn(),
                d.refersToNumber(),
                d.currency(),
                d.lines(),
                subtotals,
                d.netTotal(),
                vatTotal,
                grossTotal,
                d.directDebit());
    }
}
