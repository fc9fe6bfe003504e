package org.allmende.billing.einvoice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * The human-readable invoice: an A4 PDF in German drawn with PDFBox (fonts embedded), made a ZUGFeRD/Factur-X PDF/A-3
 * by Mustang, which embeds the CII of the EN 16931 profile as {@code factur-x.xml} and writes the PDF/A and Factur-X
 * metadata. A reader sees the invoice; software reads the same invoice from the attachment.
 */
final class InvoicePdf {

    private static final FontPool FONTS = new FontPool();
    private static final byte[] SRGB = FontPool.resource("sRGB.icc");

    private static final float LEFT = 56;
    private static final float RIGHT = 539;
    private static final float TOP = 800;
    private static final float BOTTOM = 110;
    private static final float LEADING = 12;

    // columns of the line table: left edges, or right edges for numbers
    private static final float POSITION = LEFT;
    private static final float SERVICE = 80;
    private static final float SERVICE_WIDTH = 205;
    private static final float QUANTITY_RIGHT = 340;
    private static final float UNIT = 346;
    private static final float PRICE_RIGHT = 452;
    private static final float VAT_RIGHT = 490;

    private final EInvoiceDocument document;
    private final EInvoiceTotals totals;
    private final PDDocument pdf;
    private final Typeface regular;
    private final Typeface bold;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    private InvoicePdf(EInvoiceDocument document, PDDocument pdf, FontPool.Fonts fonts) throws IOException {
        this.document = document;
        this.totals = document.totals();
        this.pdf = pdf;
        // subset and embedded into this document; the parsed font is shared with later documents
        this.regular = new Typeface(PDType0Font.load(pdf, fonts.regular().ttf(), true), fonts.regular());
        this.bold = new Typeface(PDType0Font.load(pdf, fonts.bold().ttf(), true), fonts.bold());
    }

