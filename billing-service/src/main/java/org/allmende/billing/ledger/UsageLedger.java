package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.EventJson;
import org.allmende.support.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage reported on the usage topic: validated against what billing knows of the member, its subscriptions and the
 * catalog; counted once per (sending system, record id); rejected records kept with the rule they broke.
 */
@Component
public class UsageLedger {

    /** What happened to a usage record. */
    public enum Outcome {
        COUNTED,
        DUPLICATE,
        REJECTED
    }

    public record RejectedUsage(
            String sendingSystem,
            String recordId,
            Long memberNumber,
            String serviceCode,
            String rule,
            String reason,
            String status) {}

    /** A usage record as it arrived: where it sits in the usage topic decides whether it came after an invoice. */
    public record Arrival(UsageRecorded usage, int partition, long offset) {}

    /**
     * A counted record that arrived after its period was invoiced: a correction for the next invoice run. Its state:
     * {@code WAITING} for a run, {@code DRAFTED} in a draft not issued yet ({@code draftId}), {@code SETTLED} by the
     * invoice that corrected it ({@code settledBy}).
     */
    public record LateUsage(UsageRecorded usage, String invoicedBy, String state, UUID draftId, String settledBy) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    UsageLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One record; see {@link #recordAll}. */
    public Outcome record(Arrival arrival) {
        return recordAll(List.of(arrival)).get(0);
    }

    /**
     * Counts, skips or rejects a batch of usage with a handful of statements whatever its size; must run in the
     * caller's transaction. Duplicates (in the batch, or known already) are skipped; a record finance already
     * decided on keeps that decision (a rebuild counts what finance accepted); the rest is checked against what
     * billing knows of the members and counted or rejected with the rule it broke.
     */
    public List<Outcome> recordAll(List<Arrival> batch) {
        var outcomes = new Outcome[batch.size()];
        var firstOfKey = new LinkedHashMap<Key, Integer>();
        for (int i = 0; i < batch.size(); i++) {
            if (firstOfKey.putIfAbsent(Key.of(batch.get(i).usage()), i) != null) {
                outcomes[i] = Outcome.DUPLICATE;
            }
        }
        var decisions = decisions(firstOfKey.keySet());
        var rules = UsageRules.load(jdbc, batch.stream().map(Arrival::usage).toList());
        var now = clock.instant();
        var toCount = new ArrayList<Counted>();
        var toReject = new LinkedHashMap<Integer, UsageRules.Broken>();
        for (int i : firstOfKey.values()) {
            var arrival = batch.get(i);
            var decision = decisions.get(Key.of(arrival.usage()));
            if (decision == null) {
                var broken = rules.check(arrival.usage());
                if (broken.isPresent()) {
                    toReject.put(i, broken.get());
                } else if (arrival.partition() == Integer.MAX_VALUE) {
                    toCount.add(Counted.outsideTheStream(i, arrival.usage(), rules, now));
                } else {
                    toCount.add(new Counted(
                            i,
                            arrival.usage(),
                            rules.invoicedBefore(arrival.usage(), arrival.partition(), arrival.offset()),
                            arrival.partition(),
                            arrival.offset(),
                            now,
                            rules.afterDraft(arrival.usage())));
                }
            } else if ("ACCEPTED".equals(decision.status())) {
                rules.assumeCounted(arrival.usage());
                toCount.add(Counted.outsideTheStream(i, arrival.usage(), rules, decision.at()));
            } else {
                outcomes[i] = Outcome.DUPLICATE;
            }
        }
        var inserted = insert(toCount);
        for (var counted : toCount) {
            outcomes[counted.index()] =
                    inserted.contains(Key.of(counted.usage())) ? Outcome.COUNTED : Outcome.DUPLICATE;
        }
        addToDailyTotals(toCount.stream()
                .filter(counted -> outcomes[counted.index()] == Outcome.COUNTED)
                .map(Counted::usage)
                .toList());
        reject(batch, toReject, outcomes);
        return Arrays.asList(outcomes);
    }

    private record Key(String sendingSystem, String recordId) {
        static Key of(UsageRecorded usage) {
            return new Key(usage.sendingSystem(), usage.recordId());
        }
    }

    private record Decision(String status, Instant at) {}

