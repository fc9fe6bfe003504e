package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.events.membership.ServiceSubscribed;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.RunningMembershipService;
import org.allmende.support.time.BusinessTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service catalog and members' subscriptions through the REST API, on a real PostgreSQL and Kafka. */
class CatalogAndSubscriptionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static RunningMembershipService service;
    private static ApiClient board;
    private static Admitted first;
    private static Admitted second;

    record Admitted(long number, String id) {}

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
        board = service.api(DemoLogins.BOARD);
        // a fresh database: the first two admissions get the numbers of the demo member logins 1 and 2
        first = admit("Stadt Eins");
        second = admit("Gemeinde Zwei");
        assertThat(first.number()).isEqualTo(DemoLogins.MEMBER_1.memberNumber());
        assertThat(second.number()).isEqualTo(DemoLogins.MEMBER_2.memberNumber());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Admitted admit(String name) {
        var admitted = org.allmende.membership.Admissions.admit(service, name);
        return new Admitted(admitted.number(), admitted.memberId());
    }

    private static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    private static Map<String, Object> subscription(String code, int quantity, LocalDate from) {
        return Map.of("serviceCode", code, "quantity", quantity, "effectiveFrom", from.toString());
    }

    private static String subscriptions(long memberNumber) {
        return "/api/members/" + memberNumber + "/subscriptions";
    }

    private static JsonNode periods(long memberNumber) {
        return board.get(subscriptions(memberNumber)).json().path("subscriptions");
    }

    private static long storedEvents() {
        return service.bean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static void assertRefused(ApiClient.Response response, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:rule-violated");
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
    }

    @Test
    void theSeededCatalogIsVisibleToEveryLogin() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            var catalog = service.api(DemoLogins.MEMBER_1).get("/api/catalog");
            assertThat(catalog.status()).isEqualTo(200);
            assertThat(catalog.json().findValuesAsText("code"))
                    .contains(
                            "DC-HOSTING",
                            "ADMIN-NET",
                            "RIS-TABLET",
                            "PRINT-PAGES",
                            "PRINT-CARTRIDGE",
                            "IT-SECURITY",
                            "SUPPORT-HOURS");
        });
        var cartridges = service.api(DemoLogins.FINANCE).get("/api/catalog/PRINT-CARTRIDGE");
        assertThat(cartridges.status()).isEqualTo(200);
        assertThat(cartridges.json().path("offeredFrom").asText()).isEqualTo("2026-01-01");
        assertThat(cartridges.json().path("current").path("unit").asText()).isEqualTo("PIECE");
        assertThat(cartridges.json().path("current").path("kind").asText()).isEqualTo("GOODS");
        assertThat(service.api(DemoLogins.BOARD)
                        .get("/api/catalog/DC-HOSTING?on=2025-12-31")
                        .json()
                        .path("current")
                        .isNull())
                .isTrue();
        assertThat(service.api().get("/api/catalog").status()).isEqualTo(401);
        assertThat(service.api(DemoLogins.ADMIN)
                        .get("/api/catalog/NO-SUCH-THING")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theBoardDefinesAServiceAndPublishesEffectiveDatedVersions() {
        var defined = board.post(
                "/api/catalog",
                Map.of(
                        "code", "VIDEO-CONF",
                        "name", "Video conferencing",
                        "unit", "FLAT",
                        "kind", "SERVICE",
                        "effectiveFrom", "2026-02-01"));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);

        var published = board.post(
                "/api/catalog/VIDEO-CONF/versions",
                Map.of(
                        "name",
                        "Video conferencing per room",
                        "unit",
                        "DEVICE",
                        "kind",
                        "SERVICE",
                        "effectiveFrom",
                        "2027-01-01"));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("version").asInt()).isEqualTo(2);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var service = board.get("/api/catalog/VIDEO-CONF?on=2026-06-01").json();
            assertThat(service.path("versions").size()).isEqualTo(2);
            assertThat(service.path("current").path("unit").asText()).isEqualTo("FLAT");
        });
        assertThat(board.get("/api/catalog/VIDEO-CONF?on=2027-01-01")
                        .json()
                        .path("current")
                        .path("name")
                        .asText())
                .isEqualTo("Video conferencing per room");

        assertRefused(
                board.post(
                        "/api/catalog",
                        Map.of(
                                "code", "VIDEO-CONF",
                                "name", "Again",
                                "unit", "FLAT",
                                "kind", "SERVICE",
                                "effectiveFrom", "2026-03-01")),
                "service-code-taken");
        assertRefused(
                board.post(
                        "/api/catalog/VIDEO-CONF/versions",
                        Map.of("name", "Older", "unit", "FLAT", "kind", "SERVICE", "effectiveFrom", "2026-12-31")),
                "version-not-after-previous");
        var unknown = board.post(
                "/api/catalog/NO-SUCH-THING/versions",
                Map.of("name", "x", "unit", "FLAT", "kind", "SERVICE", "effectiveFrom", "2027-01-01"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void onlyTheBoardAndAdminsChangeTheCatalog() {
        var form =
                Map.of("code", "NOPE", "name", "x", "unit", "FLAT", "kind", "SERVICE", "effectiveFrom", "2026-01-01");

        assertThat(service.api(DemoLogins.FINANCE).post("/api/catalog", form).status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.MEMBER_1).post("/api/catalog", form).status())
                .isEqualTo(403);
        assertThat(service.api().post("/api/catalog/DC-HOSTING/versions", form).status())
                .isEqualTo(401);
    }

    @Test
    void badCatalogInputNamesTheFields() {
        var before = storedEvents();

        var response = board.post("/api/catalog", Map.of("code", "lower case", "unit", "LITRE"));
        var missing = board.post("/api/catalog", Map.of("code", "lower case"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("unit");
        assertThat(response.json().path("errors").get(0).path("rule").asText()).isEqualTo("one-of");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("code", "effectiveFrom", "kind", "name", "unit");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMemberSubscribesChangesTheQuantityAndCancelsWithEffectiveDates() {
        var member = admit("Stadt Tablethausen");
        var today = today();

        var subscribed = board.post(subscriptions(member.number()), subscription("RIS-TABLET", 12, today));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        assertThat(subscribed.json().path("version").asLong()).isEqualTo(1);

        var changed = board.post(
                subscriptions(member.number()) + "/RIS-TABLET/quantity",
                Map.of("quantity", 15, "effectiveFrom", today.plusDays(30).toString(), "expectedVersion", 1));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(2);

        var cancelled = board.post(
                subscriptions(member.number()) + "/RIS-TABLET/cancellation",
                Map.of("effectiveTo", today.plusDays(89).toString(), "expectedVersion", 2));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("version").asLong()).isEqualTo(3);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var view = board.get(subscriptions(member.number())).json();
            assertThat(view.path("version").asLong()).isEqualTo(3);
            var periods = view.path("subscriptions");
            assertThat(periods.size()).isEqualTo(2);
            assertThat(periods.get(0).path("quantity").asInt()).isEqualTo(12);
            assertThat(periods.get(0).path("effectiveFrom").asText()).isEqualTo(today.toString());
            assertThat(periods.get(0).path("effectiveTo").asText())
                    .isEqualTo(today.plusDays(29).toString());
            assertThat(periods.get(0).path("serviceName").asText()).isEqualTo("Council information system tablets");
            assertThat(periods.get(1).path("quantity").asInt()).isEqualTo(15);
            assertThat(periods.get(1).path("effectiveTo").asText())
                    .isEqualTo(today.plusDays(89).toString());
        });
        var onOneDay = board.get(subscriptions(member.number()) + "?on=" + today.plusDays(45))
                .json()
                .path("subscriptions");
        assertThat(onOneDay.size()).isEqualTo(1);
        assertThat(onOneDay.get(0).path("quantity").asInt()).isEqualTo(15);
        assertThat(board.get(subscriptions(member.number()) + "?on=" + today.plusDays(90))
                        .json()
                        .path("subscriptions")
                        .size())
                .isZero();

        var records = AdmissionIT.readTopicUntil(service.topic(), Set.of(member.id()), 4);
        assertThat(records)
                .extracting(r ->
                        new String(r.headers().lastHeader(Headers.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .containsExactly(
                        "MemberAdmitted", "ServiceSubscribed", "SubscriptionQuantityChanged", "SubscriptionCancelled");
        var event = EventJson.read(records.get(1).value(), ServiceSubscribed.class);
        assertThat(event.memberNumber()).isEqualTo(member.number());
        assertThat(event.quantity()).isEqualTo(12);
    }

    @Test
    void brokenRulesAreConflictsNamingTheRuleAndStoreNothing() {
        var member = admit("Gemeinde Regelwerk");
        var today = today();
        assertThat(board.post(subscriptions(member.number()), subscription("DC-HOSTING", 500, today))
                        .status())
                .isEqualTo(201);
        var before = storedEvents();

        assertRefused(
                board.post(subscriptions(member.number()), subscription("DC-HOSTING", 100, today.plusDays(10))),
                "service-already-subscribed");
        assertRefused(
                board.post(subscriptions(member.number()), subscription("GOLD-PLATED-MOUSE", 1, today)),
                "service-not-in-catalog");
        assertRefused(
                board.post(subscriptions(member.number()), subscription("SUPPORT-HOURS", 10, today.minusDays(1))),
                "effective-date-before-admission");
        assertRefused(
                board.post(
                        subscriptions(member.number()) + "/PRINT-PAGES/cancellation",
                        Map.of("effectiveTo", today.toString())),
                "service-not-subscribed");
        assertRefused(
                board.post(
                        subscriptions(member.number()) + "/PRINT-PAGES/quantity",
                        Map.of("quantity", 3, "effectiveFrom", today.toString())),
                "service-not-subscribed");
        var unknownMember = board.post(subscriptions(999_999), subscription("DC-HOSTING", 1, today));
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAsAConcurrentChange() {
        var member = admit("Stadt Gleichzeitig");
        var today = today();
        var seen = board.post(subscriptions(member.number()), subscription("PRINT-PAGES", 20_000, today))
                .json()
                .path("version")
                .asLong();
        // somebody else changes the subscription after we looked at it
        assertThat(service.api(DemoLogins.ADMIN)
                        .post(
                                subscriptions(member.number()) + "/PRINT-PAGES/quantity",
                                Map.of("quantity", 25_000, "effectiveFrom", today.toString(), "expectedVersion", seen))
                        .status())
                .isEqualTo(200);
        var before = storedEvents();

        var stale = board.post(
                subscriptions(member.number()) + "/PRINT-PAGES/quantity",
                Map.of("quantity", 30_000, "effectiveFrom", today.toString(), "expectedVersion", seen));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().path("type").asText()).isEqualTo("urn:allmende:problem:concurrent-change");
        assertThat(stale.json().path("expectedVersion").asLong()).isEqualTo(seen);
        assertThat(stale.json().path("actualVersion").asLong()).isEqualTo(seen + 1);
        assertThat(storedEvents()).isEqualTo(before);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        periods(member.number()).get(0).path("quantity").asInt())
                .isEqualTo(25_000));
    }

    @Test
    void badSubscriptionInputNamesTheFieldsAndStoresNothing() {
        var before = storedEvents();

        var empty = board.post(subscriptions(first.number()), Map.of());
        var bad = new HashMap<String, Object>(subscription("it security", 0, today()));
        bad.put("expectedVersion", -1);
        var invalid = board.post(subscriptions(first.number()), bad);
        var notADate = board.post(
                subscriptions(first.number()) + "/DC-HOSTING/cancellation", Map.of("effectiveTo", "31.12.2026"));
        var notANumber = board.get("/api/members/eins/subscriptions");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(empty.json().path("errors").findValuesAsText("field"))
                .containsExactly("effectiveFrom", "quantity", "serviceCode");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").toString())
                .contains("\"field\":\"expectedVersion\",\"rule\":\"minimum\"")
                .contains("\"field\":\"quantity\",\"rule\":\"minimum\"")
                .contains("\"field\":\"serviceCode\",\"rule\":\"pattern\"");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").get(0).path("field").asText()).isEqualTo("effectiveTo");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMemberLoginSeesOnlyItsOwnSubscriptionsAndChangesNone() {
        var today = today();
        assertThat(board.post(subscriptions(first.number()), subscription("IT-SECURITY", 1, today))
                        .status())
                .isEqualTo(201);
        assertThat(board.post(subscriptions(second.number()), subscription("ADMIN-NET", 1, today))
                        .status())
                .isEqualTo(201);
        var member1 = service.api(DemoLogins.MEMBER_1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var own = member1.get("/api/me/subscriptions");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().path("memberNumber").asLong()).isEqualTo(first.number());
            assertThat(own.json().path("subscriptions").findValuesAsText("serviceCode"))
                    .containsExactly("IT-SECURITY");
        });
        assertThat(member1.get(subscriptions(second.number())).status()).isEqualTo(403);
        assertThat(member1.get(subscriptions(first.number())).status()).isEqualTo(403);
        assertThat(member1.post(subscriptions(first.number()), subscription("PRINT-PAGES", 1, today))
                        .status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.FINANCE)
                        .post(
                                subscriptions(first.number()) + "/IT-SECURITY/cancellation",
                                Map.of("effectiveTo", today.toString()))
                        .status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.BOARD).get("/api/me/subscriptions").status())
                .isEqualTo(403);
    }
}
