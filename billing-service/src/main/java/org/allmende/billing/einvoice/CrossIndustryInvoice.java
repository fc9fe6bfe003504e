package org.allmende.billing.einvoice;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.FormattedDateTimeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialInstitutionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DebtorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentContextParameterType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentLineDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentContextType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LegalOrganizationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.NoteType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ReferencedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SpecifiedPeriodType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeLineItemType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeTransactionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TaxRegistrationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAddressType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeContactType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePartyType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePaymentTermsType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePriceType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeProductType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementHeaderMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementLineMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementPaymentMeansType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeTaxType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.UniversalCommunicationType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.AmountType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateTimeType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IDType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.QuantityType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.TextType;

/**
 * An {@link EInvoiceDocument} as UN/CEFACT Cross Industry Invoice D16B, bound by Philip Helger's ph-cii: each business
 * term put where the EN 16931 CII syntax binding has it. The same tree, in the XRechnung profile, is what the UBL
 * converter reads; in the EN 16931 profile it is what the ZUGFeRD/Factur-X PDF embeds.
 */
final class CrossIndustryInvoice {

    /** The specification identifier (BT-24) and, for XRechnung, the business process (BT-23). */
    enum Profile {
        XRECHNUNG("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", BUSINESS_PROCESS),
        EN16931("urn:cen.eu:en16931:2017", null);

        private final String specification;
        private final String businessProcess;

        Profile(String specification, String businessProcess) {
            this.specification = specification;
            this.businessProcess = businessProcess;
        }

        String specification() {
            return specification;
        }
    }

    static final String BUSINESS_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final DateTimeFormatter DATE_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private CrossIndustryInvoice() {}

    static byte[] xml(CrossIndustryInvoiceType invoice) {
        var xml = new CIID16BCrossIndustryInvoiceTypeMarshaller()
                .setUseSchema(false)
                .setCharset(StandardCharsets.UTF_8)
                .setFormattedOutput(true)
                .getAsBytes(invoice);
        if (xml == null) {
            throw new IllegalStateException("the CII invoice could not be written");
        }
        return xml;
    }

    static CrossIndustryInvoiceType of(EInvoiceDocument document, Profile profile) {
        if (profile == Profile.XRECHNUNG && document.buyer().electronicAddress() == null) {
            throw new IllegalArgumentException(
                    "XRechnung needs the buyer's electronic address (BT-49, BR-DE-… / PEPPOL-EN16931-R010)");
        }
        var invoice = new CrossIndustryInvoiceType();
        invoice.setExchangedDocumentContext(context(profile));
        invoice.setExchangedDocument(header(document));
        var transaction = new SupplyChainTradeTransactionType();
        for (var line : document.lines()) {
            transaction.addIncludedSupplyChainTradeLineItem(line(line));
        }
        transaction.setApplicableHeaderTradeAgreement(agreement(document));
        // required by the syntax, empty: services have no delivery; the invoicing period (BG-14) says when
        transaction.setApplicableHeaderTradeDelivery(new HeaderTradeDeliveryType());
        transaction.setApplicableHeaderTradeSettlement(settlement(document));
        invoice.setSupplyChainTradeTransaction(transaction);
        return invoice;
    }

    private static ExchangedDocumentContextType context(Profile profile) {
        var context = new ExchangedDocumentContextType();
        if (profile.businessProcess != null) {
            var process = new DocumentContextParameterType();
            process.setID(profile.businessProcess);
            context.addBusinessProcessSpecifiedDocumentContextParameter(process);
        }
        var guideline = new DocumentContextParameterType();
        guideline.setID(profile.specification);
        context.addGuidelineSpecifiedDocumentContextParameter(guideline);
        return context;
    }

    private static ExchangedDocumentType header(EInvoiceDocument document) {
        var header = new ExchangedDocumentType();
        header.setID(document.number());
        header.setTypeCode(document.type().code());
        header.setIssueDateTime(date(document.issueDate()));
        if (document.note() != null) {
            header.addIncludedNote(note(document.note()));
        }
        return header;
    }

