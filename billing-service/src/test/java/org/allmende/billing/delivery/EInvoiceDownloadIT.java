package org.allmende.billing.delivery;

import static org.allmende.billing.ContractProducer.admitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Drafts;
import org.allmende.billing.document.IssuedDocuments;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.billing.einvoice.EInvoiceRenderer;
import org.allmende.billing.einvoice.EInvoiceRenderer.Format;
import org.allmende.billing.einvoice.MustangValidator;
import org.allmende.billing.einvoice.Xml;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.membership.MemberAdmitted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The e-invoices of issued documents through the API, on a real PostgreSQL and Kafka: member 1 (Leitweg-ID, taxed
 * and exempt lines, a SEPA mandate when its invoice is issued) pays by direct debit, member 2 (Leitweg-ID, no
 * mandate then) by credit transfer, member 3 has no Leitweg-ID; member 1 gets a credit note and a capital call.
 * Every file is validated by Mustang's validator without error or warning; the amounts are the booked ones; the
 * payment means are those of the day of issue; a file once delivered is served as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EInvoiceDownloadIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final String LEITWEG_ID = "991-33333TEST-33";
    private static final String ANY = "/api/documents/";
    private static final String MINE = "/api/me/documents/";

    private static ContractProducer membership;
    private static RunningBillingService billing;
    private static String invoiceOf1;
    private static String invoiceOf2;
    private static String invoiceOf3;
    private static String creditNote;
    private static String capitalCall;

    record Download(int status, byte[] body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }

        JsonNode problem() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void issueDocuments() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        billing = RunningBillingService.start(
                SharedInfrastructure.unique("billing"),
                membership.topic(),
                SharedInfrastructure.unique("usage_topic"),
                Map.of("allmende.clock.fixed", "2026-04-02T08:00:00Z"));
        membership.send(admitted(1));
        membership.send(admitted(2));
        membership.send(withoutLeitwegId(admitted(3)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from member") == 3);
        mandate(1, "MANDAT-1", "DE89370400440532013000");

        var drafts = billing.bean(Drafts.class);
        var march = drafts.startRun(RunKind.CONTRIBUTIONS, MARCH_1, MARCH_31);
        for (long member = 1; member <= 3; member++) {
            drafts.add(march, member, DocumentType.INVOICE, null, Issued.taxedAndExempt());
        }
        var invoices = issue(march);
        invoiceOf1 = invoices.get(0);
        invoiceOf2 = invoices.get(1);
        invoiceOf3 = invoices.get(2);

        var correction = drafts.startRun(RunKind.CORRECTION, MARCH_1, MARCH_31);
        drafts.add(
                correction,
                1,
                DocumentType.CREDIT_NOTE,
                invoiceOf1,
                List.of(
                        Issued.line(
                                LineKind.CREDIT,
                                "Druckseiten: Fehldrucke",
                                "200",
                                "PAGE",
                                "0.04",
                                "19",
                                VatRegime.TAXABLE),
                        Issued.line(
                                LineKind.CREDIT,
                                "Mitgliedsbeitrag: anteilig",
                                "1",
                                "FLAT",
                                "30.00",
                                "0",
                                VatRegime.EXEMPT_COST_SHARING)));
        creditNote = issue(correction).get(0);

        var capital = drafts.startRun(RunKind.CAPITAL_CALL, MARCH_1, MARCH_31);
        drafts.add(capital, 1, DocumentType.CAPITAL_CALL, null, List.of(Issued.shareCapital()));
        capitalCall = issue(capital).get(0);
        await().atMost(PATIENCE).until(() -> count("select count(*) from issued_document") == 5);

        // after issue: member 1 signs a new mandate, member 2 its first — the documents issued before keep theirs
        mandate(1, "MANDAT-1-NEU", "DE12500105170648489890");
        mandate(2, "MANDAT-2", "DE89370400440532013000");
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
    }

    private static MemberAdmitted withoutLeitwegId(MemberAdmitted a) {
        return new MemberAdmitted(
                a.memberId(),
                a.memberNumber(),
                a.applicationId(),
                a.name(),
                a.bodyKind(),
                a.address(),
                a.shares(),
                a.admittedOn(),
                a.ags(),
                a.inhabitants(),
                a.inhabitantsReferenceDate(),
                a.staffCount(),
                null);
    }

    private static void mandate(long member, String reference, String iban) {
        var response = billing.api(DemoLogins.FINANCE)
                .post(
                        "/api/members/" + member + "/mandates",
                        Map.of(
                                "reference",
                                reference,
                                "signedOn",
                                "2026-03-01",
                                "debtorName",
                                "Gemeinde " + member,
                                "iban",
                                iban));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static List<String> issue(UUID run) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs/" + run + "/issue", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var numbers = response.json().get("drafts").findValuesAsText("number");
        assertThat(response.json().get("issued").asInt())
                .as(response.toString())
                .isEqualTo(numbers.size());
        return numbers;
    }

    private static long count(String sql) {
        return billing.jdbc().queryForObject(sql, Long.class);
    }

    static Download download(DemoLogins.Login login, String path) {
        var request = HttpRequest.newBuilder(URI.create(billing.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (login != null) {
            var token = login.username() + ":" + login.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Downloads, checks the headers and validates the file with Mustang's validator: no error, no warning. */
    private static byte[] validDownload(DemoLogins.Login login, String documents, String number, String format) {
        var path = documents + number + "/" + format;
        var fileName = number
                + switch (format) {
                    case "ubl" -> "-xrechnung-ubl.xml";
                    case "cii" -> "-xrechnung-cii.xml";
                    default -> ".pdf";
                };
        var mediaType = format.equals("pdf") ? "application/pdf" : "application/xml";
        var file = download(login, path);
        assertThat(file.status())
                .as(path + ": " + new String(file.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith(mediaType);
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + fileName + "\"");
        assertThat(file.header("Cache-Control")).isEqualTo("no-store");
        assertThat(file.header("ETag")).isEqualTo("\"" + DocumentFiles.sha256(file.body()) + "\"");
        var report = MustangValidator.validate(file.body(), fileName);
        assertThat(report.errors()).as(report.describe()).isEmpty();
        assertThat(report.warnings()).as(report.describe()).isEmpty();
        assertThat(report.valid()).as(report.describe()).isTrue();
        return file.body();
    }

    private static JsonNode booked(String number) {
        return billing.api(DemoLogins.FINANCE).get("/api/documents/" + number).json();
    }

    private static void assertAmountsAreBooked(Xml ubl, Xml cii, String number) {
        var booked = booked(number);
        var net = booked.get("netTotal").decimalValue();
        var vat = booked.get("vatTotal").decimalValue();
        var gross = booked.get("grossTotal").decimalValue();
        assertThat(ubl.amount("/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"))
                .isEqualByComparingTo(net);
        assertThat(ubl.amount("/*/cac:TaxTotal/cbc:TaxAmount")).isEqualByComparingTo(vat);
        assertThat(ubl.amount("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"))
                .isEqualByComparingTo(gross);
        assertThat(ubl.amount("/*/cac:LegalMonetaryTotal/cbc:PayableAmount")).isEqualByComparingTo(gross);
        var sums = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
        assertThat(cii.amount(sums + "ram:TaxBasisTotalAmount")).isEqualByComparingTo(net);
        assertThat(cii.amount(sums + "ram:TaxTotalAmount")).isEqualByComparingTo(vat);
        assertThat(cii.amount(sums + "ram:GrandTotalAmount")).isEqualByComparingTo(gross);
        for (var subtotal : booked.get("vatSubtotals")) {
            var category = subtotal.get("regime").asText().equals("TAXABLE") ? "S" : "E";
            var tax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode='" + category
                    + "']/";
            assertThat(cii.amount(tax + "ram:BasisAmount"))
                    .isEqualByComparingTo(subtotal.get("net").decimalValue());
            assertThat(cii.amount(tax + "ram:CalculatedAmount"))
                    .isEqualByComparingTo(subtotal.get("vat").decimalValue());
        }
        assertThat(
                        cii.text(
                                "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:CategoryCode='E']/ram:ExemptionReason"))
                .contains("§ 4 Nr. 29 UStG");
    }

    @Test
    @Order(1)
    void theDirectDebitOfTheDayOfIssueIsInEveryFormatWithTheBookedAmounts() {
        var ubl = Xml.of(validDownload(DemoLogins.FINANCE, ANY, invoiceOf1, "ubl"));
        var cii = Xml.of(validDownload(DemoLogins.BOARD, ANY, invoiceOf1, "cii"));
        validDownload(DemoLogins.MEMBER_1, MINE, invoiceOf1, "pdf");

        assertThat(ubl.text("/ubl:Invoice/cbc:BuyerReference")).isEqualTo(LEITWEG_ID);
        assertThat(cii.text("//ram:ApplicableHeaderTradeAgreement/ram:BuyerReference"))
                .isEqualTo(LEITWEG_ID);
        assertThat(ubl.text("/*/cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("59");
        assertThat(ubl.text("/*/cac:PaymentMeans/cac:PaymentMandate/cbc:ID")).isEqualTo("MANDAT-1");
        assertThat(ubl.text("/*/cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID"))
                .isEqualTo("DE89370400440532013000");
        assertThat(cii.text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode"))
                .isEqualTo("59");
        assertThat(cii.text("//ram:ApplicableHeaderTradeSettlement/ram:CreditorReferenceID"))
                .isEqualTo("DE98ZZZ09999999999");
        assertThat(cii.text("//ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID"))
                .isEqualTo("MANDAT-1");
        assertAmountsAreBooked(ubl, cii, invoiceOf1);
        assertThat(booked(invoiceOf1).at("/directDebit/mandateReference").asText())
                .isEqualTo("MANDAT-1");
    }

    @Test
    @Order(2)
    void withoutAMandateOnTheDayOfIssueTheMemberTransfersToTheCooperative() {
        var ubl = Xml.of(validDownload(DemoLogins.MEMBER_2, MINE, invoiceOf2, "ubl"));
        var cii = Xml.of(validDownload(DemoLogins.MEMBER_2, MINE, invoiceOf2, "cii"));

        assertThat(ubl.text("/ubl:Invoice/cbc:BuyerReference")).isEqualTo(LEITWEG_ID);
        assertThat(ubl.text("/*/cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("58");
        assertThat(ubl.text("/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"))
                .isEqualTo("DE12500105170648489890");
        assertThat(ubl.count("/*/cac:PaymentMeans/cac:PaymentMandate")).isZero();
        assertThat(cii.text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode"))
                .isEqualTo("58");
        assertAmountsAreBooked(ubl, cii, invoiceOf2);
        assertThat(booked(invoiceOf2).get("directDebit").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void theCreditNoteNamesItsInvoiceAndIsSetOff() {
        var ubl = Xml.of(validDownload(DemoLogins.FINANCE, ANY, creditNote, "ubl"));
        var cii = Xml.of(validDownload(DemoLogins.MEMBER_1, MINE, creditNote, "cii"));
        validDownload(DemoLogins.BOARD, ANY, creditNote, "pdf");

        assertThat(ubl.text("/cn:CreditNote/cbc:CreditNoteTypeCode")).isEqualTo("381");
        assertThat(ubl.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"))
                .isEqualTo(invoiceOf1);
        assertThat(ubl.text("/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"))
                .isEqualTo("2026-04-02");
        assertThat(cii.text("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"))
                .isEqualTo(invoiceOf1);
        assertThat(ubl.text("/*/cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("97");
        assertThat(ubl.text("/cn:CreditNote/cbc:BuyerReference")).isEqualTo(LEITWEG_ID);
        assertAmountsAreBooked(ubl, cii, creditNote);
    }

    @Test
    @Order(4)
    void aMemberWithoutLeitwegIdGetsThePdfButNoXRechnung() throws IOException {
        validDownload(DemoLogins.FINANCE, ANY, invoiceOf3, "pdf");
        for (var format : List.of("ubl", "cii")) {
            var refused = download(DemoLogins.FINANCE, "/api/documents/" + invoiceOf3 + "/" + format);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.problem().path("rule").asText()).isEqualTo("leitweg-id-missing");
        }
        assertThat(count("select count(*) from document_file where document_number = '" + invoiceOf3 + "'"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void aCapitalCallIsNoEInvoiceButAPlainPdf() throws IOException {
        for (var format : List.of("ubl", "cii")) {
            var refused = download(DemoLogins.FINANCE, ANY + capitalCall + "/" + format);
            assertThat(refused.status()).as(format).isEqualTo(409);
            assertThat(refused.problem().path("rule").asText()).isEqualTo("not-an-e-invoice");
            var mine = download(DemoLogins.MEMBER_1, MINE + capitalCall + "/" + format);
            assertThat(mine.status()).as(format).isEqualTo(409);
        }
        var pdf = download(DemoLogins.MEMBER_1, MINE + capitalCall + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + capitalCall + ".pdf\"");
        assertThat(pdf.header("Cache-Control")).isEqualTo("no-store");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Kapitalabruf " + capitalCall)
                    .contains("Gemeinde 1")
                    .contains("2.500,00 €")
                    .contains("Mandatsreferenz MANDAT-1");
        }
        assertThat(download(DemoLogins.BOARD, ANY + capitalCall + "/pdf").body())
                .isEqualTo(pdf.body());
    }

    @Test
    @Order(6)
    void onlyTheMemberItselfFinanceAndTheBoardGetADocument() {
        for (var format : List.of("ubl", "cii", "pdf")) {
            var others = download(DemoLogins.MEMBER_2, "/api/me/documents/" + invoiceOf1 + "/" + format);
            assertThat(others.status()).as(format).isEqualTo(404);
            assertThat(new String(others.body(), StandardCharsets.UTF_8)).doesNotContain("Gemeinde 1");
            assertThat(download(DemoLogins.MEMBER_2, "/api/me/documents/RE-2026-999999/" + format)
                            .status())
                    .isEqualTo(404);
            assertThat(download(DemoLogins.MEMBER_1, "/api/documents/" + invoiceOf1 + "/" + format)
                            .status())
                    .isEqualTo(403);
            assertThat(download(DemoLogins.ADMIN, "/api/documents/" + invoiceOf1 + "/" + format)
                            .status())
                    .isEqualTo(403);
            assertThat(download(DemoLogins.FINANCE, "/api/me/documents/" + invoiceOf1 + "/" + format)
                            .status())
                    .isEqualTo(403);
            assertThat(download(null, "/api/documents/" + invoiceOf1 + "/" + format)
                            .status())
                    .isEqualTo(401);
            assertThat(download(null, "/api/me/documents/" + invoiceOf1 + "/" + format)
                            .status())
                    .isEqualTo(401);
            assertThat(download(DemoLogins.FINANCE, "/api/documents/RE-2099-000001/" + format)
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    @Order(7)
    void aDeliveredFileIsServedAsItWasEvenAfterTheSellerChanged() {
        var first = download(DemoLogins.FINANCE, "/api/documents/" + invoiceOf1 + "/ubl")
                .body();
        var pdf = download(DemoLogins.MEMBER_1, "/api/me/documents/" + invoiceOf1 + "/pdf")
                .body();
        var renamed = new DocumentFiles(
                billing.jdbc(),
                billing.bean(IssuedDocuments.class),
                new EInvoiceRenderer(),
                Issued.seller("Umbenannt eG"),
                billing.bean(Clock.class));
        var document = billing.bean(IssuedDocuments.class).byNumber(invoiceOf1).orElseThrow();

        assertThat(renamed.file(document, Format.XRECHNUNG_UBL).content()).isEqualTo(first);
        assertThat(renamed.file(document, Format.PDF).content()).isEqualTo(pdf);
        assertThat(new String(first, StandardCharsets.UTF_8))
                .contains("KommunalIT eG")
                .doesNotContain("Umbenannt");
        assertThat(download(DemoLogins.FINANCE, "/api/documents/" + invoiceOf1 + "/ubl")
                        .body())
                .isEqualTo(first);
    }

    @Test
    @Order(8)
    void manyFirstDownloadsAtOnceStoreAndServeOneVersion() throws Exception {
        assertThat(count("select count(*) from document_file where document_number = '" + invoiceOf2
                        + "' and format = 'PDF'"))
                .isZero();
        // a PDF's metadata carries the time of rendering: two renderings differ, so equal answers mean one stored file
        var latch = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        try {
            var answers = new ArrayList<Future<Download>>();
            for (int i = 0; i < 6; i++) {
                var login = i % 2 == 0 ? DemoLogins.FINANCE : DemoLogins.MEMBER_2;
                var path = (i % 2 == 0 ? "/api/documents/" : "/api/me/documents/") + invoiceOf2 + "/pdf";
                answers.add(pool.submit(() -> {
                    latch.await();
                    return download(login, path);
                }));
            }
            latch.countDown();
            var bodies = new ArrayList<byte[]>();
            for (var answer : answers) {
                var download = answer.get();
                assertThat(download.status()).isEqualTo(200);
                bodies.add(download.body());
            }
            var stored = billing.jdbc()
                    .queryForObject(
                            "select content from document_file where document_number = ? and format = 'PDF'",
                            byte[].class,
                            invoiceOf2);
            assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(stored));
            var report = MustangValidator.validate(stored, invoiceOf2 + ".pdf");
            assertThat(report.errors()).as(report.describe()).isEmpty();
            assertThat(report.warnings()).as(report.describe()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(9)
    void aDeliveredFileIsNeverChanged() {
        var sha = billing.jdbc()
                .queryForObject(
                        "select sha256 from document_file where document_number = ? and format = 'XRECHNUNG_UBL'",
                        String.class,
                        invoiceOf1);
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> billing.jdbc()
                .update("update document_file set content = '\\x00' where document_number = ?", invoiceOf1));
        assertThat(refused).hasMessageContaining("never changed");
        assertThat(DocumentFiles.sha256(download(DemoLogins.FINANCE, "/api/documents/" + invoiceOf1 + "/ubl")
                        .body()))
                .isEqualTo(sha);
    }
}
