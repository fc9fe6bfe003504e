package org.allmende.billing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the model refuses before anything is rendered: a document that could not validate, or would mislead. */
class EInvoiceDocumentTest {

    @Test
    void aLineNetIsItsQuantityTimesItsPriceRoundedOnce() {
        assertThatThrownBy(() ->
                        EInvoiceSamples.line("1", "x", "3", InvoiceUnit.HOUR, "85.00", "250.00", VatCategory.STANDARD))
                .hasMessageContaining("3 × 85.00 is not 250.00");
        assertThat(EInvoiceSamples.line("1", "x", "1000", InvoiceUnit.PAGE, "0.012345", "12.35", VatCategory.STANDARD)
                        .netAmount())
                .isEqualByComparingTo("12.35");
    }

    @Test
    void theTotalsMustBeTheOnesBillingBooked() {
        var document = EInvoiceSamples.perLineRoundingDiffers();

        assertThat(document.totalsAsBooked(new BigDecimal("0.39"), new BigDecimal("0.07"), new BigDecimal("0.46"))
                        .vatTotal())
                .isEqualByComparingTo("0.07");
        // booked with VAT rounded line by line: the e-invoice would state another amount, so it is refused
        assertThatThrownBy(() ->
                        document.totalsAsBooked(new BigDecimal("0.39"), new BigDecimal("0.06"), new BigDecimal("0.45")))
                .hasMessageContaining("RE-2026-000007 was booked with net 0.39, VAT 0.06");
    }

    @Test
    void aPriceIsNeverNegative() {
        assertThatThrownBy(() -> EInvoiceSamples.line(
                        "1", "x", "1", InvoiceUnit.LUMP_SUM, "-5.00", "-5.00", VatCategory.STANDARD))
                .hasMessageContaining("BR-27");
    }

    @Test
    void aCreditNoteNamesItsInvoiceAndIsRefundedByCreditTransfer() {
        var lines = EInvoiceSamples.creditNote().lines();
        assertThatThrownBy(() -> creditNote(null, EInvoiceSamples.BACK_TO_THE_MEMBER, lines))
                .hasMessageContaining("names the invoice it corrects");
        var preceding = new PrecedingInvoice("RE-2026-000001", EInvoiceSamples.ISSUED);
        assertThatThrownBy(() -> creditNote(preceding, EInvoiceSamples.FROM_THE_MEMBER, lines))
                .hasMessageContaining("credit transfer");
    }

    @Test
    void anInvoiceHasADueDateAndAtLeastOneLine() {
        var standard = EInvoiceSamples.standard();
        assertThatThrownBy(() -> new EInvoiceDocument(
                        DocumentType.INVOICE,
                        "RE-1",
                        standard.issueDate(),
                        null,
                        standard.periodFrom(),
                        standard.periodTo(),
                        null,
                        standard.seller(),
                        standard.buyer(),
                        standard.payment(),
                        standard.lines(),
                        null))
                .hasMessageContaining("due date");
        assertThatThrownBy(() -> EInvoiceSamples.invoice("RE-1", EInvoiceSamples.TOWN, standard.payment(), List.of()))
                .hasMessageContaining("BR-16");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DE89370400440532013001, not a valid IBAN", "DE8937040044, not a valid IBAN", "XX, not a valid IBAN"})
    void ibansAreCheckedForTheirCheckDigits(String iban, String message) {
        assertThatThrownBy(() -> new PaymentInstructions.CreditTransfer(iban, null, null))
                .hasMessageContaining(message);
        assertThat(new PaymentInstructions.CreditTransfer("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", null).iban())
                .isEqualTo("DE89370400440532013000");
    }

    @Test
    void creditorIdsAndMandatesAreChecked() {
        assertThatThrownBy(() ->
                        new PaymentInstructions.DirectDebit("M-1", "DE99ZZZ09999999999", EInvoiceSamples.MEMBER_IBAN))
                .hasMessageContaining("creditor identifier");
        assertThatThrownBy(() -> new PaymentInstructions.DirectDebit(
                        "Mandat #1 für Beispielburg", EInvoiceSamples.CREDITOR_ID, EInvoiceSamples.MEMBER_IBAN))
                .hasMessageContaining("mandateReference");
        assertThat(new PaymentInstructions.DirectDebit("M-1", "de98 zzz0 9999 9999 99", EInvoiceSamples.MEMBER_IBAN)
                        .creditorId())
                .isEqualTo("DE98ZZZ09999999999");
    }

    @Test
    void theSellerHasATaxIdAndAReachableContact() {
        var address = PostalAddress.german("Am Rechenzentrum 1", "34117", "Kassel");
        var contact = new SellerContact("Rechnungsstelle", "+49 561 1234", "rechnung@kommunalit.example");
        var electronic = ElectronicAddress.email("rechnung@kommunalit.example");

        assertThatThrownBy(() -> new Seller("KommunalIT eG", address, null, " ", null, contact, electronic))
                .hasMessageContaining("BR-DE-16");
        assertThatThrownBy(() -> new Seller("KommunalIT eG", address, "123456788", null, null, contact, electronic))
                .hasMessageContaining("country code");
        assertThatThrownBy(() -> new SellerContact("Rechnungsstelle", "call us", "rechnung@kommunalit.example"))
                .hasMessageContaining("BR-DE-27");
        assertThatThrownBy(() -> new SellerContact("Rechnungsstelle", "+49 561 1234", "rechnung.kommunalit.example"))
                .hasMessageContaining("BR-DE-28");
    }

    @Test
    void vatCategoriesCarryAReasonExactlyWhenExempt() {
        assertThatThrownBy(() -> new VatCategory("E", BigDecimal.ZERO, null, null))
                .hasMessageContaining("BR-E-10");
        assertThatThrownBy(() -> new VatCategory("S", new BigDecimal("19"), "Steuerfrei", null))
                .hasMessageContaining("BR-S-10");
        assertThatThrownBy(() -> new VatCategory("Z", BigDecimal.ZERO, null, null))
                .hasMessageContaining("Z");
    }

    private static EInvoiceDocument creditNote(
            PrecedingInvoice preceding, PaymentInstructions payment, List<EInvoiceLine> lines) {
        return new EInvoiceDocument(
                DocumentType.CREDIT_NOTE,
                "GS-1",
                LocalDate.of(2026, 4, 20),
                null,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                preceding,
                EInvoiceSamples.SELLER,
                EInvoiceSamples.TOWN,
                payment,
                lines,
                null);
    }
}
