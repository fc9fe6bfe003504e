package org.allmende.membership.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allmende.devinfra.ApiClient;
import org.allmende.devinfra.DemoLogins;
import org.allmende.membership.Admissions;
import org.allmende.membership.RunningMembershipService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Usage records and batches as a sending system writes them, and what is on the usage topic. */
final class UsageBatches {

    static final String BATCHES = "/api/usage/batches";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private UsageBatches() {}

    static Map<String, Object> record(
            String recordId, long member, String code, String quantity, String unit, String from, String to) {
        var record = new LinkedHashMap<String, Object>();
        record.put("sendingSystem", "druckflotte");
        record.put("recordId", recordId);
        record.put("memberNumber", member);
        record.put("serviceCode", code);
        record.put("quantity", quantity);
        record.put("unit", unit);
        record.put("usedFrom", from);
        record.put("usedTo", to);
        record.put("reversesRecordId", null);
        return record;
    }

    static Map<String, Object> reversal(Map<String, Object> record, String reverses) {
        var reversal = new LinkedHashMap<>(record);
        reversal.put("reversesRecordId", reverses);
        return reversal;
    }

    @SafeVarargs
    static Map<String, Object> batch(Map<String, Object>... records) {
        return Map.of("records", List.of(records));
    }

    /** Each record's outcome as {@code recordId STATUS rule}, in the order sent. */
    static List<String> outcomes(ApiClient.Response response) {
        var outcomes = new ArrayList<String>();
        for (JsonNode record : response.json().path("records")) {
            outcomes.add((record.path("recordId").asText() + " "
                            + record.path("status").asText() + " "
                            + record.path("rule").asText(""))
                    .strip());
        }
        return outcomes;
    }

    /** Admits a municipality; returns its member number once the register shows it. */
    static long admit(RunningMembershipService service, String name) {
        return Admissions.admit(service, name).number();
    }

    static void subscribe(RunningMembershipService service, long member, String code, String from) {
        var subscribed = service.api(DemoLogins.BOARD)
                .post(
                        "/api/members/" + member + "/subscriptions",
                        Map.of("serviceCode", code, "quantity", 1, "effectiveFrom", from));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
    }

    /** Everything on the topic now, read from the beginning with a plain consumer (no group, no commits). */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "usage-probe-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, PATIENCE);
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
