package org.allmende.membership.usage;

import static org.allmende.membership.usage.UsageBatches.BATCHES;
import static org.allmende.membership.usage.UsageBatches.batch;
import static org.allmende.membership.usage.UsageBatches.outcomes;
import static org.allmende.membership.usage.UsageBatches.record;
import static org.allmende.membership.usage.UsageBatches.reversal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.devinfra.SharedInfrastructure;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.Headers;
import org.allmende.membership.RunningMembershipService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sending systems post usage in batches (JSON or CSV) over the REST API of a real membership-service, on a real
 * PostgreSQL and Kafka; what is accepted is read back from the usage topic with a plain consumer. The clock stands
 * on 2026-03-02, the day the members are admitted.
 */
class UsageIntakeIT {

    private static final String TODAY = "2026-03-02";

    private static RunningMembershipService service;
    private static String usageTopic;
    private static ApiClient meter;
    private static long stadt;
    private static long gemeinde;

    @BeforeAll
    static void start() {
        usageTopic = SharedInfrastructure.unique("usage_topic");
        service = RunningMembershipService.start(
                SharedInfrastructure.unique("membership"),
                SharedInfrastructure.unique("membership_topic"),
                Map.of("allmende.usage.topic", usageTopic, "allmende.clock.fixed", TODAY + "T09:00:00Z"));
        meter = service.api(DemoLogins.METER);
        stadt = UsageBatches.admit(service, "Stadt Druckhausen");
        gemeinde = UsageBatches.admit(service, "Gemeinde Ohnedruck");
        UsageBatches.subscribe(service, stadt, "PRINT-PAGES", TODAY);
        UsageBatches.subscribe(service, stadt, "DC-HOSTING", TODAY);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static List<ConsumerRecord<String, byte[]>> onTheTopic(String recordIdPrefix) {
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        for (var record : UsageBatches.readAll(SharedInfrastructure.kafka().bootstrapServers(), usageTopic)) {
            if (usage(record).recordId().startsWith(recordIdPrefix)) {
                found.add(record);
            }
        }
        return found;
    }

    private static UsageRecorded usage(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), UsageRecorded.class);
    }

    private static List<String> recordIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> usage(r).recordId()).toList();
    }

    @Test
    void eachRecordIsAcceptedOnceAndLandsOnTheUsageTopicKeyedByMemberNumber() {
        var pages = record("a-1", stadt, "PRINT-PAGES", "120.5", "PAGE", TODAY, "2026-03-31");
        var instant = record("a-2", stadt, "PRINT-PAGES", "3", "PAGE", null, null);
        instant.remove("usedFrom");
        instant.remove("usedTo");
        instant.put("usedAt", "2026-03-05T23:15:00Z"); // already the 6th in Berlin

        var first = meter.post(BATCHES, batch(pages, instant, pages));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(first.json().path("rejected").asInt()).isZero();
        assertThat(outcomes(first)).containsExactly("a-1 ACCEPTED", "a-2 ACCEPTED", "a-1 DUPLICATE");
        assertThat(first.json().at("/records/2/index").asInt()).isEqualTo(2);

        var again = service.api(DemoLogins.FINANCE).post(BATCHES, batch(pages, instant));
        assertThat(outcomes(again)).as(again.toString()).containsExactly("a-1 DUPLICATE", "a-2 DUPLICATE");

        var published = onTheTopic("a-");
        assertThat(recordIds(published)).containsExactlyInAnyOrder("a-1", "a-2");
        for (var record : published) {
            assertThat(record.key()).isEqualTo(Long.toString(stadt));
            assertThat(UsageBatches.header(record, Headers.EVENT_TYPE)).isEqualTo("UsageRecorded");
            assertThat(UUID.fromString(UsageBatches.header(record, Headers.EVENT_ID)))
                    .isNotNull();
            assertThat(UsageBatches.header(record, Headers.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(UsageBatches.header(record, Headers.RECORDED_AT)).isEqualTo(TODAY + "T09:00:00Z");
            assertThat(UsageBatches.header(record, Headers.CORRELATION_ID)).isNotBlank();
        }
        assertThat(published.stream()
                        .map(UsageIntakeIT::usage)
                        .filter(u -> u.recordId().equals("a-1"))
                        .findFirst()
                        .orElseThrow())
                .isEqualTo(new UsageRecorded(
                        "druckflotte",
                        "a-1",
                        stadt,
                        "PRINT-PAGES",
                        new BigDecimal("120.5"),
                        "PAGE",
                        LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 31),
                        null));
        assertThat(published.stream()
                        .map(UsageIntakeIT::usage)
                        .filter(u -> u.recordId().equals("a-2"))
                        .map(UsageRecorded::usedFrom)
                        .toList())
                .containsExactly(LocalDate.of(2026, 3, 6));
    }

    @Test
    void aRecordThatBreaksARuleIsRejectedWithTheRuleAndNeverPublished() {
        var unknownMember = record("b-1", 99, "PRINT-PAGES", "5", "PAGE", TODAY, TODAY);
        var beforeAdmission = record("b-2", stadt, "PRINT-PAGES", "5", "PAGE", "2026-03-01", TODAY);
        var notSubscribed = record("b-3", gemeinde, "PRINT-PAGES", "5", "PAGE", TODAY, TODAY);
        var wrongUnit = record("b-4", stadt, "PRINT-PAGES", "5", "GB_MONTH", TODAY, TODAY);
        var negative = record("b-5", stadt, "PRINT-PAGES", "-5", "PAGE", TODAY, TODAY);
        var tooPrecise = record("b-6", stadt, "PRINT-PAGES", "1.00001", "PAGE", TODAY, TODAY);
        var unknownService = record("b-7", stadt, "PRINTING", "5", "PAGE", TODAY, TODAY);
        var reversed = record("b-8", stadt, "PRINT-PAGES", "5", "PAGE", "2026-03-10", "2026-03-09");
        var incomplete = record("b-9", stadt, "PRINT-PAGES", "5", null, TODAY, TODAY);
        var malformed = record("b-10", stadt, "PRINT-PAGES", "zwölf", "PAGE", TODAY, TODAY);
        var fine = record("b-11", stadt, "PRINT-PAGES", "5", "PAGE", TODAY, TODAY);

        var answer = meter.post(
                BATCHES,
                batch(
                        unknownMember,
                        beforeAdmission,
                        notSubscribed,
                        wrongUnit,
                        negative,
                        tooPrecise,
                        unknownService,
                        reversed,
                        incomplete,
                        malformed,
                        fine));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(outcomes(answer))
                .containsExactly(
                        "b-1 REJECTED member-not-active",
                        "b-2 REJECTED member-not-active",
                        "b-3 REJECTED not-subscribed",
                        "b-4 REJECTED wrong-unit",
                        "b-5 REJECTED quantity-out-of-bounds",
                        "b-6 REJECTED quantity-scale",
                        "b-7 REJECTED unknown-service",
                        "b-8 REJECTED period-reversed",
                        "b-9 REJECTED incomplete",
                        "b-10 REJECTED malformed",
                        "b-11 ACCEPTED");
        assertThat(answer.json().path("rejected").asInt()).isEqualTo(10);
        assertThat(answer.json().at("/records/3/detail").asText())
                .contains("PAGE")
                .contains("GB_MONTH");
        assertThat(recordIds(onTheTopic("b-"))).containsExactly("b-11");

        // a rejected record is not remembered: corrected, it is taken
        wrongUnit.put("unit", "PAGE");
        assertThat(outcomes(meter.post(BATCHES, batch(wrongUnit)))).containsExactly("b-4 ACCEPTED");
    }

    @Test
    void aReversalTakesBackPartOfItsOriginalButNeverMoreThanIt() {
        var original = record("c-1", stadt, "PRINT-PAGES", "100", "PAGE", TODAY, TODAY);
        var sameBatch = reversal(record("c-2", stadt, "PRINT-PAGES", "30", "PAGE", TODAY, TODAY), "c-1");
        assertThat(outcomes(meter.post(BATCHES, batch(original, sameBatch))))
                .containsExactly("c-1 ACCEPTED", "c-2 ACCEPTED");

        var withinOriginal = reversal(record("c-3", stadt, "PRINT-PAGES", "60", "PAGE", TODAY, TODAY), "c-1");
        var aboveOriginal = reversal(record("c-4", stadt, "PRINT-PAGES", "20", "PAGE", TODAY, TODAY), "c-1");
        var ofUnknown = reversal(record("c-5", stadt, "PRINT-PAGES", "1", "PAGE", TODAY, TODAY), "c-404");
        var otherService = reversal(record("c-6", stadt, "DC-HOSTING", "1", "GB_MONTH", TODAY, TODAY), "c-1");
        var ofAReversal = reversal(record("c-7", stadt, "PRINT-PAGES", "1", "PAGE", TODAY, TODAY), "c-2");
        var second = batch(withinOriginal, aboveOriginal, ofUnknown, otherService, ofAReversal);

        assertThat(outcomes(meter.post(BATCHES, second)))
                .containsExactly(
                        "c-3 ACCEPTED",
                        "c-4 REJECTED reversal-above-original",
                        "c-5 REJECTED reversal-of-unknown-record",
                        "c-6 REJECTED reversal-of-unknown-record",
                        "c-7 REJECTED reversal-of-unknown-record");
        // sent again, the reversal taken is a duplicate — not a reversal above its original
        assertThat(outcomes(meter.post(BATCHES, second)))
                .containsExactly(
                        "c-3 DUPLICATE",
                        "c-4 REJECTED reversal-above-original",
                        "c-5 REJECTED reversal-of-unknown-record",
                        "c-6 REJECTED reversal-of-unknown-record",
                        "c-7 REJECTED reversal-of-unknown-record");

        var published = onTheTopic("c-").stream().map(UsageIntakeIT::usage).toList();
        assertThat(published)
                .extracting(u -> u.recordId() + " " + u.quantity().toPlainString() + " " + u.reversesRecordId())
                .containsExactlyInAnyOrder("c-1 100 null", "c-2 30 c-1", "c-3 60 c-1");
    }

    @Test
    void aCsvUploadIsAnsweredPerLineAndABrokenLineIsRejectedWithItsNumber() {
        var csv = "sendingSystem,recordId,memberNumber,serviceCode,quantity,unit,usedFrom,usedTo,reversesRecordId\r\n"
                + "druckflotte,d-1," + stadt + ",PRINT-PAGES,12.5,PAGE,2026-03-02,2026-03-31,\r\n"
                + "druckflotte,d-2," + stadt + ",PRINT-PAGES,\"12,5\",PAGE,2026-03-02,2026-03-31,\r\n"
                + "druckflotte,d-3," + stadt + ",PRINT-PAGES,7\r\n"
                + "\"druck\"\"flotte\",d-4," + stadt + ",\"PRINT-PAGES\",7,PAGE,2026-03-02,2026-03-02,\r\n"
                + "druckflotte,d-5," + gemeinde + ",PRINT-PAGES,7,PAGE,2026-03-02,2026-03-02,\r\n";

        var answer = meter.post(BATCHES, "text/csv; charset=UTF-8", csv);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(outcomes(answer))
                .containsExactly(
                        "d-1 ACCEPTED",
                        "d-2 REJECTED malformed",
                        "d-3 REJECTED malformed",
                        "d-4 ACCEPTED",
                        "d-5 REJECTED not-subscribed");
        assertThat(answer.json().at("/records/1/detail").asText()).startsWith("line 3, field quantity");
        assertThat(answer.json().at("/records/2/detail").asText()).startsWith("line 4, has 5 fields");
        assertThat(answer.json().at("/records/3/sendingSystem").asText()).isEqualTo("druck\"flotte");
        assertThat(recordIds(onTheTopic("d-"))).containsExactlyInAnyOrder("d-1", "d-4");
    }

    @Test
    void aBatchAboveTenThousandRecordsIsRefusedWholeAndNothingOfItIsTaken() {
        var records = new ArrayList<Map<String, Object>>();
        for (int i = 0; i <= 10_000; i++) {
            records.add(record("e-" + i, stadt, "PRINT-PAGES", "1", "PAGE", TODAY, TODAY));
        }

        var answer = meter.post(BATCHES, Map.of("records", records));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:allmende:problem:batch-too-large");
        assertThat(answer.json().path("rule").asText()).isEqualTo("batch-too-large");
        assertThat(onTheTopic("e-")).isEmpty();
        assertThat(outcomes(meter.post(BATCHES, Map.of("records", records.subList(0, 1)))))
                .containsExactly("e-0 ACCEPTED");
    }

    @Test
    void onlySendingSystemsAndFinancePostUsage() {
        var one = batch(record("f-1", stadt, "PRINT-PAGES", "1", "PAGE", TODAY, TODAY));

        for (var login : List.of(DemoLogins.MEMBER_1, DemoLogins.BOARD, DemoLogins.ADMIN)) {
            var denied = service.api(login).post(BATCHES, one);
            assertThat(denied.status()).as(login.username()).isEqualTo(403);
            assertThat(denied.json().path("type").asText()).isEqualTo("urn:allmende:problem:forbidden");
        }
        assertThat(service.api().post(BATCHES, one).status()).isEqualTo(401);
        assertThat(onTheTopic("f-")).isEmpty();
    }

    @Test
    void aBodyThatIsNoBatchIsAProblemNotAServerError() {
        var notJson = meter.post(BATCHES, "{\"records\": [ {\"recordId\": ");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.json().path("type").asText()).isEqualTo("urn:allmende:problem:unreadable-body");

        var empty = meter.post(BATCHES, Map.of("records", List.of()));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().path("rule").asText()).isEqualTo("empty-batch");
        assertThat(empty.json().at("/errors/0/field").asText()).isEqualTo("records");

        var noHeader = meter.post(BATCHES, "text/csv", "druckflotte,r-1,1,PRINT-PAGES,1,PAGE,2026-03-02,2026-03-02,\n");
        assertThat(noHeader.status()).as(noHeader.toString()).isEqualTo(400);
        assertThat(noHeader.json().path("detail").asText()).contains("header");

        for (var type : List.of("text/plain", "application/xml")) {
            var unsupported = meter.post(BATCHES, type, "records");
            assertThat(unsupported.status()).as(type).isEqualTo(415);
            assertThat(unsupported.json().path("detail").asText()).contains("text/csv");
        }
    }

    @Test
    void usagePostedRightAfterASubscriptionIsCheckedAgainstIt() {
        var services =
                Map.of("ADMIN-NET", "FLAT", "IT-SECURITY", "FLAT", "RIS-TABLET", "DEVICE", "SUPPORT-HOURS", "HOUR");
        for (var service : services.entrySet()) {
            UsageBatches.subscribe(UsageIntakeIT.service, gemeinde, service.getKey(), TODAY);
            var recordId = "h-" + service.getKey();

            var answer = meter.post(
                    BATCHES,
                    batch(record(recordId, gemeinde, service.getKey(), "2", service.getValue(), TODAY, TODAY)));

            assertThat(outcomes(answer)).as(answer.toString()).containsExactly(recordId + " ACCEPTED");
        }
    }

    @Test
    void aMergedMembersUsageAfterItsEndIsRejectedAndBelongsToTheSuccessor() {
        var merged = UsageBatches.admit(service, "Gemeinde Altdorf");
        var successor = UsageBatches.admit(service, "Stadt Neudorf");
        UsageBatches.subscribe(service, merged, "PRINT-PAGES", TODAY);
        var merger = service.api(DemoLogins.BOARD)
                .post(
                        "/api/mergers",
                        Map.of(
                                "mergedMemberNumbers",
                                List.of(merged),
                                "successorMemberNumber",
                                successor,
                                "agreedOn",
                                "2026-03-10"));
        assertThat(merger.status()).as(merger.toString()).isEqualTo(204);

        var answer = meter.post(
                BATCHES,
                batch(
                        record("i-1", merged, "PRINT-PAGES", "5", "PAGE", "2026-03-05", "2026-03-05"),
                        record("i-2", merged, "PRINT-PAGES", "5", "PAGE", "2026-03-20", "2026-03-20"),
                        record("i-3", merged, "PRINT-PAGES", "5", "PAGE", "2027-01-05", "2027-01-05"),
                        record("i-4", successor, "PRINT-PAGES", "5", "PAGE", "2027-01-05", "2027-01-05")));

        assertThat(outcomes(answer))
                .as(answer.toString())
                .containsExactly(
                        "i-1 ACCEPTED", // before the merger, its own subscription
                        "i-2 REJECTED not-subscribed", // the subscription went over to the successor
                        "i-3 REJECTED member-not-active", // after the fiscal year end: report it to the successor
                        "i-4 ACCEPTED");
    }
}
