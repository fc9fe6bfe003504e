package org.allmende.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform as it runs in production: both services as their own JVMs from their executable jars, a real
 * PostgreSQL and a real Kafka broker; the tests speak only REST.
 */
class PlatformIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Platform platform;
    private static ApiClient membership;
    private static ApiClient billing;

    @BeforeAll
    static void start() {
        var topic = SharedInfrastructure.unique("membership_topic");
        var billingTopic = SharedInfrastructure.unique("billing_topic");
        platform = TestPlatform.start(
                Map.of(
                        "allmende.kafka.topic", topic,
                        "allmende.intake.membership-topic", topic,
                        "allmende.publishing.topic", billingTopic,
                        "allmende.billing-intake.topic", billingTopic),
                Path.of("target/platform-logs"));
        membership = ApiClient.anonymous(platform.membership().baseUrl());
        billing = ApiClient.anonymous(platform.billing().baseUrl());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static Map<String, Object> application(String name, int shares) {
        return Map.of(
                "applicantName",
                name,
                "bodyKind",
                "DISTRICT",
                "ags",
                "06631000",
                "address",
                Map.of("street", "Kreishaus 1", "postalCode", "36037", "city", name),
                "leitwegId",
                "991-33333TEST-33",
                "contactPersons",
                List.of(Map.of("name", "Max Muster", "email", "max@example.org")),
                "requestedShares",
                shares,
                "statutesVersion",
                "2026-01",
                "paymentObligationAcknowledged",
                true);
    }

    private static long admit(String name, int shares) {
        var submitted = membership.post("/api/applications", application(name, shares));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        var id = submitted.json().get("applicationId").asText();
        var approve = Map.of("vote", "APPROVE");
        assertThat(membership
                        .as(DemoLogins.BOARD)
                        .post("/api/applications/" + id + "/votes", approve)
                        .status())
                .isEqualTo(200);
        var approved = membership.as(DemoLogins.BOARD_2).post("/api/applications/" + id + "/votes", approve);
        assertThat(approved.json().path("outcome").asText())
                .as(approved.toString())
                .isEqualTo("APPROVED");
        return approved.json().get("memberNumber").asLong();
    }

    /** Finance records capital paid in by hand in membership, paid today (Berlin). */
    private static void recordCapitalPayment(long memberNumber, String amount, String reference) {
        var paid = membership
                .as(DemoLogins.FINANCE)
                .post(
                        "/api/members/" + memberNumber + "/capital-payments",
                        Map.of(
                                "amount",
                                amount,
                                "paidOn",
                                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))
                                        .toString(),
                                "reference",
                                reference));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(204);
    }

    private static int billingMembers() {
        return billing.as(DemoLogins.FINANCE).get("/api/members").json().size();
    }

    private static String publisherStatus() {
        return membership
                .as(DemoLogins.ADMIN)
                .get("/actuator/health")
                .json()
                .path("components")
                .path("kafkaPublisher")
                .path("status")
                .asText();
    }

    private static int registerMembers() {
        return membership.as(DemoLogins.BOARD).get("/api/members").json().size();
    }

    @Test
    void anAdmittedMemberAppearsInBillingWithItsShares() {
        var memberNumber = admit("Landkreis Fulda", 40);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var member = billing.as(DemoLogins.FINANCE).get("/api/members/" + memberNumber);
            assertThat(member.status()).isEqualTo(200);
            assertThat(member.json().path("name").asText()).isEqualTo("Landkreis Fulda");
            assertThat(member.json().path("shares").asInt()).isEqualTo(40);
            assertThat(member.json().path("leitwegId").asText()).isEqualTo("991-33333TEST-33");
        });
        recordCapitalPayment(memberNumber, "2000.00", "first instalment");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(billing.as(DemoLogins.FINANCE)
                        .get("/api/members/" + memberNumber)
                        .json()
                        .path("paidInCapital")
                        .decimalValue())
                .isEqualByComparingTo("2000.00"));
        var unknown = billing.as(DemoLogins.FINANCE).get("/api/members/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:allmende:problem:not-found");
    }

    @Test
    void whileTheBrokerIsDownCommandsSucceedAndTheEventsArriveOnceItIsBack() {
        var kafka = SharedInfrastructure.kafka();
        await().atMost(PATIENCE).until(() -> billingMembers() == registerMembers());
        var before = billingMembers();

        kafka.stop();
        try {
            var first = admit("Gemeinde Ohnenetz", 3);
            var second = admit("Stadt Funkstille", 5);
            assertThat(second).isGreaterThan(first);
            // the register is a projection (a tracking processor): it follows the commands, not within them
            await().atMost(PATIENCE).until(() -> registerMembers() == before + 2);
            // the relay has tried, failed and keeps its position: nothing is skipped
            await().atMost(PATIENCE).until(() -> publisherStatus().equals("DEGRADED"));
        } finally {
            kafka.start();
        }

        await().atMost(PATIENCE).until(() -> billingMembers() == before + 2);
        await().atMost(PATIENCE).until(() -> publisherStatus().equals("UP"));
        var intake = billing.as(DemoLogins.ADMIN).get("/api/intake").json();
        assertThat(intake.path("openParkedRecords").asLong()).isZero();
        var names = billing.as(DemoLogins.FINANCE).get("/api/members").json().findValuesAsText("name");
        assertThat(names).containsOnlyOnce("Gemeinde Ohnenetz", "Stadt Funkstille");
    }

    /** ADR 0024: billing calls capital, a payment on the call becomes paid-in capital in membership, and back. */
    @Test
    void aCapitalCallPaidInBillingBecomesPaidInCapitalInMembership() {
        var memberNumber = admit("Landkreis Kassel", 4);
        var finance = billing.as(DemoLogins.FINANCE);
        await().atMost(PATIENCE)
                .until(() -> finance.get("/api/members/" + memberNumber).status() == 200);

        var run = finance.post("/api/capital-calls", Map.of("portion", "FIRST_INSTALMENT"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        var call = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        run.json().path("issue").path("drafts").forEach(draft -> {
            if (draft.path("memberNumber").asLong() == memberNumber) {
                call.add(draft);
            }
        });
        assertThat(call)
                .singleElement()
                .satisfies(d -> assertThat(d.path("outcome").asText()).isEqualTo("ISSUED"));
        var number = call.get(0).path("number").asText();

        var paid = finance.post(
                "/api/payments",
                Map.of(
                        "amount",
                        "200.00",
                        "bookedOn",
                        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))
                                .toString(),
                        "referenceText",
                        "Kapitalabruf " + number,
                        "bankReference",
                        "PLATFORM-" + number));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(membership
                        .as(DemoLogins.BOARD)
                        .get("/api/members/" + memberNumber)
                        .json()
                        .path("paidInCapital")
                        .decimalValue())
                .isEqualByComparingTo("200.00"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(finance.get("/api/members/" + memberNumber)
                        .json()
                        .path("paidInCapital")
                        .decimalValue())
                .as("back in billing from membership's CapitalPaymentRecorded")
                .isEqualByComparingTo("200.00"));
        var again = finance.post("/api/capital-calls", Map.of("portion", "FIRST_INSTALMENT"));
        assertThat(again.json().path("calls").findValuesAsText("memberNumber"))
                .doesNotContain(Long.toString(memberNumber));
    }

    @Test
    void aMemberSeesItselfInBillingButNotTheList() {
        admit("Gemeinde Eins", 1);
        await().atMost(PATIENCE).until(() -> billingMembers() >= 1);

        var own = billing.as(DemoLogins.MEMBER_1).get("/api/me/member");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("memberNumber").asLong()).isEqualTo(1);
        assertThat(billing.as(DemoLogins.MEMBER_1).get("/api/members").status()).isEqualTo(403);
        assertThat(billing.as(DemoLogins.MEMBER_1).get("/api/members/2").status())
                .isEqualTo(403);
        assertThat(billing.get("/api/members").status()).isEqualTo(401);
    }

    /**
     * The member portal's shares page (billing) and the register extract (membership) show the same shares and
     * paid-in capital for the login's member, and link each other across the two ports.
     */
    @Test
    void aMembersSharesAndPaidInCapitalAreTheSameInThePortalAndInItsRegisterExtract() {
        // the login mitglied1 is member 1: whoever was admitted first on this platform
        admit("Gemeinde Gleichstand", 3);
        recordCapitalPayment(1, "150.00", "Einzahlung");
        var recorded = new java.util.concurrent.atomic.AtomicReference<java.math.BigDecimal>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            var extract = membership.as(DemoLogins.MEMBER_1).get("/api/me/register-extract");
            var capital = billing.as(DemoLogins.MEMBER_1).get("/api/me/capital");
            assertThat(capital.status()).as(capital.toString()).isEqualTo(200);
            var entry = extract.json().path("entry");
            assertThat(entry.path("paidInCapital").decimalValue())
                    .isGreaterThanOrEqualTo(new java.math.BigDecimal("150.00"));
            assertThat(capital.json().path("paidIn").decimalValue())
                    .isEqualByComparingTo(entry.path("paidInCapital").decimalValue());
            assertThat(capital.json().path("shares").asInt())
                    .isEqualTo(entry.path("shares").asInt());
            recorded.set(entry.path("paidInCapital").decimalValue());
        });

        var portal = new org.allmende.devinfra.PageSession(platform.billing().baseUrl());
        portal.logIn(DemoLogins.MEMBER_1);
        var shares = portal.get("/me/shares?lang=en").body();
        assertThat(shares)
                .contains(
                        "id=\"paid-in\">" + String.format(java.util.Locale.ENGLISH, "%,.2f", recorded.get()) + " EUR<")
                .contains("href=\"" + platform.membership().baseUrl() + "/me/register-extract\"");
        var register =
                new org.allmende.devinfra.PageSession(platform.membership().baseUrl());
        register.logIn(DemoLogins.MEMBER_1);
        assertThat(register.get("/me/register-extract?lang=en").body())
                .contains("id=\"member-capital\">" + String.format(java.util.Locale.ENGLISH, "%,.2f", recorded.get())
                        + " EUR<")
                .contains("href=\"" + platform.billing().baseUrl() + "/me/shares\"");
    }

    @Test
    void theSeededCatalogAndASubscriptionTakenInMembershipReachBilling() {
        var memberNumber = admit("Stadt Druckhausen", 2);
        var board = membership.as(DemoLogins.BOARD);
        await().atMost(PATIENCE)
                .until(() -> board.get("/api/members/" + memberNumber).status() == 200);
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

        var subscribed = board.post(
                "/api/members/" + memberNumber + "/subscriptions",
                Map.of("serviceCode", "PRINT-PAGES", "quantity", 5000, "effectiveFrom", today.toString()));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

        var finance = billing.as(DemoLogins.FINANCE);
        await().atMost(PATIENCE).untilAsserted(() -> {
            var periods = finance.get("/api/members/" + memberNumber + "/subscriptions?on=" + today)
                    .json()
                    .path("subscriptions");
            assertThat(periods.findValuesAsText("serviceCode")).containsExactly("PRINT-PAGES");
            assertThat(periods.get(0).path("quantity").asInt()).isEqualTo(5000);
        });
        assertThat(finance.get("/api/catalog?on=" + today).json().findValuesAsText("code"))
                .contains("DC-HOSTING", "PRINT-PAGES", "PRINT-CARTRIDGE", "SUPPORT-HOURS");
    }
}
