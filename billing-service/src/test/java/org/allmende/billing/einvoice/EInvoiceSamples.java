package org.allmende.billing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.Contributions;
import org.allmende.billing.tariff.Cadence;
import org.allmende.billing.tariff.PriceModel;
import org.allmende.billing.tariff.PricePlan;
import org.allmende.billing.tariff.Tariffs;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.params.provider.Arguments;

/** Documents the tests render: the demo cooperative as seller, a town and an association as buyers. */
final class EInvoiceSamples {

    static final Seller SELLER = new Seller(
            "KommunalIT eG",
            PostalAddress.german("Am Rechenzentrum 1", "34117", "Kassel"),
            "DE123456788",
            "026 123 45678",
            "Genossenschaftsregister GnR 123, Amtsgericht Kassel",
            new SellerContact("Rechnungsstelle KommunalIT", "+49 561 123456-0", "rechnung@kommunalit.example"),
            ElectronicAddress.email("rechnung@kommunalit.example"));

    static final String SELLER_IBAN = "DE12500105170648489890";
    static final String CREDITOR_ID = "DE98ZZZ09999999999";
    static final String MEMBER_IBAN = "DE89370400440532013000";
    static final String LEITWEG_ID = "991-33333TEST-33";
    static final String MANDATE = "KIT-M-0042-01";

    static final PaymentInstructions.CreditTransfer TO_THE_COOPERATIVE =
            new PaymentInstructions.CreditTransfer(SELLER_IBAN, "INGDDEFFXXX", "KommunalIT eG");
    static final PaymentInstructions.DirectDebit FROM_THE_MEMBER =
            new PaymentInstructions.DirectDebit(MANDATE, CREDITOR_ID, MEMBER_IBAN);
    static final PaymentInstructions.CreditTransfer BACK_TO_THE_MEMBER =
            new PaymentInstructions.CreditTransfer(MEMBER_IBAN, null, "Stadt Beispielburg");

    static final Buyer TOWN = new Buyer(
            "Stadt Beispielburg",
            PostalAddress.german("Markt 1", "34369", "Beispielburg"),
            42,
            LEITWEG_ID,
            ElectronicAddress.leitwegId(LEITWEG_ID));

    static final Buyer ASSOCIATION = new Buyer(
            "Zweckverband Wasser Nordhessen",
            PostalAddress.german("Brunnenweg 7", "34125", "Kassel"),
            117,
            null,
            ElectronicAddress.email("buchhaltung@zv-wasser.example"));

    static final LocalDate ISSUED = LocalDate.of(2026, 4, 1);
    static final LocalDate DUE = LocalDate.of(2026, 4, 15);

    private EInvoiceSamples() {}

    /** Every sample, named, for parameterized tests. */
    static List<Arguments> all() {
        return List.of(
                Arguments.of("standard rated, credit transfer", standard()),
                Arguments.of("cost-sharing exempt, direct debit", exempt()),
                Arguments.of("mixed exempt and taxable, from contributions", mixedFromContributions()),
                Arguments.of("credit note for an invoice", creditNote()),
                Arguments.of("credit note set off against its invoice", creditNoteSetOff()),
                Arguments.of("not subject to VAT", notSubjectToVat()),
                Arguments.of("standard rated, direct debit", directDebit()),
                Arguments.of("unit prices with many decimals", manyDecimals()),
                Arguments.of("VAT per line differs from VAT per category", perLineRoundingDiffers()),
                Arguments.of("association without Leitweg-ID", association()),
                Arguments.of("long invoice over several pages", longInvoice()));
    }

    static EInvoiceDocument standard() {
        return invoice(
                "RE-2026-000001",
                TOWN,
                TO_THE_COOPERATIVE,
                List.of(
                        line("1", "Druckservice", "1500", InvoiceUnit.PAGE, "0.02", "30.00", VatCategory.STANDARD),
                        line(
                                "2",
                                "Datensicherung",
                                "250.5",
                                InvoiceUnit.GB_MONTH,
                                "0.08",
                                "20.04",
                                VatCategory.STANDARD),
                        line("3", "IT-Support", "3.5", InvoiceUnit.HOUR, "85.00", "297.50", VatCategory.STANDARD),
                        line("4", "Netzanschluss", "1", InvoiceUnit.LUMP_SUM, "49.00", "49.00", VatCategory.STANDARD)));
    }

