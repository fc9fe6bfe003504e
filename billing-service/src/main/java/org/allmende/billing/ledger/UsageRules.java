package org.allmende.billing.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allmende.events.usage.UsageRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What billing knows of the members of one batch of usage, loaded with a few statements for the whole batch:
 * their active periods, subscriptions, the catalog's units, the originals that reversals refer to and the periods
 * already invoiced. Checks each record against it in memory, in batch order, so a reversal may follow its original
 * in the same batch.
 */
final class UsageRules {

    /** The rule a record breaks and why. */
    record Broken(String rule, String reason) {}

    /**
     * A period already invoiced, and where billing stood in each usage partition, and when, as the invoice's draft
     * read its usage (ADR 0029; at issue for drafts added one by one).
     */
    record InvoicedPeriod(
            long memberNumber,
            LocalDate from,
            LocalDate to,
            String documentNumber,
            Instant invoicedAt,
            long[] usagePositions,
            Instant countedAt) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        /** Was the record at this partition and offset applied only after the invoice's usage was read? */
        boolean arrivedAfter(int partition, long offset) {
            return partition >= usagePositions.length || offset >= usagePositions[partition];
        }
    }

    static final BigDecimal SANE_MAXIMUM = new BigDecimal("1000000000");
    static final int MAX_SCALE = 4;

    private record Period(LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private record UnitVersion(LocalDate from, String unit) {}

    private record Original(long memberNumber, String serviceCode, BigDecimal left) {}

    private final Map<Long, List<Period>> memberships = new HashMap<>();
    private final Map<String, List<Period>> subscriptions = new HashMap<>();
    private final Map<String, List<UnitVersion>> units = new HashMap<>();
    private final Map<String, Original> originals = new HashMap<>();
    private final Map<Long, List<InvoicedPeriod>> invoiced = new HashMap<>();
    private final List<Period> runPeriods = new ArrayList<>();

    private UsageRules() {}

    /**
     * Loads the rules of a batch; must run in the transaction that counts it. Takes the usage table's row-exclusive
     * lock first (no other counter waits for it), so the runs and invoiced periods read next are at least those
     * committed before a run's start or an invoice's issue waited for this transaction (ADR 0029).
     */
    static UsageRules load(JdbcTemplate jdbc, Collection<UsageRecorded> batch) {
        jdbc.execute("lock table usage_record in row exclusive mode");
        var rules = new UsageRules();
        var members = batch.stream().map(UsageRecorded::memberNumber).distinct().toArray(Long[]::new);
        ofMembers(
                jdbc,
                "select member_number, admitted_on, ended_on from member where member_number = any(?)",
                members,
                row -> {
                    rules.memberships
                            .computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                            .add(new Period(localDate(row.getDate(2)), localDate(row.getDate(3))));
                });
        ofMembers(
                jdbc,
                "select member_number, service_code, effective_from, effective_to from subscription"
                        + " where member_number = any(?)",
                members,
                row -> {
                    rules.subscriptions
                            .computeIfAbsent(row.getLong(1) + "\u0000" + row.getString(2), k -> new ArrayList<>())
                            .add(new Period(localDate(row.getDate(3)), localDate(row.getDate(4))));
                });
        jdbc.query("select code, effective_from, unit from catalog_service_version order by effective_from", row -> {
            rules.units
                    .computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                    .add(new UnitVersion(localDate(row.getDate(2)), row.getString(3)));
        });
        ofMembers(
                jdbc,
                "select member_number, period_from, period_to, document_number, invoiced_at, usage_positions,"
                        + " usage_counted_at from invoiced_period where member_number = any(?)",
                members,
                row -> {
                    var positions = (Long[]) row.getArray(6).getArray();
                    var array = new long[positions.length];
                    for (int i = 0; i < positions.length; i++) {
                        array[i] = positions[i] == null ? 0 : positions[i];
                    }
                    rules.invoiced
                            .computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                            .add(new InvoicedPeriod(
                                    row.getLong(1),
                                    localDate(row.getDate(2)),
                                    localDate(row.getDate(3)),
                                    row.getString(4),
                                    row.getTimestamp(5).toInstant(),
                                    array,
                                    row.getTimestamp(7).toInstant()));
                });
        var earliest = batch.stream()
                .map(UsageRecorded::usedFrom)
                .filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo);
        if (earliest.isPresent()) {
            jdbc.query(
                    "select distinct period_from, period_to from invoice_run where kind = 'CONTRIBUTIONS'"
                            + " and period_to >= ?",
                    row -> {
                        rules.runPeriods.add(new Period(localDate(row.getDate(1)), localDate(row.getDate(2))));
                    },
                    Date.valueOf(earliest.get()));
        }
        rules.loadOriginals(jdbc, batch);
        return rules;
    }

    private static void ofMembers(JdbcTemplate jdbc, String sql, Long[] members, RowCallbackHandler handler) {
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(sql);
                    statement.setArray(1, con.createArrayOf("int8", members));
                    return statement;
                },
                handler);
    }

    private void loadOriginals(JdbcTemplate jdbc, Collection<UsageRecorded> batch) {
        var systems = new ArrayList<String>();
        var ids = new ArrayList<String>();
        for (var usage : batch) {
            if (usage.reversesRecordId() != null && usage.sendingSystem() != null) {
                systems.add(usage.sendingSystem());
                ids.add(usage.reversesRecordId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            """
                            select o.sending_system, o.record_id, o.member_number, o.service_code,
                                o.quantity - coalesce((select sum(r.quantity) from usage_record r
                                    where r.sending_system = o.sending_system and r.reverses_record_id = o.record_id), 0)
                            from usage_record o join unnest(?::varchar[], ?::varchar[]) k (s, id)
                                on o.sending_system = k.s and o.record_id = k.id
                            where o.reverses_record_id is null
                            """);
                    statement.setArray(1, con.createArrayOf("varchar", systems.toArray()));
                    statement.setArray(2, con.createArrayOf("varchar", ids.toArray()));
                    return statement;
                },
                row -> {
                    originals.put(
                            key(row.getString(1), row.getString(2)),
                            new Original(row.getLong(3), row.getString(4), row.getBigDecimal(5)));
                });
    }

    /**
     * The rule this record breaks, or empty. A record that passes is taken into account for what follows: a later
     * reversal in the same batch may refer to it, and a reversal uses up what is left of its original.
     */
    Optional<Broken> check(UsageRecorded usage) {
        var broken = brokenRule(usage);
        if (broken.isEmpty()) {
            counted(usage);
        }
        return broken;
    }

    private Optional<Broken> brokenRule(UsageRecorded usage) {
        if (usage.serviceCode() == null
                || usage.quantity() == null
                || usage.unit() == null
                || usage.usedFrom() == null
                || usage.usedTo() == null) {
            return rule("incomplete", "serviceCode, quantity, unit, usedFrom, usedTo are required");
        }
        if (usage.serviceCode().length() > 40
                || usage.unit().length() > 20
                || (usage.reversesRecordId() != null && usage.reversesRecordId().length() > 200)) {
            return rule(
                    "field-too-long", "serviceCode is at most 40, unit 20 and reversesRecordId 200 characters long");
        }
        if (usage.quantity().signum() <= 0 || usage.quantity().compareTo(SANE_MAXIMUM) >= 0) {
            return rule(
                    "quantity-out-of-bounds",
                    "quantity " + usage.quantity().toPlainString() + " is not above 0 and below 10^9"
                            + " (a correction is a reversal record, not a negative quantity)");
        }
        if (usage.quantity().stripTrailingZeros().scale() > MAX_SCALE) {
            return rule(
                    "quantity-scale",
                    "quantity " + usage.quantity().toPlainString() + " has more than " + MAX_SCALE
                            + " decimal places; billing would have to round it");
        }
        if (usage.usedTo().isBefore(usage.usedFrom())) {
            return rule("period-reversed", "usedTo " + usage.usedTo() + " lies before usedFrom " + usage.usedFrom());
        }
        var day = usage.usedFrom();
        if (!coveredBy(memberships.get(usage.memberNumber()), day)) {
            return rule("member-not-active", "member " + usage.memberNumber() + " was no active member on " + day);
        }
        if (!coveredBy(subscriptions.get(usage.memberNumber() + "\u0000" + usage.serviceCode()), day)) {
            return rule(
                    "not-subscribed",
                    "member " + usage.memberNumber() + " was not subscribed to " + usage.serviceCode() + " on " + day);
        }
        var unit = unitOn(usage.serviceCode(), day);
        if (unit.isEmpty() || !unit.get().equals(usage.unit())) {
            return rule(
                    "wrong-unit",
                    usage.serviceCode() + " is measured in " + unit.orElse("?") + ", not " + usage.unit());
        }
        if (usage.reversesRecordId() != null) {
            var original = originals.get(key(usage.sendingSystem(), usage.reversesRecordId()));
            if (original == null
                    || original.memberNumber() != usage.memberNumber()
                    || !original.serviceCode().equals(usage.serviceCode())) {
                return rule(
                        "reversal-of-unknown-record",
                        "record " + usage.reversesRecordId() + " of " + usage.sendingSystem()
                                + " for this member and service is not known");
            }
            if (usage.quantity().compareTo(original.left()) > 0) {
                return rule(
                        "reversal-above-original",
                        "a reversal of " + usage.quantity().toPlainString() + " exceeds the "
                                + original.left().stripTrailingZeros().toPlainString()
                                + " left of the original");
            }
        }
        return Optional.empty();
    }

    /** Takes a record into account as counted without checking it (finance accepted it before). */
    void assumeCounted(UsageRecorded usage) {
        if (usage.reversesRecordId() == null
                || originals.containsKey(key(usage.sendingSystem(), usage.reversesRecordId()))) {
            counted(usage);
        }
    }

    private void counted(UsageRecorded usage) {
        if (usage.reversesRecordId() == null) {
            originals.put(
                    key(usage.sendingSystem(), usage.recordId()),
                    new Original(usage.memberNumber(), usage.serviceCode(), usage.quantity()));
        } else {
            var key = key(usage.sendingSystem(), usage.reversesRecordId());
            var original = originals.get(key);
            originals.put(
                    key,
                    new Original(
                            original.memberNumber(),
                            original.serviceCode(),
                            original.left().subtract(usage.quantity())));
        }
    }

    /** The invoice whose period this usage falls in and whose usage was read before the record arrived, if any. */
    Optional<InvoicedPeriod> invoicedBefore(UsageRecorded usage, int partition, long offset) {
        return latestInvoiced(usage, period -> period.arrivedAfter(partition, offset));
    }

    /** The invoice whose period this usage falls in and whose usage was read before the given instant, if any. */
    Optional<InvoicedPeriod> invoicedBefore(UsageRecorded usage, Instant appliedAt) {
        return latestInvoiced(usage, period -> period.countedAt().isBefore(appliedAt));
    }

    /**
     * Is this record counted while an invoice run for its day exists and before the member's period is invoiced? Then
     * a draft may have read the member's usage without it, and the invoice's issue decides (ADR 0029).
     */
    boolean afterDraft(UsageRecorded usage) {
        var day = usage.usedFrom();
        return runPeriods.stream().anyMatch(period -> period.covers(day))
                && invoiced.getOrDefault(usage.memberNumber(), List.of()).stream()
                        .noneMatch(period -> period.covers(day));
    }

    private Optional<InvoicedPeriod> latestInvoiced(
            UsageRecorded usage, java.util.function.Predicate<InvoicedPeriod> before) {
        return invoiced.getOrDefault(usage.memberNumber(), List.of()).stream()
                .filter(period -> period.covers(usage.usedFrom()) && before.test(period))
                .max(java.util.Comparator.comparing(InvoicedPeriod::invoicedAt));
    }

    private Optional<String> unitOn(String serviceCode, LocalDate day) {
        String unit = null;
        for (var version : units.getOrDefault(serviceCode, List.of())) {
            if (!version.from().isAfter(day)) {
                unit = version.unit();
            }
        }
        return Optional.ofNullable(unit);
    }

    private static boolean coveredBy(List<Period> periods, LocalDate day) {
        return periods != null && periods.stream().anyMatch(period -> period.covers(day));
    }

    private static Optional<Broken> rule(String rule, String reason) {
        return Optional.of(new Broken(rule, reason));
    }

    private static String key(String sendingSystem, String recordId) {
        return sendingSystem + '\u0000' + recordId;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
