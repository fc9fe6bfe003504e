package org.allmende.billing.intake;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records billing could not apply, with the reason, and the records of the same key that wait behind them. Open
 * parked records are locked FOR SHARE by the consumer that parks behind them and FOR UPDATE by a retry, so a record
 * never waits behind a record that a concurrent retry has just released.
 */
@Component
public class ParkingLot {

    public record ParkedRecord(
            long id,
            String topic,
            int partition,
            long offset,
            String key,
            String eventType,
            String eventId,
            String reason,
            Long blockedBy,
            String status,
            int attempts,
            Instant parkedAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolution,
            String payloadPreview) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ParkingLot(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The first open parked record of each of these keys on this topic, locked against a concurrent retry. */
    Map<String, Long> openHeads(String topic, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var heads = new HashMap<String, Long>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "select id, record_key from parked_record where topic = ? and status = 'PARKED'"
                                    + " and record_key = any(?) order by kafka_offset for share");
                    statement.setString(1, topic);
                    statement.setArray(2, con.createArrayOf("varchar", keys.toArray()));
                    return statement;
                },
                row -> {
                    heads.putIfAbsent(row.getString(2), row.getLong(1));
                });
        return heads;
    }

    long park(IncomingRecord record, String reason, Long blockedBy) {
        return jdbc.queryForObject(
                """
                insert into parked_record (topic, partition_no, kafka_offset, record_key, event_type, event_id,
                    schema_version, headers, payload, reason, blocked_by, status, parked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', ?)
                on conflict (topic, partition_no, kafka_offset) do update set reason = excluded.reason
                returning id
                """,
                Long.class,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.header(org.allmende.events.wire.Headers.EVENT_TYPE),
                record.header(org.allmende.events.wire.Headers.EVENT_ID),
                record.header(org.allmende.events.wire.Headers.SCHEMA_VERSION),
                encodeHeaders(record.headers()),
                record.payload(),
                truncate(reason, 2000),
                blockedBy,
                Timestamp.from(clock.instant()));
    }

    public List<ParkedRecord> list(Optional<String> status) {
        return status.map(s -> jdbc.query(
                        "select * from parked_record where status = ? order by topic, record_key, kafka_offset",
                        ParkingLot::row,
                        s))
                .orElseGet(() -> jdbc.query(
                        "select * from parked_record order by topic, record_key, kafka_offset", ParkingLot::row));
    }

    public Optional<ParkedRecord> byId(long id) {
        return jdbc.query("select * from parked_record where id = ?", ParkingLot::row, id).stream()
                .findFirst();
    }

    public long openCount() {
        return jdbc.queryForObject("select count(*) from parked_record where status = 'PARKED'", Long.class);
    }

    /** The open records of one key, oldest first, locked for a retry or discard. */
    List<IncomingRecordWithId> lockOpen(String topic, String key) {
        return jdbc.query(
                "select * from parked_record where topic = ? and record_key is not distinct from ? and status = 'PARKED'"
                        + " order by kafka_offset for update",
                (row, i) -> new IncomingRecordWithId(
                        row.getLong("id"),
                        new IncomingRecord(
                                row.getString("topic"),
                                row.getInt("partition_no"),
                                row.getLong("kafka_offset"),
                                row.getString("record_key"),
                                decodeHeaders(row.getString("headers")),
                                row.getBytes("payload"))),
                topic,
                key);
    }

    record IncomingRecordWithId(long id, IncomingRecord record) {}

    void resolve(long id, String status, String by, String resolution) {
        jdbc.update(
                "update parked_record set status = ?, resolved_at = ?, resolved_by = ?, resolution = ?,"
                        + " attempts = attempts + 1 where id = ?",
                status,
                Timestamp.from(clock.instant()),
                by,
                truncate(resolution, 1000),
                id);
    }

    void failedAgain(long id, String reason) {
        jdbc.update(
                "update parked_record set reason = ?, attempts = attempts + 1 where id = ?",
                truncate(reason, 2000),
                id);
    }

    void waitBehind(long id, long blockedBy) {
        jdbc.update("update parked_record set blocked_by = ? where id = ?", blockedBy, id);
    }

    private static ParkedRecord row(ResultSet row, int index) throws SQLException {
        var resolvedAt = row.getTimestamp("resolved_at");
        var payload = row.getBytes("payload");
        return new ParkedRecord(
                row.getLong("id"),
                row.getString("topic"),
                row.getInt("partition_no"),
                row.getLong("kafka_offset"),
                row.getString("record_key"),
                row.getString("event_type"),
                row.getString("event_id"),
                row.getString("reason"),
                row.getObject("blocked_by", Long.class),
                row.getString("status"),
                row.getInt("attempts"),
                row.getTimestamp("parked_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                row.getString("resolved_by"),
                row.getString("resolution"),
                payload == null ? null : truncate(new String(payload, StandardCharsets.UTF_8), 500));
    }

    /** Headers as "name=value" lines; names and values are ours, so neither holds a line break. */
    private static String encodeHeaders(Map<String, String> headers) {
        return new TreeMap<>(headers)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().replace("\n", " "))
                        .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> decodeHeaders(String encoded) {
        var headers = new HashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return headers;
        }
        for (var line : encoded.split("\n")) {
            var cut = line.indexOf('=');
            if (cut > 0) {
                headers.put(line.substring(0, cut), line.substring(cut + 1));
            }
        }
        return headers;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