    static EInvoiceDocument exempt() {
        return invoice(
                "RE-2026-000002",
                TOWN,
                FROM_THE_MEMBER,
                List.of(
                        line("1", "Rechenzentrum", "1", InvoiceUnit.LUMP_SUM, "1200.00", "1200.00", exemptCategory()),
                        line(
                                "2",
                                "Ratsinformationssystem",
                                "12",
                                InvoiceUnit.DEVICE,
                                "12.50",
                                "150.00",
                                exemptCategory())));
    }

    static EInvoiceDocument directDebit() {
        return invoice(
                "RE-2026-000005",
                TOWN,
                FROM_THE_MEMBER,
                List.of(line(
                        "1", "IT-Sicherheit", "1", InvoiceUnit.LUMP_SUM, "480.00", "480.00", VatCategory.STANDARD)));
    }

    static EInvoiceDocument creditNote() {
        return new EInvoiceDocument(
                DocumentType.CREDIT_NOTE,
                "GS-2026-000001",
                LocalDate.of(2026, 4, 20),
                LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                new PrecedingInvoice("RE-2026-000001", ISSUED),
                SELLER,
                TOWN,
                BACK_TO_THE_MEMBER,
                List.of(line(
                        "1",
                        "Druckservice: Fehldrucke",
                        "100",
                        InvoiceUnit.PAGE,
                        "0.02",
                        "2.00",
                        VatCategory.STANDARD)),
                "Fehldrucke durch einen Defekt des Geräts im Bürgerbüro.");
    }

    /** A credit note that pays nothing out: set off against the invoice it corrects (code 97). */
    static EInvoiceDocument creditNoteSetOff() {
        return new EInvoiceDocument(
                DocumentType.CREDIT_NOTE,
                "GS-2026-000002",
                LocalDate.of(2026, 4, 20),
                null,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                new PrecedingInvoice("RE-2026-000002", ISSUED),
                SELLER,
                TOWN,
                new PaymentInstructions.SetOff(),
                List.of(line(
                        "1",
                        "Rechenzentrum: Ausfall",
                        "1",
                        InvoiceUnit.LUMP_SUM,
                        "100.00",
                        "100.00",
                        exemptCategory())),
                null);
    }

    /** An entrance fee: no supply, category O, so the seller's VAT id is left out (BR-O-2). */
    static EInvoiceDocument notSubjectToVat() {
        return invoice(
                "RE-2026-000010",
                TOWN,
                TO_THE_COOPERATIVE,
                List.of(line(
                        "1", "Eintrittsgeld", "1", InvoiceUnit.LUMP_SUM, "250.00", "250.00", VatCategory.NOT_SUBJECT)));
    }

    static EInvoiceDocument manyDecimals() {
        return invoice(
                "RE-2026-000006",
                TOWN,
                TO_THE_COOPERATIVE,
                List.of(
                        line(
                                "1",
                                "Druckseiten s/w",
                                "12345",
                                InvoiceUnit.PAGE,
                                "0.0123",
                                "151.84",
                                VatCategory.STANDARD),
                        line(
                                "2",
                                "Druckseiten Farbe",
                                "1000",
                                InvoiceUnit.PAGE,
                                "0.012345",
                                "12.35",
                                VatCategory.STANDARD),
                        line(
                                "3",
                                "Archivspeicher",
                                "7",
                                InvoiceUnit.GB_MONTH,
                                "0.333333",
                                "2.33",
                                VatCategory.STANDARD)));
    }

    /** Three lines of 0.13: 0.02 VAT each line by line (0.06), but 0.39 × 19 % = 0.0741, 0.07 for the category. */
    static EInvoiceDocument perLineRoundingDiffers() {
        return invoice(
                "RE-2026-000007",
                TOWN,
                TO_THE_COOPERATIVE,
                List.of(
                        line("1", "Druckseiten A", "1", InvoiceUnit.LUMP_SUM, "0.13", "0.13", VatCategory.STANDARD),
                        line("2", "Druckseiten B", "1", InvoiceUnit.LUMP_SUM, "0.13", "0.13", VatCategory.STANDARD),
                        line("3", "Druckseiten C", "1", InvoiceUnit.LUMP_SUM, "0.13", "0.13", VatCategory.STANDARD)));
    }

