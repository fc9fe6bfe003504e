package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
        var started = postForm(finance, "/finance/runs", "/finance/runs", Map.of("period", "2026-03"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        var location = started.headers().firstValue("Location").orElseThrow();
        var run = RUN.matcher(location);
        assertThat(run.find()).as(location).isTrue();
        return "/finance/runs/" + run.group(1);
    }

    /** The number of the member's April invoice, as finance's API lists it. */
    private static String aprilInvoiceOf(long member) {
        for (var document : billing.api(DemoLogins.FINANCE)
                .get("/api/documents?member=" + member)
                .json()) {
            if (document.path("periodTo").asText().equals("2026-04-30")) {
                return document.path("number").asText();
            }
        }
        throw new AssertionError("no April invoice of member " + member);
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
        var board = logIn(DemoLogins.BOARD);
        assertThat(board.get("/finance/documents").statusCode()).isEqualTo(200);
        assertThat(board.get("/finance/runs").statusCode()).isEqualTo(403);
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

    @Test
    @Order(8)
    void financePublishesAPricePlanAndSeesEachBrokenRuleAtItsField() {
        var finance = logIn(DemoLogins.FINANCE);
        var page = finance.get("/finance/tariffs?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("PRINT-PAGES", "PER_UNIT", "<label for=\"model\"");

        var wrong = postForm(
                finance,
                "/finance/tariffs",
                "/finance/tariffs",
                Map.of("serviceCode", "", "effectiveFrom", "2026-07-01", "model", "{\"type\":"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"serviceCode-error\"", "id=\"model-error\"", "Das ist kein Preismodell in JSON.")
                .doesNotContain("id=\"effectiveFrom-error\"");

        var notInCatalog = postForm(
                finance,
                "/finance/tariffs",
                "/finance/tariffs",
                Map.of(
                        "serviceCode",
                        "NO-SUCH",
                        "effectiveFrom",
                        "2026-07-01",
                        "model",
                        "{\"type\":\"PER_UNIT\",\"unitPrice\":1}"));
        assertThat(notInCatalog.statusCode()).isEqualTo(400);
        assertThat(notInCatalog.body()).contains("id=\"serviceCode-error\"", "Der Katalog bietet");

        var published = postForm(
                finance,
                "/finance/tariffs",
                "/finance/tariffs",
                Map.of(
                        "serviceCode",
                        "DC-HOSTING",
                        "effectiveFrom",
                        "2026-07-01",
                        "model",
                        "{\"type\":\"PER_UNIT\",\"unitPrice\":0.10}"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(finance.get("/finance/tariffs").body()).contains("id=\"published\"", "DC-HOSTING", "01.07.2026");
        assertThat(finance.post("/finance/tariffs", Map.of("serviceCode", "DC-HOSTING"), Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(9)
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
}
