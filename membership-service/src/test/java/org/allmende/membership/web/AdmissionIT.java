package org.allmende.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.TopicProbe;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.RunningMembershipService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admission through the REST API, with the facts arriving on the membership topic in the documented format. */
class AdmissionIT {

    private static RunningMembershipService service;

    @BeforeAll
    static void start() {
        service = RunningMembershipService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Map<String, Object> application(String name) {
        return org.allmende.membership.ApplicationForms.municipality(name);
    }

    static Map<String, Object> approve() {
        return Map.of("vote", "APPROVE", "comment", "fits our region");
    }

    private String submit(String name) {
        var submitted = service.api().post("/api/applications", application(name));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("applicationId").asText();
    }

    @Test
    void anApplicantAppliesTheBoardApprovesAndTheMemberIsInTheRegisterAndOnTheTopic() {
        var submitted = service.api().post("/api/applications", application("Stadt Nordheim"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        var applicationId = submitted.json().get("applicationId").asText();

        var board = service.api(DemoLogins.BOARD);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(board.get("/api/applications/" + applicationId)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("PENDING"));

        var first = board.post("/api/applications/" + applicationId + "/votes", approve());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("outcome").asText()).isEqualTo("PENDING");
        assertThat(first.json().path("votesStillNeeded").asInt()).isEqualTo(1);

        var approved = service.api(DemoLogins.BOARD_2).post("/api/applications/" + applicationId + "/votes", approve());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("outcome").asText()).isEqualTo("APPROVED");
        var memberNumber = approved.json().get("memberNumber").asLong();
        assertThat(memberNumber).isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var entry = board.get("/api/members/" + memberNumber);
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.json().path("name").asText()).isEqualTo("Stadt Nordheim");
            assertThat(entry.json().path("shares").asInt()).isEqualTo(12);
            assertThat(entry.json().path("leitwegId").asText()).isEqualTo("991-33333TEST-33");
        });
        var view = board.get("/api/applications/" + applicationId).json();
        assertThat(view.path("votes").findValuesAsText("boardMember"))
                .containsExactlyInAnyOrder("vorstand", "vorstand2");
        assertThat(view.path("status").asText()).isEqualTo("APPROVED");

        var memberId = approved.json().get("memberId").asText();
        var records = readTopicUntil(service.topic(), java.util.Set.of(applicationId, memberId), 3);
        // order holds per key (one partition each); across keys it is not promised
        assertThat(records.stream().filter(r -> r.key().equals(applicationId)))
                .extracting(r -> header(r, Headers.EVENT_TYPE))
                .containsExactly("MembershipApplicationSubmitted", "MembershipApplicationApproved");
        var admitted = records.stream()
                .filter(r -> r.key().equals(memberId))
                .findFirst()
                .orElseThrow();
        assertThat(header(admitted, Headers.EVENT_TYPE)).isEqualTo("MemberAdmitted");
        var event = EventJson.read(admitted.value(), MemberAdmitted.class);
        assertThat(admitted.key()).isEqualTo(event.memberId().toString());
        assertThat(event.memberNumber()).isEqualTo(memberNumber);
        assertThat(header(admitted, Headers.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(UUID.fromString(header(admitted, Headers.EVENT_ID))).isNotNull();
        assertThat(header(admitted, Headers.CORRELATION_ID)).isNotBlank();
    }

    @Test
    void nobodyVotesTwiceAndNobodyVotesAfterTheDecision() {
        var applicationId = submit("Gemeinde Zweimal");
        var board = service.api(DemoLogins.BOARD);
        assertThat(board.post("/api/applications/" + applicationId + "/votes", approve())
                        .status())
                .isEqualTo(200);

        var again = board.post("/api/applications/" + applicationId + "/votes", approve());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("rule").asText()).isEqualTo("already-voted");

        service.api(DemoLogins.BOARD_2).post("/api/applications/" + applicationId + "/votes", approve());
        var late = service.api(DemoLogins.BOARD_2).post("/api/applications/" + applicationId + "/votes", approve());
        assertThat(late.json().path("rule").asText()).isEqualTo("application-already-decided");
    }

    @Test
    void aBoardMemberWhoDeclaredAConflictCannotVote() {
        var applicationId = submit("Gemeinde Befangen");
        var board = service.api(DemoLogins.BOARD);

        var declared =
                board.post("/api/applications/" + applicationId + "/conflicts", Map.of("reason", "I am its mayor"));
        var vote = board.post("/api/applications/" + applicationId + "/votes", approve());

        assertThat(declared.status()).isEqualTo(204);
        assertThat(vote.status()).isEqualTo(409);
        assertThat(vote.json().path("rule").asText()).isEqualTo("conflict-of-interest");
    }

    @Test
    void aRejectedApplicantsContactPersonsAreErased() {
        var applicationId = submit("Gemeinde Abgelehnt");
        var board = service.api(DemoLogins.BOARD);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(board.get("/api/applications/" + applicationId)
                                .json()
                                .path("contactPersons")
                                .findValuesAsText("email"))
                        .containsExactly("erika@example.org"));

        board.post("/api/applications/" + applicationId + "/votes", Map.of("vote", "REJECT"));
        var rejected = service.api(DemoLogins.BOARD_2)
                .post("/api/applications/" + applicationId + "/votes", Map.of("vote", "REJECT"));
        assertThat(rejected.json().path("outcome").asText()).isEqualTo("REJECTED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var view = board.get("/api/applications/" + applicationId).json();
            assertThat(view.path("status").asText()).isEqualTo("REJECTED");
            assertThat(view.path("contactPersons")).isEmpty();
        });
        assertThat(service.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject(
                                "select count(*) from contact_person where application_id = ?::uuid",
                                Long.class,
                                applicationId))
                .isZero();
    }

    @Test
    void theApplicantWithdrawsWithItsTokenAndOnlyWithIt() {
        var submitted = service.api().post("/api/applications", application("Gemeinde Rückzug"));
        var applicationId = submitted.json().get("applicationId").asText();
        var token = submitted.json().get("withdrawalToken").asText();

        var wrong =
                service.api().post("/api/applications/" + applicationId + "/withdrawal", Map.of("token", "guessed"));
        var right = service.api().post("/api/applications/" + applicationId + "/withdrawal", Map.of("token", token));

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var view = service.api(DemoLogins.BOARD)
                    .get("/api/applications/" + applicationId)
                    .json();
            assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(view.path("contactPersons")).isEmpty();
        });
        var status = service.api()
                .get("/api/applications/" + applicationId + "/status", "application/json", "X-Applicant-Token", token);
        assertThat(status.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(service.api()
                        .get(
                                "/api/applications/" + applicationId + "/status",
                                "application/json",
                                "X-Applicant-Token",
                                "x")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theStatutesAndThePaymentObligationArePublic() {
        var statutes = service.api().get("/api/statutes");

        assertThat(statutes.status()).isEqualTo(200);
        assertThat(statutes.json().path("version").asText()).isEqualTo("2026-01");
        assertThat(statutes.json().path("shareNominalValue").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(statutes.json().path("paymentObligation").asText()).contains("pays in every share");
    }

    @Test
    void memberNumbersAreUniqueUnderConcurrentAdmissions() throws Exception {
        var board = service.api(DemoLogins.BOARD);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            var id = submit("Gemeinde " + i);
            board.post("/api/applications/" + id + "/votes", approve());
            ids.add(id);
        }
        var numbers = ids.parallelStream()
                .map(id -> service.api(DemoLogins.BOARD_2)
                        .post("/api/applications/" + id + "/votes", approve())
                        .json()
                        .path("memberNumber")
                        .asLong())
                .toList();
        assertThat(numbers).doesNotContain(0L).doesNotHaveDuplicates();
    }

    private long storedEvents() {
        return service.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Test
    void malformedJsonIsRejectedAndNothingIsStored() {
        var before = storedEvents();

        var response = service.api().post("/api/applications", "{\"applicantName\": \"Stadt");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:unreadable-body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreNamedWithTheRuleTheyBreakAndNothingIsStored() {
        var before = storedEvents();

        var response = service.api().post("/api/applications", Map.of("address", Map.of("postalCode", "1234")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:allmende:problem:invalid-input");
        assertThat(response.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder(
                        "address.city",
                        "address.postalCode",
                        "address.street",
                        "applicantName",
                        "bodyKind",
                        "contactPersons",
                        "leitwegId",
                        "paymentObligationAcknowledged",
                        "requestedShares",
                        "statutesVersion");
        assertThat(response.json().path("errors").toString())
                .contains("\"field\":\"address.postalCode\",\"rule\":\"pattern\"");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theLawsChecksOnTheFormNameTheFieldAndTheRule() {
        var form = new java.util.HashMap<>(application("Gemeinde Prüfziffer"));
        form.put("leitwegId", "991-33333TEST-34");
        form.remove("ags");
        form.put("paymentObligationAcknowledged", false);
        form.put("contactPersons", List.of(Map.of("name", "E. M.", "email", "not-an-address")));
        var before = storedEvents();

        var response = service.api().post("/api/applications", form);

        assertThat(response.status()).isEqualTo(400);
        var errors = response.json().path("errors");
        assertThat(errors.toString())
                .contains("{\"field\":\"leitwegId\",\"rule\":\"leitweg-id-format\"")
                .contains("{\"field\":\"ags\",\"rule\":\"ags-where-it-applies\"")
                .contains("{\"field\":\"paymentObligationAcknowledged\",\"rule\":\"must-be-true\"")
                .contains("{\"field\":\"contactPersons[0].email\",\"rule\":\"email\"");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aTownMustTakeItsObligatorySharesAndTheCurrentStatutes() {
        var form = new java.util.HashMap<>(application("Stadt Groß"));
        form.put("inhabitants", 41_000);
        var tooFew = service.api().post("/api/applications", form);
        form.put("requestedShares", 20);
        form.put("statutesVersion", "2019-01");
        var oldStatutes = service.api().post("/api/applications", form);

        assertThat(tooFew.status()).isEqualTo(409);
        assertThat(tooFew.json().path("rule").asText()).isEqualTo("shares-below-obligatory-minimum");
        assertThat(oldStatutes.json().path("rule").asText()).isEqualTo("statutes-version-not-current");
        assertThat(service.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject(
                                "select count(*) from contact_person where application_id not in"
                                        + " (select application_id from application_view)",
                                Long.class))
                .as("a refused application leaves no personal data behind")
                .isZero();
    }

    @Test
    void anUnknownKindOfBodyNamesTheFieldAndTheAllowedValues() {
        var form = new java.util.HashMap<>(application("Gemeinde Falsch"));
        form.put("bodyKind", "TOWN");

        var response = service.api().post("/api/applications", form);

        assertThat(response.status()).isEqualTo(400);
        var error = response.json().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("bodyKind");
        assertThat(error.path("rule").asText()).isEqualTo("one-of");
        assertThat(error.path("message").asText()).contains("MUNICIPALITY");
    }

    @Test
    void decisionsOnUnknownOrMalformedIdsAreClientErrors() {
        var board = service.api(DemoLogins.BOARD);
        var before = storedEvents();

        var unknown = board.post("/api/applications/" + UUID.randomUUID() + "/votes", approve());
        var notAnId = board.post("/api/applications/not-a-uuid/votes", approve());
        var noReason = board.post("/api/applications/" + UUID.randomUUID() + "/conflicts", Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:allmende:problem:not-found");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().path("errors").get(0).path("field").asText()).isEqualTo("applicationId");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyTheBoardDecidesAndSeesApplications() {
        var applicationId = submit("Gemeinde Geheim");

        assertThat(service.api()
                        .post("/api/applications/" + applicationId + "/votes", approve())
                        .status())
                .isEqualTo(401);
        assertThat(service.api(DemoLogins.FINANCE)
                        .post("/api/applications/" + applicationId + "/votes", approve())
                        .status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.FINANCE)
                        .get("/api/applications/" + applicationId)
                        .status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.MEMBER_1).get("/api/applications").status())
                .isEqualTo(403);
        assertThat(service.api(DemoLogins.MEMBER_1).get("/api/members").status())
                .isEqualTo(403);
        assertThat(service.api().get("/actuator/health").status()).isEqualTo(200);
        assertThat(service.api(DemoLogins.BOARD)
                        .get("/actuator/prometheus", "text/plain")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aSlowTransactionFailsLoudlyLongBeforeTrackingProcessorsWouldSkipItsEvents() {
        var jdbc = service.bean(org.springframework.jdbc.core.JdbcTemplate.class);
        var statementTimeout = millis(jdbc.queryForObject("show statement_timeout", String.class));
        var idleTimeout = millis(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class));
        var gapTimeout = Long.parseLong(service.bean(org.springframework.core.env.Environment.class)
                .getRequiredProperty("allmende.event-store.gap-timeout-ms"));

        assertThat(statementTimeout).isPositive();
        assertThat(idleTimeout).isPositive();
        assertThat(statementTimeout + idleTimeout).isLessThan(gapTimeout);
    }

    private static long millis(String postgresDuration) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|min)").matcher(postgresDuration);
        assertThat(matcher.matches()).as(postgresDuration).isTrue();
        var value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<ConsumerRecord<String, byte[]>> readTopicUntil(String topic, java.util.Set<String> keys, int count) {
        return TopicProbe.readUntil(
                        topic,
                        Duration.ofSeconds(30),
                        records -> records.stream()
                                        .filter(r -> keys.contains(r.key()))
                                        .count()
                                >= count)
                .stream()
                .filter(r -> keys.contains(r.key()))
                .toList();
    }
}