    static EInvoiceDocument association() {
        return invoice(
                "RE-2026-000008",
                ASSOCIATION,
                TO_THE_COOPERATIVE,
                List.of(new EInvoiceLine(
                        "1",
                        "IT-Support Pumpwerk Süd",
                        "Fernwartung → Steuerung (水)\nzweiter Einsatz: Störungsbeseitigung\tvor Ort",
                        "SUPPORT",
                        new BigDecimal("2"),
                        InvoiceUnit.HOUR,
                        new BigDecimal("85.00"),
                        new BigDecimal("170.00"),
                        VatCategory.STANDARD,
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31),
                        null)));
    }

    static EInvoiceDocument longInvoice() {
        var lines = new ArrayList<EInvoiceLine>();
        for (int i = 1; i <= 45; i++) {
            var vat = i % 3 == 0 ? exemptCategory() : VatCategory.STANDARD;
            lines.add(new EInvoiceLine(
                    String.valueOf(i),
                    "Arbeitsplatzbetreuung Fachbereich " + i,
                    "Betreuung der Arbeitsplätze im Fachbereich " + i + " einschließlich Softwareverteilung",
                    "WORKPLACE",
                    BigDecimal.valueOf(i),
                    InvoiceUnit.DEVICE,
                    new BigDecimal("17.35"),
                    new BigDecimal("17.35").multiply(BigDecimal.valueOf(i)),
                    vat,
                    LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31),
                    null));
        }
        return invoice("RE-2026-000009", TOWN, FROM_THE_MEMBER, lines);
    }

    /**
     * A town configured for the cost-sharing exemption, March 2026: council tablets from the 10th (22/31 of a month, a
     * lump sum), 12,345 printed pages at 0.0123, two toner cartridges (goods: taxed) and a credit on printing.
     */
    static EInvoiceDocument mixedFromContributions() {
        return invoice(
                "RE-2026-000003",
                TOWN,
                TO_THE_COOPERATIVE,
                EInvoiceLines.fromContributions(contributions(), NAMES::get));
    }

    static final Map<String, String> NAMES = Map.of(
            "RIS-TABLET", "Ratsinformationssystem (Tablets)",
            "PRINT-PAGES", "Druckservice",
            "TONER", "Tonerkartuschen");

    static List<ContributionLine> contributions() {
        var since = LocalDate.of(2025, 1, 1);
        var tariffs = Tariffs.of(
                new PricePlan(
                        "RIS-TABLET",
                        since,
                        null,
                        ServiceUnit.DEVICE,
                        ServiceKind.SERVICE,
                        true,
                        new PriceModel.PerSeat(new BigDecimal("12.50"), Cadence.MONTH)),
                new PricePlan(
                        "PRINT-PAGES",
                        since,
                        null,
                        ServiceUnit.PAGE,
                        ServiceKind.SERVICE,
                        true,
                        new PriceModel.PerUnit(new BigDecimal("0.0123"))),
                new PricePlan(
                        "TONER",
                        since,
                        null,
                        ServiceUnit.PIECE,
                        ServiceKind.GOODS,
                        false,
                        new PriceModel.PerUnit(new BigDecimal("89.90"))));
        var facts = BillingFacts.of(new BillingFacts.Member(42, since, null, true, List.of(), List.of()))
                .withSubscriptions(List.of(
                        new BillingFacts.Subscription("RIS-TABLET", 12, LocalDate.of(2026, 3, 10), null),
                        new BillingFacts.Subscription("PRINT-PAGES", 1, since, null),
                        new BillingFacts.Subscription("TONER", 1, since, null)))
                .withUsage(List.of(
                        new BillingFacts.DailyUsage("PRINT-PAGES", LocalDate.of(2026, 3, 5), new BigDecimal("12345")),
                        new BillingFacts.DailyUsage("TONER", LocalDate.of(2026, 3, 12), new BigDecimal("2"))))
                .withCredits(List.of(new BillingFacts.Credit(
                        "GS-REF-7",
                        "PRINT-PAGES",
                        LocalDate.of(2026, 3, 5),
                        new BigDecimal("15.00"),
                        "Misprints at the citizens' office")));
        return Contributions.calculate(facts, BillingPeriod.month(YearMonth.of(2026, 3)), tariffs);
    }

    static EInvoiceDocument invoice(String number, Buyer buyer, PaymentInstructions payment, List<EInvoiceLine> lines) {
        return new EInvoiceDocument(
                DocumentType.INVOICE,
                number,
                ISSUED,
                DUE,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                null,
                SELLER,
                buyer,
                payment,
                lines,
                null);
    }

    static EInvoiceLine line(
            String id, String name, String quantity, InvoiceUnit unit, String price, String net, VatCategory vat) {
        return new EInvoiceLine(
                id,
                name,
                null,
                "SVC-" + id,
                new BigDecimal(quantity),
                unit,
                new BigDecimal(price),
                new BigDecimal(net),
                vat,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                null);
    }

    static VatCategory exemptCategory() {
        return VatCategory.COST_SHARING_EXEMPT;
    }
}
