package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.cancelled;
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
 * On 18 November 2026 a municipality previews 2027 for its budget: this year's complete months of usage averaged,
 * the subscriptions that run into 2027, the price plans published for 2027, the membership fee; as JSON and as a CSV
 * for a German spreadsheet.
 */
class BudgetPreviewIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 1);

    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;

    private static UsageRecorded used(String id, String service, String unit, String quantity, LocalDate day) {
        return new UsageRecorded("meters", id, 1, service, new BigDecimal(quantity), unit, day, day, null);
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
                defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, NEW_YEAR),
                defined("TABLETS", ServiceUnit.DEVICE, ServiceKind.SERVICE, NEW_YEAR),
                defined("STORAGE", ServiceUnit.GB_MONTH, ServiceKind.SERVICE, NEW_YEAR),
                defined("SUPPORT", ServiceUnit.HOUR, ServiceKind.SERVICE, NEW_YEAR),
                subscribed(1, "PRINT-PAGES", 1, FEBRUARY),
                subscribed(1, "TABLETS", 12, FEBRUARY),
                subscribed(1, "STORAGE", 1, LocalDate.of(2026, 9, 15)),
                subscribed(1, "SUPPORT", 1, FEBRUARY),
                cancelled(1, "SUPPORT", LocalDate.of(2026, 12, 31)));
        facts.forEach(membership::send);
        var records = new ArrayList<UsageRecorded>();
        for (int month = 2; month <= 10; month++) {
            records.add(used("p" + month, "PRINT-PAGES", "PAGE", "1000", LocalDate.of(2026, month, 10)));
        }
        records.add(used("p11", "PRINT-PAGES", "PAGE", "500", LocalDate.of(2026, 11, 10)));
        records.add(used("s9", "STORAGE", "GB_MONTH", "10", LocalDate.of(2026, 9, 30)));
        records.add(used("s10", "STORAGE", "GB_MONTH", "30", LocalDate.of(2026, 10, 31)));
        records.add(used("h3", "SUPPORT", "HOUR", "5", LocalDate.of(2026, 3, 3)));
        usage.sendUsage(records);
        await().atMost(PATIENCE).until(() -> billing.consumed() == facts.size() + records.size());
        assertThat(billing.jdbc().queryForObject("select count(*) from rejected_usage", Long.class))
                .isZero();
        publish(billing, Previews.MEMBERSHIP_FEE_2026);
        // the general assembly raised the fee for 2027 already
        publish(
                billing,
                """
                {"serviceCode":"MEMBERSHIP-FEE","effectiveFrom":"2027-01-01",
                 "model":{"type":"MEMBERSHIP_FEE","per":"YEAR","referenceDay":{"day":"--12-31","yearsBefore":1},
                          "byInhabitants":[{"from":0,"fee":1320}],"byStaff":[{"from":0,"fee":660}]}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":0.05}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2027-07-01","model":{"type":"PER_UNIT","unitPrice":0.06}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"TABLETS","effectiveFrom":"2026-01-01",
                 "model":{"type":"PER_SEAT","pricePerSeat":8,"per":"MONTH"}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"STORAGE","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":2}}
                """);
        publish(
                billing,
                """
                {"serviceCode":"SUPPORT","effectiveFrom":"2026-01-01","model":{"type":"PER_UNIT","unitPrice":80}}
                """);
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    private static JsonNode service(JsonNode budget, String code) {
        for (var service : budget.path("budget").path("services")) {
            if (service.path("serviceCode").asText().equals(code)) {
                return service;
            }
        }
        throw new AssertionError(code + " not in " + budget);
    }

    @Test
    void nextYearPerServiceAndMonthFromThisYearsCompleteMonthsAtNextYearsPrices() {
        var response = billing.api(DemoLogins.FINANCE).get("/api/members/1/budget?year=2027");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var budget = response.json();
        assertThat(budget.path("year").asInt()).isEqualTo(2027);
        assertThat(budget.path("asOf").asText()).isEqualTo("2026-11-18");
        assertThat(budget.path("basis").asText()).isEqualTo("2026-01..2026-10, 10 months");
        assertThat(budget.path("method").asText()).contains("average").contains("annualised");
        assertThat(budget.path("budget").path("services").findValuesAsText("serviceCode"))
                .as("SUPPORT ends with 2026")
                .containsExactly("MEMBERSHIP-FEE", "PRINT-PAGES", "STORAGE", "TABLETS");
        assertThat(budget.path("serviceNames").path("TABLETS").asText()).isEqualTo("Service TABLETS");

        var fee = service(budget, "MEMBERSHIP-FEE");
        assertThat(money(fee.path("months").get(0).path("net"))).isEqualTo("110.00");
        assertThat(money(fee.path("net"))).isEqualTo("1320.00");

        var pages = service(budget, "PRINT-PAGES");
        assertThat(pages.path("usageBasis").asText())
                .as("subscribed since February; November is not complete")
                .isEqualTo("2026-02..2026-10, 9 months");
        assertThat(pages.path("monthlyUsage").asText()).isEqualTo("1000");
        assertThat(money(pages.path("months").get(5).path("net"))).isEqualTo("50.00");
        assertThat(money(pages.path("months").get(6).path("net")))
                .as("the price from July 2027")
                .isEqualTo("60.00");
        assertThat(money(pages.path("net"))).isEqualTo("660.00");

        var storage = service(budget, "STORAGE");
        assertThat(storage.path("usageBasis").asText()).isEqualTo("2026-10..2026-10, 1 month");
        assertThat(money(storage.path("net"))).isEqualTo("720.00");
        assertThat(money(service(budget, "TABLETS").path("net"))).isEqualTo("1152.00");

        var months = budget.path("budget").path("months");
        assertThat(months).hasSize(12);
        assertThat(money(months.get(0).path("gross"))).isEqualTo("376.04");
        assertThat(money(months.get(11).path("gross"))).isEqualTo("387.94");
        var totals = budget.path("budget").path("totals");
        assertThat(money(totals.path("net"))).isEqualTo("3852.00");
        assertThat(money(totals.path("vat"))).isEqualTo("731.88");
        assertThat(money(totals.path("gross"))).isEqualTo("4583.88");
        assertThat(budget.path("budget").path("subscriptions").findValuesAsText("serviceCode"))
                .containsExactlyInAnyOrder("PRINT-PAGES", "TABLETS", "STORAGE");
    }

    @Test
    void theMemberSeesItsOwnNextYearWithoutNamingIt() {
        var mine = billing.api(DemoLogins.MEMBER_1).get("/api/me/budget");

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json())
                .isEqualTo(billing.api(DemoLogins.BOARD)
                        .get("/api/members/1/budget?year=2027")
                        .json());
    }

    @Test
    void theCsvIsForAGermanSpreadsheetSemicolonsDecimalCommasOneLinePerServiceAndMonth() {
        var response = billing.api(DemoLogins.MEMBER_1).get("/api/me/budget?year=2027", "text/csv");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/csv;charset=UTF-8");
        var body = response.body();
        assertThat(body).startsWith("\uFEFF");
        var lines = body.substring(1).split("\r\n");
        assertThat(lines).hasSize(1 + 4 * 12);
        assertThat(lines[0])
                .isEqualTo(
                        "member_number;year;month;service_code;service_name;unit;average_monthly_usage;net;vat;gross;"
                                + "usage_basis");
        assertThat(lines[1]).isEqualTo("1;2027;2027-01;MEMBERSHIP-FEE;Membership fee;FLAT;;110,00;20,90;130,90;");
        assertThat(List.of(lines))
                .contains(
                        "1;2027;2027-07;PRINT-PAGES;Service PRINT-PAGES;PAGE;1000;60,00;11,40;71,40;"
                                + "2026-02..2026-10, 9 months",
                        "1;2027;2027-12;TABLETS;Service TABLETS;DEVICE;;96,00;18,24;114,24;");
        var gross = List.of(lines).subList(1, lines.length).stream()
                .map(line -> new BigDecimal(line.split(";")[9].replace(',', '.')))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(gross).as("the lines add up to the year").isEqualByComparingTo("4583.88");

        var export = billing.api(DemoLogins.FINANCE).get("/api/members/1/budget/export?year=2027", "*/*");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).isEqualTo(body);
    }

    @ParameterizedTest(name = "year={0}: {1}")
    @CsvSource({
        "2026, after-current-year",
        "2025, after-current-year",
        "2032, at-most-5-years-ahead",
        "next, type",
    })
    void aYearThatIsNoComingYearIsRefusedNamingTheParameter(String year, String rule) {
        for (var path : List.of("/api/me/budget?year=", "/api/me/budget/export?year=")) {
            var response = billing.api(DemoLogins.MEMBER_1).get(path + year);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("year");
            assertThat(response.json().path("errors").get(0).path("rule").asText())
                    .isEqualTo(rule);
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "MEMBER_1, /api/members/1/budget?year=2027, 403",
        "MEMBER_1, /api/members/1/budget/export, 403",
        "ADMIN,    /api/members/1/budget, 403",
        "FINANCE,  /api/me/budget, 403",
        "FINANCE,  /api/members/99/budget, 404",
        "BOARD,    /api/members/1/budget/export, 200"
    })
    void financeAndTheBoardSeeAnyMembersBudgetAMemberOnlyItsOwn(String login, String path, int status) {
        var response = billing.api(Previews.LOGINS.get(login)).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
