package org.allmende.membership.usage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allmende.membership.usage.SubmittedRecord.Key;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys of the usage records taken (table {@code usage_intake}), with what a reversal is checked against. One
 * statement per step of a batch, whatever its size: the keys travel as arrays and are unnested in PostgreSQL.
 * Runs inside the batch's transaction.
 */
@Component
class AcceptedUsage {

    /** A record taken earlier. */
    record Taken(Key key, long memberNumber, String serviceCode, BigDecimal quantity, String reversesRecordId) {}

    private final JdbcTemplate jdbc;

    AcceptedUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records among {@code keys} taken earlier, locked until the batch ends: two batches reversing the same
     * original one after the other each see what the other took back.
     */
    Map<Key, Taken> lock(Collection<Key> keys) {
        var found = new HashMap<Key, Taken>();
        jdbc.query(
                connection -> statement(
                        connection,
                        """
                        select sending_system, record_id, member_number, service_code, quantity, reverses_record_id
                        from usage_intake
                        where (sending_system, record_id) in (select * from unnest(?::varchar[], ?::varchar[]))
                        order by sending_system, record_id
                        for update
                        """,
                        keys),
                row -> {
                    var key = new Key(row.getString("sending_system"), row.getString("record_id"));
                    found.put(
                            key,
                            new Taken(
                                    key,
                                    row.getLong("member_number"),
                                    row.getString("service_code"),
                                    row.getBigDecimal("quantity"),
                                    row.getString("reverses_record_id")));
                });
        return found;
    }

    /** How much of each original has been taken back by reversals already. */
    Map<Key, BigDecimal> reversedSoFar(Collection<Key> originals) {
        var reversed = new HashMap<Key, BigDecimal>();
        jdbc.query(
                connection -> statement(
                        connection,
                        """
                        select sending_system, reverses_record_id, sum(quantity) as reversed from usage_intake
                        where (sending_system, reverses_record_id)
                            in (select * from unnest(?::varchar[], ?::varchar[]))
                        group by sending_system, reverses_record_id
                        """,
                        originals),
                row -> {
                    reversed.put(
                            new Key(row.getString("sending_system"), row.getString("reverses_record_id")),
                            row.getBigDecimal("reversed"));
                });
        return reversed;
    }

    /** Remembers the records; returns the keys that were new (the others were taken before: duplicates). */
    Set<Key> remember(List<SubmittedRecord> records, Instant acceptedAt) {
        var n = records.size();
        var systems = new String[n];
        var ids = new String[n];
        var members = new Long[n];
        var services = new String[n];
        var quantities = new BigDecimal[n];
        var reverses = new String[n];
        for (int i = 0; i < n; i++) {
            var record = records.get(i);
            systems[i] = record.sendingSystem();
            ids[i] = record.recordId();
            members[i] = record.memberNumber();
            services[i] = record.serviceCode();
            quantities[i] = record.quantity();
            reverses[i] = record.reversesRecordId();
        }
        var fresh = new HashSet<Key>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            """
                            insert into usage_intake (sending_system, record_id, member_number, service_code, quantity,
                                reverses_record_id, accepted_at)
                            select s, r, m, c, q, v, ? from unnest(?::varchar[], ?::varchar[], ?::bigint[],
                                ?::varchar[], ?::numeric[], ?::varchar[]) as t(s, r, m, c, q, v)
                            on conflict do nothing
                            returning sending_system, record_id
                            """);
                    statement.setTimestamp(1, Timestamp.from(acceptedAt));
                    statement.setArray(2, connection.createArrayOf("varchar", systems));
                    statement.setArray(3, connection.createArrayOf("varchar", ids));
                    statement.setArray(4, connection.createArrayOf("bigint", members));
                    statement.setArray(5, connection.createArrayOf("varchar", services));
                    statement.setArray(6, connection.createArrayOf("numeric", quantities));
                    statement.setArray(7, connection.createArrayOf("varchar", reverses));
                    return statement;
                },
                row -> {
                    fresh.add(new Key(row.getString("sending_system"), row.getString("record_id")));
                });
        return fresh;
    }

    /** Forgets records Kafka did not take, so that sending them again takes them. */
    void forget(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.update(connection -> statement(
                connection,
                "delete from usage_intake where (sending_system, record_id)"
                        + " in (select * from unnest(?::varchar[], ?::varchar[]))",
                keys));
    }

    private static PreparedStatement statement(Connection connection, String sql, Collection<Key> keys)
            throws SQLException {
        var systems = new ArrayList<String>(keys.size());
        var ids = new ArrayList<String>(keys.size());
        for (var key : keys) {
            systems.add(key.sendingSystem());
            ids.add(key.recordId());
        }
        var statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("varchar", systems.toArray()));
        statement.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
        return statement;
    }
}
