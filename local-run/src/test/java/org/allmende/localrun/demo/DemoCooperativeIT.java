package org.allmende.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.localrun.Platform;
import org.allmende.localrun.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo seed on the whole platform (both services as their own JVMs, a real PostgreSQL and Kafka broker), in
 * its small variant: two municipalities, a year. Seeded, then started again twice: once finding the seed
 * complete, once resuming a seed whose last step (the notice) is not there — nothing is admitted, counted,
 * invoiced or paid twice.
 */
class DemoCooperativeIT {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Europe/Berlin"));
    private static final DemoCooperative.Plan PLAN = DemoCooperative.Plan.small();

    private static Platform platform;

    @BeforeAll
    static void start() {
        var membershipTopic = SharedInfrastructure.unique("demo_membership");
        var usageTopic = SharedInfrastructure.unique("demo_usage");
        var billingTopic = SharedInfrastructure.unique("demo_billing_facts");
        var properties = new HashMap<>(PLAN.platformProperties(CLOCK));
        properties.putAll(Map.of(
                "allmende.kafka.topic", membershipTopic,
                "allmende.intake.membership-topic", membershipTopic,
                "allmende.usage.topic", usageTopic,
                "allmende.intake.usage-topic", usageTopic,
                "allmende.intake.group-id", SharedInfrastructure.unique("demo_billing"),
                "allmende.publishing.topic", billingTopic,
                "allmende.billing-intake.topic", billingTopic,
                "allmende.billing-intake.group-id", SharedInfrastructure.unique("demo_membership")));
        platform = TestPlatform.start(properties, Path.of("target/platform-logs/demo"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static ApiClient membership(DemoLogins.Login login) {
        return ApiClient.anonymous(platform.membership().baseUrl()).as(login);
    }

    private static ApiClient billing(DemoLogins.Login login) {
        return ApiClient.anonymous(platform.billing().baseUrl()).as(login);
    }

    /** Everything a second seed must leave as it is. */
    private record Facts(
            int members,
            int applications,
            int invoices,
            int capitalCalls,
            int payments,
            int mandates,
            Map<String, BigDecimal> usageOfTheTown) {}

    private static Facts facts(long town, DemoCooperative.Outcome outcome) {
        var usage = new TreeMap<String, BigDecimal>();
        for (var day : billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/usage?from=" + outcome.historyFrom() + "&to=" + outcome.historyTo())
                .json()) {
            usage.merge(day.path("serviceCode").asText(), day.path("quantity").decimalValue(), BigDecimal::add);
        }
        int mandates = 0;
        for (var number : outcome.memberNumbers().values()) {
            mandates += billing(DemoLogins.FINANCE)
                    .get("/api/members/" + number + "/mandates")
                    .json()
                    .size();
        }
        return new Facts(
                membership(DemoLogins.BOARD).get("/api/members").json().size(),
                membership(DemoLogins.BOARD).get("/api/applications").json().size(),
                documents("INVOICE", null).size(),
                documents("CAPITAL_CALL", null).size(),
                billing(DemoLogins.FINANCE).get("/api/payments").json().size(),
                mandates,
                usage);
    }

    private static JsonNode member(long number) {
        return membership(DemoLogins.BOARD).get("/api/members/" + number).json();
    }

    private static List<JsonNode> documents(String type, Long member) {
        var answer = billing(DemoLogins.FINANCE)
                .get("/api/documents?type=" + type + (member == null ? "" : "&member=" + member))
                .json();
        var list = new ArrayList<JsonNode>();
        answer.forEach(list::add);
        return list;
    }

    private static JsonNode invoiceOf(long member, YearMonth month) {
        var summary = documents("INVOICE", member).stream()
                .filter(d -> d.path("periodFrom").asText().equals(month.atDay(1).toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no invoice of member " + member + " for " + month));
        return billing(DemoLogins.FINANCE)
                .get("/api/documents/" + summary.path("number").asText())
                .json();
    }

    private static BigDecimal membershipFee(JsonNode invoice) {
        return invoice.findParents("kind").stream()
                .filter(line -> line.path("kind").asText().equals("MEMBERSHIP_FEE"))
                .map(line -> line.path("net").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Per month of the range, the member's quantity of one service. */
    private static Map<YearMonth, BigDecimal> monthly(long member, String service, DemoCooperative.Outcome outcome) {
        var answer = billing(DemoLogins.FINANCE)
                .get("/api/members/" + member + "/usage/months?from=" + YearMonth.from(outcome.historyFrom()) + "&to="
                        + YearMonth.from(outcome.historyTo()))
                .json();
        var months = new TreeMap<YearMonth, BigDecimal>();
        for (var ofService : answer.path("services")) {
            if (ofService.path("serviceCode").asText().equals(service)) {
                for (var month : ofService.path("months")) {
                    months.put(
                            YearMonth.parse(month.path("month").asText()),
                            month.path("quantity").decimalValue());
                }
            }
        }
        return months;
    }

    @Test
    void seedsTheDemoCooperativeOnceAndFindsItOnEveryLaterStart() {
        var today = LocalDate.now(CLOCK);
        var seeded = new DemoCooperative(platform, CLOCK, PLAN, System.out).seed();

        assertThat(seeded.alreadySeeded()).isFalse();
        var town = seeded.memberNumbers().get(DemoMunicipality.KREISSTADT.name());
        var village = seeded.memberNumbers().get(DemoMunicipality.WIESENGRUND.name());
        // admitted first: the member login mitglied1 is the Kreisstadt's
        assertThat(town).isEqualTo(DemoLogins.MEMBER_1.memberNumber());
        assertThat(member(town).path("joinedOn").asText())
                .isEqualTo(seeded.historyFrom().toString());
        assertThat(member(town).path("inhabitants").asLong()).isEqualTo(41_230);
        assertThat(member(town).path("staffCount").asInt()).isEqualTo(552);
        assertThat(member(town).path("leavingOn").isNull()).isTrue();
        assertThat(member(village).path("leavingOn").asText()).isNotBlank();

        var pending = membership(DemoLogins.BOARD)
                .get("/api/applications?status=PENDING")
                .json();
        assertThat(pending.findValuesAsText("applicantName")).containsExactly(DemoMunicipality.PENDING.name());

        // a year: the twelve complete months before this one
        var lastMonth = YearMonth.from(today).minusMonths(1);
        assertThat(YearMonth.from(seeded.historyFrom())).isEqualTo(lastMonth.minusMonths(11));
        assertThat(seeded.historyTo()).isEqualTo(lastMonth.atEndOfMonth());
        var months = (int) YearMonth.from(seeded.historyFrom())
                .until(YearMonth.from(seeded.historyTo()).plusMonths(1), ChronoUnit.MONTHS);
        assertThat(months).isEqualTo(12).isEqualTo(PLAN.months());
        assertThat(seeded.invoicesIssued()).isEqualTo(2 * months);

        // usage in every month, with the seasons: fewer pages in August, no council sessions in the summer recess,
        // storage growing slowly
        var pages = monthly(town, "PRINT-PAGES", seeded);
        assertThat(pages).hasSize(12).allSatisfy((month, quantity) -> assertThat(quantity)
                .isPositive());
        var august = pages.keySet().stream()
                .filter(m -> m.getMonth() == Month.AUGUST)
                .findFirst()
                .orElseThrow();
        var september =
                august.plusMonths(1).isAfter(lastMonth) ? august.minusYears(1).plusMonths(1) : august.plusMonths(1);
        assertThat(pages.get(august)).isLessThan(pages.get(september));
        var tablets = monthly(town, "RIS-TABLET", seeded);
        assertThat(tablets.get(august)).isLessThan(tablets.get(september));
        var storage = monthly(town, "DC-HOSTING", seeded);
        assertThat(storage).hasSize(12);
        assertThat(storage.get(lastMonth)).isGreaterThan(storage.get(YearMonth.from(seeded.historyFrom())));
        assertThat(monthly(town, "SUPPORT-HOURS", seeded).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isPositive();
        assertThat(monthly(town, "PRINT-CARTRIDGE", seeded).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isPositive();

        // every invoice carries the membership fee, by size: the Kreisstadt's bracket is higher than the Gemeinde's
        assertThat(documents("INVOICE", town)).hasSize(months);
        var townInvoice = invoiceOf(town, lastMonth);
        var villageInvoice = invoiceOf(village, lastMonth);
        assertThat(membershipFee(townInvoice)).isPositive().isGreaterThan(membershipFee(villageInvoice));
        assertThat(membershipFee(villageInvoice)).isPositive();
        assertThat(membershipFee(invoiceOf(town, YearMonth.from(seeded.historyFrom()))))
                .isPositive();

        // the Kreisstadt pays by direct debit (its invoices say so), the Gemeinde by transfer
        var mandates = billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/mandates")
                .json();
        assertThat(mandates.findValuesAsText("status")).containsExactly("ACTIVE");
        assertThat(seeded.mandatesRecorded()).isEqualTo(1);
        assertThat(townInvoice.path("directDebit").path("mandateReference").asText())
                .isEqualTo(DemoMunicipality.KREISSTADT.mandateReference());
        assertThat(villageInvoice.path("directDebit").isMissingNode()
                        || villageInvoice.path("directDebit").isNull())
                .isTrue();

        // the months before last were invoiced on the first of last month: the Gemeinde's invoice of the month
        // before last is open and overdue, for dunning to find
        var overdue = invoiceOf(village, lastMonth.minusMonths(1));
        assertThat(overdue.path("issuedOn").asText())
                .isEqualTo(lastMonth.atDay(1).toString());
        assertThat(LocalDate.parse(overdue.path("dueOn").asText())).isBefore(today);
        var dunning = billing(DemoLogins.FINANCE).get("/api/dunning").json();
        assertThat(dunning.path("items").findValuesAsText("documentNumber"))
                .containsExactly(overdue.path("number").asText());

        // capital: the Gemeinde paid in part on admission and the rest on finance's call; the Kreisstadt's call is open
        var calls = documents("CAPITAL_CALL", null);
        assertThat(seeded.capitalCallsIssued()).isEqualTo(2);
        var townCall = documents("CAPITAL_CALL", town).get(0);
        assertThat(townCall.path("grossTotal").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(calls).hasSize(2);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                        member(village).path("paidInCapital").decimalValue())
                .isEqualByComparingTo("1000.00"));
        assertThat(member(town).path("paidInCapital").decimalValue()).isEqualByComparingTo("6000.00");

        // paid: every invoice but last month's (issued today, not due) and the Gemeinde's overdue one; one call
        assertThat(seeded.paymentsRecorded()).isEqualTo(2 * months - 2 - 1 + 1);
        var townAccount = billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/account")
                .json();
        assertThat(townAccount.path("balance").decimalValue())
                .isEqualByComparingTo(townInvoice
                        .path("grossTotal")
                        .decimalValue()
                        .add(townCall.path("grossTotal").decimalValue()));
        var villageAccount = billing(DemoLogins.FINANCE)
                .get("/api/members/" + village + "/account")
                .json();
        assertThat(villageAccount.path("balance").decimalValue())
                .isEqualByComparingTo(villageInvoice
                        .path("grossTotal")
                        .decimalValue()
                        .add(overdue.path("grossTotal").decimalValue()));
        assertThat(billing(DemoLogins.MEMBER_1)
                        .get("/api/me/documents?type=INVOICE")
                        .json()
                        .size())
                .isEqualTo(months);

        var before = facts(town, seeded);
        assertThat(before.usageOfTheTown().get("PRINT-PAGES")).isPositive();

        var again = new DemoCooperative(platform, CLOCK, PLAN, System.out).seed();
        assertThat(again.alreadySeeded()).isTrue();
        assertThat(again.memberNumbers()).isEqualTo(seeded.memberNumbers());
        assertThat(facts(town, seeded)).isEqualTo(before);

        // a seed that stopped before its last step resumes: every earlier step finds what it did
        var resumed = new DemoCooperative(
                        platform,
                        CLOCK,
                        new DemoCooperative.Plan(
                                PLAN.members(),
                                PLAN.pending(),
                                DemoMunicipality.KREISSTADT,
                                PLAN.overdue(),
                                PLAN.capitalCallOpen(),
                                PLAN.months()),
                        System.out)
                .seed();
        assertThat(resumed.alreadySeeded()).isFalse();
        assertThat(resumed.memberNumbers()).isEqualTo(seeded.memberNumbers());
        assertThat(resumed.usageRecordsAccepted()).isZero();
        assertThat(resumed.invoicesIssued()).isZero();
        assertThat(resumed.paymentsRecorded()).isZero();
        assertThat(resumed.mandatesRecorded()).isZero();
        assertThat(resumed.capitalCallsIssued()).isZero();
        assertThat(facts(town, seeded)).isEqualTo(before);

        // the overdue invoice is old enough for dunning's first level
        var dunned = billing(DemoLogins.FINANCE).post("/api/dunning-runs", (String) null);
        assertThat(dunned.status()).as(dunned.toString()).isEqualTo(201);
        assertThat(dunned.json().path("notices").findValuesAsText("documentNumber"))
                .containsExactly(overdue.path("number").asText());
    }
}
