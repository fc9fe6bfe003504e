package org.allmende.billing.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Billing's position in each partition, kept in PostgreSQL beside the projections it belongs to. */
@Component
public class ConsumerOffsets {

    public record Position(String topic, int partition, long nextOffset) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ConsumerOffsets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OptionalLong next(String group, String topic, int partition) {
        var rows = jdbc.queryForList(
                "select next_offset from consumer_offset where consumer_group = ? and topic = ? and partition_no = ?",
                Long.class,
                group,
                topic,
                partition);
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    public List<Position> all(String group) {
        return jdbc.query(
                "select topic, partition_no, next_offset from consumer_offset where consumer_group = ?"
                        + " order by topic, partition_no",
                (row, i) -> new Position(row.getString(1), row.getInt(2), row.getLong(3)),
                group);
    }

    /**
     * Moves the position past a batch that started at {@code first}. Refused (false) when another instance already
     * stored a position beyond {@code first}: this instance lost the partition in a rebalance and must not
     * overwrite the newer position with its stale batch.
     */
    public boolean advance(String group, String topic, int partition, long first, long next) {
        var now = Timestamp.from(clock.instant());
        jdbc.update(
                """
                insert into consumer_offset (consumer_group, topic, partition_no, next_offset, updated_at)
                values (?, ?, ?, 0, ?) on conflict do nothing
                """,
                group,
                topic,
                partition,
                now);
        return jdbc.update(
                        """
                        update consumer_offset set next_offset = ?, updated_at = ?
                        where consumer_group = ? and topic = ? and partition_no = ? and next_offset <= ?
                        """,
                        next,
                        now,
                        group,
                        topic,
                        partition,
                        first)
                == 1;
    }
}
