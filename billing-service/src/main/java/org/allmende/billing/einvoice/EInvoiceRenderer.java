package org.allmende.billing.einvoice;

/**
 * Renders an {@link EInvoiceDocument} as XRechnung 3.0 in UBL and in CII, and as a ZUGFeRD/Factur-X PDF (EN 16931
 * profile) for people. Stateless and thread-safe; every call renders from the document alone, so the same document
 * gives the same XML every time.
 */
public final class EInvoiceRenderer {

    /** XRechnung 3.0, UBL 2.1 syntax: an Invoice or, for a credit note, a CreditNote. */
    public byte[] xrechnungUbl(EInvoiceDocument document) {
        requireInvoice(document);
        return UniversalBusinessLanguage.xml(
                CrossIndustryInvoice.of(document, CrossIndustryInvoice.Profile.XRECHNUNG), document.type());
    }

    /** XRechnung 3.0, UN/CEFACT CII D16B syntax. */
    public byte[] xrechnungCii(EInvoiceDocument document) {
        requireInvoice(document);
        return CrossIndustryInvoice.xml(CrossIndustryInvoice.of(document, CrossIndustryInvoice.Profile.XRECHNUNG));
    }

    /**
     * The invoice in German as PDF/A-3, with its CII (EN 16931 profile) embedded as {@code factur-x.xml}; a capital
     * call, which is no invoice, as a plain PDF.
     */
    public byte[] pdf(EInvoiceDocument document) {
        if (!document.type().eInvoice()) {
            return InvoicePdf.plain(document);
        }
        var facturX = CrossIndustryInvoice.xml(CrossIndustryInvoice.of(document, CrossIndustryInvoice.Profile.EN16931));
        return InvoicePdf.render(document, facturX);
    }

    private static void requireInvoice(EInvoiceDocument document) {
        if (!document.type().eInvoice()) {
            throw new IllegalArgumentException(document.number() + " is no invoice: there is no e-invoice of it");
        }
    }

    /** The file name a download should carry, e.g. {@code RE-2026-000001-xrechnung.xml}. */
    public static String fileName(EInvoiceDocument document, Format format) {
        return document.number().replaceAll("[^A-Za-z0-9._-]", "_") + format.suffix;
    }

    public enum Format {
        XRECHNUNG_UBL("-xrechnung-ubl.xml", "application/xml"),
        XRECHNUNG_CII("-xrechnung-cii.xml", "application/xml"),
        PDF(".pdf", "application/pdf");

        private final String suffix;
        private final String mediaType;

        Format(String suffix, String mediaType) {
            this.suffix = suffix;
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }
}
