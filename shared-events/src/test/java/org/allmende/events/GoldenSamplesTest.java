package org.allmende.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.allmende.events.membership.MemberAdmitted;
import org.allmende.events.wire.ContractEvents;
import org.allmende.events.wire.EventJson;
import org.allmende.events.wire.EventType;
import org.allmende.events.wire.MalformedEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rename or a type change of a published field breaks this build, not a consumer in production. */
class GoldenSamplesTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<EventType> contract() {
        return ContractEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void goldenSampleReadsAndWritesBackUnchanged(EventType type) throws IOException {
        var golden = golden(type);

        var event = EventJson.read(golden, type.recordClass());
        var written = EventJson.write(event);

        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void everyContractEventIsARecordOnItsTopic(EventType type) {
        assertThat(type.recordClass().isRecord()).isTrue();
        assertThat(type.schemaVersion()).isPositive();
        assertThat(ContractEvents.byName(type.recordClass().getSimpleName())).contains(type);
    }

    @Test
    void aFieldAddedByANewerProducerIsIgnored() throws IOException {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) TREE.readTree(golden(memberAdmitted()));
        json.put("someFutureField", "x");

        var event = EventJson.read(TREE.writeValueAsBytes(json), MemberAdmitted.class);

        assertThat(event.memberNumber()).isEqualTo(17);
    }

    @Test
    void aPayloadThatIsNotJsonIsReportedAsMalformed() {
        assertThatThrownBy(() -> EventJson.read("{\"memberId\": ".getBytes(), MemberAdmitted.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("MemberAdmitted");
    }

    @Test
    void aNullMemberNumberIsMalformedRatherThanZero() throws IOException {
        JsonNode json = TREE.readTree(golden(memberAdmitted()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).putNull("memberNumber");

        assertThatThrownBy(() -> EventJson.read(TREE.writeValueAsBytes(json), MemberAdmitted.class))
                .isInstanceOf(MalformedEventException.class);
    }

    private static EventType memberAdmitted() {
        return ContractEvents.byClass(MemberAdmitted.class).orElseThrow();
    }

    private static byte[] golden(EventType type) throws IOException {
        var path = "/golden/" + type.topic().split("\\.")[1] + "/" + type.name() + ".json";
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("golden sample %s", path).isNotNull();
            return in.readAllBytes();
        }
    }
}