    /** The ZUGFeRD PDF/A-3 with {@code facturX} (CII, EN 16931 profile) embedded. */
    static byte[] render(EInvoiceDocument document, byte[] facturX) {
        try {
            // Mustang takes a finished PDF: fonts subset and embedded, as saving makes them
            var drawn = draw(document);
            var exporter = new Exporter()
                    .setProducer("Allmende")
                    .setCreator(document.seller().name())
                    .setProfile(Profiles.getByName("EN16931"))
                    .load(drawn);
            try {
                exporter.setXML(facturX);
                var out = new ByteArrayOutputStream(drawn.length + facturX.length + 16_384);
                exporter.export(out);
                return out.toByteArray();
            } finally {
                exporter.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF of " + document.number() + " could not be written", e);
        }
    }

    /** A plain PDF, no e-invoice inside: for a document that is no invoice (a capital call). */
    static byte[] plain(EInvoiceDocument document) {
        try {
            return draw(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF of " + document.number() + " could not be written", e);
        }
    }

    /**
     * Mustang's exporter with one XMP serializer per thread, made from the JDK's own XML factories. Mustang makes a
     * new one for every document, and each looks its XML factories up through the whole class path (in a Spring Boot
     * jar a tenth of the PDF's time).
     */
    private static final class Exporter extends ZUGFeRDExporterFromA3 {

        private static final ThreadLocal<XmpSerializer> XMP = ThreadLocal.withInitial(() -> new XmpSerializer(
                TransformerFactory.newDefaultInstance(), DocumentBuilderFactory.newDefaultInstance()));

        @Override
        protected byte[] serializeXmpMetadata(XMPMetadata xmp) throws TransformerException {
            var out = new ByteArrayOutputStream(4096);
            XMP.get().serialize(xmp, out, true);
            return out.toByteArray();
        }
    }

    /** The visible invoice, before Mustang makes it a PDF/A-3 with the XML attached. */
    private static byte[] draw(EInvoiceDocument document) throws IOException {
        var fonts = FONTS.borrow();
        try (var pdf = new PDDocument()) {
            var layout = new InvoicePdf(document, pdf, fonts);
            layout.firstPage();
            layout.lines();
            layout.totals();
            layout.paymentTerms();
            layout.content.close();
            layout.footers();
            layout.outputIntent();
            var out = new ByteArrayOutputStream(64 * 1024);
            // no object streams: Mustang reads it back at once and writes it uncompressed anyway
            pdf.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } finally {
            FONTS.giveBack(fonts);
        }
    }

    private void firstPage() throws IOException {
        newPage();
        var seller = document.seller();
        text(bold, 16, LEFT, y, seller.name());
        y -= 16;
        text(regular, 9, LEFT, y, oneLine(seller.address()));
        // the window of a DIN 5008 envelope: sender line, then the recipient
        y = 700;
        text(regular, 7, LEFT, y, seller.name() + " · " + oneLine(seller.address()));
        var buyer = document.buyer();
        var recipient = y - 16;
        for (var line : List.of(
                buyer.name(),
                buyer.address().street(),
                buyer.address().postalCode() + " " + buyer.address().city())) {
            recipient = paragraph(regular, 10, LEFT, recipient, 240, line);
        }

        var facts = new ArrayList<String[]>();
        var credit = document.type() == DocumentType.CREDIT_NOTE;
        var call = document.type() == DocumentType.CAPITAL_CALL;
        facts.add(new String[] {credit ? "Korrektur-Nr." : call ? "Abruf-Nr." : "Rechnungsnummer", document.number()});
        facts.add(new String[] {"Datum", GermanFormat.date(document.issueDate())});
        if (!call) {
            facts.add(new String[] {
                "Leistungszeitraum",
                GermanFormat.date(document.periodFrom()) + " – " + GermanFormat.date(document.periodTo())
            });
        }
        facts.add(new String[] {"Mitgliedsnummer", String.valueOf(buyer.memberNumber())});
        if (buyer.leitwegId() != null) {
            facts.add(new String[] {"Leitweg-ID", buyer.leitwegId()});
        }
        if (document.precedingInvoice() != null) {
            facts.add(new String[] {"zu Rechnung", document.precedingInvoice().number()});
            facts.add(new String[] {
                "vom", GermanFormat.date(document.precedingInvoice().issueDate())
            });
        }
        if (document.dueDate() != null) {
            facts.add(new String[] {credit ? "Erstattung bis" : "Fällig am", GermanFormat.date(document.dueDate())});
        }
        var factY = 700f;
        for (var fact : facts) {
            text(regular, 9, 360, factY, fact[0]);
            text(regular, 9, 445, factY, fact[1]);
            factY -= LEADING;
        }

        y = Math.min(recipient, factY) - 36;
        var title = title() + document.number();
        text(bold, 14, LEFT, y, title);
        y -= 18;
        if (credit) {
            y = paragraph(
                    regular,
                    10,
                    LEFT,
                    y,
                    RIGHT - LEFT,
                    "Diese Rechnungskorrektur (Gutschrift) berichtigt die Rechnung "
                            + document.precedingInvoice().number() + " vom "
                            + GermanFormat.date(document.precedingInvoice().issueDate()) + ".");
        }
        if (call) {
            y = paragraph(
                    regular,
                    10,
                    LEFT,
                    y,
                    RIGHT - LEFT,
                    "Wir bitten um Einzahlung auf Ihre Geschäftsanteile (§ 7 GenG). Die Einzahlung ist kein Entgelt"
                            + " für eine Leistung und nicht umsatzsteuerbar; dieser Kapitalabruf ist keine Rechnung.");
        }
        if (document.note() != null) {
            y = paragraph(regular, 10, LEFT, y, RIGHT - LEFT, document.note());
        }
        y -= 8;
        tableHeader();
    }

    private void tableHeader() throws IOException {
        text(bold, 9, POSITION, y, "Pos.");
        text(bold, 9, SERVICE, y, "Leistung");
        right(bold, 9, QUANTITY_RIGHT, y, "Menge");
        text(bold, 9, UNIT, y, "Einheit");
        right(bold, 9, PRICE_RIGHT, y, "Einzelpreis");
        right(bold, 9, VAT_RIGHT, y, "USt.");
        right(bold, 9, RIGHT, y, "Betrag");
        y -= 4;
        rule(y);
        y -= LEADING;
    }

    private void lines() throws IOException {
        for (var line : document.lines()) {
            var details = new ArrayList<String>();
            if (line.description() != null) {
                details.add(line.description());
            }
            if (line.from() != null) {
                details.add(GermanFormat.date(line.from()) + " – " + GermanFormat.date(line.to()));
            }
            if (line.note() != null) {
                details.add(line.note());
            }
            var height = wrap(bold, 9, SERVICE_WIDTH, line.name()).size() * LEADING;
            for (var detail : details) {
                height += wrap(regular, 8, SERVICE_WIDTH, detail).size() * 10;
            }
            if (y - height < BOTTOM) {
                continuePage();
            }
            var top = y;
            text(regular, 9, POSITION, top, line.id());
            right(regular, 9, QUANTITY_RIGHT, top, GermanFormat.quantity(line.quantity()));
            text(regular, 9, UNIT, top, line.unit().label());
            right(regular, 9, PRICE_RIGHT, top, GermanFormat.price(line.netPrice()));
            right(
                    regular,
                    9,
                    VAT_RIGHT,
                    top,
                    line.vat().exempt()
                            ? "frei"
                            : line.vat().notSubject()
                                    ? "n. stb."
                                    : GermanFormat.percent(line.vat().ratePercent()));
            right(regular, 9, RIGHT, top, GermanFormat.money(line.netAmount()));
            var below = paragraph(bold, 9, SERVICE, top, SERVICE_WIDTH, line.name());
            for (var detail : details) {
                below = paragraph(regular, 8, SERVICE, below + 2, SERVICE_WIDTH, detail, 10);
            }
            y = below - 4;
        }
        rule(y + 8);
    }

    private void totals() throws IOException {
        var rows = new ArrayList<String[]>();
        rows.add(new String[] {"Summe netto", GermanFormat.money(totals.lineTotal())});
        for (var vat : totals.vatBreakdown()) {
            var label = (vat.category().exempt()
                            ? "steuerfrei"
                            : vat.category().notSubject()
                                    ? "nicht steuerbar"
                                    : "USt. "
                                            + GermanFormat.percent(
                                                    vat.category().ratePercent()))
                    + " auf " + GermanFormat.money(vat.taxableAmount());
            rows.add(new String[] {label, GermanFormat.money(vat.taxAmount())});
        }
        if (y - (rows.size() + 2) * LEADING < BOTTOM) {
            continuePage();
        }
        y -= 6;
        for (var row : rows) {
            right(regular, 9, 440, y, row[0]);
            right(regular, 9, RIGHT, y, row[1]);
            y -= LEADING;
        }
        rule(y + 8, 300);
        y -= 4;
        right(
                bold,
                10,
                440,
                y,
                switch (document.type()) {
                    case CREDIT_NOTE -> "Gutschriftsbetrag";
                    case CAPITAL_CALL -> "Abrufbetrag";
                    case INVOICE -> "Gesamtbetrag";
                });
        right(bold, 10, RIGHT, y, GermanFormat.money(totals.grossTotal()));
        y -= 2 * LEADING;
        for (var vat : totals.vatBreakdown()) {
            if (vat.category().exemptionReason() != null) {
                y = paragraph(regular, 8, LEFT, y, RIGHT - LEFT, vat.category().exemptionReason() + ".", 10);
            }
        }
    }

    private void paymentTerms() throws IOException {
        var terms = PaymentTexts.terms(document);
        if (y - 3 * LEADING < BOTTOM) {
            continuePage();
        }
        y -= 6;
        y = paragraph(regular, 10, LEFT, y, RIGHT - LEFT, terms);
    }

    private void footers() throws IOException {
        var seller = document.seller();
        var tax = new ArrayList<String>();
        if (seller.vatId() != null) {
            tax.add("USt-IdNr. " + seller.vatId());
        }
        if (seller.taxNumber() != null) {
            tax.add("Steuernr. " + seller.taxNumber());
        }
        if (seller.registration() != null) {
            tax.add(seller.registration());
        }
        var contact = seller.contact();
        var first = seller.name() + " · " + oneLine(seller.address());
        var second = String.join(" · ", tax);
        var third = "Kontakt: " + contact.name() + " · Tel. " + contact.phone() + " · " + contact.email();
        for (int i = 0; i < pages.size(); i++) {
            try (var footer = new PDPageContentStream(pdf, pages.get(i), AppendMode.APPEND, true, true)) {
                content = footer;
                rule(78);
                text(regular, 7, LEFT, 68, first);
                text(regular, 7, LEFT, 59, second);
                text(regular, 7, LEFT, 50, third);
                right(regular, 7, RIGHT, 68, "Seite " + (i + 1) + " von " + pages.size());
            }
        }
    }

    /**
     * The sRGB output intent PDF/A needs, the one Mustang would add, from a profile read once instead of looked up
     * on the class path for every document.
     */
    private void outputIntent() throws IOException {
        var intent = new PDOutputIntent(pdf, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        pdf.getDocumentCatalog().addOutputIntent(intent);
    }

    private void continuePage() throws IOException {
        content.close();
        newPage();
        text(regular, 9, LEFT, y, title() + document.number() + " (Fortsetzung)");
        y -= 2 * LEADING;
        tableHeader();
    }

    private String title() {
        return switch (document.type()) {
            case CREDIT_NOTE -> "Rechnungskorrektur ";
            case CAPITAL_CALL -> "Kapitalabruf ";
            case INVOICE -> "Rechnung ";
        };
    }

    private void newPage() throws IOException {
        var page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(pdf, page);
        y = TOP;
    }

    private float paragraph(Typeface font, float size, float x, float top, float width, String text)
            throws IOException {
        return paragraph(font, size, x, top, width, text, LEADING);
    }

    /** Writes {@code text} wrapped to {@code width} from {@code top} down; returns the baseline below it. */
    private float paragraph(Typeface font, float size, float x, float top, float width, String text, float leading)
            throws IOException {
        var line = top;
        for (var part : wrap(font, size, width, text)) {
            text(font, size, x, line, part);
            line -= leading;
        }
        return line;
    }

    /** The lines {@code text} takes at {@code width}: broken between words, and where the text breaks itself. */
    private static List<String> wrap(Typeface font, float size, float width, String text) {
        var lines = new ArrayList<String>();
        for (var paragraph : text.split("\\R")) {
            wrapParagraph(font, size, width, paragraph, lines);
        }
        return lines;
    }

    private static void wrapParagraph(Typeface font, float size, float width, String text, List<String> lines) {
        var current = new StringBuilder();
        for (var word : text.split(" ")) {
            var candidate = current.isEmpty() ? word : current + " " + word;
            if (current.isEmpty() || width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
            } else {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        lines.add(current.toString());
    }

    private static float width(Typeface font, float size, String text) {
        return font.face().width(text) / 1000 * size;
    }

    private void text(Typeface font, float size, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setFont(font.pdf(), size);
        content.newLineAtOffset(x, baseline);
        content.showText(font.face().printable(text));
        content.endText();
    }

    private void right(Typeface font, float size, float rightEdge, float baseline, String text) throws IOException {
        text(font, size, rightEdge - width(font, size, text), baseline, text);
    }

    private void rule(float at) throws IOException {
        rule(at, LEFT);
    }

    private void rule(float at, float from) throws IOException {
        content.setLineWidth(0.5f);
        content.moveTo(from, at);
        content.lineTo(RIGHT, at);
        content.stroke();
    }

    /** A font as embedded in this document, and its widths, measured once for all documents. */
    private record Typeface(PDFont pdf, FontPool.Face face) {}

    private static String oneLine(PostalAddress address) {
        return address.street() + ", " + address.postalCode() + " " + address.city();
    }
}
