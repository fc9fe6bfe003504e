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
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.RunningMembershipService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        return Map.of(
                "applicantName",
                name,
                "bodyKind",
                "MUNICIPALITY",
                "address",
                Map.of("street", "Marktplatz 1", "postalCode", "34117", "city", name, "country", "DE"),
                "requestedShares",
                12);
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

        var approved = board.post("/api/applications/" + applicationId + "/approval", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var memberNumber = approved.json().get("memberNumber").asLong();
        assertThat(memberNumber).isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var entry = board.get("/api/members/" + memberNumber);
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.json().path("name").asText()).isEqualTo("Stadt Nordheim");
            assertThat(entry.json().path("shares").asInt()).isEqualTo(12);
        });

        var memberId = approved.json().get("memberId").asText();
        var records = readTopicUntil(service.topic(), java.util.Set.of(applicationId, memberId), 3);
        assertThat(records)
                .extracting(r -> header(r, Headers.EVENT_TYPE))
                .containsExactly("MembershipApplicationSubmitted", "MembershipApplicationApproved", "MemberAdmitted");
        var admitted = records.get(2);
        var event = EventJson.read(admitted.value(), MemberAdmitted.class);
        assertThat(admitted.key()).isEqualTo(event.memberId().toString());
        assertThat(event.memberNumber()).isEqualTo(memberNumber);
        assertThat(header(admitted, Headers.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(UUID.fromString(header(admitted, Headers.EVENT_ID))).isNotNull();
        assertThat(header(admitted, Headers.CORRELATION_ID)).isNotBlank();
    }

    @Test
    void approvingTwiceIsAConflictAndAdmitsNobodyTwice() {
        var applicationId = service.api()
                .post("/api/applications", application("Gemeinde Zweimal"))
                .json()
                .get("applicationId")
                .asText();
        var board = service.api(DemoLogins.BOARD);
        assertThat(board.post("/api/applications/" + applicationId + "/approval", "")
                        .status())
                .isEqualTo(200);

        var again = board.post("/api/applications/" + applicationId + "/approval", "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("rule").asText()).isEqualTo("application-already-decided");
    }

    @Test
    void memberNumbersAreUniqueUnderConcurrentAdmissions() throws Exception {
        var board = service.api(DemoLogins.BOARD);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            ids.add(service.api()
                    .post("/api/applications", application("Gemeinde " + i))
                    .json()
                    .get("applicationId")
                    .asText());
        }
        var numbers = ids.parallelStream()
                .map(id -> board.post("/api/applications/" + id + "/approval", "")
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
                        "requestedShares");
        assertThat(response.json().path("errors").toString())
                .contains("\"field\":\"address.postalCode\",\"rule\":\"pattern\"");
        assertThat(storedEvents()).isEqualTo(before);
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

        var unknown = board.post("/api/applications/" + UUID.randomUUID() + "/approval", "");
        var notAnId = board.post("/api/applications/not-a-uuid/approval", "");
        var noReason = board.post("/api/applications/" + UUID.randomUUID() + "/rejection", Map.of());

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
        var applicationId = service.api()
                .post("/api/applications", application("Gemeinde Geheim"))
                .json()
                .get("applicationId")
                .asText();

        assertThat(service.api()
                        .post("/api/applications/" + applicationId + "/approval", "")
                        .status())
                .isEqualTo(401);
        assertThat(service.api(DemoLogins.FINANCE)
                        .post("/api/applications/" + applicationId + "/approval", "")
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
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= count;
            });
        }
        records.sort(java.util.Comparator.comparing(r -> header(r, Headers.RECORDED_AT)));
        return records;
    }
}
