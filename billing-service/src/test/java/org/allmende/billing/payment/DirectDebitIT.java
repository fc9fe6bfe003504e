package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * SEPA direct debits through the API: mandates with checked bank details, a pain.008 file valid under the German
 * banks' schema, each item collected once, the bank's batch credit and a return read from camt.053, and the
 * returned item collected again (FRST again, while the other member's mandate goes on RCUR). The service is
 * restarted between the collection and the statements with its clock moved on, as days pass.
 */
class DirectDebitIT {

    private static final String JUNE_15 = "2026-06-15T08:00:00Z";
    private static final String JUNE_26 = "2026-06-26T08:00:00Z";
    private static final String CREDITOR_ID = "DE98ZZZ09999999999";

    private static BillingOnDays billing;

    @BeforeAll
    static void start() {
        billing = BillingOnDays.start(
                JUNE_15,
                Map.of(
                        "allmende.seller.name", "Kommunale IT-Genossenschaft Nordhessen eG",
                        "allmende.seller.iban", "DE21 5205 0353 0001 2345 67",
                        "allmende.seller.bic", "HELADEF1KAS",
                        "allmende.seller.creditor-id", CREDITOR_ID),
                LongStream.rangeClosed(31, 35).boxed().toList());
    }

    @AfterAll
    static void stop() {
        billing.close();
    }

    private static ApiClient finance() {
        return billing.finance();
    }

    private static JsonNode mandate(long member, String json) {
        var response = finance().post("/api/members/" + member + "/mandates", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode collect(String collectionDate) {
        var response = finance().post("/api/direct-debits", "{\"collectionDate\":\"" + collectionDate + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static String pain008(JsonNode file) {
        var response = finance().get("/api/direct-debits/" + file.path("id").asLong() + "/pain.008", "application/xml");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/xml");
        return response.body();
    }

    private static JsonNode importStatement(String resource) {
        return billing.importStatement(resource, "text/xml");
    }

    private static BigDecimal open(String documentNumber) {
        return billing.open(documentNumber);
    }

    /** The text of every element with this local name (nested ones joined by a space), in document order. */
    private static List<String> all(Document xml, String localName) {
        try {
            var nodes = (NodeList) XPathFactory.newInstance()
                    .newXPath()
                    .evaluate("//*[local-name()='" + localName + "']", xml, XPathConstants.NODESET);
            var texts = new ArrayList<String>();
            for (var i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().replaceAll("\\s+", " ").strip());
            }
            return texts;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void itemsAreCollectedOnceReturnedItemsAgain() {
        var items = billing.items();
        mandate(
                31,
                """
                {"reference":"MANDAT-31","signedOn":"2026-03-01","debtorName":"Gemeinde 31",
                 "iban":"DE12 5001 0517 0648 4898 90","bic":"INGDDEFFXXX"}
                """);
        var m32 = mandate(
                32,
                """
                {"reference":"MANDAT-32","signedOn":"2026-04-15","debtorName":"Gemeinde 32",
                 "iban":"DE89370400440532013000"}
                """);
        assertThat(m32.path("nextSequenceType").asText()).isEqualTo("FRST");
        assertThat(m32.path("status").asText()).isEqualTo("ACTIVE");
        items.add(NewOpenItem.invoice(
                31, "RE-2026-000301", LocalDate.of(2026, 5, 27), LocalDate.of(2026, 6, 10), new BigDecimal("119.00")));
        items.add(NewOpenItem.invoice(
                32, "RE-2026-000302", LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 20), new BigDecimal("59.50")));
        items.add(NewOpenItem.invoice(
                33, "RE-2026-000303", LocalDate.of(2026, 5, 18), LocalDate.of(2026, 6, 1), new BigDecimal("10.00")));
        items.add(NewOpenItem.invoice(
                31, "RE-2026-000304", LocalDate.of(2026, 6, 11), LocalDate.of(2026, 6, 25), new BigDecimal("40.00")));

        // 15 June: collect on 22 June what is due by then from members with a mandate (not 33, not 304 yet)
        var file = collect("2026-06-22");
        assertThat(file.path("numberOfTransactions").asInt()).isEqualTo(2);
        assertThat(file.path("controlSum").decimalValue()).isEqualByComparingTo("178.50");
        assertThat(file.path("creditorId").asText()).isEqualTo(CREDITOR_ID);
        assertThat(file.path("collections"))
                .extracting(c -> c.path("documentNumber").asText() + " "
                        + c.path("sequenceType").asText() + " "
                        + c.path("endToEndId").asText())
                .containsExactly("RE-2026-000301 FRST RE-2026-000301-1", "RE-2026-000302 FRST RE-2026-000302-1");

        var xml = pain008(file);
        PainSchema.validate(xml);
        var document = parse(xml);
        assertThat(all(document, "MndtId")).containsExactly("MANDAT-31", "MANDAT-32");
        assertThat(all(document, "DtOfSgntr")).containsExactly("2026-03-01", "2026-04-15");
        assertThat(all(document, "SeqTp")).containsExactly("FRST");
        assertThat(all(document, "LclInstrm")).containsExactly("CORE");
        assertThat(all(document, "ReqdColltnDt")).containsExactly("2026-06-22");
        assertThat(all(document, "CdtrSchmeId")).containsExactly(CREDITOR_ID + " SEPA");
        assertThat(all(document, "EndToEndId")).containsExactly("RE-2026-000301-1", "RE-2026-000302-1");
        assertThat(all(document, "DbtrAcct")).containsExactly("DE12500105170648489890", "DE89370400440532013000");
        assertThat(all(document, "DbtrAgt")).containsExactly("INGDDEFFXXX", "NOTPROVIDED");
        var amounts = sum(all(document, "InstdAmt"));
        assertThat(all(document, "CtrlSum"))
                .allSatisfy(s -> assertThat(new BigDecimal(s)).isEqualByComparingTo(amounts));
        assertThat(amounts).isEqualByComparingTo("178.50");
        assertThat(all(document, "NbOfTxs")).containsOnly("2");

        // the same day again: nothing left to collect, the standing collections keep their items out
        var again = finance().post("/api/direct-debits", "{\"collectionDate\":\"2026-06-22\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("nothing-to-collect");
        assertThat(finance()
                        .get("/api/members/31/mandates")
                        .json()
                        .get(0)
                        .path("nextSequenceType")
                        .asText())
                .isEqualTo("RCUR");

        // 26 June: the statements of the 22nd (the batch credit) and the 25th (one collection given back)
        billing.restartOn(JUNE_26);
        var credit = importStatement("sparkasse-2026-06-22-direct-debits.camt053.001.02.xml");
        assertThat(credit.at("/entries/0/status").asText()).isEqualTo("MATCHED");
        assertThat(credit.at("/entries/0/transactions"))
                .extracting(t -> t.path("matchedBy").asText() + " "
                        + t.path("documentNumbers").get(0).asText())
                .containsExactly("DIRECT_DEBIT RE-2026-000301", "DIRECT_DEBIT RE-2026-000302");
        assertThat(open("RE-2026-000301")).isZero();
        assertThat(open("RE-2026-000302")).isZero();

        var returned = importStatement("sparkasse-2026-06-25-return.camt053.001.02.xml");
        assertThat(returned.at("/entries/0/status").asText()).isEqualTo("RETURNED");
        assertThat(returned.at("/entries/0/transactions/0/note").asText()).isEqualTo("AM04");
        assertThat(open("RE-2026-000302")).isEqualByComparingTo("59.50");
        assertThat(importStatement("sparkasse-2026-06-25-return.camt053.001.02.xml")
                        .at("/entries/0/status")
                        .asText())
                .isEqualTo("DUPLICATE");
        var account = finance().get("/api/members/32/account").json();
        assertThat(account.path("lines"))
                .extracting(l -> l.path("kind").asText() + " "
                        + l.path("amount").decimalValue().setScale(2))
                .containsExactly("INVOICE 59.50", "PAYMENT -59.50", "DIRECT_DEBIT_RETURN 59.50");
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("59.50");

        // the returned item is collected again, FRST as nothing stands under its mandate; 304 is due now (RCUR)
        var next = collect("2026-06-30");
        assertThat(next.path("collections"))
                .extracting(c -> c.path("documentNumber").asText() + " "
                        + c.path("sequenceType").asText() + " "
                        + c.path("endToEndId").asText())
                .containsExactlyInAnyOrder(
                        "RE-2026-000302 FRST RE-2026-000302-2", "RE-2026-000304 RCUR RE-2026-000304-1");
        var nextXml = pain008(next);
        PainSchema.validate(nextXml);
        assertThat(all(parse(nextXml), "SeqTp")).containsExactlyInAnyOrder("FRST", "RCUR");
        var first =
                finance().get("/api/direct-debits/" + file.path("id").asLong()).json();
        assertThat(first.path("collections"))
                .extracting(c -> c.path("status").asText())
                .containsExactly("SUBMITTED", "RETURNED");
        assertThat(open("RE-2026-000303")).as("no mandate, never collected").isEqualByComparingTo("10.00");
    }

    @Test
    void financeEntersAReturnItLearnsOfBeforeTheStatement() {
        mandate(
                34,
                """
                {"reference":"MANDAT-34","signedOn":"2026-01-10","debtorName":"Gemeinde 34",
                 "iban":"DE44430609670000012345","bic":"GENODEM1GLS"}
                """);
        billing.items()
                .add(NewOpenItem.capitalCall(
                        34,
                        "KA-2026-000034",
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 31),
                        new BigDecimal("300.00")));
        var file = collect(LocalDate.parse(billing.billing()
                        .bean(java.time.Clock.class)
                        .instant()
                        .toString()
                        .substring(0, 10))
                .plusDays(3)
                .toString());
        var collection = Stream.of(file.path("collections"))
                .flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
                .filter(c -> c.path("documentNumber").asText().equals("KA-2026-000034"))
                .findFirst()
                .orElseThrow();

        var response = finance()
                .post(
                        "/api/direct-debits/returns",
                        "{\"endToEndId\":\"" + collection.path("endToEndId").asText()
                                + "\",\"returnedOn\":\"2026-06-15\",\"reason\":\"MD06\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("RETURNED");
        assertThat(open("KA-2026-000034")).as("its credit had not been booked").isEqualByComparingTo("300.00");
        assertThat(finance()
                        .post(
                                "/api/direct-debits/returns",
                                "{\"endToEndId\":\"NO-SUCH-1\",\"returnedOn\":\"2026-06-15\"}")
                        .status())
                .isEqualTo(404);
    }

    static Stream<Arguments> badMandates() {
        var good = "\"signedOn\":\"2026-03-01\",\"debtorName\":\"Gemeinde 35\"";
        return Stream.of(
                Arguments.of(
                        "{\"reference\":\"M-35-1\"," + good + ",\"iban\":\"DE13500105170648489890\"}",
                        "iban",
                        "iban-check-digits"),
                Arguments.of(
                        "{\"reference\":\"M-35-2\"," + good + ",\"iban\":\"DE1250010517064848989\"}",
                        "iban",
                        "iban-format"),
                Arguments.of(
                        "{\"reference\":\"M-35-3\"," + good + ",\"iban\":\"DE12500105170648489890\",\"bic\":\"INGD\"}",
                        "bic",
                        "bic-format"),
                Arguments.of(
                        "{\"reference\":\"M_35\"," + good + ",\"iban\":\"DE12500105170648489890\"}",
                        "reference",
                        "sepa-reference"),
                Arguments.of(
                        "{\"reference\":\"M-35-4\",\"signedOn\":\"2027-01-04\",\"debtorName\":\"Gemeinde 35\","
                                + "\"iban\":\"DE12500105170648489890\"}",
                        "signedOn",
                        "not-in-future"),
                Arguments.of(
                        "{\"reference\":\"M-35-5\",\"signedOn\":\"2026-03-01\",\"iban\":\"DE12500105170648489890\"}",
                        "debtorName",
                        "required"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badMandates")
    void aMandateWithBadBankDetailsIsRefusedNamingTheFieldAndTheRule(String json, String field, String rule) {
        var response = finance().post("/api/members/35/mandates", json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.json().at("/errors/0/rule").asText()).isEqualTo(rule);
        assertThat(finance().get("/api/members/35/mandates").json()).isEmpty();
    }

    @Test
    void aNewMandateEndsThePreviousOneAndAReferenceIsUsedOnce() {
        mandate(
                35,
                "{\"reference\":\"MANDAT-35-A\",\"signedOn\":\"2026-02-01\",\"debtorName\":\"Gemeinde 35\","
                        + "\"iban\":\"DE17100500000123456789\"}");
        mandate(
                35,
                "{\"reference\":\"MANDAT-35-B\",\"signedOn\":\"2026-06-01\",\"debtorName\":\"Gemeinde 35\","
                        + "\"iban\":\"DE59250500001234567890\"}");
        var taken = finance()
                .post(
                        "/api/members/33/mandates",
                        "{\"reference\":\"MANDAT-35-A\",\"signedOn\":\"2026-02-01\",\"debtorName\":\"Gemeinde 33\","
                                + "\"iban\":\"DE17100500000123456789\"}");

        assertThat(finance().get("/api/members/35/mandates").json())
                .extracting(m ->
                        m.path("reference").asText() + " " + m.path("status").asText())
                .containsExactly("MANDAT-35-A ENDED", "MANDAT-35-B ACTIVE");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().path("rule").asText()).isEqualTo("mandate-reference-taken");
        assertThat(finance().get("/api/members/33/mandates").json()).isEmpty();
        assertThat(finance()
                        .post(
                                "/api/members/4242/mandates",
                                "{\"reference\":\"X-1\",\"signedOn\":\"2026-02-01\","
                                        + "\"debtorName\":\"X\",\"iban\":\"DE17100500000123456789\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCollectionDateMustLieAheadAndOnlyFinanceDrawsDirectDebits() {
        var today = finance().post("/api/direct-debits", "{\"collectionDate\":\"2026-06-15\"}");
        assertThat(today.status()).as(today.toString()).isIn(400);
        assertThat(today.json().at("/errors/0/field").asText()).isEqualTo("collectionDate");
        assertThat(today.json().at("/errors/0/rule").asText()).isEqualTo("after-today");

        assertThat(billing.api(DemoLogins.BOARD)
                        .post("/api/direct-debits", "{\"collectionDate\":\"2026-07-01\"}")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.BOARD)
                        .post("/api/members/31/mandates", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.BOARD).get("/api/members/31/mandates").status())
                .isEqualTo(200);
        assertThat(billing.api(DemoLogins.MEMBER_1)
                        .get("/api/members/31/mandates")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.BOARD).get("/api/direct-debits").status())
                .isEqualTo(403);
    }
}
