package org.allmende.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * its small variant: two municipalities, two months. Seeded, then started again twice: once finding the seed
 * complete, once resuming a seed whose last step (the notice) is not there — nothing is admitted, counted,
 * invoiced or paid twice.
 */
class DemoCooperativeIT {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Europe/Berlin"));

    private static Platform platform;

    @BeforeAll
    static void start() {
        var membershipTopic = SharedInfrastructure.unique("demo_membership");
        var usageTopic = SharedInfrastructure.unique("demo_usage");
        platform = TestPlatform.start(
                Map.of(
                        "allmende.kafka.topic", membershipTopic,
                        "allmende.intake.membership-topic", membershipTopic,
                        "allmende.usage.topic", usageTopic,
                        "allmende.intake.usage-topic", usageTopic,
                        "allmende.intake.group-id", SharedInfrastructure.unique("demo_billing"),
                        "allmende.publishing.topic", SharedInfrastructure.unique("demo_billing_facts")),
                Path.of("target/platform-logs/demo"));
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
            int members, int applications, int invoices, int payments, Map<String, BigDecimal> usageOfTheTown) {}

    private static Facts facts(long town, DemoCooperative.Outcome outcome) {
        var usage = new TreeMap<String, BigDecimal>();
        for (var day : billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/usage?from=" + outcome.historyFrom() + "&to=" + outcome.historyTo())
                .json()) {
            usage.merge(day.path("serviceCode").asText(), day.path("quantity").decimalValue(), BigDecimal::add);
        }
        return new Facts(
                membership(DemoLogins.BOARD).get("/api/members").json().size(),
                membership(DemoLogins.BOARD).get("/api/applications").json().size(),
                billing(DemoLogins.FINANCE)
                        .get("/api/documents?type=INVOICE")
                        .json()
                        .size(),
                billing(DemoLogins.FINANCE).get("/api/payments").json().size(),
                usage);
    }

    private static JsonNode member(long number) {
        return membership(DemoLogins.BOARD).get("/api/members/" + number).json();
    }

    @Test
    void seedsTheDemoCooperativeOnceAndFindsItOnEveryLaterStart() {
        var plan = DemoCooperative.Plan.small();
        var seeded = new DemoCooperative(platform, CLOCK, plan, System.out).seed();

        assertThat(seeded.alreadySeeded()).isFalse();
        var town = seeded.memberNumbers().get(DemoMunicipality.KREISSTADT.name());
        var village = seeded.memberNumbers().get(DemoMunicipality.WIESENGRUND.name());
        // admitted first: the member login mitglied1 is the Kreisstadt's
        assertThat(town).isEqualTo(DemoLogins.MEMBER_1.memberNumber());
        assertThat(member(town).path("joinedOn").asText())
                .isEqualTo(seeded.historyFrom().toString());
        assertThat(member(town).path("inhabitants").asLong()).isEqualTo(41_230);
        assertThat(member(town).path("staffCount").asInt()).isEqualTo(552);
        assertThat(member(town).path("paidInCapital").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(member(town).path("leavingOn").isNull()).isTrue();
        assertThat(member(village).path("leavingOn").asText()).isNotBlank();

        var pending = membership(DemoLogins.BOARD)
                .get("/api/applications?status=PENDING")
                .json();
        assertThat(pending.findValuesAsText("applicantName")).containsExactly(DemoMunicipality.PENDING.name());

        var months = (int) YearMonth.from(seeded.historyFrom())
                .until(YearMonth.from(seeded.historyTo()).plusMonths(1), ChronoUnit.MONTHS);
        assertThat(months).isEqualTo(plan.months());
        assertThat(seeded.invoicesIssued()).isEqualTo(2 * months);
        var usage = billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/usage/months?from=" + YearMonth.from(seeded.historyFrom()) + "&to="
                        + YearMonth.from(seeded.historyTo()))
                .json();
        assertThat(usage.findValuesAsText("serviceCode"))
                .contains("PRINT-PAGES", "DC-HOSTING", "PRINT-CARTRIDGE", "SUPPORT-HOURS");

        // every invoice paid but the village's last one
        assertThat(seeded.paymentsRecorded()).isEqualTo(2 * months - 1);
        var townAccount = billing(DemoLogins.FINANCE)
                .get("/api/members/" + town + "/account")
                .json();
        assertThat(townAccount.path("balance").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        var villageInvoices = billing(DemoLogins.FINANCE)
                .get("/api/documents?type=INVOICE&member=" + village)
                .json();
        var lastInvoice = villageInvoices.findParents("periodFrom").stream()
                .filter(d -> d.path("periodFrom")
                        .asText()
                        .equals(YearMonth.from(seeded.historyTo()).atDay(1).toString()))
                .findFirst()
                .orElseThrow();
        var villageAccount = billing(DemoLogins.FINANCE)
                .get("/api/members/" + village + "/account")
                .json();
        assertThat(villageAccount.path("balance").decimalValue())
                .isEqualByComparingTo(lastInvoice.path("grossTotal").decimalValue());
        assertThat(DemoLogins.MEMBER_1.memberNumber()).isEqualTo(town);
        assertThat(billing(DemoLogins.MEMBER_1).get("/api/me/documents").json().size())
                .isEqualTo(months);

        var before = facts(town, seeded);
        assertThat(before.usageOfTheTown().get("PRINT-PAGES")).isPositive();

        var again = new DemoCooperative(platform, CLOCK, plan, System.out).seed();
        assertThat(again.alreadySeeded()).isTrue();
        assertThat(again.memberNumbers()).isEqualTo(seeded.memberNumbers());
        assertThat(facts(town, seeded)).isEqualTo(before);

        // a seed that stopped before its last step resumes: every earlier step finds what it did
        var resumed = new DemoCooperative(
                        platform,
                        CLOCK,
                        new DemoCooperative.Plan(plan.members(), plan.pending(), DemoMunicipality.KREISSTADT, 2),
                        System.out)
                .seed();
        assertThat(resumed.alreadySeeded()).isFalse();
        assertThat(resumed.memberNumbers()).isEqualTo(seeded.memberNumbers());
        assertThat(resumed.usageRecordsAccepted()).isZero();
        assertThat(resumed.invoicesIssued()).isZero();
        assertThat(resumed.paymentsRecorded()).isZero();
        assertThat(facts(town, seeded)).isEqualTo(before);
    }
}
