package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.allmende.billing.web.Previews.money;
import static org.allmende.billing.web.Previews.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finance, the board and the member see a member's contributions of any period before anything is issued: the lines
 * and totals the invoice run would draft, nothing stored; a month still running is provisional. On 18 November 2026.
 */
class ContributionPreviewIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;

    private static UsageRecorded pages(String id, String quantity, LocalDate day) {
        return new UsageRecorded("print-fleet", id, 1, "PRINT-PAGES", new BigDecimal(quantity), "PAGE", day, day, null);
    }

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 1);
        billing = RunningBillingService.start(
                SharedInfrastructure.unique("billing"),
                membership.topic(),
                usage.topic(),
                Map.of("allmende.clock.fixed", "2026-11-18T10:00:00Z"));
        var facts = List.of(
                admitted(1),
                admitted(2),
                defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, NEW_YEAR),
                defined("TABLETS", ServiceUnit.DEVICE, ServiceKind.SERVICE, NEW_YEAR),
                subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)),
                subscribed(1, "TABLETS", 12, LocalDate.of(2026, 2, 1)),
                subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 2, 1)));
        facts.forEach(membership::send);
        var records = List.of(
                pages("o1", "1000", LocalDate.of(2026, 10, 5)),
                pages("o2", "400", LocalDate.of(2026, 10, 20)),
                pages("n1", "300", LocalDate.of(2026, 11, 3)),
                pages("n2", "200", LocalDate.of(2026, 11, 17)));
        usage.sendUsage(records);
        await().atMost(PATIENCE).until(() -> billing.consumed() == facts.size() + records.size());
        publish(billing, Previews.MEMBERSHIP_FEE_2026);
        publish(
                billing,
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"TABLETS","effectiveFrom":"2026-01-01",
                 "model":{"type":"PER_SEAT","pricePerSeat":8,"per":"MONTH"}}
                """);
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    private static List<String> lines(JsonNode preview) {
        var lines = new ArrayList<String>();
        preview.path("lines")
                .forEach(line -> lines.add(line.path("type").asText() + " "
                        + line.path("serviceCode").asText() + " "
                        + line.path("quantity").asText() + " x "
                        + line.path("unitPrice").asText() + " = "
                        + money(line.path("net"))));
        return lines;
    }

    private static long stored() {
        return billing.jdbc()
                .queryForObject(
                        "select (select count(*) from invoice_run) + (select count(*) from draft_document)",
                        Long.class);
    }

    @Test
    void financeSeesACompleteMonthAsTheRunWouldDraftItAndNothingIsStored() {
        var before = stored();
        var response = billing.api(DemoLogins.FINANCE).get("/api/members/1/contributions?period=2026-10");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var preview = response.json();
        assertThat(preview.path("provisional").asBoolean()).isFalse();
        assertThat(preview.path("usageCountedUntil").asText()).isEqualTo("2026-10-31");
        assertThat(lines(preview))
                .containsExactly(
                        "MEMBERSHIP_FEE MEMBERSHIP-FEE 1 x 1200 = 100.00",
                        "USAGE PRINT-PAGES 1400 x 0.05 = 70.00",
                        "SUBSCRIPTION TABLETS 12 x 8 = 96.00");
        assertThat(money(preview.path("totals").path("net"))).isEqualTo("266.00");
        assertThat(money(preview.path("totals").path("vat"))).isEqualTo("50.54");
        assertThat(money(preview.path("totals").path("gross"))).isEqualTo("316.54");
        assertThat(preview.path("invoicedBy").isNull()).isTrue();
        assertThat(stored()).isEqualTo(before);
        assertThat(billing.api(DemoLogins.BOARD)
                        .get("/api/members/1/contributions?period=2026-10")
                        .json())
                .isEqualTo(preview);
    }

    @Test
    void theRunningMonthIsProvisionalWithTheUsageSoFar() {
        var response = billing.api(DemoLogins.MEMBER_1).get("/api/me/contributions?period=2026-11");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var preview = response.json();
        assertThat(preview.path("memberNumber").asLong()).isEqualTo(1);
        assertThat(preview.path("provisional").asBoolean()).isTrue();
        assertThat(preview.path("usageCountedUntil").asText()).isEqualTo("2026-11-18");
        assertThat(preview.path("note").asText()).startsWith("Provisional");
        assertThat(lines(preview))
                .containsExactly(
                        "MEMBERSHIP_FEE MEMBERSHIP-FEE 1 x 1200 = 100.00",
                        "USAGE PRINT-PAGES 500 x 0.05 = 25.00",
                        "SUBSCRIPTION TABLETS 12 x 8 = 96.00");
        assertThat(money(preview.path("totals").path("gross"))).isEqualTo("262.99");
    }

    @Test
    void aQuarterAndAMemberWithoutServicesArePreviewedToo() {
        var quarter = billing.api(DemoLogins.FINANCE)
                .get("/api/members/1/contributions?period=2026-Q3")
                .json();
        assertThat(quarter.path("from").asText()).isEqualTo("2026-07-01");
        assertThat(quarter.path("to").asText()).isEqualTo("2026-09-30");
        assertThat(lines(quarter)).contains("SUBSCRIPTION TABLETS 12 x 8 = 288.00");

        var two = billing.api(DemoLogins.MEMBER_2)
                .get("/api/me/contributions?period=2026-08")
                .json();
        assertThat(two.path("memberNumber").asLong()).isEqualTo(2);
        assertThat(lines(two)).containsExactly("MEMBERSHIP_FEE MEMBERSHIP-FEE 1 x 1200 = 100.00");
    }

    @Test
    void thePreviewOfAMonthIsWhatItsRunDraftsAndThenNamesTheInvoice() {
        var preview = billing.api(DemoLogins.FINANCE)
                .get("/api/members/1/contributions?period=2026-09")
                .json();
        var run = billing.api(DemoLogins.FINANCE).post("/api/invoice-runs", Map.of("period", "2026-09"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        var drafted = run.json().path("members").get(0);
        assertThat(drafted.path("memberNumber").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(drafted.path("gross").asText()))
                .isEqualByComparingTo(preview.path("totals").path("gross").asText());
        var descriptions = billing.jdbc()
                .queryForList(
                        "select description from draft_line where draft_id = ?::uuid order by line_no",
                        String.class,
                        drafted.path("draftId").asText());
        assertThat(preview.path("lines").findValuesAsText("description")).isEqualTo(descriptions);

        var issued = billing.api(DemoLogins.FINANCE)
                .post("/api/invoice-runs/" + run.json().path("runId").asText() + "/issue", Map.of());
        var number = issued.json().path("drafts").get(0).path("number").asText();
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/members/1/contributions?period=2026-09")
                        .json()
                        .path("invoicedBy")
                        .asText())
                .isEqualTo(number);

        // member 2 printed 100 pages more in September than its invoice knows: December shows the correction
        var septemberOfTwo = issued.json().path("drafts").get(1);
        assertThat(septemberOfTwo.path("memberNumber").asLong()).isEqualTo(2);
        var consumed = billing.consumed();
        usage.sendUsage(List.of(new UsageRecorded(
                "print-fleet",
                "late-sept",
                2,
                "PRINT-PAGES",
                new BigDecimal("100"),
                "PAGE",
                LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 9, 20),
                null)));
        await().atMost(PATIENCE).until(() -> billing.consumed() == consumed + 1);
        var december = billing.api(DemoLogins.FINANCE)
                .get("/api/members/2/contributions?period=2026-12")
                .json();
        assertThat(december.path("provisional").asBoolean()).isTrue();
        assertThat(december.path("usageCountedUntil").isNull()).isTrue();
        assertThat(december.path("note").asText()).contains("has not begun");
        assertThat(lines(december))
                .containsExactly(
                        "MEMBERSHIP_FEE MEMBERSHIP-FEE 1 x 1200 = 100.00", "CORRECTION PRINT-PAGES 100 x 0.05 = 5.00");
        var correction = december.path("lines").get(1);
        assertThat(correction.path("description").asText())
                .isEqualTo("Correction of 2026-09 (invoice "
                        + septemberOfTwo.path("number").asText() + "): 0.05 EUR per PAGE");
        assertThat(correction.path("correctedPeriod").toString())
                .isEqualTo("{\"kind\":\"MONTH\",\"first\":\"2026-09-01\",\"last\":\"2026-09-30\"}");
        var fields = new ArrayList<String>();
        correction.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "type",
                        "serviceCode",
                        "description",
                        "from",
                        "to",
                        "quantity",
                        "unit",
                        "unitPrice",
                        "share",
                        "net",
                        "vatRegime",
                        "vatRatePercent",
                        "vatReason",
                        "vat",
                        "gross",
                        "correctedPeriod",
                        "reference");
    }

    @ParameterizedTest(name = "period={0}")
    @CsvSource({"2026-13", "2026-1", "11-2026", "2026-Q5", "soon", "2026-11-01"})
    void aPeriodThatIsNoMonthQuarterOrYearIsRefusedNamingTheParameter(String period) {
        for (var path : List.of("/api/me/contributions?period=", "/api/members/1/contributions?period=")) {
            var login = path.startsWith("/api/me/") ? DemoLogins.MEMBER_1 : DemoLogins.FINANCE;
            var response = billing.api(login).get(path + period);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("period");
            assertThat(response.json().path("errors").get(0).path("rule").asText())
                    .isEqualTo("period-format");
        }
    }

    @Test
    void withoutAPeriodTheAnswerNamesIt() {
        var response = billing.api(DemoLogins.MEMBER_1).get("/api/me/contributions");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("period");
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "MEMBER_1, /api/members/2/contributions?period=2026-10, 403",
        "MEMBER_1, /api/members/1/contributions?period=2026-10, 403",
        "ADMIN,    /api/members/1/contributions?period=2026-10, 403",
        "METER,    /api/members/1/contributions?period=2026-10, 403",
        "FINANCE,  /api/me/contributions?period=2026-10,        403",
        "FINANCE,  /api/members/99/contributions?period=2026-10, 404",
        "BOARD,    /api/members/2/contributions?period=2026-10, 200"
    })
    void onlyFinanceAndTheBoardSeeAnyMemberAMemberOnlyItself(String login, String path, int status) {
        var response = billing.api(Previews.LOGINS.get(login)).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
