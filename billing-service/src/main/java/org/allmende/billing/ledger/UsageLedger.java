package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.EventJson;
import org.allmende.support.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public record DailyUsage(String serviceCode, LocalDate day, BigDecimal quantity, String unit) {}

    public record RejectedUsage(
            String sendingSystem,
            String recordId,
            Long memberNumber,
            String serviceCode,
            String rule,
            String reason,
            String status) {}

    private static final BigDecimal SANE_MAXIMUM = new BigDecimal("1000000000");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    UsageLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Outcome record(UsageRecorded usage) {
        if (known(usage)) {
            return Outcome.DUPLICATE;
        }
        var broken = brokenRule(usage);
        if (broken.isPresent()) {
            jdbc.update(
                    """
                    insert into rejected_usage (sending_system, record_id, member_number, service_code, payload, rule,
                        reason, rejected_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """,
                    usage.sendingSystem(),
                    usage.recordId(),
                    usage.memberNumber(),
                    usage.serviceCode(),
                    EventJson.asString(usage),
                    broken.get()[0],
                    broken.get()[1],
                    Timestamp.from(clock.instant()));
            return Outcome.REJECTED;
        }
        count(usage);
        return Outcome.COUNTED;
    }

    private void count(UsageRecorded usage) {
        jdbc.update(
                """
                insert into usage_record (sending_system, record_id, member_number, service_code, quantity, unit,
                    used_from, used_to, reverses_record_id, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                usage.sendingSystem(),
                usage.recordId(),
                usage.memberNumber(),
                usage.serviceCode(),
                usage.quantity(),
                usage.unit(),
                Date.valueOf(usage.usedFrom()),
                Date.valueOf(usage.usedTo()),
                usage.reversesRecordId(),
                Timestamp.from(clock.instant()));
        var sign = usage.reversesRecordId() == null
                ? usage.quantity()
                : usage.quantity().negate();
        jdbc.update(
                """
                insert into usage_daily (member_number, service_code, day, quantity, unit) values (?, ?, ?, ?, ?)
                on conflict (member_number, service_code, day) do update set quantity = usage_daily.quantity + excluded.quantity
                """,
                usage.memberNumber(),
                usage.serviceCode(),
                Date.valueOf(usage.usedFrom()),
                sign,
                usage.unit());
    }

    /**
     * Checks an open rejected record again — the subscription or member it lacked may have arrived since — and
     * counts it if it now keeps every rule. Returns the rule it still breaks, or empty when it was accepted.
     */
    @Transactional
    public Optional<String> recheck(String sendingSystem, String recordId, String by) {
        var usage = openRejected(sendingSystem, recordId);
        var broken = brokenRule(usage);
        if (broken.isPresent()) {
            jdbc.update(
                    "update rejected_usage set rule = ?, reason = ? where sending_system = ? and record_id = ?",
                    broken.get()[0],
                    broken.get()[1],
                    sendingSystem,
                    recordId);
            return Optional.of(broken.get()[0]);
        }
        count(usage);
        resolve(sendingSystem, recordId, "ACCEPTED", by, "accepted on re-check");
        return Optional.empty();
    }

    /** Finance decides a rejected record is not to be billed; it stays, marked, with the reason. */
    @Transactional
    public void dismiss(String sendingSystem, String recordId, String by, String reason) {
        openRejected(sendingSystem, recordId);
        resolve(sendingSystem, recordId, "DISMISSED", by, reason);
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

    private void resolve(String sendingSystem, String recordId, String status, String by, String resolution) {
        jdbc.update(
                "update rejected_usage set status = ?, resolved_by = ?, resolved_at = ?, resolution = ?"
                        + " where sending_system = ? and record_id = ?",
                status,
                by,
                Timestamp.from(clock.instant()),
                resolution,
                sendingSystem,
                recordId);
    }

    private boolean known(UsageRecorded usage) {
        return jdbc.queryForObject(
                "select exists (select 1 from usage_record where sending_system = ? and record_id = ?)"
                        + " or exists (select 1 from rejected_usage where sending_system = ? and record_id = ?)",
                Boolean.class,
                usage.sendingSystem(),
                usage.recordId(),
                usage.sendingSystem(),
                usage.recordId());
    }

    /** The rule a record breaks and why, or empty: {rule, reason}. */
    private Optional<String[]> brokenRule(UsageRecorded usage) {
        if (usage.sendingSystem() == null
                || usage.recordId() == null
                || usage.serviceCode() == null
                || usage.quantity() == null
                || usage.unit() == null
                || usage.usedFrom() == null
                || usage.usedTo() == null) {
            return rule(
                    "incomplete",
                    "sendingSystem, recordId, serviceCode, quantity, unit, usedFrom, usedTo are required");
        }
        if (usage.quantity().signum() <= 0 || usage.quantity().compareTo(SANE_MAXIMUM) >= 0) {
            return rule(
                    "quantity-out-of-bounds",
                    "quantity " + usage.quantity() + " is not above 0 and below 10^9"
                            + " (a correction is a reversal record, not a negative quantity)");
        }
        if (usage.usedTo().isBefore(usage.usedFrom())) {
            return rule("period-reversed", "usedTo " + usage.usedTo() + " lies before usedFrom " + usage.usedFrom());
        }
        var day = usage.usedFrom();
        var active = jdbc.queryForObject(
                """
                select exists (select 1 from member where member_number = ? and admitted_on <= ?
                    and (ended_on is null or ended_on >= ?))
                """,
                Boolean.class,
                usage.memberNumber(),
                Date.valueOf(day),
                Date.valueOf(day));
        if (!active) {
            return rule("member-not-active", "member " + usage.memberNumber() + " was no active member on " + day);
        }
        var subscribed = jdbc.queryForObject(
                """
                select exists (select 1 from subscription where member_number = ? and service_code = ?
                    and effective_from <= ? and (effective_to is null or effective_to >= ?))
                """,
                Boolean.class,
                usage.memberNumber(),
                usage.serviceCode(),
                Date.valueOf(day),
                Date.valueOf(day));
        if (!subscribed) {
            return rule(
                    "not-subscribed",
                    "member " + usage.memberNumber() + " was not subscribed to " + usage.serviceCode() + " on " + day);
        }
        var unit = jdbc.queryForList(
                "select unit from catalog_service_version where code = ? and effective_from <= ?"
                        + " order by effective_from desc limit 1",
                String.class,
                usage.serviceCode(),
                Date.valueOf(day));
        if (unit.isEmpty() || !unit.get(0).equals(usage.unit())) {
            return rule(
                    "wrong-unit",
                    usage.serviceCode() + " is measured in " + (unit.isEmpty() ? "?" : unit.get(0)) + ", not "
                            + usage.unit());
        }
        if (usage.reversesRecordId() != null) {
            var original = jdbc.queryForList(
                    "select quantity from usage_record where sending_system = ? and record_id = ? and member_number = ?"
                            + " and service_code = ? and reverses_record_id is null",
                    BigDecimal.class,
                    usage.sendingSystem(),
                    usage.reversesRecordId(),
                    usage.memberNumber(),
                    usage.serviceCode());
            if (original.isEmpty()) {
                return rule(
                        "reversal-of-unknown-record",
                        "record " + usage.reversesRecordId() + " of " + usage.sendingSystem()
                                + " for this member and service is not known");
            }
            if (usage.quantity().compareTo(original.get(0)) > 0) {
                return rule(
                        "reversal-above-original",
                        "a reversal of " + usage.quantity() + " exceeds the original " + original.get(0));
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> rule(String rule, String reason) {
        return Optional.of(new String[] {rule, reason});
    }

    public List<DailyUsage> daily(long memberNumber, LocalDate from, LocalDate to) {
        return jdbc.query(
                "select * from usage_daily where member_number = ? and day between ? and ? order by service_code, day",
                (row, i) -> new DailyUsage(
                        row.getString("service_code"),
                        row.getDate("day").toLocalDate(),
                        plain(row.getBigDecimal("quantity")),
                        row.getString("unit")),
                memberNumber,
                Date.valueOf(from),
                Date.valueOf(to));
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
