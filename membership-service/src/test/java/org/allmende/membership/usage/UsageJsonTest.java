package org.allmende.membership.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageJsonTest {

    private static List<SubmittedRecord> read(String json, int maximum) {
        return UsageJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), maximum);
    }

    private static final String RECORD =
            """
            {"sendingSystem":"druckflotte","recordId":"r-%d","memberNumber":1,"serviceCode":"PRINT-PAGES",
             "quantity":"120.5","unit":"PAGE","usedFrom":"2026-03-01","usedTo":"2026-03-31","reversesRecordId":null}
            """;

    @Test
    void readsEveryFieldFromStringsOrNumbers() {
        var records = read(
                "{\"records\":[" + RECORD.formatted(1) + ","
                        + RECORD.formatted(2).replace("\"120.5\"", "0.12345678901234567890") + "]}",
                10);

        assertThat(records).hasSize(2);
        var first = records.get(0);
        assertThat(first.unreadable()).isNull();
        assertThat(first.sendingSystem()).isEqualTo("druckflotte");
        assertThat(first.memberNumber()).isEqualTo(1L);
        assertThat(first.quantity()).isEqualByComparingTo("120.5");
        assertThat(first.usedFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(first.usedTo()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(first.reversesRecordId()).isNull();
        // a JSON number keeps every digit (no double on the way): the rules then see its decimal places
        assertThat(records.get(1).quantity().toPlainString()).isEqualTo("0.12345678901234567890");
        assertThat(records.get(1).index()).isEqualTo(1);
    }

    @Test
    void usedAtIsItsDayInBerlin() {
        var record = read(
                        "{\"records\":["
                                + RECORD.formatted(1)
                                        .replace(
                                                "\"usedFrom\":\"2026-03-01\",\"usedTo\":\"2026-03-31\"",
                                                "\"usedAt\":\"2026-03-01T23:30:00Z\"")
                                + "]}",
                        10)
                .get(0);

        assertThat(record.unreadable()).isNull();
        assertThat(record.usedFrom()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(record.usedTo()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aRecordThatCannotBeReadIsRejectedAloneWithTheField() {
        var records = read(
                "{\"records\":[42, " + RECORD.formatted(2).replace("\"120.5\"", "\"12,5\"") + ", "
                        + RECORD.formatted(3).replace("\"memberNumber\":1,", "") + ", "
                        + RECORD.formatted(4).replace("\"PAGE\"", "{\"x\":1}") + ", "
                        + RECORD.formatted(5).replace("\"2026-03-31\"", "\"31.03.2026\"") + ", "
                        + RECORD.formatted(6) + "]}",
                10);

        assertThat(records)
                .extracting(r -> r.unreadable() == null ? "ok" : r.unreadable().rule())
                .containsExactly("malformed", "malformed", "incomplete", "malformed", "malformed", "ok");
        assertThat(records.get(1).unreadable().detail()).contains("quantity").contains("12,5");
        assertThat(records.get(1).recordId()).isEqualTo("r-2");
        assertThat(records.get(2).unreadable().detail()).contains("memberNumber");
        assertThat(records.get(3).unreadable().detail()).contains("unit");
        assertThat(records.get(4).unreadable().detail()).contains("usedTo");
    }

    @Test
    void aBatchAboveTheLimitIsRefusedAtTheFirstRecordTooMany() {
        var json = "{\"records\":[" + RECORD.formatted(1) + "," + RECORD.formatted(2) + "," + RECORD.formatted(3)
                + ", this is never read";

        assertThatThrownBy(() -> read(json, 2)).isInstanceOfSatisfying(BatchRefused.class, e -> assertThat(e.reason())
                .isEqualTo(BatchRefused.Reason.TOO_LARGE));
    }

    @Test
    void aBodyThatIsNoBatchIsUnreadable() {
        for (var body : new String[] {"", "[]", "{\"records\":{}}", "{\"records\":[}", "{\"other\":1}", "{}{}"}) {
            assertThatThrownBy(() -> read(body, 10))
                    .as(body)
                    .isInstanceOfSatisfying(
                            BatchRefused.class, e -> assertThat(e.reason()).isEqualTo(BatchRefused.Reason.UNREADABLE));
        }
    }
}