    /**
     * A record to count: the invoice it came late for, if any; where it was applied from in the usage topic (null
     * outside the stream's order) and when; and whether an invoice's issue must decide if its draft saw it.
     */
    private record Counted(
            int index,
            UsageRecorded usage,
            Optional<UsageRules.InvoicedPeriod> invoiced,
            Integer partition,
            Long offset,
            Instant at,
            boolean afterDraft) {

        /** A record counted outside the stream's order (retried, accepted, re-checked): it arrives at {@code at}. */
        static Counted outsideTheStream(int index, UsageRecorded usage, UsageRules rules, Instant at) {
            return new Counted(index, usage, rules.invoicedBefore(usage, at), null, null, at, rules.afterDraft(usage));
        }
    }

    /** Finance's decisions on earlier rejected records of these keys (open ones count as a decision too). */
    private Map<Key, Decision> decisions(Collection<Key> keys) {
        var decisions = new HashMap<Key, Decision>();
        ofKeys(
                """
                select r.sending_system, r.record_id, r.status, coalesce(r.resolved_at, r.rejected_at)
                from rejected_usage r join unnest(?::varchar[], ?::varchar[]) k (s, id)
                    on r.sending_system = k.s and r.record_id = k.id
                """,
                keys,
                row -> {
                    decisions.put(
                            new Key(row.getString(1), row.getString(2)),
                            new Decision(row.getString(3), row.getTimestamp(4).toInstant()));
                });
        return decisions;
    }

