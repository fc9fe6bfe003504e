package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.allmende.billing.ContractProducer.versionPublished;
import static org.allmende.events.membership.ServiceKind.SERVICE;
import static org.allmende.events.membership.ServiceUnit.GB_MONTH;
import static org.allmende.events.membership.ServiceUnit.PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.usage.UsageRecorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The member's usage history over several months and days, a reversal included, put into billing through the real
 * usage topic: month totals with empty months as 0, a month drilled down to its days, CSV, and who may see whose.
 */
class UsageHistoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Still June 30 in UTC, already July 1 in Germany: "this month" is July. */
    private static final String NOW = "2026-06-30T22:30:00Z";

    private static ContractProducer membership;
    private static ContractProducer usage;
    private static RunningBillingService billing;

    private static UsageRecorded record(
            String id, long member, String service, String unit, String quantity, LocalDate day, String reverses) {
        return new UsageRecorded("meters", id, member, service, new BigDecimal(quantity), unit, day, day, reverses);
    }

    private static UsageRecorded pages(String id, long member, String quantity, LocalDate day) {
        return record(id, member, "PRINT-PAGES", "PAGE", quantity, day, null);
    }

    private static UsageRecorded storage(String id, String quantity, LocalDate day) {
        return record(id, 1, "STORAGE", "GB_MONTH", quantity, day, null);
    }

    @BeforeAll
    static void start() {
        membership = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        usage = new ContractProducer(SharedInfrastructure.unique("usage_topic"), 3);
        billing = RunningBillingService.start(
                SharedInfrastructure.unique("billing"),
                membership.topic(),
                usage.topic(),
                Map.of("allmende.clock.fixed", NOW));
        var contract = List.of(
                admitted(1),
                admitted(2),
                defined("PRINT-PAGES", PAGE, SERVICE, LocalDate.of(2026, 1, 1)),
                defined("STORAGE", GB_MONTH, SERVICE, LocalDate.of(2026, 1, 1)),
                versionPublished("STORAGE", 2, "Storage, backed up", GB_MONTH, SERVICE, LocalDate.of(2026, 4, 1)),
                subscribed(1, "PRINT-PAGES", 1, LocalDate.of(2026, 1, 5)),
                subscribed(1, "STORAGE", 1, LocalDate.of(2026, 1, 5)),
                subscribed(2, "PRINT-PAGES", 1, LocalDate.of(2026, 1, 5)));
        contract.forEach(membership::send);
        await().atMost(PATIENCE).until(() -> billing.consumed() == contract.size());

        var records = new ArrayList<>(List.of(
                pages("p1", 1, "120", LocalDate.of(2026, 1, 10)),
                pages("p2", 1, "30.5", LocalDate.of(2026, 1, 20)),
                pages("p3", 1, "200", LocalDate.of(2026, 3, 2)),
                pages("p4", 1, "50", LocalDate.of(2026, 3, 2)),
                pages("p5", 1, "75", LocalDate.of(2026, 3, 31)),
                pages("p7", 1, "200", LocalDate.of(2026, 4, 1)),
                storage("s1", "1.25", LocalDate.of(2026, 2, 28)),
                storage("s2", "1.25", LocalDate.of(2026, 3, 31)),
                pages("q1", 2, "999", LocalDate.of(2026, 3, 15))));
        // the print fleet counted p3 twice over: it takes it back
        records.add(record("p6", 1, "PRINT-PAGES", "PAGE", "200", LocalDate.of(2026, 3, 2), "p3"));
        records.forEach(usage::send);
        await().atMost(PATIENCE).until(() -> billing.consumed() == contract.size() + records.size());
        assertThat(billing.jdbc().queryForList("select record_id from rejected_usage", String.class))
                .isEmpty();
    }

    @AfterAll
    static void stop() {
        billing.close();
        membership.close();
        usage.close();
    }

    private static ApiClient finance() {
        return billing.api(DemoLogins.FINANCE);
    }

    private static JsonNode service(JsonNode history, String code) {
        for (var service : history.path("services")) {
            if (service.path("serviceCode").asText().equals(code)) {
                return service;
            }
        }
        throw new AssertionError(code + " not in " + history);
    }

    private static List<String> quantities(JsonNode periods) {
        var quantities = new ArrayList<String>();
        periods.forEach(period -> quantities.add(period.path("quantity").asText()));
        return quantities;
    }

    @Test
    void everyMonthOfTheRangeHasItsTotalEmptyOnesZeroAndTheReversalTakenOff() {
        var response = finance().get("/api/members/1/usage/months?from=2026-01&to=2026-06");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var history = response.json();

        assertThat(history.path("memberNumber").asLong()).isEqualTo(1);
        assertThat(history.path("from").asText()).isEqualTo("2026-01");
        assertThat(history.path("to").asText()).isEqualTo("2026-06");
        assertThat(history.findValuesAsText("serviceCode")).containsExactly("PRINT-PAGES", "STORAGE");
        var pages = service(history, "PRINT-PAGES");
        assertThat(pages.path("serviceName").asText()).isEqualTo("Service PRINT-PAGES");
        assertThat(pages.path("unit").asText()).isEqualTo("PAGE");
        assertThat(pages.path("months").findValuesAsText("month"))
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(quantities(pages.path("months"))).containsExactly("150.5", "0", "125", "200", "0", "0");
        assertThat(pages.path("total").asText()).isEqualTo("475.5");
        var storage = service(history, "STORAGE");
        assertThat(storage.path("serviceName").asText())
                .as("the name in effect at the end of the range")
                .isEqualTo("Storage, backed up");
        assertThat(quantities(storage.path("months"))).containsExactly("0", "1.25", "1.25", "0", "0", "0");
        assertThat(storage.path("total").asText()).isEqualTo("2.5");
    }

    @Test
    void oneServiceAsPlainDecimalsNeverWithAnExponent() {
        var response = finance().get("/api/members/1/usage/months?from=2026-03&to=2026-05&service=PRINT-PAGES");

        assertThat(response.body())
                .isEqualTo("{\"memberNumber\":1,\"from\":\"2026-03\",\"to\":\"2026-05\",\"services\":[{"
                        + "\"serviceCode\":\"PRINT-PAGES\",\"serviceName\":\"Service PRINT-PAGES\",\"unit\":\"PAGE\","
                        + "\"months\":[{\"month\":\"2026-03\",\"quantity\":125},{\"month\":\"2026-04\",\"quantity\":200},"
                        + "{\"month\":\"2026-05\",\"quantity\":0}],\"total\":325}]}");
    }

    @Test
    void aServiceOfTheCatalogWithoutUsageShowsAsZero() {
        var history = finance()
                .get("/api/members/2/usage/months?from=2026-01&to=2026-02&service=STORAGE")
                .json();

        var storage = service(history, "STORAGE");
        assertThat(storage.path("unit").asText()).isEqualTo("GB_MONTH");
        assertThat(quantities(storage.path("months"))).containsExactly("0", "0");
        assertThat(storage.path("total").asText()).isEqualTo("0");
    }

    @Test
    void aMonthDrilledDownHasEveryDayAndTheMonthTotal() {
        var history = billing.api(DemoLogins.MEMBER_1)
                .get("/api/me/usage/months/2026-03")
                .json();

        assertThat(history.path("memberNumber").asLong()).isEqualTo(1);
        assertThat(history.path("month").asText()).isEqualTo("2026-03");
        var pages = service(history, "PRINT-PAGES");
        assertThat(pages.path("days")).hasSize(31);
        assertThat(pages.path("days").get(0).path("day").asText()).isEqualTo("2026-03-01");
        assertThat(pages.path("days").get(1).toString()).isEqualTo("{\"day\":\"2026-03-02\",\"quantity\":50}");
        assertThat(pages.path("days").get(30).toString()).isEqualTo("{\"day\":\"2026-03-31\",\"quantity\":75}");
        assertThat(quantities(pages.path("days")).stream().filter(q -> !q.equals("0")))
                .containsExactly("50", "75");
        assertThat(pages.path("total").asText()).isEqualTo("125");
        var storage = service(history, "STORAGE");
        assertThat(storage.path("serviceName").asText())
                .as("the name in effect in March")
                .isEqualTo("Service STORAGE");
        assertThat(storage.path("total").asText()).isEqualTo("1.25");
        assertThat(billing.api(DemoLogins.MEMBER_1)
                        .get("/api/me/usage/months/2026-03?service=STORAGE")
                        .json()
                        .findValuesAsText("serviceCode"))
                .containsExactly("STORAGE");
    }

    @Test
    void theExportIsCsvWithAHeaderAndOneLinePerMemberServiceAndMonth() {
        var response = finance().get("/api/members/1/usage/export?from=2026-01&to=2026-06&granularity=month", "*/*");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.body())
                .isEqualTo(String.join(
                        "\r\n",
                        "member_number,service_code,service_name,unit,month,quantity",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-01,150.5",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-02,0",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-03,125",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-04,200",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-05,0",
                        "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-06,0",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-01,0",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-02,1.25",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-03,1.25",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-04,0",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-05,0",
                        "1,STORAGE,\"Storage, backed up\",GB_MONTH,2026-06,0",
                        ""));
    }

    @Test
    void aMemberDownloadsItsDaysInAFileNamedForItAndTheRange() throws Exception {
        // as a browser's download link asks: HTML first, and the Content-Disposition header matters
        var login = DemoLogins.MEMBER_1.username() + ":" + DemoLogins.MEMBER_1.password();
        var request = HttpRequest.newBuilder(URI.create(billing.baseUrl()
                        + "/api/me/usage/export?from=2026-02&to=2026-03&granularity=day&service=PRINT-PAGES"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .build();
        var response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"usage-1-2026-02-2026-03.csv\"");
        var lines = response.body().split("\r\n");
        assertThat(lines).hasSize(1 + 28 + 31);
        assertThat(lines[0]).isEqualTo("member_number,service_code,service_name,unit,day,quantity");
        assertThat(lines[1]).isEqualTo("1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-02-01,0");
        assertThat(lines[28 + 2]).isEqualTo("1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-03-02,50");
        assertThat(lines[28 + 31]).isEqualTo("1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-03-31,75");
    }

    @Test
    void csvOnAskingForIt() {
        var months = finance().get("/api/members/1/usage/months?from=2026-03&to=2026-03", "text/csv");
        var days = finance().get("/api/members/1/usage/months/2026-03?service=STORAGE", "text/csv");
        var anything = finance().get("/api/members/1/usage/months?from=2026-03&to=2026-03", "*/*");

        assertThat(months.contentType()).startsWith("text/csv");
        assertThat(months.body())
                .isEqualTo("member_number,service_code,service_name,unit,month,quantity\r\n"
                        + "1,PRINT-PAGES,Service PRINT-PAGES,PAGE,2026-03,125\r\n"
                        + "1,STORAGE,Service STORAGE,GB_MONTH,2026-03,1.25\r\n");
        assertThat(days.body().split("\r\n"))
                .hasSize(1 + 31)
                .contains("1,STORAGE,Service STORAGE,GB_MONTH,2026-03-31,1.25");
        assertThat(anything.contentType()).startsWith("application/json");
    }

    @Test
    void aMemberSeesOnlyItsOwnHistory() {
        var own = billing.api(DemoLogins.MEMBER_1).get("/api/me/usage/months?from=2026-03&to=2026-03");
        var other = billing.api(DemoLogins.MEMBER_2).get("/api/me/usage/months?from=2026-03&to=2026-03");

        assertThat(own.json().path("memberNumber").asLong()).isEqualTo(1);
        assertThat(quantities(service(own.json(), "PRINT-PAGES").path("months")))
                .containsExactly("125");
        assertThat(other.json().path("memberNumber").asLong()).isEqualTo(2);
        assertThat(other.json().findValuesAsText("serviceCode")).containsExactly("PRINT-PAGES");
        assertThat(quantities(service(other.json(), "PRINT-PAGES").path("months")))
                .containsExactly("999");
    }

    @Test
    void aMemberMayNotReadAnotherMembersHistoryFinanceAndTheBoardMay() {
        var member = billing.api(DemoLogins.MEMBER_1);
        for (var path : List.of(
                "/api/members/2/usage/months?from=2026-03&to=2026-03",
                "/api/members/2/usage/months/2026-03",
                "/api/members/2/usage/export",
                "/api/members/1/usage/months")) {
            var denied = member.get(path);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.json().path("type").asText()).isEqualTo("urn:allmende:problem:forbidden");
        }
        assertThat(billing.api(DemoLogins.ADMIN)
                        .get("/api/members/2/usage/months")
                        .status())
                .isEqualTo(403);
        assertThat(quantities(service(
                                finance()
                                        .get("/api/members/2/usage/months?from=2026-03&to=2026-03")
                                        .json(),
                                "PRINT-PAGES")
                        .path("months")))
                .containsExactly("999");
        assertThat(billing.api(DemoLogins.BOARD)
                        .get("/api/members/2/usage/months/2026-03")
                        .status())
                .isEqualTo(200);
        assertThat(finance().get("/api/members/99/usage/months").status()).isEqualTo(404);
    }

    @Test
    void withoutARangeTheLastTwelveMonthsEndingWithThisMonthInGermany() {
        var history =
                billing.api(DemoLogins.MEMBER_1).get("/api/me/usage/months").json();

        assertThat(history.path("from").asText()).isEqualTo("2025-08");
        assertThat(history.path("to").asText()).isEqualTo("2026-07");
        assertThat(service(history, "PRINT-PAGES").path("months")).hasSize(12);
        assertThat(service(history, "PRINT-PAGES").path("total").asText()).isEqualTo("475.5");
    }

    @Test
    void thirtySixMonthsAreAllowed() {
        var history = finance()
                .get("/api/members/1/usage/months?from=2023-08&to=2026-07")
                .json();

        assertThat(service(history, "STORAGE").path("months")).hasSize(36);
    }

    @Test
    void badParametersAreNamedWithTheRuleTheyBreak() {
        assertInvalid("/api/me/usage/months/2026-13", "month", "month");
        assertInvalid("/api/me/usage/months/March", "month", "month");
        assertInvalid("/api/me/usage/months?from=2026-1&to=2026-03", "from", "month");
        assertInvalid("/api/me/usage/months?from=2026-05&to=2026-03", "from", "not-after-to");
        assertInvalid("/api/me/usage/months?from=2023-07&to=2026-07", "to", "at-most-36-months");
        assertInvalid("/api/me/usage/export?from=2026-01&to=2026-03&granularity=week", "granularity", "one-of");
        assertInvalid("/api/me/usage/months?service=NO-SUCH-SERVICE", "service", "in-catalog");

        var both =
                billing.api(DemoLogins.MEMBER_1).get("/api/me/usage/export?from=2026-00&granularity=year", "text/csv");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.json().path("errors").findValuesAsText("field")).containsExactly("from", "granularity");
    }

    private static void assertInvalid(String path, String field, String rule) {
        var response = billing.api(DemoLogins.MEMBER_1).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asText())
                .as(path)
                .isEqualTo(field);
        assertThat(response.json().path("errors").get(0).path("rule").asText())
                .as(path)
                .isEqualTo(rule);
    }

    @Test
    void theDailyRowsStayWhereTheyWere() {
        var rows = finance()
                .get("/api/members/1/usage?from=2026-03-01&to=2026-03-31")
                .json();

        assertThat(rows.toString())
                .isEqualTo(
                        "[{\"serviceCode\":\"PRINT-PAGES\",\"day\":\"2026-03-02\",\"quantity\":50,\"unit\":\"PAGE\"},"
                                + "{\"serviceCode\":\"PRINT-PAGES\",\"day\":\"2026-03-31\",\"quantity\":75,\"unit\":\"PAGE\"},"
                                + "{\"serviceCode\":\"STORAGE\",\"day\":\"2026-03-31\",\"quantity\":1.25,\"unit\":\"GB_MONTH\"}]");
    }
}
