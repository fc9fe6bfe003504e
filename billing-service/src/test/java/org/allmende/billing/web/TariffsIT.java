package org.allmende.billing.web;

import static org.allmende.billing.ContractProducer.defined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.billing.contribution.BillingFacts;
import org.allmende.billing.contribution.BillingPeriod;
import org.allmende.billing.contribution.ContributionLine;
import org.allmende.billing.contribution.Contributions;
import org.allmende.billing.ledger.TariffLedger;
import org.allmende.billing.tariff.VatRegime;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.ServiceKind;
import org.allmende.events.membership.ServiceUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finance publishes price plans through the API; they are stored as versions in PostgreSQL and read back into the
 * calculation. Each test uses its own service codes, so they do not depend on each other's order.
 */
class TariffsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

    private static ContractProducer topic;
    private static RunningBillingService billing;

    @BeforeAll
    static void start() {
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 1);
        billing = RunningBillingService.start(SharedInfrastructure.unique("billing"), topic.topic());
        var services = List.of(
                defined("PRINT-PAGES", ServiceUnit.PAGE, ServiceKind.SERVICE, NEW_YEAR),
                defined("PRINT-CARTRIDGE", ServiceUnit.PIECE, ServiceKind.GOODS, NEW_YEAR),
                defined("SUPPORT-HOURS", ServiceUnit.HOUR, ServiceKind.SERVICE, NEW_YEAR),
                defined("RIS-TABLET", ServiceUnit.DEVICE, ServiceKind.SERVICE, NEW_YEAR),
                defined("DC-HOSTING", ServiceUnit.GB_MONTH, ServiceKind.SERVICE, NEW_YEAR));
        services.forEach(topic::send);
        await().atMost(PATIENCE)
                .until(() -> billing.jdbc().queryForObject("select count(*) from catalog_service_version", Long.class)
                        == services.size());
    }

    @AfterAll
    static void stop() {
        billing.close();
        topic.close();
    }

    private static JsonNode publish(String json) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode versions(String query) {
        var response = billing.api(DemoLogins.BOARD).get("/api/tariffs" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void financePublishesAPriceFromADateAndTheNextVersionEndsThePreviousOne() {
        var first = publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-01-01","costSharingEligible":true,
                 "model":{"type":"GRADUATED_TIERS","tiers":[{"upTo":1000,"unitPrice":0.02},{"unitPrice":0.0123}]}}
                """);
        publish(
                """
                {"serviceCode":"PRINT-PAGES","effectiveFrom":"2026-03-15","costSharingEligible":true,
                 "model":{"type":"MINIMUM_CHARGE","minimum":30,"per":"MONTH",
                          "inner":{"type":"PER_UNIT","unitPrice":0.03}}}
                """);

        assertThat(first.path("unit").asText()).isEqualTo("PAGE");
        assertThat(first.path("kind").asText()).isEqualTo("SERVICE");
        assertThat(first.path("recordedBy").asText()).isEqualTo("finanzen");
        var all = versions("?serviceCode=PRINT-PAGES");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("effectiveTo").asText()).isEqualTo("2026-03-14");
        assertThat(all.get(1).path("effectiveTo").isNull()).isTrue();
        var onThe14th = versions("?serviceCode=PRINT-PAGES&on=2026-03-14");
        assertThat(onThe14th).hasSize(1);
        assertThat(onThe14th.get(0).at("/model/tiers/1/unitPrice").decimalValue())
                .isEqualByComparingTo("0.0123");
        assertThat(onThe14th.get(0).path("model").has("amount"))
                .as("only the type's fields")
                .isFalse();
        assertThat(versions("?on=2025-12-31")).isEmpty();
    }

    @Test
    void theStoredPlansPriceUsageAsPublished() {
        publish(
                """
                {"serviceCode":"DC-HOSTING","effectiveFrom":"2026-01-01","costSharingEligible":true,
                 "model":{"type":"VOLUME_TIERS","tiers":[{"upTo":100,"unitPrice":0.40},{"unitPrice":0.25}]}}
                """);
        var member = new BillingFacts.Member(
                1, NEW_YEAR, null, true, List.of(), List.of(new BillingFacts.Headcount(40, NEW_YEAR)));
        var facts = BillingFacts.of(member)
                .withUsage(List.of(
                        new BillingFacts.DailyUsage("DC-HOSTING", LocalDate.of(2026, 3, 31), new BigDecimal("250"))));

        var lines = Contributions.calculate(
                        facts,
                        BillingPeriod.month(YearMonth.of(2026, 3)),
                        billing.bean(TariffLedger.class).tariffs())
                .stream()
                .filter(line -> line.serviceCode().equals("DC-HOSTING"))
                .toList();

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.net()).isEqualByComparingTo("62.50");
            assertThat(line.vatRegime()).isEqualTo(VatRegime.EXEMPT_COST_SHARING);
        });
        assertThat(lines).extracting(ContributionLine::unit).containsExactly("GB_MONTH");
    }

    @Test
    void theMembershipFeeIsAPlanOfItsOwnCode() {
        var fee = publish(
                """
                {"serviceCode":"MEMBERSHIP-FEE","effectiveFrom":"2026-01-01",
                 "model":{"type":"MEMBERSHIP_FEE","per":"YEAR","referenceDay":{"day":"--12-31","yearsBefore":1},
                          "byInhabitants":[{"from":0,"fee":500},{"from":5001,"fee":1500}],
                          "byStaff":[{"from":0,"fee":200}]}}
                """);

        assertThat(fee.path("unit").asText()).isEqualTo("FLAT");
        assertThat(fee.at("/model/byInhabitants/1/from").asLong()).isEqualTo(5001);
        assertThat(fee.at("/model/referenceDay/day").asText()).isEqualTo("--12-31");
    }

    static Stream<Arguments> badPlans() {
        return Stream.of(
                Arguments.of(
                        plan(
                                "SUPPORT-HOURS",
                                "{\"type\":\"GRADUATED_TIERS\",\"tiers\":[{\"upTo\":100,\"unitPrice\":1},"
                                        + "{\"upTo\":100,\"unitPrice\":1},{\"unitPrice\":1}]}"),
                        "model.tiers[1].upTo",
                        "ascending"),
                Arguments.of(
                        "{\"serviceCode\":\"SUPPORT-HOURS\",\"model\":{\"type\":\"PER_UNIT\",\"unitPrice\":80}}",
                        "effectiveFrom",
                        "required"),
                Arguments.of(
                        plan("SUPPORT-HOURS", "{\"type\":\"FLAT_FEE\",\"amount\":10,\"per\":\"WEEK\"}"),
                        "model.per",
                        "one-of"),
                Arguments.of(plan("SUPPORT-HOURS", "{\"unitPrice\":80}"), "model.type", "required"),
                Arguments.of(
                        plan("SUPPORT-HOURS", "{\"type\":\"PER_UNIT\",\"unitPrice\":-80}"),
                        "model.unitPrice",
                        "not-negative"),
                Arguments.of(
                        plan("SUPPORT-HOURS", "{\"type\":\"PER_UNIT\",\"unitPrice\":80.0000001}"),
                        "model.unitPrice",
                        "at-most-6-decimals"),
                Arguments.of(
                        plan("SUPPORT-HOURS", "{\"type\":\"PER_UNIT\",\"unitPrice\":80,\"tiers\":[]}"),
                        "model.tiers",
                        "not-for-this-type"),
                Arguments.of(
                        plan(
                                "SUPPORT-HOURS",
                                "{\"type\":\"MINIMUM_CHARGE\",\"minimum\":30,\"per\":\"MONTH\",\"inner\":"
                                        + "{\"type\":\"VOLUME_TIERS\",\"tiers\":[{\"upTo\":0,\"unitPrice\":1},"
                                        + "{\"unitPrice\":1}]}}"),
                        "model.inner.tiers[0].upTo",
                        "positive"),
                Arguments.of(
                        plan(
                                "SUPPORT-HOURS",
                                "{\"type\":\"MEMBERSHIP_FEE\",\"per\":\"YEAR\",\"referenceDay\":"
                                        + "{\"day\":\"--12-31\",\"yearsBefore\":1},\"byStaff\":[{\"from\":0,\"fee\":1}]}"),
                        "model",
                        "membership-fee-model"),
                Arguments.of(
                        plan(
                                "MEMBERSHIP-FEE",
                                "{\"type\":\"MEMBERSHIP_FEE\",\"per\":\"YEAR\",\"referenceDay\":"
                                        + "{\"day\":\"12-31\",\"yearsBefore\":1},\"byStaff\":[{\"from\":0,\"fee\":1}]}"),
                        "model.referenceDay.day",
                        "month-day"),
                Arguments.of(
                        "{\"serviceCode\":\"PRINT-CARTRIDGE\",\"effectiveFrom\":\"2026-01-01\","
                                + "\"costSharingEligible\":true,\"model\":{\"type\":\"PER_UNIT\",\"unitPrice\":40}}",
                        "costSharingEligible",
                        "goods-always-taxable"));
    }

    private static String plan(String code, String model) {
        return "{\"serviceCode\":\"" + code + "\",\"effectiveFrom\":\"2026-01-01\",\"model\":" + model + "}";
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badPlans")
    void aBadPlanIsRefusedNamingTheFieldAndTheRule(String json, String field, String rule) {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(problem.at("/errors/0/rule").asText()).isEqualTo(rule);
        assertThat(versions("?serviceCode=SUPPORT-HOURS")).isEmpty();
        assertThat(versions("?serviceCode=PRINT-CARTRIDGE")).isEmpty();
    }

    @Test
    void aBodyThatIsNoJsonIsRefused() {
        var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", "{\"serviceCode\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:unreadable-body");
    }

    @Test
    void aPlanPricesWhatTheCatalogOffersAndNeverRewritesHistory() {
        var perUnit = "{\"type\":\"PER_UNIT\",\"unitPrice\":12.5}";
        var rules = new ArrayList<String>();
        for (var json : List.of(
                "{\"serviceCode\":\"NO-SUCH-SERVICE\",\"effectiveFrom\":\"2026-01-01\",\"model\":" + perUnit + "}",
                "{\"serviceCode\":\"RIS-TABLET\",\"effectiveFrom\":\"2025-12-31\",\"model\":" + perUnit + "}")) {
            var response = billing.api(DemoLogins.FINANCE).post("/api/tariffs", json);
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            rules.add(response.json().path("rule").asText());
        }
        publish("{\"serviceCode\":\"RIS-TABLET\",\"effectiveFrom\":\"2026-06-01\",\"model\":" + perUnit + "}");
        for (var from : List.of("2026-06-01", "2026-05-31")) {
            var response = billing.api(DemoLogins.FINANCE)
                    .post(
                            "/api/tariffs",
                            "{\"serviceCode\":\"RIS-TABLET\",\"effectiveFrom\":\"" + from + "\",\"model\":" + perUnit
                                    + "}");
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            rules.add(response.json().path("rule").asText());
        }

        assertThat(rules)
                .containsExactly(
                        "service-not-in-catalog",
                        "service-not-in-catalog",
                        "plan-not-after-previous",
                        "plan-not-after-previous");
        assertThat(versions("?serviceCode=RIS-TABLET")).hasSize(1);
    }

    @Test
    void onlyFinancePublishesAndOnlyFinanceAndTheBoardRead() {
        var json = plan("SUPPORT-HOURS", "{\"type\":\"PER_UNIT\",\"unitPrice\":80}");
        assertThat(billing.api(DemoLogins.BOARD).post("/api/tariffs", json).status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.ADMIN).post("/api/tariffs", json).status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_1).post("/api/tariffs", json).status())
                .isEqualTo(403);
        assertThat(billing.api().post("/api/tariffs", json).status()).isEqualTo(401);
        assertThat(billing.api(DemoLogins.MEMBER_1).get("/api/tariffs").status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.ADMIN).get("/api/tariffs").status()).isEqualTo(403);
        assertThat(billing.api().get("/api/tariffs").status()).isEqualTo(401);
        assertThat(billing.api(DemoLogins.FINANCE).get("/api/tariffs").status()).isEqualTo(200);
    }
}
