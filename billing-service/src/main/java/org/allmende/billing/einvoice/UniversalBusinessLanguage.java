package org.allmende.billing.einvoice;

import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.en16931.cii2ubl.EUBLCreationMode;
import com.helger.ubl21.UBL21Marshaller;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;

/**
 * The XRechnung in UBL 2.1 (an Invoice or a CreditNote), converted from the XRechnung CII by Philip Helger's
 * EN 16931 CII-to-UBL converter: one mapping of business terms (ours, to CII), and the syntax binding between CII and
 * UBL from a library that implements the CEN mapping.
 */
final class UniversalBusinessLanguage {

    /** The payment means codes (BT-81) en16931-cii2ubl 2.2 converts: credit transfer, card, direct debit, a few. */
    private static final Set<String> CONVERTER_KNOWS = Set.of("1", "30", "42", "48", "49", "57", "58", "59", "68");

    private UniversalBusinessLanguage() {}

    static byte[] xml(CrossIndustryInvoiceType xrechnungCii, DocumentType type) {
        var problems = new ErrorList();
        var converter = new CIIToUBL21Converter()
                .setCustomizationID(CrossIndustryInvoice.Profile.XRECHNUNG.specification())
                .setProfileID(CrossIndustryInvoice.BUSINESS_PROCESS)
                .setUBLCreationMode(
                        type == DocumentType.INVOICE ? EUBLCreationMode.INVOICE : EUBLCreationMode.CREDIT_NOTE);
        var means = xrechnungCii
                .getSupplyChainTradeTransaction()
                .getApplicableHeaderTradeSettlement()
                .getSpecifiedTradeSettlementPaymentMeans();
        var codes = means.stream().map(m -> m.getTypeCodeValue()).toList();
        // converters before 3.x (phax/en16931-cii2ubl issue 34) refuse payment means codes they have no group for,
        // such as 97 (clearing between partners): they pass as 1 (instrument not defined) and are put back after
        means.forEach(m -> m.setTypeCode(CONVERTER_KNOWS.contains(m.getTypeCodeValue()) ? m.getTypeCodeValue() : "1"));
        Object ubl;
        try {
            ubl = converter.convertCIItoUBL(xrechnungCii, problems);
        } finally {
            for (int i = 0; i < means.size(); i++) {
                means.get(i).setTypeCode(codes.get(i));
            }
        }
        if (ubl != null && !problems.containsAtLeastOneError()) {
            var ublMeans = ubl instanceof InvoiceType invoice
                    ? invoice.getPaymentMeans()
                    : ((CreditNoteType) ubl).getPaymentMeans();
            for (int i = 0; i < ublMeans.size() && i < codes.size(); i++) {
                ublMeans.get(i).getPaymentMeansCode().setValue(codes.get(i));
            }
        }
        if (ubl == null || problems.containsAtLeastOneError()) {
            throw new IllegalStateException("the CII could not be converted to UBL: "
                    + problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        if (ubl instanceof CreditNoteType creditNote) {
            precedingInvoiceAsInvoiceReference(creditNote);
        }
        var xml = ubl instanceof InvoiceType invoice
                ? UBL21Marshaller.invoice()
                        .setUseSchema(false)
                        .setCharset(StandardCharsets.UTF_8)
                        .setFormattedOutput(true)
                        .getAsBytes(invoice)
                : UBL21Marshaller.creditNote()
                        .setUseSchema(false)
                        .setCharset(StandardCharsets.UTF_8)
                        .setFormattedOutput(true)
                        .getAsBytes((CreditNoteType) ubl);
        if (xml == null) {
            throw new IllegalStateException("the UBL document could not be written");
        }
        return xml;
    }

    /**
     * The preceding invoice (BG-3) is a {@code BillingReference/InvoiceDocumentReference} in a UBL CreditNote too.
     * Converter versions before 3.1 (those on ph-commons 11, as Mustang's validator needs) write a
     * {@code CreditNoteDocumentReference} instead (phax/en16931-cii2ubl issue 43), which breaks BR-55.
     */
    private static void precedingInvoiceAsInvoiceReference(CreditNoteType creditNote) {
        for (var reference : creditNote.getBillingReference()) {
            if (reference.getInvoiceDocumentReference() == null && reference.getCreditNoteDocumentReference() != null) {
                reference.setInvoiceDocumentReference(reference.getCreditNoteDocumentReference());
                reference.setCreditNoteDocumentReference(null);
            }
        }
    }
}
