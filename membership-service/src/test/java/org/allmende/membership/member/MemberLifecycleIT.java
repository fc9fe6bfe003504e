package org.allmende.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.membership.ApplicationForms;
import org.allmende.membership.RunningMembershipService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A membership's course through REST: capital, voluntary shares, notice, transfer, merger, exclusion, the end at
 * the fiscal year end driven by the clock, the register as of a date and the member's own extract. The tests
 * build on each other, like the years of a real membership.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberLifecycleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DATABASE = SharedInfrastructure.unique("membership");
    private static final String TOPIC = SharedInfrastructure.unique("membership_topic");

    private static RunningMembershipService service;
    private static ApiClient board;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start(DATABASE, TOPIC);
        board = service.api(DemoLogins.BOARD);
        for (var name : List.of("Gemeinde Eins", "Gemeinde Zwei", "Gemeinde Drei", "Gemeinde Vier")) {
            admit(name);
        }
        await().atMost(PATIENCE).until(() -> board.get("/api/members").json().size() == 4);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long admit(String name) {
        var id = service.api()
                .post("/api/applications", ApplicationForms.municipality(name))
                .json()
                .get("applicationId")
                .asText();
        board.post("/api/applications/" + id + "/votes", Map.of("vote", "APPROVE"));
        return service.api(DemoLogins.BOARD_2)
                .post("/api/applications/" + id + "/votes", Map.of("vote", "APPROVE"))
                .json()
                .get("memberNumber")
                .asLong();
    }

    private static JsonNode entry(long memberNumber) {
        return board.get("/api/members/" + memberNumber).json();
    }

    private static Map<String, Object> payment(String amount) {
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        return Map.of("amount", amount, "paidOn", today.toString(), "reference", "SEPA " + amount);
    }

    @Test
    @Order(1)
    void financeRecordsCapitalPaymentsButNobodyPaysInMoreThanTheShares() {
        var finance = service.api(DemoLogins.FINANCE);

        assertThat(finance.post("/api/members/1/capital-payments", payment("6000.00"))
                        .status())
                .isEqualTo(204);
        var tooMuch = finance.post("/api/members/1/capital-payments", payment("1500.00"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().path("rule").asText()).isEqualTo("payment-above-subscribed-capital");
        assertThat(service.api(DemoLogins.MEMBER_1)
                        .post("/api/members/1/capital-payments", payment("1.00"))
                        .status())
                .isEqualTo(403);
        var badAmount = finance.post("/api/members/1/capital-payments", payment("-3"));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.json().path("errors").get(0).path("field").asText())
                .isEqualTo("amount");

        await().atMost(PATIENCE)
                .until(() ->
                        entry(1).path("paidInCapital").decimalValue().compareTo(new java.math.BigDecimal("6000")) == 0);
    }

    @Test
    @Order(2)
    void aMemberAsksForVoluntarySharesOnlyWhenPaidUpAndTheBoardDecides() {
        var unpaid = service.api(DemoLogins.MEMBER_2).post("/api/me/share-requests", Map.of("shares", 2));
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.json().path("rule").asText()).isEqualTo("earlier-shares-unpaid");

        var asked = service.api(DemoLogins.MEMBER_1).post("/api/me/share-requests", Map.of("shares", 3));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        var requestId = asked.json().get("requestId").asText();
        await().atMost(PATIENCE)
                .until(
                        () -> board.get("/api/share-requests?status=OPEN")
                                .json()
                                .findValuesAsText("requestId"),
                        ids -> ids.contains(requestId));

        var decided = board.post("/api/members/1/share-requests/" + requestId + "/decision", Map.of("approve", true));
        assertThat(decided.status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> entry(1).path("shares").asInt() == 15);
    }

    @Test
    @Order(3)
    void theBoardSeesWhoDidWhatInAMembersHistory() {
        var history = board.get("/api/members/1/history").json();

        assertThat(history.findValuesAsText("type"))
                .containsSubsequence("MemberAdmitted", "CapitalPaymentRecorded", "AdditionalSharesApproved");
        var payment = java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .filter(e -> e.path("type").asText().equals("CapitalPaymentRecorded"))
                .findFirst()
                .orElseThrow();
        assertThat(payment.path("by").asText()).isEqualTo("finanzen");
        assertThat(payment.path("role").asText()).isEqualTo("FINANCE");
        assertThat(payment.path("correlationId").asText()).isNotBlank();
        assertThat(service.api(DemoLogins.MEMBER_1)
                        .get("/api/members/1/history")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(4)
    void fullyPaidSharesMoveToAnotherMemberWithoutPayout() {
        var unpaid = board.post("/api/members/2/transfers", Map.of("toMemberNumber", 1, "shares", 1));
        assertThat(unpaid.json().path("rule").asText()).isEqualTo("transfer-above-paid-in-capital");

        var moved = board.post("/api/members/1/transfers", Map.of("toMemberNumber", 3, "shares", 2));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(1).path("shares").asInt()).isEqualTo(13);
            assertThat(entry(1).path("paidInCapital").decimalValue()).isEqualByComparingTo("5000.00");
            assertThat(entry(3).path("shares").asInt()).isEqualTo(14);
            assertThat(entry(3).path("paidInCapital").decimalValue()).isEqualByComparingTo("1000.00");
        });
    }

    @Test
    @Order(5)
    void aStaleVersionIsAConflictAndChangesNothing() {
        var stale = board.post("/api/members/3/exclusion", Map.of("reason", "test", "expectedVersion", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asText()).isEqualTo("urn:allmende:problem:concurrent-change");
        assertThat(entry(3).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(6)
    void mergingMunicipalitiesHandTheirSharesCapitalAndSubscriptionsToTheSuccessor() {
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var tomorrow = today.plusDays(1).toString();
        subscribe(3, "RIS-TABLET", 10, today);
        subscribe(3, "PRINT-PAGES", 1000, today);
        subscribe(4, "RIS-TABLET", 5, today);

        var merged = board.post(
                "/api/mergers",
                Map.of("mergedMemberNumbers", List.of(3), "successorMemberNumber", 4, "agreedOn", tomorrow));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(4).path("shares").asInt()).isEqualTo(12 + 14);
            assertThat(entry(4).path("paidInCapital").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(entry(3).path("status").asText()).isEqualTo("LEAVING");
            assertThat(entry(3).path("leavingCause").asText()).isEqualTo("MERGER");
        });
        var successorExtract = board.get("/api/members/4/register-extract").json();
        assertThat(successorExtract.path("changes").findValuesAsText("description"))
                .anySatisfy(d -> assertThat(d).contains("Took over member 3"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var successor = board.get("/api/members/4/subscriptions?on=" + tomorrow)
                    .json()
                    .path("subscriptions");
            var mergedAway = board.get("/api/members/3/subscriptions?on=" + tomorrow)
                    .json()
                    .path("subscriptions");
            assertThat(successor.toString())
                    .contains("\"serviceCode\":\"PRINT-PAGES\"")
                    .contains("\"quantity\":1000")
                    .contains("\"quantity\":15");
            assertThat(mergedAway).isEmpty();
        });
    }

    private static void subscribe(long memberNumber, String code, int quantity, LocalDate from) {
        var subscribed = board.post(
                "/api/members/" + memberNumber + "/subscriptions",
                Map.of("serviceCode", code, "quantity", quantity, "effectiveFrom", from.toString()));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void aMemberGivesNoticeToTheFiscalYearEndTwoYearsAhead() {
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var notice = service.api(DemoLogins.MEMBER_2).post("/api/me/notice", Map.of());

        assertThat(notice.status()).as(notice.toString()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(2).path("status").asText()).isEqualTo("LEAVING");
            assertThat(entry(2).path("leavingOn").asText())
                    .isEqualTo(
                            LocalDate.of(today.plusYears(2).getYear(), 12, 31).toString());
        });
        var again = service.api(DemoLogins.MEMBER_2).post("/api/me/notice", Map.of());
        assertThat(again.json().path("rule").asText()).isEqualTo("membership-ending");
    }

    @Test
    @Order(8)
    void theRegisterCanBeReadAsOfAnyDateAndAsKnownAtAnyTime() {
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var moved = board.post(
                "/api/members/1/address",
                Map.of(
                        "address", Map.of("street", "Neues Rathaus 1", "postalCode", "34119", "city", "Eins"),
                        "effectiveOn", today.plusMonths(2).toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        await().atMost(PATIENCE)
                .until(() -> entry(1).path("address").path("street").asText().equals("Neues Rathaus 1"));
        var asOfToday = board.get("/api/register?asOf=" + today).json().get(0);
        var asOfLater =
                board.get("/api/register?asOf=" + today.plusMonths(3)).json().get(0);
        assertThat(asOfToday.path("address").path("street").asText()).isEqualTo("Marktplatz 1");
        assertThat(asOfLater.path("address").path("street").asText()).isEqualTo("Neues Rathaus 1");

        var now = board.get("/api/register").json();
        var beforeAnyone = board.get("/api/register?asOf=2020-01-01").json();
        var knownBeforeTheMerger =
                board.get("/api/register?knownAt=2020-01-01T00:00:00Z").json();

        assertThat(now.findValuesAsText("memberNumber")).containsExactly("1", "2", "3", "4");
        // the merger was agreed for tomorrow: today member 3 is still active, from tomorrow it is leaving
        assertThat(now.findValuesAsText("status")).containsExactly("ACTIVE", "LEAVING", "ACTIVE", "ACTIVE");
        assertThat(board.get("/api/register?asOf=" + today.plusDays(1)).json().findValuesAsText("status"))
                .containsExactly("ACTIVE", "LEAVING", "LEAVING", "ACTIVE");
        assertThat(beforeAnyone).isEmpty();
        assertThat(knownBeforeTheMerger).isEmpty();
        assertThat(board.get("/api/register?asOf=" + today).json()).hasSize(4);
        assertThat(board.post("/api/members/1/address", Map.of("effectiveOn", today.toString()))
                        .json()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("address");
    }

    @Test
    @Order(9)
    void aMemberGetsAnExtractOfItsOwnEntriesAndNoOneElses() {
        var member = service.api(DemoLogins.MEMBER_1);

        var json = member.get("/api/me/register-extract");
        var html = member.get("/api/me/register-extract", "text/html");
        var someoneElses = member.get("/api/members/2/register-extract");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("entry").path("memberNumber").asLong()).isEqualTo(1);
        assertThat(json.json().path("changes").findValuesAsText("kind"))
                .containsSubsequence("JOINED", "CAPITAL", "SHARES", "TRANSFER");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Auszug aus der Mitgliederliste").contains("Mitglied Nr. 1");
        assertThat(someoneElses.status()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void atTheFiscalYearEndTheClockEndsTheMembershipsEvenAcrossARestart() {
        var today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        var afterTheNoticeYear = LocalDate.of(today.plusYears(3).getYear(), 1, 2);
        service.close();

        service = RunningMembershipService.start(
                DATABASE, TOPIC, Map.of("allmende.clock.fixed", afterTheNoticeYear + "T08:00:00Z"));
        board = service.api(DemoLogins.BOARD);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(2).path("status").asText()).isEqualTo("ENDED");
            assertThat(entry(3).path("status").asText()).isEqualTo("ENDED");
            assertThat(entry(1).path("status").asText()).isEqualTo("ACTIVE");
        });
        var exit = board.get("/api/members/2/register-extract").json().path("changes");
        assertThat(exit.findValuesAsText("kind")).endsWith("EXIT");
        var again = service.api(DemoLogins.ADMIN).post("/api/exits/run", "");
        assertThat(again.json().path("membersLookedAt").asInt()).isZero();

        var countedOnTheFixedDay = ApplicationForms.municipality("Gemeinde Stichtag");
        countedOnTheFixedDay.put("inhabitantsReferenceDate", afterTheNoticeYear.toString());
        var accepted = service.api().post("/api/applications", countedOnTheFixedDay);
        assertThat(accepted.status()).as("validation reads the service's clock").isEqualTo(201);
        countedOnTheFixedDay.put(
                "inhabitantsReferenceDate", afterTheNoticeYear.plusDays(1).toString());
        var tomorrow = service.api().post("/api/applications", countedOnTheFixedDay);
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().path("errors").findValuesAsText("field"))
                .containsExactly("inhabitantsReferenceDate");
    }

    @Test
    @Order(11)
    void aMemberTransfersSharesToAnApplicantWhenTheBoardAdmitsIt() {
        var applicationId = service.api()
                .post("/api/applications", ApplicationForms.municipality("Gemeinde Neu"))
                .json()
                .get("applicationId")
                .asText();
        var tooMany = board.post(
                "/api/applications/" + applicationId + "/capital-transfers",
                Map.of("fromMemberNumber", 1, "shares", 500));
        assertThat(tooMany.json().path("rule").asText()).isEqualTo("shares-above-maximum");
        var agreed = board.post(
                "/api/applications/" + applicationId + "/capital-transfers",
                Map.of("fromMemberNumber", 1, "shares", 2));
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(204);

        board.post("/api/applications/" + applicationId + "/votes", Map.of("vote", "APPROVE"));
        var admitted = service.api(DemoLogins.BOARD_2)
                .post("/api/applications/" + applicationId + "/votes", Map.of("vote", "APPROVE"))
                .json()
                .get("memberNumber")
                .asLong();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(entry(admitted).path("shares").asInt()).isEqualTo(12 + 2);
            assertThat(entry(admitted).path("paidInCapital").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(entry(1).path("shares").asInt()).isEqualTo(11);
            assertThat(entry(1).path("paidInCapital").decimalValue()).isEqualByComparingTo("4000.00");
        });
    }
}
