package org.allmende.billing.run;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.billing.document.DocumentLine;
import org.allmende.billing.document.DocumentType;
import org.allmende.billing.document.Drafts;
import org.allmende.billing.document.LineKind;
import org.allmende.billing.document.RunKind;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.billing.VatRegime;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance runs the contributions of a period: billing drafts every member's lines from its facts and the tariffs,
 * shows the totals beside the previous period's, and issues them as numbered invoices.
 */
class InvoiceRunIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;

    private static UsageRecorded pages(String id, long member, String quantity, LocalDate day) {
        return new UsageRecorded(
                "print-fleet", id, member, "PRINT-PAGES", new BigDecimal(quantity), "PAGE", day, day, null);
    }

    private static void publish(String json) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static JsonNode run(String period) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs", Map.of("period", period));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode member(JsonNode review, long number) {
        for (var member : review.path("members")) {
            if (member.path("memberNumber").asLong() == number) {
                return member;
            }
        }
        throw new AssertionError("member " + number + " not in " + review);
    }

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 2);
        // one member per chunk: every run crosses chunk boundaries (ADR 0023)
        billing = RunningBillingService.start(
                SharedInfrastructure.unique("billing"),
                membership.topic(),
                usage.topic(),
                Map.of("allmende.invoicing.draft-chunk-size", "1"));
        var facts = List.of(
                admitted(1),
                admitted(2),
                defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, NEW_YEAR),
                defined("DC-HOSTING", ServiceUnit.GB_MONTH, ServiceKind.SERVICE, NEW_YEAR),
                subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)),
                subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)),
                subscribed(2, "DC-HOSTING", 1, LocalDate.of(2026, 3, 1)));
        facts.forEach(membership::send);
        usage.sendUsage(List.of(
                pages("p1", 1, "1000", LocalDate.of(2026, 3, 10)),
                pages("p2", 1, "500", LocalDate.of(2026, 3, 20)),
                pages("p3", 1, "200", LocalDate.of(2026, 2, 14))));
        await().atMost(PATIENCE).until(() -> billing.consumed() == facts.size() + 3);
        publish(
                """
                {"serviceCode":"MEMBERSHIP-FEE","effectiveFrom":"2026-01-01",
                 "model":{"type":"MEMBERSHIP_FEE","per":"YEAR","referenceDay":{"day":"--12-31","yearsBefore":1},
                          "byInhabitants":[{"from":0,"fee":1200}],"byStaff":[{"from":0,"fee":600}]}}
                """);
        publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01",
                 "model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    @Test
    void aRunDraftsEveryMembersContributionsShowsThePreviousPeriodAndIssuesNumberedInvoices() {
        var february = run("2026-02");
        var issued = billing.api(DemoLogins.FINANCE)
                .post("/api/invoice-runs/" + february.path("runId").asText() + "/issue", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> billing.api(DemoLogins.FINANCE)
                                .get("/api/documents?member=1")
                                .json()
                                .size()
                        == 1);

        var march = run("2026-03");

        // member 1: a month of the yearly fee (1,200 / 12) and 1,500 pages at 0.05 (19 % VAT, not cost-sharing)
        var one = member(march, 1);
        var usageLine = new BigDecimal("75.00");
        assertThat(new BigDecimal(one.path("net").asText()))
                .isEqualByComparingTo(usageLine.add(new BigDecimal("100.00")));
        assertThat(one.path("previousGross").isNull()).isFalse();
        assertThat(new BigDecimal(one.path("difference").asText()))
                .isEqualByComparingTo(new BigDecimal(one.path("gross").asText())
                        .subtract(new BigDecimal(one.path("previousGross").asText())));
        // February had 200 pages: March's 1,300 more pages at 0.05 gross of 19 % VAT is the difference
        assertThat(new BigDecimal(one.path("difference").asText())).isEqualByComparingTo("77.35");
        // member 2 hosts in the data center, which has no price: no draft, but the reason
        assertThat(march.path("skipped").findValuesAsText("memberNumber")).containsExactly("2");
        assertThat(march.path("skipped").get(0).path("reason").asText()).contains("DC-HOSTING");
        assertThat(march.path("drafts").asInt()).isEqualTo(1);

        var review = billing.api(DemoLogins.BOARD)
                .get("/api/invoice-runs/" + march.path("runId").asText());
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().path("gross").asText())
                .isEqualTo(march.path("gross").asText());
        // the run is complete, and it keeps the members it left out for later reviews
        assertThat(review.json().path("status").asText()).isEqualTo("DRAFTED");
        assertThat(review.json().path("skipped").findValuesAsText("rule")).containsExactly("not-calculable");

        var issue = billing.api(DemoLogins.FINANCE)
                .post("/api/invoice-runs/" + march.path("runId").asText() + "/issue", Map.of());
        assertThat(issue.status()).as(issue.toString()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> billing.api(DemoLogins.FINANCE)
                                .get("/api/documents?member=1")
                                .json()
                                .size()
                        == 2);
        var documents =
                billing.api(DemoLogins.MEMBER_1).get("/api/me/documents").json();
        // both invoices are open items of member 1's account
        var account = billing.api(DemoLogins.MEMBER_1).get("/api/me/account").json();
        assertThat(new BigDecimal(account.path("balance").asText()))
                .isEqualByComparingTo(new BigDecimal(one.path("gross").asText())
                        .add(new BigDecimal(one.path("previousGross").asText())));
        // February's run invoiced members 1 and 2 (numbers 1, 2); March's only member 1 (number 3)
        assertThat(documents.findValuesAsText("number")).containsExactlyInAnyOrder("RE-2026-000001", "RE-2026-000003");
    }

    @Test
    void aRunWhoseDraftingBrokeOffIsShownIncompleteAndNeverIssued() {
        // what a crash after the first chunk leaves behind: the run begun, one chunk written, never completed
        var drafts = billing.bean(Drafts.class);
        var runId = drafts.beginRun(RunKind.CONTRIBUTIONS, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        var run = drafts.run(runId).orElseThrow();
        billing.bean(TransactionTemplate.class).executeWithoutResult(status -> assertThat(drafts.addAll(
                                run,
                                List.of(new Drafts.NewDraft(
                                        1,
                                        DocumentType.INVOICE,
                                        null,
                                        List.of(new DocumentLine(
                                                LineKind.USAGE,
                                                "Druckseiten",
                                                "PRINT-PAGES",
                                                new BigDecimal("100"),
                                                "PAGE",
                                                new BigDecimal("0.05"),
                                                new BigDecimal("5.00"),
                                                new BigDecimal("19"),
                                                VatRegime.TAXABLE,
                                                new BigDecimal("0.95"),
                                                new BigDecimal("5.95"))))),
                                null,
                                null)
                        .refused())
                .isEmpty());

        var review = billing.api(DemoLogins.FINANCE).get("/api/invoice-runs/" + runId);
        assertThat(review.json().path("status").asText()).isEqualTo("DRAFTING");
        assertThat(review.json().path("drafts").asInt()).isEqualTo(1);
        var issue = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs/" + runId + "/issue", Map.of());
        assertThat(issue.status()).as(issue.toString()).isEqualTo(409);
        assertThat(issue.toString()).contains("run-not-drafted");
    }

    @Test
    void onlyFinanceStartsARunForAPeriodItCanRead() {
        var bad = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs", Map.of("period", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.toString()).contains("period");
        assertThat(billing.api(DemoLogins.BOARD)
                        .post("/api/invoice-runs", Map.of("period", "2026-03"))
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_1)
                        .post("/api/invoice-runs", Map.of("period", "2026-03"))
                        .status())
                .isEqualTo(403);
    }
}
