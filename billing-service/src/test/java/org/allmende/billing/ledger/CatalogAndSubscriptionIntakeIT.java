package org.allmende.billing.ledger;

import static org.allmende.billing.ContractProducer.admitted;
import static org.allmende.billing.ContractProducer.cancelled;
import static org.allmende.billing.ContractProducer.defined;
import static org.allmende.billing.ContractProducer.quantityChanged;
import static org.allmende.billing.ContractProducer.subscribed;
import static org.allmende.billing.ContractProducer.versionPublished;
import static org.allmende.events.membership.ServiceKind.GOODS;
import static org.allmende.events.membership.ServiceKind.SERVICE;
import static org.allmende.events.membership.ServiceUnit.DEVICE;
import static org.allmende.events.membership.ServiceUnit.GB_MONTH;
import static org.allmende.events.membership.ServiceUnit.PIECE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.allmende.billing.ContractProducer;
import org.allmende.billing.RunningBillingService;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.MembershipEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing projects the catalog and the subscriptions from the membership topic, every event once: each one is
 * delivered twice here, as a producer retry would, and the second copy changes nothing.
 */
class CatalogAndSubscriptionIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);

    private static final List<MembershipEvent> EVENTS = List.of(
            admitted(1),
            admitted(2),
            defined("DC-HOSTING", GB_MONTH, SERVICE, NEW_YEAR),
            defined("RIS-TABLET", DEVICE, SERVICE, NEW_YEAR),
            versionPublished("RIS-TABLET", 2, "Tablets with keyboard", PIECE, GOODS, LocalDate.of(2027, 1, 1)),
            subscribed(1, "RIS-TABLET", 12, APRIL),
            quantityChanged(1, "RIS-TABLET", 15, JULY),
            cancelled(1, "RIS-TABLET", NEW_YEARS_EVE),
            subscribed(1, "DC-HOSTING", 500, APRIL),
            subscribed(2, "DC-HOSTING", 100, MAY),
            // a correction on the period's first day replaces its quantity
            quantityChanged(2, "DC-HOSTING", 120, MAY));

    private static final List<String> EVENT_IDS = new java.util.ArrayList<>();

    private static ContractProducer topic;
    private static RunningBillingService billing;

    @BeforeAll
    static void start() {
        topic = new ContractProducer(SharedInfrastructure.unique("membership_topic"), 3);
        billing = RunningBillingService.start(SharedInfrastructure.unique("billing"), topic.topic());
        for (var event : EVENTS) {
            var eventId = topic.send(event);
            topic.send(event, eventId);
            EVENT_IDS.add(eventId);
        }
        await().atMost(PATIENCE)
                .until(() -> count("select coalesce(sum(next_offset), 0) from consumer_offset") == 2L * EVENTS.size());
    }

    @AfterAll
    static void stop() {
        billing.close();
        topic.close();
    }

    private static long count(String sql) {
        return billing.jdbc().queryForObject(sql, Long.class);
    }

    private static JsonNode get(DemoLogins.Login login, String path) {
        var response = billing.api(login).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> periods(JsonNode subscriptions) {
        var rows = new java.util.ArrayList<String>();
        subscriptions
                .path("subscriptions")
                .forEach(s -> rows.add(s.path("serviceCode").asText() + " "
                        + s.path("quantity").asInt() + " "
                        + s.path("effectiveFrom").asText() + ".."
                        + (s.path("effectiveTo").isNull()
                                ? ""
                                : s.path("effectiveTo").asText())));
        return rows;
    }

    @Test
    void eachEventIsAppliedOnceAndNothingIsParked() {
        assertThat(count("select count(*) from applied_event")).isEqualTo(EVENTS.size());
        assertThat(count("select count(*) from parked_record")).isZero();
        assertThat(count("select count(*) from subscription")).isEqualTo(4);
        assertThat(count("select count(*) from catalog_service_version")).isEqualTo(3);
    }

    @Test
    void theWholeStreamRedeliveredLaterChangesNothing() {
        var subscriptions = get(DemoLogins.FINANCE, "/api/members/1/subscriptions");
        var catalog = get(DemoLogins.FINANCE, "/api/catalog");
        var offsets = count("select coalesce(sum(next_offset), 0) from consumer_offset");

        for (int i = 0; i < EVENTS.size(); i++) {
            topic.send(EVENTS.get(i), EVENT_IDS.get(i));
        }

        await().atMost(PATIENCE)
                .until(() ->
                        count("select coalesce(sum(next_offset), 0) from consumer_offset") == offsets + EVENTS.size());
        assertThat(get(DemoLogins.FINANCE, "/api/members/1/subscriptions")).isEqualTo(subscriptions);
        assertThat(get(DemoLogins.FINANCE, "/api/catalog")).isEqualTo(catalog);
        assertThat(count("select count(*) from applied_event")).isEqualTo(EVENTS.size());
    }

    @Test
    void subscriptionsArePeriodsWithOneQuantityEach() {
        assertThat(periods(get(DemoLogins.FINANCE, "/api/members/1/subscriptions")))
                .containsExactly(
                        "DC-HOSTING 500 2026-04-01..",
                        "RIS-TABLET 12 2026-04-01..2026-06-30",
                        "RIS-TABLET 15 2026-07-01..2026-12-31");
        assertThat(periods(get(DemoLogins.BOARD, "/api/members/2/subscriptions")))
                .containsExactly("DC-HOSTING 120 2026-05-01..");
    }

    @Test
    void whatAMemberWasSubscribedToOnADayCanBeAsked() {
        assertThat(periods(get(DemoLogins.FINANCE, "/api/members/1/subscriptions?on=2026-03-31")))
                .isEmpty();
        assertThat(periods(get(DemoLogins.FINANCE, "/api/members/1/subscriptions?on=2026-06-30")))
                .containsExactly("DC-HOSTING 500 2026-04-01..", "RIS-TABLET 12 2026-04-01..2026-06-30");
        assertThat(periods(get(DemoLogins.ADMIN, "/api/members/1/subscriptions?on=2026-08-15")))
                .containsExactly("DC-HOSTING 500 2026-04-01..", "RIS-TABLET 15 2026-07-01..2026-12-31");
        assertThat(periods(get(DemoLogins.FINANCE, "/api/members/1/subscriptions?on=2027-01-01")))
                .containsExactly("DC-HOSTING 500 2026-04-01..");
    }

    @Test
    void catalogVersionsApplyUntilTheNextOneTakesEffect() {
        var all = get(DemoLogins.FINANCE, "/api/catalog");
        assertThat(all.size()).isEqualTo(3);
        assertThat(all.get(1).path("code").asText()).isEqualTo("RIS-TABLET");
        assertThat(all.get(1).path("effectiveTo").asText()).isEqualTo("2026-12-31");
        assertThat(all.get(2).path("effectiveFrom").asText()).isEqualTo("2027-01-01");
        assertThat(all.get(2).path("effectiveTo").isNull()).isTrue();

        var in2027 = get(DemoLogins.BOARD, "/api/catalog?on=2027-03-01");
        assertThat(in2027.findValuesAsText("name")).containsExactly("Service DC-HOSTING", "Tablets with keyboard");
        assertThat(in2027.get(1).path("unit").asText()).isEqualTo("PIECE");
        assertThat(in2027.get(1).path("kind").asText()).isEqualTo("GOODS");
    }

    @Test
    void aMemberSeesOnlyItsOwnSubscriptions() {
        var own = get(DemoLogins.MEMBER_2, "/api/me/subscriptions");
        assertThat(own.path("memberNumber").asLong()).isEqualTo(2);
        assertThat(periods(own)).containsExactly("DC-HOSTING 120 2026-05-01..");

        assertThat(billing.api(DemoLogins.MEMBER_2)
                        .get("/api/members/1/subscriptions")
                        .status())
                .isEqualTo(403);
        assertThat(billing.api(DemoLogins.MEMBER_2).get("/api/catalog").status())
                .isEqualTo(403);
        assertThat(billing.api().get("/api/me/subscriptions").status()).isEqualTo(401);
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/members/424242/subscriptions")
                        .status())
                .isEqualTo(404);
        assertThat(billing.api(DemoLogins.FINANCE)
                        .get("/api/members/1/subscriptions?on=yesterday")
                        .status())
                .isEqualTo(400);
    }
}
