package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Finance's invoice-run pages and the member portal over HTTP, as a browser sends them (session cookie, CSRF field):
 * the real service on PostgreSQL and Kafka. Members 1 and 2 print, member 3 hosts in the data center, which has no
 * price: the run drafts 1 and 2 and names 3 with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingPagesIT {

    private static final Duration PATIENCE = PrintingCooperative.PATIENCE;
    private static final Pattern RUN = Pattern.compile("/finance/runs/([0-9a-f-]{36})$");

    private static PrintingCooperative cooperative;
    private static RunningBillingService billing;

    @BeforeAll
    static void start() {
        cooperative = PrintingCooperative.start();
        billing = cooperative.billing();
    }

    @AfterAll
    static void stop() {
        cooperative.close();
    }

    private static PageSession logIn(DemoLogins.Login login) {
        var session = new PageSession(billing.baseUrl());
        assertThat(session.logIn(login).statusCode()).isEqualTo(302);
        return session;
    }

    private static HttpResponse<String> postForm(
            PageSession session, String page, String action, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        fields.put("_csrf", PageSession.csrfToken(session.get(page)));
        return session.post(action, fields, Map.of());
    }

    /** Finance drafts March; returns the run's path. */
    private static String draftMarch(PageSession finance) {
        return draft(finance, "2026-03");
    }

    /** Finance drafts a period; returns the run's path. */
    private static String draft(PageSession finance, String period) {
        var started = postForm(finance, "/finance/runs", "/finance/runs", Map.of("period", period));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        var location = started.headers().firstValue("Location").orElseThrow();
        var run = RUN.matcher(location);
        assertThat(run.find()).as(location).isTrue();
        return "/finance/runs/" + run.group(1);
    }

    /** The number of the member's April invoice, as finance's API lists it. */
    private static String aprilInvoiceOf(long member) {
        return invoiceOf(member, "2026-04-30");
    }

    /** The number of the member's invoice of the period ending on {@code periodTo}, as finance's API lists it. */
    private static String invoiceOf(long member, String periodTo) {
        for (var document : billing.api(DemoLogins.FINANCE)
                .get("/api/documents?member=" + member)
                .json()) {
            if (document.path("periodTo").asText().equals(periodTo)) {
                return document.path("number").asText();
            }
        }
        throw new AssertionError("no invoice of member " + member + " to " + periodTo);
    }

    @Test
    @Order(1)
    void financeDraftsAReviewsItsTotalsAndSkippedMembersAndIssuesTheInvoices() {
        var finance = logIn(DemoLogins.FINANCE);
        var form = finance.get("/finance/runs?lang=de");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Rechnungslauf starten", "<label for=\"period\"");

        var run = draftMarch(finance);
        var review = finance.get(run + "?lang=en");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        // member 1: a month of the yearly fee (100.00) and 1,500 pages at 0.05 (75.00), 19 % VAT on both
        assertThat(review.body())
                .contains("Invoice run 2026-03", "id=\"draft-1\"", "id=\"draft-2\"", "Gemeinde 1", "208.25")
                .contains("id=\"skipped-3\"", "DC-HOSTING")
                .doesNotContain("id=\"draft-3\"");

        var issued = postForm(finance, run, run + "/issue", Map.of());
        assertThat(issued.statusCode()).isEqualTo(302);
        var after = finance.get(
                issued.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("id=\"issue-result\"", "2 issued").doesNotContain("id=\"issue-run\"");

        await().atMost(PATIENCE)
                .until(() -> finance.get("/finance/documents?member=1").body().contains("Gemeinde 1"));
        var documents = finance.get("/finance/documents");
        assertThat(documents.headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store");
        assertThat(documents.body()).contains("Gemeinde 1", "Gemeinde 2", "208.25");
    }

    @Test
    @Order(2)
    void aWrongPeriodIsShownAtItsFieldAndAPostWithoutTokenIsRefused() {
        var finance = logIn(DemoLogins.FINANCE);
        var wrong = postForm(finance, "/finance/runs?lang=de", "/finance/runs", Map.of("period", "2026-13"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"period-error\"", "aria-invalid=\"true\"", "Bitte einen Monat (2026-03)");

        var forged = finance.post("/finance/runs", Map.of("period", "2026-03"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        var forgedIssue = finance.post("/finance/runs/00000000-0000-0000-0000-000000000000/issue", Map.of(), Map.of());
        assertThat(forgedIssue.statusCode()).isEqualTo(403);
        assertThat(postForm(
                                finance,
                                "/finance/runs",
                                "/finance/runs/00000000-0000-0000-0000-000000000000/issue",
                                Map.of())
                        .statusCode())
                .as("an unknown run")
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void onlyFinanceRunsTheBoardLooksAndAMemberSeesNeither() {
        var finance = logIn(DemoLogins.FINANCE);
        var may = draft(finance, "2026-05").replace("/finance/runs/", "");
        // a May run, drafted and not issued: finance could issue it, the board only reads it
        assertThat(finance.get("/finance/runs/" + may).body()).contains("id=\"issue-run\"");

        var board = logIn(DemoLogins.BOARD);
        assertThat(board.get("/finance/documents").statusCode()).isEqualTo(200);
        var runs = board.get("/finance/runs?lang=en");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body())
                .contains("id=\"runs\"", "id=\"run-" + may + "\"", "01.05.2026 – 31.05.2026", "Contributions")
                .contains("href=\"/finance/runs/" + may + "\"", "href=\"/finance/runs\"")
                .doesNotContain("id=\"start-run\"", "id=\"start-run-form\"", "name=\"period\"");
        var review = board.get("/finance/runs/" + may);
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("id=\"run-totals\"").doesNotContain("id=\"issue-run\"");
        assertThat(finance.get("/finance/runs").body()).contains("id=\"start-run\"", "id=\"run-" + may + "\"");
        assertThat(postForm(board, "/finance/runs", "/finance/runs", Map.of("period", "2026-05"))
                        .statusCode())
                .isEqualTo(403);

        var member = logIn(DemoLogins.MEMBER_1);
        assertThat(member.get("/finance/documents").statusCode()).isEqualTo(403);
        assertThat(member.get("/finance/runs").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void aMemberSeesItsUsageByMonthAndDayExportsItAndSeesOnlyItsOwnInvoices() {
        var member = logIn(DemoLogins.MEMBER_1);

        var months = member.get("/me/usage?from=2026-01&to=2026-06&lang=de");
        assertThat(months.statusCode()).isEqualTo(200);
        assertThat(months.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(months.body())
                .contains(
                        "Unsere Nutzung",
                        "<svg",
                        "role=\"group\"",
                        "aria-label=\"Nutzung von",
                        "href=\"/me/usage/2026-03\"",
                        "1.500")
                .doesNotContain("style=");
        var days = member.get("/me/usage/2026-03?lang=en");
        assertThat(days.body()).contains("Usage in 03/2026", "10.03.2026", "1,000");
        var csv = member.get("/me/usage/export?from=2026-03&to=2026-03");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("1,PRINT-PAGES").doesNotContain("\n2,");
        assertThat(member.get("/me/usage?from=2026-13").statusCode()).isEqualTo(400);

        var preview = member.get("/me/contributions?period=2026-03");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"contributions-gross\"", "208.25");

        // finance issued March first (the order below)
        await().atMost(PATIENCE).until(() -> member.get("/me/invoices").body().contains("id=\"document-"));
        var mine = member.get("/me/invoices");
        var own = Pattern.compile("href=\"/me/invoices/([^\"/]+)\"").matcher(mine.body());
        assertThat(own.find()).isTrue();
        var ownNumber = own.group(1);
        assertThat(member.get("/me/invoices/" + ownNumber).body()).contains("Gemeinde 1", "208.25");

        var other = logIn(DemoLogins.MEMBER_2);
        await().atMost(PATIENCE).until(() -> other.get("/me/invoices").body().contains("id=\"document-"));
        var theirs = Pattern.compile("href=\"/me/invoices/([^\"/]+)\"")
                .matcher(other.get("/me/invoices").body());
        assertThat(theirs.find()).isTrue();
        var refused = member.get("/me/invoices/" + theirs.group(1));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Gemeinde 2", theirs.group(1) + "</span>");
    }

    @Test
    @Order(5)
    void inChromiumFinanceDraftsAprilSeesTheDifferenceToMarchIssuesItAndFindsTheInvoices() {
        try (var browser = Browser.open(billing.baseUrl(), "de")) {
            browser.get("/finance/runs").logIn(DemoLogins.FINANCE).element("#start-run");
            browser.type("period", "2026-04").click("#start-run");
            // April has no pages: the fee alone (119.00 gross) against March's 208.25
            assertThat(browser.text("#draft-1")).contains("Gemeinde 1", "119,00", "208,25", "-89,25");
            assertThat(browser.text("#skipped-3")).contains("DC-HOSTING");
            browser.click("#issue-run").waitForText("#issue-result", "2 ausgestellt");
            browser.click("#to-documents").awaitPath("/finance/documents");
            browser.reloadUntil("#documents", "30.04.2026");
            var april = aprilInvoiceOf(1);
            var xrechnung = browser.fetch(browser.element("#ubl-" + april).getAttribute("href"));
            assertThat(xrechnung.statusCode()).isEqualTo(200);
            assertThat(xrechnung.headers().firstValue("Content-Type").orElseThrow())
                    .contains("xml");
            assertThat(xrechnung.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("no-store");
            assertThat(new String(xrechnung.body(), StandardCharsets.UTF_8))
                    .startsWith("<?xml")
                    .contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", ">" + april + "<")
                    .contains("xrechnung_3.0", "Gemeinde 1");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("finance-invoice-run");
        }
    }

    @Test
    @Order(6)
    void inChromiumAMemberSeesItsUsageChartAndInvoicesButNotAnotherMembersInvoice() {
        var theirs = billing.api(DemoLogins.FINANCE)
                .get("/api/documents?member=2")
                .json()
                .get(0)
                .path("number")
                .asText();
        try (var browser = Browser.open(billing.baseUrl(), "en")) {
            browser.get("/me/usage").logIn(DemoLogins.MEMBER_1).element("#logout");
            browser.get("/me/usage?from=2026-01&to=2026-06");
            assertThat(browser.element("#usage-PRINT-PAGES svg.chart").isDisplayed())
                    .isTrue();
            browser.click("#usage-PRINT-PAGES svg a[href='/me/usage/2026-03'] rect")
                    .awaitPath("/me/usage/2026-03");
            assertThat(browser.text("h1")).isEqualTo("Usage in 03/2026");

            browser.get("/me/invoices");
            assertThat(browser.text("#documents")).contains("31.03.2026", "30.04.2026", "208.25");

            var pdf = browser.fetch(browser.element("#pdf-" + aprilInvoiceOf(1)).getAttribute("href"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(browser.fetch("/me/invoices/" + theirs + "/ubl").statusCode())
                    .isEqualTo(404);

            browser.get("/me/invoices/" + theirs);
            assertThat(browser.text("main")).contains("There is no such page").doesNotContain("Gemeinde 2");
            assertThat(browser.has("#document-number")).isFalse();
            browser.screenshot("member-portal");
        }
    }

    @Test
    @Order(7)
    void financeRunsDunningAndDirectDebitsFromThePaymentsPageAndAWrongStatementIsShownAtItsField() {
        var finance = logIn(DemoLogins.FINANCE);
        var page = finance.get("/finance/payments?member=1&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body()).contains("id=\"open-items\"", "208.25", "<label for=\"statement\"");

        assertThat(finance.post("/finance/payments/dunning", Map.of(), Map.of()).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        var dunned = postForm(finance, "/finance/payments", "/finance/payments/dunning", Map.of());
        assertThat(dunned.statusCode()).isEqualTo(302);
        assertThat(finance.get("/finance/payments").body()).contains("id=\"dunning-result\"");

        var noFile = postForm(finance, "/finance/payments", "/finance/payments/statement", Map.of());
        assertThat(noFile.statusCode()).isEqualTo(302);
        assertThat(finance.get("/finance/payments").body())
                .contains("id=\"statement-error\"", "the statement is empty", "aria-invalid=\"true\"");

        var directDebit = postForm(
                finance,
                "/finance/payments",
                "/finance/payments/direct-debits",
                Map.of("collectionDate", "2026-05-02"));
        assertThat(directDebit.statusCode()).isEqualTo(302);
        var after = finance.get("/finance/payments").body();
        assertThat(after.contains("id=\"direct-debit-result\"") || after.contains("id=\"collectionDate-error\""))
                .as(after)
                .isTrue();
        assertThat(logIn(DemoLogins.BOARD).get("/finance/payments").statusCode())
                .isEqualTo(403);
    }

    /** A tariff form as sent: the fields given, in pairs. */
    private static Map<String, String> plan(String... fields) {
        var form = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    @Test
    @Order(8)
    void theTariffFormShowsExactlyTheFieldsOfEachPriceModelAlsoWithoutScript() {
        var finance = logIn(DemoLogins.FINANCE);
        var page = finance.get("/finance/tariffs?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("PRINT-PAGES", "Je Einheit", "id=\"model-fields\"", "<label for=\"unitPrice\"")
                .contains("hx-post=\"/finance/tariffs\"", "id=\"show-fields\"", "<select id=\"vatRegime\"")
                .contains("§ 4 Nr. 29 UStG", "Waren, 19 % USt.")
                .doesNotContain("id=\"tiers-0-upTo\"", "<textarea");

        var fieldsOf = new LinkedHashMap<String, List<String>>();
        fieldsOf.put("FLAT_FEE", List.of("amount", "per"));
        fieldsOf.put("PER_SEAT", List.of("pricePerSeat", "per"));
        fieldsOf.put("PER_UNIT", List.of("unitPrice"));
        var tiers = List.of("tiers-0-upTo", "tiers-0-unitPrice", "tiers-1-upTo", "tiers-1-unitPrice", "add-tiers");
        fieldsOf.put("GRADUATED_TIERS", tiers);
        fieldsOf.put("VOLUME_TIERS", tiers);
        fieldsOf.put("PACKAGE", List.of("blockSize", "blockPrice"));
        fieldsOf.put("MINIMUM_CHARGE", List.of("minimum", "per", "inner-type", "inner-unitPrice"));
        fieldsOf.put(
                "MEMBERSHIP_FEE",
                List.of("byInhabitants-0-from", "byInhabitants-0-fee", "byStaff-1-fee", "per", "referenceDay-day"));
        var every = fieldsOf.values().stream().flatMap(List::stream).distinct().toList();
        fieldsOf.forEach((type, fields) -> {
            var shown = postPlan(finance, plan("serviceCode", "DC-HOSTING", "type", type, "action", "fields"));
            assertThat(shown.statusCode()).as(type).isEqualTo(200);
            for (var field : every) {
                var id = "id=\"" + field + "\"";
                if (fields.contains(field)) {
                    assertThat(shown.body()).as(type).contains(id);
                } else {
                    assertThat(shown.body()).as(type).doesNotContain(id);
                }
            }
            assertThat(shown.body()).as(type).contains("value=\"DC-HOSTING\"").doesNotContain("field-error");
        });
        var minimumOfTiers =
                postPlan(finance, plan("type", "MINIMUM_CHARGE", "inner.type", "VOLUME_TIERS", "action", "fields"));
        assertThat(minimumOfTiers.body())
                .contains("id=\"inner-tiers-0-upTo\"")
                .doesNotContain("id=\"inner-unitPrice\"");

        var oneMore = postPlan(
                finance,
                plan("type", "GRADUATED_TIERS", "tiers[0].upTo", "1000", "tiers[1].upTo", "", "action", "add:tiers"));
        assertThat(oneMore.statusCode()).isEqualTo(200);
        assertThat(oneMore.body())
                .contains("id=\"tiers-2-upTo\"", "value=\"1000\"")
                .doesNotContain("id=\"tiers-3-upTo\"");
    }

    /** Finance sends the tariff form. */
    private static HttpResponse<String> postPlan(PageSession finance, Map<String, String> form) {
        return postForm(finance, "/finance/tariffs", "/finance/tariffs", form);
    }

    /** A plan of DC-HOSTING from 1 July, taxed, with the model's fields given. */
    private static Map<String, String> dcHostingFromJuly(String... model) {
        var form = plan("serviceCode", "DC-HOSTING", "effectiveFrom", "2026-07-01", "vatRegime", "STANDARD");
        form.putAll(plan(model));
        return form;
    }

    @Test
    @Order(9)
    void financePublishesAPricePlanAndSeesEachBrokenRuleAtItsField() {
        var finance = logIn(DemoLogins.FINANCE);
        finance.get("/finance/tariffs?lang=de");
        var wrong = postPlan(
                finance,
                plan(
                        "serviceCode", "",
                        "effectiveFrom", "2026-07-01",
                        "vatRegime", "STANDARD",
                        "type", "GRADUATED_TIERS",
                        "tiers[0].upTo", "1000",
                        "tiers[0].unitPrice", "0,05",
                        "tiers[1].upTo", "",
                        "tiers[1].unitPrice", "vier Cent"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"serviceCode-error\"", "Bitte ausfüllen.")
                .contains("id=\"tiers-1-unitPrice-error\"", "Bitte eine Zahl angeben, z. B. 0,05.")
                .contains("value=\"vier Cent\"", "aria-invalid=\"true\"", "id=\"error-summary\"")
                .doesNotContain("id=\"effectiveFrom-error\"", "id=\"tiers-0-unitPrice-error\"");

        var notAscending = postPlan(
                finance,
                dcHostingFromJuly(
                        "type", "GRADUATED_TIERS",
                        "tiers[0].upTo", "1000",
                        "tiers[0].unitPrice", "0,05",
                        "tiers[1].upTo", "500",
                        "tiers[1].unitPrice", "0,04",
                        "tiers[2].upTo", "",
                        "tiers[2].unitPrice", "0,03"));
        assertThat(notAscending.statusCode()).isEqualTo(400);
        assertThat(notAscending.body())
                .contains("id=\"tiers-1-upTo-error\"", "Muss größer sein als in der Zeile davor.");

        var lastBounded = postForm(
                finance,
                "/finance/tariffs?lang=en",
                "/finance/tariffs",
                dcHostingFromJuly(
                        "type", "VOLUME_TIERS",
                        "tiers[0].upTo", "1000",
                        "tiers[0].unitPrice", "0.05",
                        "tiers[1].upTo", "2000",
                        "tiers[1].unitPrice", "0.04"));
        assertThat(lastBounded.statusCode()).isEqualTo(400);
        assertThat(lastBounded.body())
                .contains("id=\"tiers-1-upTo-error\"", "The last tier has no upper bound: leave it empty.");

        var goodsForAService = postPlan(
                finance,
                plan(
                        "serviceCode", "DC-HOSTING",
                        "effectiveFrom", "2026-07-01",
                        "vatRegime", "GOODS",
                        "type", "PER_UNIT",
                        "unitPrice", "0.10"));
        assertThat(goodsForAService.statusCode()).isEqualTo(400);
        assertThat(goodsForAService.body())
                .contains("id=\"vatRegime-error\"", "This is a service in the catalog, not goods.");

        var feeWithoutBrackets = postPlan(
                finance,
                plan(
                        "serviceCode", "MEMBERSHIP-FEE",
                        "effectiveFrom", "2027-01-01",
                        "vatRegime", "STANDARD",
                        "type", "MEMBERSHIP_FEE",
                        "per", "YEAR",
                        "referenceDay.day", "31.12.",
                        "referenceDay.yearsBefore", "1"));
        assertThat(feeWithoutBrackets.statusCode()).isEqualTo(400);
        assertThat(feeWithoutBrackets.body())
                .contains("id=\"byInhabitants-error\"", "Please give brackets by inhabitants, by staff, or both.");

        var notInCatalog = postPlan(
                finance,
                plan(
                        "serviceCode", "NO-SUCH",
                        "effectiveFrom", "2026-07-01",
                        "vatRegime", "STANDARD",
                        "type", "PER_UNIT",
                        "unitPrice", "1"));
        assertThat(notInCatalog.statusCode()).isEqualTo(400);
        assertThat(notInCatalog.body()).contains("id=\"serviceCode-error\"", "The catalog offers no such service");

        var published = postPlan(
                finance,
                plan(
                        "serviceCode", "DC-HOSTING",
                        "effectiveFrom", "2026-07-01",
                        "vatRegime", "EXEMPT_COST_SHARING",
                        "type", "PER_UNIT",
                        "unitPrice", "0.10",
                        "action", "publish"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(finance.get("/finance/tariffs").body()).contains("id=\"published\"", "DC-HOSTING", "01.07.2026");
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/tariffs?serviceCode=DC-HOSTING&on=2026-07-01")
                        .json()
                        .get(0)
                        .path("costSharingEligible")
                        .asBoolean())
                .isTrue();
        assertThat(finance.post("/finance/tariffs", plan("serviceCode", "DC-HOSTING"), Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(10)
    void financeReviewsRejectedUsageAndAnUnknownRecordIsTheNotFoundPage() {
        var finance = logIn(DemoLogins.FINANCE);
        var page = finance.get("/finance/rejected-usage?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rejected usage");
        var fields = Map.of("sendingSystem", "print-fleet", "recordId", "no-such", "reason", "test");
        assertThat(finance.post("/finance/rejected-usage/dismissal", fields, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(postForm(finance, "/finance/rejected-usage", "/finance/rejected-usage/dismissal", fields)
                        .statusCode())
                .isEqualTo(404);
    }

    private static final Pattern PAYMENT = Pattern.compile("/finance/payments\\?member=(\\d+)&payment=(\\d+)#payment$");

    /** The payment member 2's finance recorded by hand, assigned in the next test. */
    private static String recordedPayment;

    /** The payment's id from the redirect after recording or assigning it. */
    private static String paymentIn(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        var location = redirect.headers().firstValue("Location").orElseThrow();
        var payment = PAYMENT.matcher(location);
        assertThat(payment.find()).as(location).isTrue();
        return payment.group(2);
    }

    private static Map<String, String> received(String member, String amount, String valueDate, String iban) {
        var form = new LinkedHashMap<String, String>();
        form.put("member", member);
        form.put("amount", amount);
        form.put("valueDate", valueDate);
        form.put("reference", "Abschlag Mai");
        form.put("iban", iban);
        form.put("token", "form-" + member + "-" + amount);
        return form;
    }

    @Test
    @Order(11)
    void financeRecordsAPaymentByHandAndEachWrongFieldIsShownAtItsFieldInGermanAndEnglish() {
        var finance = logIn(DemoLogins.FINANCE);
        var page = finance.get("/finance/payments?lang=de");
        assertThat(page.body()).contains("<label for=\"received-amount\"", "id=\"record-payment\"", "Zahlung erfassen");

        var wrong = postForm(
                finance,
                "/finance/payments",
                "/finance/payments/received",
                received("", "zwölf", "", "DE13500105170648489890"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"received-member-error\"", "Bitte ausfüllen.")
                .contains("id=\"received-amount-error\"", "Bitte einen Betrag in Euro angeben")
                .contains("id=\"received-valueDate-error\"")
                .contains("id=\"received-iban-error\"", "Die Prüfziffern der IBAN passen nicht")
                .contains("aria-invalid=\"true\"", "value=\"zwölf\"", "id=\"received-summary\"")
                .doesNotContain("id=\"received-reference-error\"");
        var future = postForm(
                finance, "/finance/payments", "/finance/payments/received", received("2", "50,00", "2099-01-01", ""));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("id=\"received-valueDate-error\"", "Der Tag darf nicht nach heute liegen.");
        var unknown = postForm(
                finance, "/finance/payments", "/finance/payments/received", received("99", "50,00", "2026-05-10", ""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("id=\"received-member-error\"", "Die Abrechnung kennt kein Mitglied mit dieser Nummer.");
        var zero = postForm(
                finance,
                "/finance/payments?lang=en",
                "/finance/payments/received",
                received("2", "0", "2026-05-10", ""));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("id=\"received-amount-error\"", "Please give an amount greater than 0.");
        assertThat(finance.post("/finance/payments/received", received("2", "50.00", "2026-05-10", ""), Map.of())
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);

        var form = received("2", "50.00", "2026-05-10", "");
        var id = paymentIn(postForm(finance, "/finance/payments", "/finance/payments/received", form));
        assertThat(finance.get("/finance/payments?member=2&payment=" + id).body())
                .contains("id=\"recorded-result\"", "The payment is recorded.");
        assertThat(paymentIn(postForm(finance, "/finance/payments", "/finance/payments/received", form)))
                .as("the same form sent twice")
                .isEqualTo(id);
        recordedPayment = id;
        var recorded = finance.get("/finance/payments?member=2&payment=" + id);
        assertThat(recorded.body())
                .contains("id=\"recorded-result\"", "had been recorded before")
                .contains("id=\"assign-form\"", "id=\"payment-rest\"", "50.00 EUR", "not yet booked");
    }

    @Test
    @Order(12)
    void anAssignmentMayNotExceedTheItemNorThePaymentAndTheUpdatedAccountFollows() {
        var finance = logIn(DemoLogins.FINANCE);
        var id = recordedPayment;
        var page = "/finance/payments?member=2&payment=" + id + "&lang=de";
        var march = invoiceOf(2, "2026-03-31");
        var april = invoiceOf(2, "2026-04-30");
        var paymentPage = finance.get(page);
        assertThat(paymentPage.body())
                .contains("id=\"amount-" + march + "\"", "id=\"amount-" + april + "\"", "id=\"open-" + april + "\"");

        var tooMuchForTheItem = postForm(
                finance,
                page,
                "/finance/payments/" + id + "/assignment",
                Map.of("member", "2", "amount." + april, "1000,00"));
        assertThat(tooMuchForTheItem.statusCode()).isEqualTo(400);
        assertThat(tooMuchForTheItem.body())
                .contains("id=\"amount-" + april + "-error\"", "Mehr als der offene Betrag dieses Postens.")
                .contains("value=\"1000,00\"", "id=\"assign-summary\"")
                .doesNotContain("id=\"assignments-error\"");

        var tooMuchForThePayment = postForm(
                finance,
                page,
                "/finance/payments/" + id + "/assignment",
                Map.of("member", "2", "amount." + march, "30,00", "amount." + april, "20,01"));
        assertThat(tooMuchForThePayment.statusCode()).isEqualTo(400);
        assertThat(tooMuchForThePayment.body())
                .contains("id=\"assignments-error\"", "Zusammen mehr, als von der Zahlung übrig ist.")
                .doesNotContain("id=\"amount-" + april + "-error\"");

        var noAmount = postForm(
                finance,
                "/finance/payments?lang=en",
                "/finance/payments/" + id + "/assignment",
                Map.of("member", "2", "amount." + april, "thirty"));
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.body())
                .contains("id=\"amount-" + april + "-error\"", "Please give an amount in euros, e.g. 119.00.");
        assertThat(finance.get("/finance/payments?member=2&payment=" + id).body())
                .as("nothing was booked")
                .contains("not yet booked");

        assertThat(finance.post(
                                "/finance/payments/" + id + "/assignment",
                                Map.of("member", "2", "amount." + april, "30.00"),
                                Map.of())
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(paymentIn(postForm(
                        finance,
                        page,
                        "/finance/payments/" + id + "/assignment",
                        Map.of("member", "2", "amount." + april, "30,00"))))
                .isEqualTo(id);
        var after = finance.get("/finance/payments?member=2&payment=" + id + "&lang=en")
                .body();
        // 30.00 to April as typed; what was left (20.00) paid the oldest item, March
        assertThat(after)
                .contains("id=\"assigned-result\"", "id=\"payment-allocations\"")
                .contains("paid 30.00 EUR of " + april, "paid 20.00 EUR of " + march)
                .contains("id=\"account-lines\"", "Payment", "id=\"account-balance\"")
                .doesNotContain("id=\"assign-form\"");
        assertThat(after).containsPattern("id=\"payment-rest\">0.00 EUR");
        assertThat(after).containsPattern("(?s)id=\"item-" + april + "\".*?89.00");
        assertThat(postForm(
                                finance,
                                page,
                                "/finance/payments/" + id + "/assignment",
                                Map.of("member", "2", "amount." + april, "1,00"))
                        .body())
                .as("a payment used up")
                .contains("Von dieser Zahlung ist nichts mehr zuzuordnen.");
    }

    @Test
    @Order(13)
    void inChromiumFinanceRecordsAPaymentAndAssignsPartOfItToAnInvoice() {
        var april = aprilInvoiceOf(1);
        try (var browser = Browser.open(billing.baseUrl(), "de")) {
            browser.get("/finance/payments").logIn(DemoLogins.FINANCE).element("#record-payment");
            browser.type("received-member", "1")
                    .type("received-amount", "100,00")
                    .type("received-reference", "Rechnungen März und April");
            browser.script("document.getElementById('received-valueDate').value = '2026-05-11'");
            browser.click("#record-payment").waitForText("#recorded-result", "Die Zahlung ist erfasst.");
            assertThat(browser.text("#payment-member")).contains("noch keinem Mitglied");
            browser.type("amount-" + april, "60,00").click("#assign-payment");
            browser.waitForText("#assigned-result", "zugeordnet");
            assertThat(browser.text("#payment-allocations")).contains(april, "60,00");
            assertThat(browser.text("#payment-rest")).isEqualTo("0,00 EUR");
            assertThat(browser.text("#item-" + april)).contains("59,00");
            assertThat(browser.text("#account-lines")).contains("Zahlung", "Rechnung");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("finance-payment-assigned");
        }
    }

    @Test
    @Order(14)
    void inChromiumFinanceAddsAGraduatedTariffRowByRowAndTheFieldsFollowTheModel() {
        try (var browser = Browser.open(billing.baseUrl(), "en")) {
            browser.get("/finance/tariffs").logIn(DemoLogins.FINANCE).element("#publish-plan");
            assertThat(browser.has("#unitPrice")).isTrue();
            browser.type("serviceCode", "PRINT-PAGES");
            browser.script("document.getElementById('effectiveFrom').value = '2026-09-01'");
            // htmx swaps the model's fields in place: the page stays, the tiers come
            browser.script("window.samePage = true");
            browser.select("type", "GRADUATED_TIERS").element("#tiers-1-unitPrice");
            assertThat(browser.script("return window.samePage === true")).isEqualTo(true);
            assertThat(browser.has("#unitPrice")).isFalse();
            browser.type("tiers-0-upTo", "1000").type("tiers-0-unitPrice", "0.05");
            browser.click("#add-tiers").element("#tiers-2-unitPrice");
            assertThat(browser.script("return window.samePage === true")).isEqualTo(true);
            assertThat(browser.element("#tiers-0-upTo").getAttribute("value")).isEqualTo("1000");
            browser.type("tiers-1-upTo", "5000").type("tiers-1-unitPrice", "0.04");
            browser.type("tiers-2-unitPrice", "0.03").select("vatRegime", "EXEMPT_COST_SHARING");
            browser.click("#publish-plan").waitForText("#published", "PRINT-PAGES");
            assertThat(browser.text("#plans")).contains("Graduated tiers", "01.09.2026");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("finance-tariff-graduated");
        }
        var plan = billing.api(DemoLogins.FINANCE)
                .get("/api/tariffs?serviceCode=PRINT-PAGES&on=2026-09-01")
                .json()
                .get(0);
        assertThat(plan.path("costSharingEligible").asBoolean()).isTrue();
        assertThat(plan.path("model").path("type").asText()).isEqualTo("GRADUATED_TIERS");
        assertThat(plan.path("model").path("tiers")).hasSize(3);
        assertThat(plan.path("model").path("tiers").get(2).path("upTo").isNull())
                .as("and above")
                .isTrue();
    }
}
