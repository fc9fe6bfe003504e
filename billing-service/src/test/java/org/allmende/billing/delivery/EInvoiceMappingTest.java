package org.allmende.billing.delivery;

import static org.allmende.billing.delivery.Issued.CREDITOR_ID;
import static org.allmende.billing.delivery.Issued.ISSUED_ON;
import static org.allmende.billing.delivery.Issued.LEITWEG_ID;
import static org.allmende.billing.delivery.Issued.MEMBER_IBAN;
import static org.allmende.billing.delivery.Issued.SELLER_IBAN;
import static org.allmende.billing.delivery.Issued.buyer;
import static org.allmende.billing.delivery.Issued.document;
import static org.allmende.billing.delivery.Issued.invoice;
import static org.allmende.billing.delivery.Issued.line;
import static org.allmende.billing.delivery.Issued.mandate;
import static org.allmende.billing.delivery.Issued.seller;
import static org.allmende.billing.delivery.Issued.taxedAndExempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.allmende.billing.document.DocumentIssued;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.einvoice.EInvoiceRenderer;
import org.allmende.billing.einvoice.ElectronicAddress;
import org.allmende.billing.einvoice.InvoiceUnit;
import org.allmende.billing.einvoice.PaymentInstructions;
import org.allmende.billing.einvoice.PrecedingInvoice;
import org.allmende.billing.einvoice.VatCategory;
import org.allmende.events.billing.VatRegime;
import org.allmende.support.web.RuleViolation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class EInvoiceMappingTest {

    private static final DocumentIssued DEBITED =
            invoice("RE-2026-000001", buyer(1, LEITWEG_ID), taxedAndExempt(), mandate("MANDAT-1"));

    @Test
    void theBuyerReferenceIsTheLeitwegIdWhichIsAlsoTheBuyersElectronicAddress() {
        var eInvoice = EInvoiceMapping.of(DEBITED, null, seller("KommunalIT eG"));

        assertThat(eInvoice.buyer().buyerReference()).isEqualTo(LEITWEG_ID);
        assertThat(eInvoice.buyer().electronicAddress()).isEqualTo(ElectronicAddress.leitwegId(LEITWEG_ID));
        assertThat(eInvoice.buyer().memberNumber()).isEqualTo(1);
        assertThat(eInvoice.buyer().address().street()).isEqualTo("Hauptstraße 1");
        assertThat(eInvoice.seller().name()).isEqualTo("KommunalIT eG");
        assertThat(eInvoice.number()).isEqualTo("RE-2026-000001");
        assertThat(eInvoice.issueDate()).isEqualTo(ISSUED_ON);
        assertThat(eInvoice.dueDate()).isEqualTo(ISSUED_ON.plusDays(14));
    }

    @Test
    void aMemberWithoutLeitwegIdHasNoElectronicAddressSoNoXRechnungOnlyThePdf() {
        var eInvoice = EInvoiceMapping.of(
                invoice("RE-2026-000002", buyer(2, null), taxedAndExempt(), null), null, seller("KommunalIT eG"));

        assertThat(eInvoice.buyer().leitwegId()).isNull();
        assertThat(eInvoice.buyer().electronicAddress()).isNull();
        assertThat(eInvoice.buyer().buyerReference()).isEqualTo("2");
    }

    @Test
    void exemptLinesCarryTheCostSharingReasonAndTaxedLinesTheirRate() {
        var eInvoice = EInvoiceMapping.of(DEBITED, null, seller("KommunalIT eG"));

        assertThat(eInvoice.lines())
                .extracting(l -> l.vat())
                .containsExactly(
                        VatCategory.COST_SHARING_EXEMPT, new VatCategory("S", new BigDecimal("19.00"), null, null));
        var breakdown = eInvoice.totals().vatBreakdown();
        assertThat(breakdown).hasSize(2);
        assertThat(breakdown.get(1).category().exemptionReason()).contains("§ 4 Nr. 29 UStG");
        assertThat(breakdown.get(1).category().exemptionReasonCode()).isEqualTo("VATEX-EU-132-1F");
        assertThat(breakdown.get(1).taxableAmount()).isEqualByComparingTo("120.00");
        assertThat(breakdown.get(0).taxableAmount()).isEqualByComparingTo("49.36");
        assertThat(breakdown.get(0).taxAmount()).isEqualByComparingTo("9.38");
    }

    @Test
    void theAmountsAreTheBookedOnes() {
        var totals = EInvoiceMapping.of(DEBITED, null, seller("KommunalIT eG")).totals();

        assertThat(totals.lineTotal()).isEqualByComparingTo(DEBITED.netTotal());
        assertThat(totals.vatTotal()).isEqualByComparingTo(DEBITED.vatTotal());
        assertThat(totals.grossTotal()).isEqualByComparingTo(DEBITED.grossTotal());
    }

    @Test
    void linesKeepQuantityAndPriceInAKnownUnitAndBecomeALumpSumOtherwise() {
        var lines = EInvoiceMapping.of(DEBITED, null, seller("KommunalIT eG")).lines();

        assertThat(lines.get(0).unit()).isEqualTo(InvoiceUnit.MONTH);
        assertThat(lines.get(1).unit()).isEqualTo(InvoiceUnit.PAGE);
        assertThat(lines.get(1).quantity()).isEqualByComparingTo("1234");
        assertThat(lines.get(1).netPrice()).isEqualByComparingTo("0.04");
        assertThat(lines.get(1).sellerItemId()).isEqualTo("PRINT-PAGES");

        var odd = invoice(
                "RE-2026-000003",
                buyer(1, LEITWEG_ID),
                List.of(line(LineKind.SUBSCRIPTION, "Tablets", "3", "TABLET", "12.50", "19", VatRegime.TAXABLE)),
                null);
        var lumpSum =
                EInvoiceMapping.of(odd, null, seller("KommunalIT eG")).lines().get(0);
        assertThat(lumpSum.unit()).isEqualTo(InvoiceUnit.LUMP_SUM);
        assertThat(lumpSum.netAmount()).isEqualByComparingTo("37.50");
        assertThat(lumpSum.note()).isEqualTo("3 TABLET à 12,50 €");
    }

    @Test
    void aMandateRecordedAtIssueMakesItADirectDebit() {
        var payment = EInvoiceMapping.of(DEBITED, null, seller("KommunalIT eG")).payment();

        assertThat(payment).isEqualTo(new PaymentInstructions.DirectDebit("MANDAT-1", CREDITOR_ID, MEMBER_IBAN));
    }

    @Test
    void withoutAMandateAtIssueTheMemberTransfersToTheCooperativesAccount() {
        var payment = EInvoiceMapping.of(
                        invoice("RE-2026-000004", buyer(1, LEITWEG_ID), taxedAndExempt(), null),
                        null,
                        seller("KommunalIT eG"))
                .payment();

        assertThat(payment).isInstanceOfSatisfying(PaymentInstructions.CreditTransfer.class, transfer -> assertThat(
                        transfer.iban())
                .isEqualTo(SELLER_IBAN));
    }

    @Test
    void anEventWrittenBeforeTheDirectDebitWasRecordedReadsAsCreditTransfer() throws Exception {
        // as billing's event store reads events: Jackson 2 with java.time, unknown fields ignored (AxonOnPostgres)
        var json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var tree = (ObjectNode) json.valueToTree(DEBITED);
        tree.remove("directDebit");

        var old = json.treeToValue(tree, DocumentIssued.class);

        assertThat(old.directDebit()).isNull();
        assertThat(EInvoiceMapping.of(old, null, seller("KommunalIT eG")).payment())
                .isInstanceOf(PaymentInstructions.CreditTransfer.class);
    }

    @Test
    void aCreditNoteNamesTheInvoiceItCorrectsAndIsSetOff() {
        var credit = document(
                DocumentType.CREDIT_NOTE,
                "GS-2026-000001",
                buyer(1, LEITWEG_ID),
                "RE-2026-000001",
                List.of(line(LineKind.CREDIT, "Druckseiten", "100", "PAGE", "0.04", "19", VatRegime.TAXABLE)),
                null);

        var eInvoice = EInvoiceMapping.of(credit, ISSUED_ON.minusDays(1), seller("KommunalIT eG"));

        assertThat(eInvoice.type()).isEqualTo(org.allmende.billing.einvoice.DocumentType.CREDIT_NOTE);
        assertThat(eInvoice.precedingInvoice())
                .isEqualTo(new PrecedingInvoice("RE-2026-000001", ISSUED_ON.minusDays(1)));
        assertThat(eInvoice.payment()).isInstanceOf(PaymentInstructions.SetOff.class);
        assertThat(eInvoice.totals().grossTotal()).isEqualByComparingTo("4.76");
    }

    @Test
    void aCapitalCallIsAPlainPdfNotSubjectToVatAndNoEInvoice() throws IOException {
        var call = document(
                DocumentType.CAPITAL_CALL,
                "KA-2026-000001",
                buyer(1, LEITWEG_ID),
                null,
                List.of(Issued.shareCapital()),
                mandate("MANDAT-1"));

        var document = EInvoiceMapping.of(call, null, seller("KommunalIT eG"));

        assertThat(document.type()).isEqualTo(org.allmende.billing.einvoice.DocumentType.CAPITAL_CALL);
        assertThat(document.notSubjectToVat()).isTrue();
        assertThat(document.lines().get(0).unit()).isEqualTo(InvoiceUnit.SHARE);
        assertThat(document.totals().grossTotal()).isEqualByComparingTo("2500.00");
        var renderer = new EInvoiceRenderer();
        assertThatThrownBy(() -> renderer.xrechnungUbl(document)).hasMessageContaining("no e-invoice");
        assertThatThrownBy(() -> renderer.xrechnungCii(document)).hasMessageContaining("no e-invoice");
        try (var pdf = Loader.loadPDF(renderer.pdf(document))) {
            var text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Kapitalabruf KA-2026-000001")
                    .contains("nicht umsatzsteuerbar")
                    .contains("Abrufbetrag")
                    .contains("Mandatsreferenz MANDAT-1")
                    .doesNotContain("Rechnung ");
            assertThat(pdf.getDocumentCatalog().getNames()).isNull(); // nothing embedded: no factur-x.xml
        }
    }

    @Test
    void linesOutsideVatBesideOthersAreRefused() {
        var invoice = invoice(
                "RE-2026-000005",
                buyer(1, LEITWEG_ID),
                List.of(
                        line(LineKind.USAGE, "Druckseiten", "10", "PAGE", "0.04", "19", VatRegime.TAXABLE),
                        line(
                                LineKind.MEMBERSHIP_FEE,
                                "Eintrittsgeld",
                                "1",
                                "FLAT",
                                "50.00",
                                "0",
                                VatRegime.NOT_TAXABLE)),
                null);

        assertThatThrownBy(() -> EInvoiceMapping.of(invoice, null, seller("KommunalIT eG")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("not-taxable-line"));
    }

    @Test
    void anInvoiceOfLinesOutsideVatAloneIsNotSubjectToVat() {
        var invoice = invoice(
                "RE-2026-000006",
                buyer(1, LEITWEG_ID),
                List.of(line(
                        LineKind.MEMBERSHIP_FEE, "Eintrittsgeld", "1", "FLAT", "50.00", "0", VatRegime.NOT_TAXABLE)),
                null);

        var eInvoice = EInvoiceMapping.of(invoice, null, seller("KommunalIT eG"));

        assertThat(eInvoice.notSubjectToVat()).isTrue();
        assertThat(eInvoice.totals().vatBreakdown()).singleElement().satisfies(vat -> assertThat(vat.category())
                .isEqualTo(VatCategory.NOT_SUBJECT));
        assertThat(eInvoice.totals().grossTotal()).isEqualByComparingTo("50.00");
    }

    @Test
    void booksThatDifferFromTheLinesStopTheEInvoice() {
        var booked = DEBITED;
        var cent = new BigDecimal("0.01");
        var otherTotal = Issued.bookedAs(
                booked,
                booked.vatSubtotals(),
                booked.vatTotal().add(cent),
                booked.grossTotal().add(cent));
        var oneSubtotalMissing =
                Issued.bookedAs(booked, List.of(booked.vatSubtotals().get(0)), booked.vatTotal(), booked.grossTotal());

        for (var document : List.of(otherTotal, oneSubtotalMissing)) {
            assertThatThrownBy(() -> EInvoiceMapping.of(document, null, seller("KommunalIT eG")))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("e-invoice-differs-from-booked"));
        }
    }
}
