package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** What a person reads on the PDF, and the CII it carries for software. */
class EInvoicePdfTest {

    private final EInvoiceRenderer renderer = new EInvoiceRenderer();

    @Test
    void theInvoiceReadsInGermanWithItsTotalsAndPaymentTerms() throws IOException {
        try (var pdf = Loader.loadPDF(renderer.pdf(EInvoiceSamples.mixedFromContributions()))) {
            var text = new PDFTextStripper().getText(pdf);

            assertThat(text)
                    .contains("Rechnung RE-2026-000003")
                    .contains("Leitweg-ID 991-33333TEST-33")
                    .contains("Leistungszeitraum 01.03.2026 – 31.03.2026")
                    .contains("12 Geräte à 12,50 € × 22/31")
                    .contains("USt. 19 % auf 179,80 € 34,16 €")
                    .contains("steuerfrei auf 243,29 € 0,00 €")
                    .contains("Gesamtbetrag 457,25 €")
                    .contains("Steuerfrei nach § 4 Nr. 29 UStG")
                    .contains("Bitte überweisen Sie 457,25 € ohne Abzug bis zum 15.04.2026")
                    .contains("USt-IdNr. DE123456788");
        }
    }

    @Test
    void aDirectDebitSaysWhenAndFromWhichAccountUnderWhichMandate() throws IOException {
        try (var pdf = Loader.loadPDF(renderer.pdf(EInvoiceSamples.directDebit()))) {
            var text = new PDFTextStripper().getText(pdf).replace("\n", " ");

            assertThat(text)
                    .contains("Wir ziehen 571,20 € zum 15.04.2026 per SEPA-Lastschrift von Ihrem Konto IBAN"
                            + " DE89 3704 0044 0532 0130 00 ein.")
                    .contains("Mandatsreferenz KIT-M-0042-01")
                    .contains("Gläubiger-Identifikationsnummer DE98ZZZ09999999999");
        }
    }

    @Test
    void aCreditNoteIsARechnungskorrekturOfItsInvoice() throws IOException {
        try (var pdf = Loader.loadPDF(renderer.pdf(EInvoiceSamples.creditNote()))) {
            var text = new PDFTextStripper().getText(pdf).replace("\n", " ");

            assertThat(text)
                    .contains("Rechnungskorrektur GS-2026-000001")
                    .contains("berichtigt die Rechnung RE-2026-000001 vom 01.04.2026")
                    .contains("Wir erstatten 2,38 € zum 30.04.2026 auf Ihr Konto IBAN DE89 3704 0044 0532 0130 00.");
        }
    }

    @Test
    void textFromDataThatTheFontCannotShowIsReplacedNotFatal() throws IOException {
        try (var pdf = Loader.loadPDF(renderer.pdf(EInvoiceSamples.association()))) {
            var text = new PDFTextStripper().getText(pdf);

            assertThat(text)
                    .contains("Fernwartung")
                    .contains("zweiter Einsatz: Störungsbeseitigung vor Ort")
                    .contains("Steuerung (?)");
        }
    }

    @Test
    void aLongInvoiceContinuesOnNumberedPages() throws IOException {
        try (var pdf = Loader.loadPDF(renderer.pdf(EInvoiceSamples.longInvoice()))) {
            var text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(text)
                    .contains("Seite 1 von " + pdf.getNumberOfPages())
                    .contains("Rechnung RE-2026-000009 (Fortsetzung)")
                    .contains("Arbeitsplatzbetreuung Fachbereich 45");
        }
    }

    @Test
    void thePdfCarriesTheEn16931CiiAsFacturX() throws IOException {
        var document = EInvoiceSamples.standard();
        try (var pdf = Loader.loadPDF(renderer.pdf(document))) {
            var xml = Xml.of(attachment(pdf, "factur-x.xml"));

            assertThat(xml.text("//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"))
                    .isEqualTo("urn:cen.eu:en16931:2017");
            assertThat(xml.text("//ram:BuyerReference")).isEqualTo(EInvoiceSamples.LEITWEG_ID);
            assertThat(xml.amount("//ram:DuePayableAmount"))
                    .isEqualByComparingTo(document.totals().amountDue());
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray()))
                    .contains("<pdfaid:part>3</pdfaid:part>")
                    .contains("EN 16931");
        }
    }

    /** Parsed fonts are pooled and shared between documents, one document at a time: drawing in parallel is safe. */
    @Test
    void documentsDrawnInParallelReadTheSameAsOneDrawnAlone() throws Exception {
        var document = EInvoiceSamples.mixedFromContributions();
        var alone = text(renderer.pdf(document));
        var pool = Executors.newFixedThreadPool(4);
        try {
            var drawn = new ArrayList<Future<String>>();
            for (int i = 0; i < 16; i++) {
                drawn.add(pool.submit(() -> text(renderer.pdf(document))));
            }
            for (var pdf : drawn) {
                assertThat(pdf.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] attachment(PDDocument pdf, String name) throws IOException {
        var files = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
        assertThat(files).containsKey(name);
        return files.get(name).getEmbeddedFile().toByteArray();
    }
}
