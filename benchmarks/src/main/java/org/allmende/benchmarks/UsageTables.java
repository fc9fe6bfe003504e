package org.allmende.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads usage as a consumer stored it, straight from its PostgreSQL database: the stored offsets of the usage topic
 * (its progress) and, to judge the result, the counted records per sending system and every daily total, compared
 * key by key with what the benchmark sent.
 */
final class UsageTables implements AutoCloseable {

    /** The outcome of one comparison; exact only when every count and every total matches to the last digit. */
    record Verdict(long records, long expectedRecords, List<String> differences, String note) {

        boolean exact() {
            return differences.isEmpty();
        }

        String describe() {
            var text = new StringBuilder();
            text.append(String.format("%,d of %,d records counted", records, expectedRecords));
            if (!note.isEmpty()) {
                text.append("; ").append(note);
            }
            differences.stream().limit(8).forEach(d -> text.append("\n      ").append(d));
            if (differences.size() > 8) {
                text.append(String.format("%n      ... %,d differences in all", differences.size()));
            }
            return text.toString();
        }
    }

    private final Connection connection;
    private final String recordTable;
    private final String dailyTable;
    private final String offsetsQuery;
    private final String offsetsKey;
    private final boolean billing;

    private UsageTables(
            Connection connection,
            String recordTable,
            String dailyTable,
            String offsetsQuery,
            String offsetsKey,
            boolean billing) {
        this.connection = connection;
        this.recordTable = recordTable;
        this.dailyTable = dailyTable;
        this.offsetsQuery = offsetsQuery;
        this.offsetsKey = offsetsKey;
        this.billing = billing;
    }

    /** Billing's projections: {@code usage_record}, {@code usage_daily}, and its position in {@code consumer_offset}. */
    static UsageTables billing(String jdbcUrl, String user, String password, BillingIntakeSettings settings) {
        return new UsageTables(
                connect(jdbcUrl, user, password),
                "usage_record",
                "usage_daily",
                "select coalesce(sum(next_offset), 0) from consumer_offset where consumer_group = '"
                        + settings.groupId() + "' and topic = ?",
                settings.usageTopic(),
                true);
    }

    /** The baseline's tables ({@link RawUsageIntake}). */
    static UsageTables baseline(String jdbcUrl, String user, String password, String topic) {
        return new UsageTables(
                connect(jdbcUrl, user, password),
                "raw_usage_record",
                "raw_usage_daily",
                "select coalesce(sum(next_offset), 0) from raw_consumer_offset where topic = ?",
                topic,
                false);
    }

    private static Connection connect(String jdbcUrl, String user, String password) {
        try {
            return DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl, e);
        }
    }

    /** The sum over the partitions of the next offset the consumer will read: how far it has come. */
    long storedOffsets() {
        try (var statement = connection.prepareStatement(offsetsQuery)) {
            statement.setString(1, offsetsKey);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long records() {
        return count("select count(*) from " + recordTable);
    }

    Verdict verify(UsageWorkload.Expected expected) {
        var differences = new ArrayList<String>();
        long records = 0;
        try (var statement = connection.createStatement()) {
            var counted = new HashMap<String, Long>();
            try (var rows = statement.executeQuery(
                    "select sending_system, count(*) from " + recordTable + " group by sending_system")) {
                while (rows.next()) {
                    counted.put(rows.getString(1), rows.getLong(2));
                    records += rows.getLong(2);
                }
            }
            for (var system : union(counted.keySet(), expected.recordsBySystem().keySet())) {
                long have = counted.getOrDefault(system, 0L);
                long want = expected.recordsBySystem().getOrDefault(system, 0L);
                if (have != want) {
                    differences.add(String.format(
                            "%s: %,d records counted, %,d expected (%+,d)", system, have, want, have - want));
                }
            }
            var totals = new HashMap<UsageWorkload.Key, BigDecimal>();
            try (var rows =
                    statement.executeQuery("select member_number, service_code, day, quantity from " + dailyTable)) {
                while (rows.next()) {
                    totals.put(
                            new UsageWorkload.Key(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getDate(3).toLocalDate()),
                            rows.getBigDecimal(4));
                }
            }
            for (var key : union(totals.keySet(), expected.centsByKey().keySet())) {
                var have = totals.getOrDefault(key, BigDecimal.ZERO);
                var want = BigDecimal.valueOf(expected.centsByKey().getOrDefault(key, 0L), 2);
                if (have.compareTo(want) != 0) {
                    differences.add(String.format(
                            "member %d %s %s: total %s, expected %s",
                            key.memberNumber(),
                            key.serviceCode(),
                            key.day(),
                            have.toPlainString(),
                            want.toPlainString()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        var note = "";
        if (billing) {
            var rejected = count("select count(*) from rejected_usage");
            var parked = count("select count(*) from parked_record where status = 'PARKED'");
            if (rejected + parked > 0) {
                note = String.format("billing rejected %,d records and parked %,d", rejected, parked);
            }
        }
        return new Verdict(records, expected.records(), List.copyOf(differences), note);
    }

    private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        var all = new java.util.LinkedHashSet<T>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
