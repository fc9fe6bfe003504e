package org.allmende.billing.run;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allmende.billing.contribution.BillingFacts.DailyUsage;
import org.allmende.billing.contribution.BillingFacts.UsageCorrection;
import org.allmende.billing.contribution.BillingFacts.UsageRecordKey;
import org.allmende.billing.contribution.BillingPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The corrections a run drafts for usage that arrived after its period was invoiced (ADR 0018, 0025): per member and
 * invoiced period, the late records no invoice settled yet, and the period's daily usage as billed — what is counted
 * now less those records. Two statements for all members, whatever their number. Only periods that end before the
 * run's period starts are corrected: a run never corrects its own period or a later one.
 */
@Component
class CorrectionsLoader {

    private final JdbcTemplate jdbc;

    CorrectionsLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Corrected(long member, String invoice, LocalDate from, LocalDate to) {}

    private record LateDay(String service, LocalDate day) {}

    /** The unsettled corrections of these members before the period, by member number. */
    Map<Long, List<UsageCorrection>> load(BillingPeriod period, Collection<Long> members) {
        var late = new HashMap<Corrected, Map<LateDay, BigDecimal>>();
        var records = new HashMap<Corrected, List<UsageRecordKey>>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            select u.member_number, u.late_for_document, p.period_from, p.period_to, u.service_code,
                                u.used_from, u.sending_system, u.record_id,
                                case when u.reverses_record_id is null then u.quantity else -u.quantity end as signed
                            from usage_record u
                            join invoiced_period p
                                on p.member_number = u.member_number and p.document_number = u.late_for_document
                            where u.late_for_document is not null and p.period_to < ?
                                and u.member_number = any(?)
                                and not exists (select 1 from late_usage_settlement s
                                    where s.sending_system = u.sending_system and s.record_id = u.record_id)
                            """);
                    statement.setDate(1, Date.valueOf(period.first()));
                    statement.setArray(2, con.createArrayOf("int8", members.toArray()));
                    return statement;
                },
                row -> {
                    var corrected = new Corrected(
                            row.getLong("member_number"),
                            row.getString("late_for_document"),
                            row.getDate("period_from").toLocalDate(),
                            row.getDate("period_to").toLocalDate());
                    late.computeIfAbsent(corrected, c -> new HashMap<>())
                            .merge(
                                    new LateDay(
                                            row.getString("service_code"),
                                            row.getDate("used_from").toLocalDate()),
                                    row.getBigDecimal("signed"),
                                    BigDecimal::add);
                    records.computeIfAbsent(corrected, c -> new ArrayList<>())
                            .add(new UsageRecordKey(row.getString("sending_system"), row.getString("record_id")));
                });
        var corrections = new HashMap<Long, List<UsageCorrection>>();
        if (late.isEmpty()) {
            return corrections;
        }
        var counted = countedNow(late.keySet());
        late.forEach((corrected, lateDays) -> {
            var billed = new ArrayList<DailyUsage>();
            counted.getOrDefault(corrected, Map.of()).forEach((day, quantity) -> {
                var before = quantity.subtract(lateDays.getOrDefault(day, BigDecimal.ZERO));
                if (before.signum() != 0) {
                    billed.add(new DailyUsage(day.service(), day.day(), before));
                }
            });
            var changes = new ArrayList<DailyUsage>();
            lateDays.forEach((day, quantity) -> changes.add(new DailyUsage(day.service(), day.day(), quantity)));
            corrections
                    .computeIfAbsent(corrected.member(), m -> new ArrayList<>())
                    .add(new UsageCorrection(
                            BillingPeriod.of(corrected.from(), corrected.to()),
                            corrected.invoice(),
                            billed,
                            changes,
                            records.get(corrected)));
        });
        return corrections;
    }

    /** The daily usage counted now in each corrected period, late records included. */
    private Map<Corrected, Map<LateDay, BigDecimal>> countedNow(Collection<Corrected> periods) {
        var keys = List.copyOf(periods);
        var counted = new HashMap<Corrected, Map<LateDay, BigDecimal>>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            select k.i, d.service_code, d.day, d.quantity
                            from unnest(?::bigint[], ?::date[], ?::date[]) with ordinality as k (m, f, t, i)
                            join usage_daily d on d.member_number = k.m and d.day between k.f and k.t
                            """);
                    statement.setArray(
                            1,
                            con.createArrayOf(
                                    "int8", keys.stream().map(Corrected::member).toArray()));
                    statement.setArray(
                            2,
                            con.createArrayOf(
                                    "date",
                                    keys.stream()
                                            .map(c -> Date.valueOf(c.from()))
                                            .toArray()));
                    statement.setArray(
                            3,
                            con.createArrayOf(
                                    "date",
                                    keys.stream().map(c -> Date.valueOf(c.to())).toArray()));
                    return statement;
                },
                row -> {
                    counted.computeIfAbsent(keys.get(row.getInt(1) - 1), c -> new HashMap<>())
                            .put(
                                    new LateDay(
                                            row.getString("service_code"),
                                            row.getDate("day").toLocalDate()),
                                    row.getBigDecimal("quantity"));
                });
        return counted;
    }
}
