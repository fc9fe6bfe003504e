package org.allmende.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payments against the open-items ledger, through the API on a real PostgreSQL: entered by finance and imported
 * from camt.053 statements, matched by document number or by member and amount, or assigned by hand; partial and
 * over-payments; the account statement and who may read it. Each test has members of its own.
 */
class PaymentsIT {

    /** Monday, 15 June 2026, 10:00 in Germany. */
    private static final String NOW = "2026-06-15T08:00:00Z";

    private static BillingOnDays days;
    private static RunningBillingService billing;
    private static OpenItems items;

    @BeforeAll
    static void start() {
        days = BillingOnDays.start(
                NOW,
                Map.of(),
                Stream.concat(Stream.of(1L, 2L), LongStream.rangeClosed(11, 20).boxed())
                        .toList());
        billing = days.billing();
        items = days.items();
    }

    @AfterAll
    static void stop() {
        days.close();
    }

    private static ApiClient finance() {
        return days.finance();
    }

    private static void invoice(long member, String number, String issuedOn, String dueOn, String gross) {
        items.add(NewOpenItem.invoice(
                member, number, LocalDate.parse(issuedOn), LocalDate.parse(dueOn), new BigDecimal(gross)));
    }

    private static BigDecimal open(String documentNumber) {
        return days.open(documentNumber);
    }

