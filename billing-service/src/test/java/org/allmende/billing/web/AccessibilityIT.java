package org.allmende.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Map;
import org.allmende.devinfra.Browser;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.PageAudit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page of billing — the member portal and finance's workspace — in German and English, on a desktop and a
 * phone, audited with axe-core against WCAG 2.1 AA (ADR 0031), with a form's error state where a page has one.
 * March is invoiced before; each language drafts and issues a month of its own in the browser.
 */
class AccessibilityIT {

    private static PrintingCooperative cooperative;
    private static String marchInvoiceOfMember1;

    @BeforeAll
    static void start() {
        cooperative = PrintingCooperative.start();
        var finance = cooperative.billing().api(DemoLogins.FINANCE);
        var run = finance.post("/api/invoice-runs", Map.of("period", "2026-03"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        var issued =
                finance.post("/api/invoice-runs/" + run.json().path("runId").asText() + "/issue", Map.of());
        marchInvoiceOfMember1 =
                issued.json().path("drafts").get(0).path("number").asText();
        // member 3 does not print: the print fleet's record of its pages waits for finance
        cooperative.usage().send(PrintingCooperative.pages("x1", 3, "40", LocalDate.of(2026, 3, 5)));
        await().atMost(PrintingCooperative.PATIENCE)
                .until(() ->
                        cooperative.billing().jdbc().queryForObject("select count(*) from rejected_usage", Long.class)
                                == 1);
        await().atMost(PrintingCooperative.PATIENCE)
                .until(() ->
                        finance.get("/api/documents?member=1").json().toString().contains(marchInvoiceOfMember1));
    }

    @AfterAll
    static void stop() {
        cooperative.close();
    }

    private static Browser open(String language) {
        return Browser.open(cooperative.billing().baseUrl(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void theMemberPortalMeetsWcag21AA(String language) {
        var audit = new PageAudit();
        try (var member = open(language)) {
            audit.check(member.get("/login"));
            member.type("username", "nobody").type("password", "wrong").click("#login-submit");
            member.awaitPath("/login?error");
            audit.check(member);
            member.logIn(DemoLogins.MEMBER_1).element("#logout");
            audit.check(member.get("/me"));
            member.get("/me/usage?from=2026-01&to=2026-06").element("svg.chart");
            audit.check(member);
            audit.check(member.get("/me/usage/2026-03"));
            member.get("/me/invoices").element("#documents");
            audit.check(member);
            member.get("/me/invoices/" + marchInvoiceOfMember1).element("#document-number");
            audit.check(member);
            audit.check(member.get("/me/contributions"));
            audit.check(member.get("/me/contributions?period=2026-04"));
            audit.check(member.get("/me/shares"));
            audit.check(member.get("/me/invoices/no-such-invoice"));
        }
        audit.assertNoViolations();
    }

    @ParameterizedTest
    @CsvSource({"de, 2026-04", "en, 2026-05"})
    void financesWorkspaceMeetsWcag21AA(String language, String month) {
        var audit = new PageAudit();
        try (var finance = open(language)) {
            finance.get("/finance/runs").logIn(DemoLogins.FINANCE).element("#start-run");
            audit.check(finance);
            finance.type("period", "2026-13").click("#start-run").element("#period-error");
            audit.check(finance);
            finance.type("period", month).click("#start-run").element("#issue-run");
            audit.check(finance);
            finance.click("#issue-run").element("#issue-result");
            audit.check(finance);
            finance.get("/finance/documents").element("#documents");
            audit.check(finance);
            audit.check(finance.get("/members"));
            audit.check(finance.get("/finance/payments?member=1"));
            audit.check(finance.get("/finance/tariffs"));
            // past the browser's own check of the required fields: the page's answer to an empty form
            finance.script("document.getElementById('new-plan').submit()");
            finance.element("#error-summary");
            audit.check(finance);
            finance.get("/finance/rejected-usage").element("#rejected");
            audit.check(finance);
            audit.check(finance.get("/finance/no-such-page"));
        }
        audit.assertNoViolations();
    }
}