    /** Inserts the records in one statement; returns the keys that were new (the others were known already). */
    private Set<Key> insert(List<Counted> records) {
        var inserted = new HashSet<Key>();
        if (records.isEmpty()) {
            return inserted;
        }
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            insert into usage_record (sending_system, record_id, member_number, service_code, quantity,
                                unit, used_from, used_to, reverses_record_id, recorded_at, late_for_document,
                                arrival_partition, arrival_offset, after_draft)
                            select s, r, m, c, q, u, f, t, rv, a, l, p, o, ad
                            from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::numeric[],
                                ?::varchar[], ?::date[], ?::date[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                                ?::int[], ?::bigint[], ?::boolean[])
                                as x (s, r, m, c, q, u, f, t, rv, l, a, p, o, ad)
                            on conflict do nothing
                            returning sending_system, record_id
                            """);
                    var usage = records.stream().map(Counted::usage).toList();
                    statement.setArray(1, con.createArrayOf("varchar", column(usage, UsageRecorded::sendingSystem)));
                    statement.setArray(2, con.createArrayOf("varchar", column(usage, UsageRecorded::recordId)));
                    statement.setArray(3, con.createArrayOf("int8", column(usage, UsageRecorded::memberNumber)));
                    statement.setArray(4, con.createArrayOf("varchar", column(usage, UsageRecorded::serviceCode)));
                    statement.setArray(5, con.createArrayOf("numeric", column(usage, UsageRecorded::quantity)));
                    statement.setArray(6, con.createArrayOf("varchar", column(usage, UsageRecorded::unit)));
                    statement.setArray(7, con.createArrayOf("date", column(usage, u -> Date.valueOf(u.usedFrom()))));
                    statement.setArray(8, con.createArrayOf("date", column(usage, u -> Date.valueOf(u.usedTo()))));
                    statement.setArray(9, con.createArrayOf("varchar", column(usage, UsageRecorded::reversesRecordId)));
                    statement.setArray(10, con.createArrayOf("varchar", column(records, c -> c.invoiced()
                            .map(UsageRules.InvoicedPeriod::documentNumber)
                            .orElse(null))));
                    statement.setArray(
                            11, con.createArrayOf("timestamptz", column(records, c -> Timestamp.from(c.at()))));
                    statement.setArray(12, con.createArrayOf("int4", column(records, Counted::partition)));
                    statement.setArray(13, con.createArrayOf("int8", column(records, Counted::offset)));
                    statement.setArray(14, con.createArrayOf("bool", column(records, Counted::afterDraft)));
                    return statement;
                },
                row -> {
                    inserted.add(new Key(row.getString(1), row.getString(2)));
                });
        return inserted;
    }

    /** Adds counted records to the daily totals in one statement; a reversal subtracts. */
    private void addToDailyTotals(List<UsageRecorded> counted) {
        if (counted.isEmpty()) {
            return;
        }
        record Day(long member, String service, LocalDate day) {}
        var totals = new TreeMap<Day, BigDecimal>(Comparator.comparingLong(Day::member)
                .thenComparing(Day::service)
                .thenComparing(Day::day));
        var units = new HashMap<Day, String>();
        for (var usage : counted) {
            var day = new Day(usage.memberNumber(), usage.serviceCode(), usage.usedFrom());
            var signed = usage.reversesRecordId() == null
                    ? usage.quantity()
                    : usage.quantity().negate();
            totals.merge(day, signed, BigDecimal::add);
            units.put(day, usage.unit());
        }
        var days = List.copyOf(totals.keySet());
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    insert into usage_daily (member_number, service_code, day, quantity, unit)
                    select * from unnest(?::bigint[], ?::varchar[], ?::date[], ?::numeric[], ?::varchar[])
                    on conflict (member_number, service_code, day)
                    do update set quantity = usage_daily.quantity + excluded.quantity
                    """);
            statement.setArray(1, con.createArrayOf("int8", column(days, Day::member)));
            statement.setArray(2, con.createArrayOf("varchar", column(days, Day::service)));
            statement.setArray(3, con.createArrayOf("date", column(days, d -> Date.valueOf(d.day()))));
            statement.setArray(4, con.createArrayOf("numeric", column(days, totals::get)));
            statement.setArray(5, con.createArrayOf("varchar", column(days, units::get)));
            return statement;
        });
    }

    /** Keeps rule-breaking records for finance, unless the same key was counted before (then it is a duplicate). */
    private void reject(List<Arrival> batch, Map<Integer, UsageRules.Broken> toReject, Outcome[] outcomes) {
        if (toReject.isEmpty()) {
            return;
        }
        var keys = toReject.keySet().stream()
                .map(i -> Key.of(batch.get(i).usage()))
                .toList();
        var counted = new HashSet<Key>();
        ofKeys(
                """
                select u.sending_system, u.record_id
                from usage_record u join unnest(?::varchar[], ?::varchar[]) k (s, id)
                    on u.sending_system = k.s and u.record_id = k.id
                """,
                keys,
                row -> {
                    counted.add(new Key(row.getString(1), row.getString(2)));
                });
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>();
        toReject.forEach((i, broken) -> {
            var usage = batch.get(i).usage();
            if (counted.contains(Key.of(usage))) {
                outcomes[i] = Outcome.DUPLICATE;
                return;
            }
            outcomes[i] = Outcome.REJECTED;
            rows.add(new Object[] {
                usage.sendingSystem(),
                usage.recordId(),
                usage.memberNumber(),
                usage.serviceCode(),
                EventJson.asString(usage),
                broken.rule(),
                broken.reason(),
                now
            });
        });
        jdbc.batchUpdate(
                """
                insert into rejected_usage (sending_system, record_id, member_number, service_code, payload, rule,
                    reason, rejected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """,
                rows);
    }

    /** Runs a query whose two array parameters are the sending systems and record ids of these keys. */
    private void ofKeys(String sql, Collection<Key> keys, RowCallbackHandler handler) {
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(sql);
                    statement.setArray(1, con.createArrayOf("varchar", column(keys, Key::sendingSystem)));
                    statement.setArray(2, con.createArrayOf("varchar", column(keys, Key::recordId)));
                    return statement;
                },
                handler);
    }

    private static <T> Object[] column(Collection<T> rows, Function<T, Object> value) {
        return rows.stream().map(value).toArray();
    }

    /**
     * Checks an open rejected record again — the subscription or member it lacked may have arrived since — and
     * counts it if it now keeps every rule. Returns the rule it still breaks, or empty when it was accepted.
     */
    @Transactional
    public Optional<String> recheck(String sendingSystem, String recordId, String by) {
        var usage = openRejected(sendingSystem, recordId);
        var rules = UsageRules.load(jdbc, List.of(usage));
        var broken = rules.check(usage);
        if (broken.isPresent()) {
            jdbc.update(
                    "update rejected_usage set rule = ?, reason = ? where sending_system = ? and record_id = ?",
                    broken.get().rule(),
                    broken.get().reason(),
                    sendingSystem,
                    recordId);
            return Optional.of(broken.get().rule());
        }
        var now = clock.instant();
        countAccepted(List.of(Counted.outsideTheStream(0, usage, rules, now)), by, "accepted on re-check", now);
        return Optional.empty();
    }

    /** Members and services whose open rejected usage is to be checked again. */
    public static class Recheck {
        public static final Recheck NONE = new Recheck() {
            @Override
            public void member(long memberNumber) {}

            @Override
            public void service(String code) {}
        };

        private final Set<Long> members = new HashSet<>();
        private final Set<String> services = new HashSet<>();

        public void member(long memberNumber) {
            members.add(memberNumber);
        }

        public void service(String code) {
            services.add(code);
        }

        public boolean isEmpty() {
            return members.isEmpty() && services.isEmpty();
        }
    }

    private static final String RULES_THAT_FACTS_CAN_CURE = "'member-not-active', 'not-subscribed', 'wrong-unit'";

    /**
     * Checks again the open rejected usage of these members and services that broke a rule a late fact can cure (the
     * member, its subscription or the catalog version arrived after the usage: the two topics are not ordered
     * against each other). What keeps every rule now is counted and resolved as accepted. Returns how many.
     */
    public int recheckOpen(Recheck recheck) {
        var open = new ArrayList<UsageRecorded>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement("select payload from rejected_usage where status = 'OPEN'"
                            + " and rule in (" + RULES_THAT_FACTS_CAN_CURE + ")"
                            + " and (member_number = any(?) or service_code = any(?))"
                            + " order by rejected_at, sending_system, record_id");
                    statement.setArray(1, con.createArrayOf("int8", recheck.members.toArray()));
                    statement.setArray(2, con.createArrayOf("varchar", recheck.services.toArray()));
                    return statement;
                },
                row -> {
                    open.add(EventJson.read(row.getString(1).getBytes(StandardCharsets.UTF_8), UsageRecorded.class));
                });
        if (open.isEmpty()) {
            return 0;
        }
        var rules = UsageRules.load(jdbc, open);
        var now = clock.instant();
        var counted = new ArrayList<Counted>();
        for (var usage : open) {
            if (rules.check(usage).isEmpty()) {
                counted.add(Counted.outsideTheStream(counted.size(), usage, rules, now));
            }
        }
        countAccepted(
                counted,
                "billing",
                "accepted automatically: the member, subscription or catalog version arrived after the usage",
                now);
        return counted.size();
    }

    /** Counts rejected records that keep every rule now and resolves them as accepted. */
    private void countAccepted(List<Counted> counted, String by, String resolution, Instant at) {
        var inserted = insert(counted);
        addToDailyTotals(counted.stream()
                .map(Counted::usage)
                .filter(usage -> inserted.contains(Key.of(usage)))
                .toList());
        for (var record : counted) {
            resolve(record.usage().sendingSystem(), record.usage().recordId(), "ACCEPTED", by, resolution, at);
        }
    }

    /** Finance decides a rejected record is not to be billed; it stays, marked, with the reason. */
    @Transactional
    public void dismiss(String sendingSystem, String recordId, String by, String reason) {
        openRejected(sendingSystem, recordId);
        resolve(sendingSystem, recordId, "DISMISSED", by, reason, clock.instant());
    }

    private UsageRecorded openRejected(String sendingSystem, String recordId) {
        var payload = jdbc.queryForList(
                "select payload from rejected_usage where sending_system = ? and record_id = ? and status = 'OPEN'",
                String.class,
                sendingSystem,
                recordId);
        if (payload.isEmpty()) {
            throw new NotFound("There is no open rejected usage record " + recordId + " of " + sendingSystem + ".");
        }
        return EventJson.read(payload.get(0).getBytes(StandardCharsets.UTF_8), UsageRecorded.class);
    }

    private void resolve(
            String sendingSystem, String recordId, String status, String by, String resolution, Instant at) {
        jdbc.update(
                "update rejected_usage set status = ?, resolved_by = ?, resolved_at = ?, resolution = ?"
                        + " where sending_system = ? and record_id = ?",
                status,
                by,
                Timestamp.from(at),
                resolution,
                sendingSystem,
                recordId);
    }

    /**
     * Notes that a member's period was invoiced, with where billing stood in each usage partition now: usage of that
     * period applied after this point is marked as a correction for the next run. The invoicing issue uses
     * {@link #periodsInvoiced}, which knows where the invoice's draft read the usage.
     */
    public void periodInvoiced(
            long memberNumber, LocalDate from, LocalDate to, String documentNumber, String group, String topic) {
        var at = Timestamp.from(clock.instant());
        jdbc.update(
                """
                insert into invoiced_period (member_number, period_from, period_to, document_number, invoiced_at,
                    usage_counted_at, usage_positions)
                values (?, ?, ?, ?, ?, ?, (select\s"""
                        + POSITIONS
                        + """
                ))
                on conflict do nothing
                """,
                memberNumber,
                Date.valueOf(from),
                Date.valueOf(to),
                documentNumber,
                at,
                at,
                group,
                topic,
                group,
                topic);
    }

    /**
     * An invoiced member period, for {@link #periodsInvoiced}, with where billing stood in the usage partitions and
     * when its draft read the member's usage ({@link #positions}); both null for a draft added one by one, whose
     * invoice takes the positions at issue.
     */
    public record InvoicedMemberPeriod(
            long memberNumber,
            LocalDate from,
            LocalDate to,
            String documentNumber,
            long[] usagePositions,
            Instant countedAt) {}

    /**
     * Waits until every transaction counting usage has committed, and holds new ones off until the caller's
     * transaction ends: each of them reads the runs and invoiced periods only after taking the usage table's
     * row-exclusive lock ({@code UsageRules.load}). So a run started, or a period invoiced, in the caller's
     * transaction is either seen by a record counted concurrently, or that record is committed before this returns
     * (ADR 0029). The mode also conflicts with itself: two issues (which then update flagged records) take turns
     * instead of each waiting for the other's share.
     */
    public void awaitCounting() {
        jdbc.execute("lock table usage_record in share row exclusive mode");
    }

    /**
     * Where billing stands in each usage partition ({@code [partition] = next offset}), as the caller's transaction
     * sees it: read in the snapshot that reads a chunk's usage, it says exactly which records that usage holds.
     */
    public long[] positions(String group, String topic) {
        var positions = jdbc.queryForObject(
                "select " + POSITIONS, (row, i) -> (Long[]) row.getArray(1).getArray(), group, topic, group, topic);
        return Arrays.stream(positions).mapToLong(Long::longValue).toArray();
    }

    /** The next offset of every usage partition billing has a position in, 0 for those it has none in yet. */
    private static final String POSITIONS =
            """
            coalesce(array_agg(coalesce(o.next_offset, 0) order by p.no), '{}')
            from generate_series(0, (select max(partition_no) from consumer_offset
                where consumer_group = ? and topic = ?)) p (no)
            left join consumer_offset o on o.consumer_group = ? and o.topic = ? and o.partition_no = p.no
            """;

    /**
     * Notes that members' periods were invoiced, in the transaction that issues the invoices (ADR 0018, 0029): with
     * the positions their drafts read the usage at (or, for drafts without, the positions now). Usage of such a period
     * counted from a later position comes late and is corrected by the member's next run — whether it is counted after
     * this (marked as it is applied) or was counted between the draft and now (marked here).
     *
     * <p>First waits for every transaction counting usage to commit and holds counting off until this one commits
     * ({@link #awaitCounting}; the last statements): a record counted meanwhile either is seen here or
     * sees these invoiced periods itself.
     */
    public void periodsInvoiced(List<InvoicedMemberPeriod> periods, String group, String topic) {
        if (periods.isEmpty()) {
            return;
        }
        awaitCounting();
        var at = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    insert into invoiced_period (member_number, period_from, period_to, document_number, invoiced_at,
                        usage_positions, usage_counted_at)
                    select m, f, t, n, ?, coalesce(p::bigint[], (select\s"""
                            + POSITIONS
                            + """
                            )), coalesce(c, ?)
                    from unnest(?::bigint[], ?::date[], ?::date[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                        as x (m, f, t, n, p, c)
                    on conflict do nothing
                    """);
            statement.setTimestamp(1, at);
            statement.setString(2, group);
            statement.setString(3, topic);
            statement.setString(4, group);
            statement.setString(5, topic);
            statement.setTimestamp(6, at);
            invoicedPeriods(con, statement, 7, periods);
            statement.setArray(
                    11,
                    con.createArrayOf(
                            "varchar",
                            column(
                                    periods,
                                    p -> p.usagePositions() == null ? null : positionsText(p.usagePositions()))));
            statement.setArray(
                    12,
                    con.createArrayOf(
                            "timestamptz",
                            column(periods, p -> p.countedAt() == null ? null : Timestamp.from(p.countedAt()))));
            return statement;
        });
        // the few records counted while a run for their period existed: late if the draft did not see them
        jdbc.update(con -> {
            var statement = con.prepareStatement(
                    """
                    update usage_record u set after_draft = false, late_for_document = case
                        when u.late_for_document is null and (
                            (u.arrival_offset is not null and (u.arrival_partition >= cardinality(i.usage_positions)
                                or u.arrival_offset >= i.usage_positions[u.arrival_partition + 1]))
                            or (u.arrival_offset is null and u.recorded_at > i.usage_counted_at))
                        then i.document_number else u.late_for_document end
                    from unnest(?::bigint[], ?::date[], ?::date[], ?::varchar[]) as x (m, f, t, n)
                    join invoiced_period i on i.member_number = x.m and i.period_from = x.f and i.period_to = x.t
                        and i.document_number = x.n
                    where u.after_draft and u.member_number = x.m and u.used_from between x.f and x.t
                    """);
            invoicedPeriods(con, statement, 1, periods);
            return statement;
        });
    }

    /** Sets the member numbers, periods and document numbers of these periods as four array parameters. */
    private static void invoicedPeriods(
            java.sql.Connection con,
            java.sql.PreparedStatement statement,
            int first,
            List<InvoicedMemberPeriod> periods)
            throws java.sql.SQLException {
        statement.setArray(first, con.createArrayOf("int8", column(periods, InvoicedMemberPeriod::memberNumber)));
        statement.setArray(first + 1, con.createArrayOf("date", column(periods, p -> Date.valueOf(p.from()))));
        statement.setArray(first + 2, con.createArrayOf("date", column(periods, p -> Date.valueOf(p.to()))));
        statement.setArray(
                first + 3, con.createArrayOf("varchar", column(periods, InvoicedMemberPeriod::documentNumber)));
    }

    /** Positions as a PostgreSQL array literal ({@code {12,0,7}}), for an array of them in one parameter. */
    private static String positionsText(long[] positions) {
        return Arrays.stream(positions)
                .mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /**
     * Usage counted after its period was invoiced, not settled by an invoice yet (with {@code settled}, the settled
     * records too).
     */
    public List<LateUsage> late(Optional<Long> memberNumber, boolean settled) {
        return jdbc.query(
                """
                select u.*, s.document_number as settled_by,
                    (select d.draft_id from draft_late_usage d join draft_document dd on dd.draft_id = d.draft_id
                        where d.sending_system = u.sending_system and d.record_id = u.record_id
                            and dd.status in ('DRAFT', 'FAILED')
                        order by dd.created_at desc, dd.draft_id limit 1) as draft_id
                from usage_record u
                left join late_usage_settlement s on s.sending_system = u.sending_system and s.record_id = u.record_id
                where u.late_for_document is not null and (cast(? as bigint) is null or u.member_number = ?)
                    and (? or s.record_id is null)
                order by u.member_number, u.used_from, u.sending_system, u.record_id
                """,
                (row, i) -> {
                    var settledBy = row.getString("settled_by");
                    var draftId = settledBy == null ? row.getObject("draft_id", UUID.class) : null;
                    return new LateUsage(
                            new UsageRecorded(
                                    row.getString("sending_system"),
                                    row.getString("record_id"),
                                    row.getLong("member_number"),
                                    row.getString("service_code"),
                                    plain(row.getBigDecimal("quantity")),
                                    row.getString("unit"),
                                    row.getDate("used_from").toLocalDate(),
                                    row.getDate("used_to").toLocalDate(),
                                    row.getString("reverses_record_id")),
                            row.getString("late_for_document"),
                            settledBy != null ? "SETTLED" : draftId != null ? "DRAFTED" : "WAITING",
                            draftId,
                            settledBy);
                },
                memberNumber.orElse(null),
                memberNumber.orElse(null),
                settled);
    }

    /**
     * Forgets billing's usage projections so the usage topic is read again from offset 0 (the caller seeks the
     * consumer): raw usage, daily totals and the open rejected records go; finance's decisions on rejected records,
     * the invoiced periods and the settled late usage stay, so the replay ends where it started.
     */
    public void forgetProjections(String group, String topic) {
        jdbc.execute("truncate usage_record, usage_daily");
        jdbc.update("delete from rejected_usage where status = 'OPEN'");
        jdbc.update("delete from consumer_offset where consumer_group = ? and topic = ?", group, topic);
    }

    /** 200.0000 → 200, 12.5000 → 12.5 (never 2E+2). */
    private static BigDecimal plain(BigDecimal quantity) {
        var stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public List<RejectedUsage> rejected() {
        return jdbc.query(
                "select * from rejected_usage where status = 'OPEN' order by rejected_at, sending_system, record_id",
                (row, i) -> new RejectedUsage(
                        row.getString("sending_system"),
                        row.getString("record_id"),
                        (Long) row.getObject("member_number", Long.class),
                        row.getString("service_code"),
                        row.getString("rule"),
                        row.getString("reason"),
                        row.getString("status")));
    }
}