    private static SupplyChainTradeLineItemType line(EInvoiceLine line) {
        var item = new SupplyChainTradeLineItemType();
        var lineDocument = new DocumentLineDocumentType();
        lineDocument.setLineID(line.id());
        if (line.note() != null) {
            lineDocument.addIncludedNote(note(line.note()));
        }
        item.setAssociatedDocumentLineDocument(lineDocument);

        var product = new TradeProductType();
        if (line.sellerItemId() != null) {
            product.setSellerAssignedID(line.sellerItemId());
        }
        product.addName(new TextType(line.name()));
        if (line.description() != null) {
            product.setDescription(line.description());
        }
        item.setSpecifiedTradeProduct(product);

        var agreement = new LineTradeAgreementType();
        var price = new TradePriceType();
        price.addChargeAmount(new AmountType(line.netPrice()));
        agreement.setNetPriceProductTradePrice(price);
        item.setSpecifiedLineTradeAgreement(agreement);

        var delivery = new LineTradeDeliveryType();
        delivery.setBilledQuantity(quantity(line.quantity(), line.unit()));
        item.setSpecifiedLineTradeDelivery(delivery);

        var settlement = new LineTradeSettlementType();
        var tax = new TradeTaxType();
        tax.setTypeCode("VAT");
        tax.setCategoryCode(line.vat().code());
        if (!line.vat().notSubject()) {
            tax.setRateApplicablePercent(line.vat().ratePercent()); // a line not subject to VAT has none (BR-O-05)
        }
        settlement.addApplicableTradeTax(tax);
        if (line.from() != null) {
            settlement.setBillingSpecifiedPeriod(period(line.from(), line.to()));
        }
        var sum = new TradeSettlementLineMonetarySummationType();
        sum.addLineTotalAmount(new AmountType(line.netAmount()));
        settlement.setSpecifiedTradeSettlementLineMonetarySummation(sum);
        item.setSpecifiedLineTradeSettlement(settlement);
        return item;
    }

    private static HeaderTradeAgreementType agreement(EInvoiceDocument document) {
        var agreement = new HeaderTradeAgreementType();
        agreement.setBuyerReference(document.buyer().buyerReference());
        agreement.setSellerTradeParty(seller(document.seller(), document.notSubjectToVat()));
        agreement.setBuyerTradeParty(buyer(document.buyer()));
        return agreement;
    }

    private static TradePartyType seller(Seller seller, boolean notSubjectToVat) {
        var party = new TradePartyType();
        party.setName(seller.name());
        if (seller.registration() != null) {
            var legal = new LegalOrganizationType();
            legal.setID(seller.registration());
            party.setSpecifiedLegalOrganization(legal);
        }
        var contact = new TradeContactType();
        contact.setPersonName(seller.contact().name());
        var phone = new UniversalCommunicationType();
        phone.setCompleteNumber(seller.contact().phone());
        contact.setTelephoneUniversalCommunication(phone);
        var email = new UniversalCommunicationType();
        email.setURIID(seller.contact().email());
        contact.setEmailURIUniversalCommunication(email);
        party.addDefinedTradeContact(contact);
        party.setPostalTradeAddress(address(seller.address()));
        party.addURIUniversalCommunication(electronicAddress(seller.electronicAddress()));
        if (seller.vatId() != null && !notSubjectToVat) {
            party.addSpecifiedTaxRegistration(taxRegistration(seller.vatId(), "VA"));
        }
        if (seller.taxNumber() != null) {
            party.addSpecifiedTaxRegistration(taxRegistration(seller.taxNumber(), "FC"));
        }
        return party;
    }

    private static TradePartyType buyer(Buyer buyer) {
        var party = new TradePartyType();
        party.addID(new IDType(String.valueOf(buyer.memberNumber())));
        party.setName(buyer.name());
        party.setPostalTradeAddress(address(buyer.address()));
        if (buyer.electronicAddress() != null) {
            party.addURIUniversalCommunication(electronicAddress(buyer.electronicAddress()));
        }
        return party;
    }

    private static TradeAddressType address(PostalAddress address) {
        var postal = new TradeAddressType();
        postal.setPostcodeCode(address.postalCode());
        postal.setLineOne(address.street());
        postal.setCityName(address.city());
        postal.setCountryID(address.countryCode());
        return postal;
    }

    private static UniversalCommunicationType electronicAddress(ElectronicAddress address) {
        var communication = new UniversalCommunicationType();
        communication.setURIID(id(address.value(), address.scheme()));
        return communication;
    }

    private static TaxRegistrationType taxRegistration(String value, String scheme) {
        var registration = new TaxRegistrationType();
        registration.setID(id(value, scheme));
        return registration;
    }