    private static JsonNode enter(String json, int status) {
        var response = finance().post("/api/payments", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private static JsonNode account(long member) {
        var response = finance().get("/api/members/" + member + "/account");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var account = response.json();
        // the balance is always the open items less the credit not used yet
        var open = BigDecimal.ZERO;
        for (var item : account.path("openItems")) {
            open = open.add(item.path("openAmount").decimalValue());
        }
        assertThat(account.path("balance").decimalValue())
                .isEqualByComparingTo(open.subtract(account.path("unusedCredit").decimalValue()));
        return account;
    }

    private static JsonNode importStatement(String resource) {
        return days.importStatement(resource, "application/xml");
    }

    private static List<String> documents(JsonNode payment) {
        var numbers = new ArrayList<String>();
        payment.path("allocations")
                .forEach(a -> numbers.add(a.path("documentNumber").asText()));
        return numbers;
    }

    @Test
    void aPaymentNamingItsInvoiceIsMatchedByTheDocumentNumber() {
        invoice(11, "RE-2026-000101", "2026-05-18", "2026-06-01", "119.00");

        var payment = enter(
                """
                {"amount":119.00,"bookedOn":"2026-06-12","referenceText":"Rechnung re-2026-000101 vom 18.05.2026",
                 "debtorName":"Gemeinde Calden","debtorIban":"DE59 2505 0000 1234 5678 90"}
                """,
                201);

        assertThat(payment.path("memberNumber").asLong()).isEqualTo(11);
        assertThat(payment.path("matchedBy").asText()).isEqualTo("DOCUMENT_NUMBER");
        assertThat(payment.path("debtorIban").asText()).isEqualTo("DE59250500001234567890");
        assertThat(documents(payment)).containsExactly("RE-2026-000101");
        assertThat(payment.path("unallocated").decimalValue()).isZero();
        assertThat(open("RE-2026-000101")).isZero();
    }

    @Test
    void aPaymentOfANamedMemberIsMatchedByTheExactOpenAmountAndOtherwiseWaits() {
        items.add(NewOpenItem.capitalCall(
                12, "KA-2026-000012", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), new BigDecimal("250")));
        invoice(12, "RE-2026-000102", "2026-05-27", "2026-06-10", "80.00");

        var exact = enter(
                "{\"memberNumber\":12,\"amount\":80,\"bookedOn\":\"2026-06-14\",\"referenceText\":\"Juni\"}", 201);
        var other = enter(
                "{\"memberNumber\":12,\"amount\":100,\"bookedOn\":\"2026-06-14\",\"referenceText\":\"Anzahlung\"}",
                201);

        assertThat(exact.path("matchedBy").asText()).isEqualTo("MEMBER_AND_AMOUNT");
        assertThat(documents(exact)).containsExactly("RE-2026-000102");
        assertThat(other.path("memberNumber").isNull())
                .as("no item of 100.00: unmatched")
                .isTrue();
        assertThat(other.path("memberHint").asLong()).isEqualTo(12);
        assertThat(open("KA-2026-000012")).isEqualByComparingTo("250.00");
    }

    @Test
    void anUnmatchedPaymentWaitsForFinanceWhoAssignsItByHand() {
        invoice(13, "RE-2026-000103", "2026-05-20", "2026-06-03", "77.70");
        var payment = enter("{\"amount\":77.70,\"bookedOn\":\"2026-06-12\",\"referenceText\":\"Sommerfest\"}", 201);
        var id = payment.path("id").asLong();
        assertThat(payment.path("memberNumber").isNull()).isTrue();
        assertThat(unmatchedIds()).contains(id);

        var assignment = finance()
                .post(
                        "/api/payments/" + id + "/assignment",
                        "{\"memberNumber\":13,\"documentNumbers\":[\"RE-2026-000103\"]}");

        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(200);
        assertThat(assignment.json().path("matchedBy").asText()).isEqualTo("ASSIGNED");
        assertThat(documents(assignment.json())).containsExactly("RE-2026-000103");
        assertThat(open("RE-2026-000103")).isZero();
        assertThat(unmatchedIds()).doesNotContain(id);

        var another = enter("{\"amount\":5,\"bookedOn\":\"2026-06-12\",\"referenceText\":\"?\"}", 201)
                .path("id")
                .asLong();
        assertThat(rule("/api/payments/" + id + "/assignment", "{\"memberNumber\":13}"))
                .isEqualTo("payment-already-booked");
        assertThat(rule(
                        "/api/payments/" + another + "/assignment",
                        "{\"memberNumber\":11,\"documentNumbers\":[\"RE-2026-000103\"]}"))
                .isEqualTo("document-of-another-member");
        assertThat(rule(
                        "/api/payments/" + another + "/assignment",
                        "{\"memberNumber\":11,\"documentNumbers\":[\"RE-1999-000001\"]}"))
                .isEqualTo("document-unknown");
        assertThat(rule("/api/payments/" + another + "/assignment", "{\"memberNumber\":999}"))
                .isEqualTo("member-unknown");
        assertThat(finance()
                        .post("/api/payments/987654/assignment", "{\"memberNumber\":13}")
                        .status())
                .isEqualTo(404);
    }

    private static List<Long> unmatchedIds() {
        var ids = new ArrayList<Long>();
        finance()
                .get("/api/payments?status=UNMATCHED")
                .json()
                .forEach(p -> ids.add(p.path("id").asLong()));
        return ids;
    }

    private static String rule(String path, String json) {
        var response = finance().post(path, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        return response.json().path("rule").asText();
    }

    @Test
    void partialPaymentsLeaveTheRestOpenAndOverPaymentsBecomeCreditForTheNextItems() {
        invoice(14, "RE-2026-000104", "2026-05-18", "2026-06-01", "100.00");
        invoice(14, "RE-2026-000105", "2026-05-22", "2026-06-05", "50.00");

        var partial = enter("{\"amount\":60,\"bookedOn\":\"2026-06-08\",\"referenceText\":\"RE-2026-000104\"}", 201);
        assertThat(open("RE-2026-000104")).isEqualByComparingTo("40.00");
        assertThat(partial.path("allocations").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("60");

        var over = enter("{\"amount\":100,\"bookedOn\":\"2026-06-10\",\"referenceText\":\"Rest RE-2026-000104\"}", 201);
        assertThat(documents(over)).containsExactly("RE-2026-000104", "RE-2026-000105");
        assertThat(over.path("unallocated").decimalValue()).isEqualByComparingTo("10.00");
        var credit = account(14);
        assertThat(credit.path("balance").decimalValue()).isEqualByComparingTo("-10.00");
        assertThat(credit.path("unusedCredit").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(credit.path("openItems")).isEmpty();

        invoice(14, "RE-2026-000106", "2026-06-15", "2026-06-29", "30.00");
        assertThat(open("RE-2026-000106")).as("the credit paid 10 of it").isEqualByComparingTo("20.00");
        items.add(NewOpenItem.creditNote(
                14, "GS-2026-000101", LocalDate.of(2026, 6, 15), new BigDecimal("25.00"), "RE-2026-000106"));
        assertThat(open("RE-2026-000106")).isZero();
        assertThat(open("GS-2026-000101")).as("5.00 of the credit note left").isEqualByComparingTo("-5.00");
        assertThat(account(14).path("balance").decimalValue()).isEqualByComparingTo("-5.00");
    }

    @Test
    void onePaymentPaysSeveralItemsNamedInItsText() {
        invoice(15, "RE-2026-000107", "2026-05-18", "2026-06-01", "20.00");
        invoice(15, "RE-2026-000108", "2026-05-19", "2026-06-02", "30.00");

        var payment = enter(
                "{\"amount\":50,\"bookedOn\":\"2026-06-08\",\"referenceText\":\"RE-2026-000108 und RE-2026-000107\"}",
                201);

        assertThat(documents(payment)).containsExactly("RE-2026-000108", "RE-2026-000107");
        assertThat(open("RE-2026-000107")).isZero();
        assertThat(open("RE-2026-000108")).isZero();
    }

    @Test
    void theSameStatementImportedTwiceBooksNothingTwice() {
        invoice(16, "RE-2026-000201", "2026-05-29", "2026-06-12", "119.00");
        items.add(NewOpenItem.capitalCall(
                17, "KA-2026-000017", LocalDate.of(2026, 5, 15), LocalDate.of(2026, 6, 15), new BigDecimal("250")));
        invoice(18, "RE-2026-000218", "2026-05-29", "2026-06-12", "59.50");
        invoice(19, "RE-2026-000219", "2026-05-29", "2026-06-12", "35.70");

        var first = importStatement("sparkasse-2026-06-12.camt053.001.02.xml");

        assertThat(first.path("format").asText()).isEqualTo("camt.053.001.02");
        assertThat(first.path("matched").asInt()).isEqualTo(4);
        assertThat(first.path("unmatched").asInt()).isEqualTo(1);
        assertThat(first.path("ignored").asInt()).isEqualTo(1);
        var entries = first.path("entries");
        assertThat(entries)
                .extracting(e -> e.path("status").asText())
                .containsExactly("MATCHED", "MATCHED", "UNMATCHED", "MATCHED", "IGNORED");
        assertThat(entries.get(0).at("/transactions/0/matchedBy").asText()).isEqualTo("DOCUMENT_NUMBER");
        assertThat(entries.get(0).at("/transactions/0/memberNumber").asLong()).isEqualTo(16);
        assertThat(entries.get(1).at("/transactions/0/matchedBy").asText()).isEqualTo("MEMBER_AND_AMOUNT");
        assertThat(entries.get(1).at("/transactions/0/memberNumber").asLong()).isEqualTo(17);
        assertThat(entries.get(3).path("transactions"))
                .extracting(t -> t.path("memberNumber").asLong())
                .containsExactly(18L, 19L);
        for (var number : List.of("RE-2026-000201", "KA-2026-000017", "RE-2026-000218", "RE-2026-000219")) {
            assertThat(open(number)).as(number).isZero();
        }
        var payments = billing.jdbc().queryForObject("select count(*) from payment", Long.class);
        var allocations = billing.jdbc().queryForObject("select count(*) from allocation", Long.class);

        var second = importStatement("sparkasse-2026-06-12.camt053.001.02.xml");

        assertThat(second.path("duplicates").asInt()).isEqualTo(5);
        assertThat(second.path("matched").asInt() + second.path("unmatched").asInt())
                .isZero();
        assertThat(second.path("entries"))
                .extracting(e -> e.path("status").asText())
                .containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "IGNORED");
        assertThat(billing.jdbc().queryForObject("select count(*) from payment", Long.class))
                .isEqualTo(payments);
        assertThat(billing.jdbc().queryForObject("select count(*) from allocation", Long.class))
                .isEqualTo(allocations);
        assertThat(account(16).path("balance").decimalValue()).isZero();
        assertThat(billing.jdbc()
                        .queryForObject(
                                "select count(*) from payment where remittance_text = 'Spende Sommerfest'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aStatementInVersion08IsImportedLikeOneInVersion02() {
        invoice(20, "RE-2026-000220", "2026-05-29", "2026-06-12", "42.00");

        // as some online banking exports it: with a byte order mark
        var withMark = finance()
                .post(
                        "/api/bank-statements",
                        "application/xml",
                        "\uFEFF" + CamtStatementsTest.resource("bank-2026-06-13.camt053.001.08.xml"));
        assertThat(withMark.status()).as(withMark.toString()).isEqualTo(200);
        var first = withMark.json();
        var again = importStatement("bank-2026-06-13.camt053.001.08.xml");

        assertThat(first.path("format").asText()).isEqualTo("camt.053.001.08");
        assertThat(first.at("/entries/0/status").asText()).isEqualTo("MATCHED");
        assertThat(first.at("/entries/0/transactions/0/documentNumbers/0").asText())
                .isEqualTo("RE-2026-000220");
        assertThat(again.at("/entries/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(open("RE-2026-000220")).isZero();
    }

    @Test
    void aPaymentEnteredTwiceUnderItsBankReferenceIsBookedOnce() {
        invoice(11, "RE-2026-000111", "2026-06-01", "2026-06-15", "10.00");
        var json = "{\"amount\":10,\"bookedOn\":\"2026-06-15\",\"referenceText\":\"RE-2026-000111\","
                + "\"bankReference\":\"ONLINE-2026-06-15-77\"}";

        var first = enter(json, 201);
        var second = enter(json, 200);

        assertThat(second.path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(open("RE-2026-000111")).isZero();
        assertThat(billing.jdbc()
                        .queryForObject(
                                "select count(*) from allocation a join open_item i on i.id = a.open_item_id"
                                        + " where i.document_number = 'RE-2026-000111'",
                                Long.class))
                .isEqualTo(1);
    }

    @Test
    void aDocumentIsAnOpenItemOnceAndItsNumberIsNeverReusedForAnother() {
        var invoice = NewOpenItem.invoice(
                11, "RE-2026-000112", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15), new BigDecimal("12.34"));

        var first = items.add(invoice);
        var again = items.add(invoice);

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> items.add(NewOpenItem.invoice(
                        12,
                        "RE-2026-000112",
                        LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 6, 15),
                        new BigDecimal("12.34"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NewOpenItem.invoice(
                        11, "RE-X", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15), new BigDecimal("1.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatementListsDocumentsAndPaymentsWithTheRunningBalance() {
        invoice(1, "RE-2026-000001", "2026-05-02", "2026-05-16", "100.00");
        items.add(NewOpenItem.capitalCall(
                1, "KA-2026-000001", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 6, 9), new BigDecimal("500")));
        items.add(NewOpenItem.creditNote(
                1, "GS-2026-000001", LocalDate.of(2026, 5, 20), new BigDecimal("20.00"), "RE-2026-000001"));
        enter(
                "{\"amount\":80,\"bookedOn\":\"2026-06-01\",\"referenceText\":\"RE-2026-000001 abzgl. Gutschrift\"}",
                201);

        var account = account(1);

        assertThat(account.path("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(account.path("memberName").asText()).isEqualTo("Gemeinde 1");
        var lines = account.path("lines");
        assertThat(lines)
                .extracting(l -> l.path("kind").asText())
                .containsExactly("INVOICE", "CAPITAL_CALL", "CREDIT_NOTE", "PAYMENT");
        assertThat(lines)
                .extracting(l -> l.path("amount").decimalValue().setScale(2).toPlainString())
                .containsExactly("100.00", "500.00", "-20.00", "-80.00");
        assertThat(lines)
                .extracting(l -> l.path("balance").decimalValue().setScale(2).toPlainString())
                .containsExactly("100.00", "600.00", "580.00", "500.00");
        assertThat(lines.get(3).path("documents").get(0).asText()).isEqualTo("RE-2026-000001");
        assertThat(account.path("balance").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(account.path("openItems"))
                .extracting(i -> i.path("documentNumber").asText())
                .containsExactly("KA-2026-000001");
    }

    @Test
    void aMemberReadsItsOwnAccountOnlyFinanceAndTheBoardAnyMembers() {
        invoice(2, "RE-2026-000002", "2026-06-01", "2026-06-15", "7.00");

        var own = billing.api(DemoLogins.MEMBER_2).get("/api/me/account");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("memberNumber").asLong()).isEqualTo(2);
        assertThat(own.json().path("balance").decimalValue()).isEqualByComparingTo("7.00");

        assertThat(billing.api(DemoLogins.MEMBER_1)
                        .get("/api/members/2/account")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_2)
                        .get("/api/members/2/account")
                        .status())
                .as("not even its own number by URL")
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.BOARD).get("/api/members/2/account").status())
                .isEqualTo(200);
        assertThat(billing.api(DemoLogins.ADMIN).get("/api/members/2/account").status())
                .isEqualTo(403);
        assertThat(billing.api().get("/api/me/account").status()).isEqualTo(401);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/me/account").status())
                .isEqualTo(403);
        assertThat(finance().get("/api/members/4242/account").status()).isEqualTo(404);
        for (var login : List.of(DemoLogins.BOARD, DemoLogins.MEMBER_1, DemoLogins.ADMIN)) {
            assertThat(billing.api(login).get("/api/payments").status()).isEqualTo(403);
            assertThat(billing.api(login)
                            .post("/api/payments", "{\"amount\":1,\"bookedOn\":\"2026-06-15\"}")
                            .status())
                    .isEqualTo(403);
            assertThat(billing.api(login)
                            .post("/api/bank-statements", "application/xml", "<Document/>")
                            .status())
                    .isEqualTo(403);
        }
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                Arguments.of("{\"bookedOn\":\"2026-06-15\"}", "amount", "required"),
                Arguments.of("{\"amount\":1.005,\"bookedOn\":\"2026-06-15\"}", "amount", "digits"),
                Arguments.of("{\"amount\":-3,\"bookedOn\":\"2026-06-15\"}", "amount", "positive"),
                Arguments.of("{\"amount\":3}", "bookedOn", "required"),
                Arguments.of("{\"amount\":3,\"bookedOn\":\"2026-06-16\"}", "bookedOn", "not-in-future"),
                Arguments.of(
                        "{\"amount\":3,\"bookedOn\":\"2026-06-15\",\"debtorIban\":\"DE13500105170648489890\"}",
                        "debtorIban",
                        "iban-check-digits"),
                Arguments.of("{\"amount\":3,\"bookedOn\":\"15.06.2026\"}", "bookedOn", "type"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badPayments")
    void aBadPaymentIsRefusedNamingTheFieldAndTheRule(String json, String field, String rule) {
        var response = finance().post("/api/payments", json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.json().at("/errors/0/rule").asText()).isEqualTo(rule);
    }

    @Test
    void whatIsNoStatementIsRefused() {
        var notCamt = finance().post("/api/bank-statements", "application/xml", "<Document><x/></Document>");
        var json = finance().post("/api/bank-statements", "{\"entries\":[]}");

        assertThat(notCamt.status()).as(notCamt.toString()).isEqualTo(400);
        assertThat(notCamt.json().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(notCamt.json().at("/errors/0/rule").asText()).isEqualTo("camt.053");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(json.json().path("type").asText()).isEqualTo("urn:allmende:problem:unsupported-media-type");
        assertThat(rule("/api/payments", "{\"memberNumber\":4242,\"amount\":3,\"bookedOn\":\"2026-06-15\"}"))
                .isEqualTo("member-unknown");
    }

    @Test
    void financeAssignsAPaymentByAmountsAtMostWhatEachItemOwesAndWhatIsLeftOfIt() {
        invoice(17, "RE-2026-000171", "2026-05-10", "2026-05-24", "50.00");
        invoice(17, "RE-2026-000172", "2026-06-01", "2026-06-15", "70.00");
        var payment = enter(
                "{\"memberNumber\":17,\"amount\":90,\"bookedOn\":\"2026-06-14\",\"referenceText\":\"Teilzahlung\"}",
                201);
        assertThat(payment.path("memberNumber").isNull()).as("no item of 90.00").isTrue();
        var path = "/api/payments/" + payment.path("id").asLong() + "/assignment";

        var tooMuch = finance()
                .post(
                        path,
                        """
                        {"memberNumber":17,"parts":[{"documentNumber":"RE-2026-000172","amount":70.01},
                                                    {"documentNumber":"RE-2026-000171","amount":50.50}]}
                        """);
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
        assertThat(tooMuch.json().at("/errors/0/field").asText()).isEqualTo("assignments[0].amount");
        assertThat(tooMuch.json().at("/errors/0/rule").asText()).isEqualTo("exceeds-open-amount");
        assertThat(tooMuch.json().at("/errors/1/field").asText()).isEqualTo("assignments[1].amount");
        var beyondThePayment = finance()
                .post(
                        path,
                        """
                        {"memberNumber":17,"parts":[{"documentNumber":"RE-2026-000172","amount":70.00},
                                                    {"documentNumber":"RE-2026-000171","amount":20.01}]}
                        """);
        assertThat(beyondThePayment.status()).as(beyondThePayment.toString()).isEqualTo(400);
        assertThat(beyondThePayment.json().at("/errors/0/field").asText()).isEqualTo("assignments");
        assertThat(beyondThePayment.json().at("/errors/0/rule").asText()).isEqualTo("exceeds-payment-rest");
        assertThat(open("RE-2026-000172")).as("nothing booked").isEqualByComparingTo("70.00");

        var assigned = finance()
                .post(path, "{\"memberNumber\":17,\"parts\":[{\"documentNumber\":\"RE-2026-000172\",\"amount\":60}]}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("matchedBy").asText()).isEqualTo("ASSIGNED");
        // 60.00 where finance put it, the 30.00 left to the oldest item
        assertThat(documents(assigned.json())).containsExactly("RE-2026-000172", "RE-2026-000171");
        assertThat(open("RE-2026-000172")).isEqualByComparingTo("10.00");
        assertThat(open("RE-2026-000171")).isEqualByComparingTo("20.00");
        assertThat(rule(path, "{\"memberNumber\":17,\"parts\":[{\"documentNumber\":\"RE-2026-000172\",\"amount\":1}]}"))
                .isEqualTo("payment-fully-assigned");
    }
}