    private static HeaderTradeSettlementType settlement(EInvoiceDocument document) {
        var settlement = new HeaderTradeSettlementType();
        var payment = document.payment();
        if (payment instanceof PaymentInstructions.DirectDebit debit) {
            settlement.setCreditorReferenceID(debit.creditorId());
        }
        // remittance information (BT-83): the document number, for matching the payment
        settlement.addPaymentReference(new TextType(document.number()));
        settlement.setInvoiceCurrencyCode(document.currency());
        settlement.addSpecifiedTradeSettlementPaymentMeans(paymentMeans(payment));

        var totals = document.totals();
        for (var vat : totals.vatBreakdown()) {
            settlement.addApplicableTradeTax(breakdown(vat));
        }
        settlement.setBillingSpecifiedPeriod(period(document.periodFrom(), document.periodTo()));
        settlement.addSpecifiedTradePaymentTerms(terms(document));

        var sums = new TradeSettlementHeaderMonetarySummationType();
        sums.addLineTotalAmount(new AmountType(totals.lineTotal()));
        sums.addTaxBasisTotalAmount(new AmountType(totals.lineTotal()));
        var vatTotal = new AmountType(totals.vatTotal());
        vatTotal.setCurrencyID(document.currency());
        sums.addTaxTotalAmount(vatTotal);
        sums.addGrandTotalAmount(new AmountType(totals.grossTotal()));
        sums.addDuePayableAmount(new AmountType(totals.amountDue()));
        settlement.setSpecifiedTradeSettlementHeaderMonetarySummation(sums);

        if (document.precedingInvoice() != null) {
            var preceding = new ReferencedDocumentType();
            preceding.setIssuerAssignedID(document.precedingInvoice().number());
            var issued = new FormattedDateTimeType();
            var value = new FormattedDateTimeType.DateTimeString(
                    DATE_102.format(document.precedingInvoice().issueDate()));
            value.setFormat("102");
            issued.setDateTimeString(value);
            preceding.setFormattedIssueDateTime(issued);
            settlement.setInvoiceReferencedDocument(preceding);
        }
        return settlement;
    }

    private static TradeSettlementPaymentMeansType paymentMeans(PaymentInstructions payment) {
        var means = new TradeSettlementPaymentMeansType();
        means.setTypeCode(payment.code());
        if (payment instanceof PaymentInstructions.CreditTransfer transfer) {
            means.addInformation(new TextType("SEPA-Überweisung"));
            var account = new CreditorFinancialAccountType();
            account.setIBANID(new IDType(transfer.iban()));
            if (transfer.accountName() != null) {
                account.setAccountName(new TextType(transfer.accountName()));
            }
            means.setPayeePartyCreditorFinancialAccount(account);
            if (transfer.bic() != null) {
                var bank = new CreditorFinancialInstitutionType();
                bank.setBICID(new IDType(transfer.bic()));
                means.setPayeeSpecifiedCreditorFinancialInstitution(bank);
            }
        } else if (payment instanceof PaymentInstructions.DirectDebit debit) {
            means.addInformation(new TextType("SEPA-Lastschrift"));
            var account = new DebtorFinancialAccountType();
            account.setIBANID(new IDType(debit.debitedIban()));
            means.setPayerPartyDebtorFinancialAccount(account);
        } else if (payment instanceof PaymentInstructions.SetOff) {
            means.addInformation(new TextType("Verrechnung"));
        }
        return means;
    }

    private static TradeTaxType breakdown(VatBreakdown vat) {
        var tax = new TradeTaxType();
        tax.addCalculatedAmount(new AmountType(vat.taxAmount()));
        tax.setTypeCode("VAT");
        if (vat.category().exemptionReason() != null) {
            tax.setExemptionReason(vat.category().exemptionReason());
        }
        tax.addBasisAmount(new AmountType(vat.taxableAmount()));
        tax.setCategoryCode(vat.category().code());
        if (vat.category().exemptionReasonCode() != null) {
            tax.setExemptionReasonCode(vat.category().exemptionReasonCode());
        }
        tax.setRateApplicablePercent(vat.category().ratePercent());
        return tax;
    }

    private static TradePaymentTermsType terms(EInvoiceDocument document) {
        var terms = new TradePaymentTermsType();
        terms.addDescription(new TextType(PaymentTexts.terms(document)));
        if (document.dueDate() != null) {
            terms.setDueDateDateTime(date(document.dueDate()));
        }
        if (document.payment() instanceof PaymentInstructions.DirectDebit debit) {
            terms.addDirectDebitMandateID(new IDType(debit.mandateReference()));
        }
        return terms;
    }

    private static NoteType note(String text) {
        var note = new NoteType();
        note.addContent(new TextType(text));
        return note;
    }

    private static SpecifiedPeriodType period(LocalDate from, LocalDate to) {
        var period = new SpecifiedPeriodType();
        period.setStartDateTime(date(from));
        period.setEndDateTime(date(to));
        return period;
    }

    private static DateTimeType date(LocalDate date) {
        var value = new DateTimeType.DateTimeString(DATE_102.format(date));
        value.setFormat("102");
        var dateTime = new DateTimeType();
        dateTime.setDateTimeString(value);
        return dateTime;
    }

    private static QuantityType quantity(BigDecimal quantity, InvoiceUnit unit) {
        var value = new QuantityType(quantity);
        value.setUnitCode(unit.code());
        return value;
    }

    private static IDType id(String value, String scheme) {
        var id = new IDType(value);
        id.setSchemeID(scheme);
        return id;
    }
}
