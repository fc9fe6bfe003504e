package org.allmende.billing.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.allmende.billing.ledger.UsageLedger;
import org.allmende.events.usage.UsageRecorded;
import org.allmende.events.wire.Headers;
import org.allmende.support.web.CorrelationId;
import org.allmende.support.web.NotFound;
import org.allmende.support.web.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies records to billing's projections in PostgreSQL transactions that also move the consumer offsets, so a
 * record counts exactly once whatever is redelivered. A record that cannot be applied is parked with its reason
 * (savepoint per record: the rest of the batch goes on); later records of the same key wait behind it.
 */
@Component
public class RecordIntake {

    private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);

    private final ContractDispatch dispatch;
    private final UsageLedger usageLedger;
    private final ParkingLot parking;
    private final ConsumerOffsets offsets;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    RecordIntake(
            ContractDispatch dispatch,
            UsageLedger usageLedger,
            ParkingLot parking,
            ConsumerOffsets offsets,
            TransactionTemplate transaction,
            MeterRegistry meters) {
        this.dispatch = dispatch;
        this.usageLedger = usageLedger;
        this.parking = parking;
        this.offsets = offsets;
        this.transaction = transaction;
        this.meters = meters;
        Gauge.builder("allmende.intake.parked.open", parking, ParkingLot::openCount)
                .description("parked records waiting for a fix")
                .register(meters);
    }

    /**
     * Applies one polled batch (in partition order) and stores the new offsets. Returns false, having changed
     * nothing, when another consumer instance already moved past this batch (this one lost the partition).
     */
    public boolean applyBatch(String group, List<IncomingRecord> records) {
        return Boolean.TRUE.equals(transaction.execute(status -> applyBatch(group, records, status)));
    }

    private boolean applyBatch(String group, List<IncomingRecord> records, TransactionStatus status) {
        var heads = openHeads(records);
        var recheck = new UsageLedger.Recheck();
        var usage = new ArrayList<UsageLedger.Arrival>();
        var usageRecords = new ArrayList<IncomingRecord>();
        for (var record : records) {
            MDC.put(CorrelationId.MDC_KEY, record.header(Headers.CORRELATION_ID));
            var key = blockingKey(record);
            var head = key == null ? null : heads.get(key);
            if (head != null) {
                var id = parking.park(record, "waiting behind parked record #" + head + " of the same key", head);
                count("waiting");
                log.warn(
                        "record {} (key {}) parked as #{}: waits behind #{}",
                        record.position(),
                        record.key(),
                        id,
                        head);
                continue;
            }
            if (ContractDispatch.isUsage(record)) {
                try {
                    var read = dispatch.read(record);
                    usage.add(
                            new UsageLedger.Arrival((UsageRecorded) read.event(), record.partition(), record.offset()));
                    usageRecords.add(record);
                } catch (Unapplicable e) {
                    park(record, e, key, heads);
                }
                continue;
            }
            var savepoint = status.createSavepoint();
            try {
                var outcome = dispatch.apply(record, recheck);
                status.releaseSavepoint(savepoint);
                count(outcome == ContractDispatch.Outcome.APPLIED ? "applied" : "duplicate");
            } catch (Unapplicable e) {
                status.rollbackToSavepoint(savepoint);
                park(record, e, key, heads);
            }
        }
        applyUsage(usage, usageRecords, status);
        recheckRejected(recheck, status);
        MDC.remove(CorrelationId.MDC_KEY);
        for (var range : ranges(records).values()) {
            if (!offsets.advance(group, range.topic, range.partition, range.first, range.last + 1)) {
                status.setRollbackOnly();
                log.warn("{}/{} was moved on by another instance; batch discarded", range.topic, range.partition);
                return false;
            }
        }
        return true;
    }

    /**
     * Usage in bulk: a few statements for the whole batch (its idempotency key is its own, so no per-record event-id
     * row). Should the bulk statement fail, each record is tried alone, and the one that fails is parked.
     */
    private void applyUsage(List<UsageLedger.Arrival> usage, List<IncomingRecord> records, TransactionStatus status) {
        if (usage.isEmpty()) {
            return;
        }
        var savepoint = status.createSavepoint();
        try {
            var outcomes = usageLedger.recordAll(usage);
            status.releaseSavepoint(savepoint);
            outcomes.stream()
                    .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()))
                    .forEach((outcome, n) -> meters.counter(
                                    "allmende.intake.usage",
                                    "outcome",
                                    outcome.name().toLowerCase())
                            .increment(n));
            count("applied", usage.size());
            return;
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(savepoint);
            log.warn("usage batch of {} could not be applied in bulk, one by one now: {}", usage.size(), e.toString());
        }
        for (int i = 0; i < usage.size(); i++) {
            var single = status.createSavepoint();
            try {
                var outcome = usageLedger.record(usage.get(i));
                status.releaseSavepoint(single);
                meters.counter(
                                "allmende.intake.usage",
                                "outcome",
                                outcome.name().toLowerCase())
                        .increment();
                count("applied");
            } catch (RuntimeException e) {
                status.rollbackToSavepoint(single);
                park(
                        records.get(i),
                        new Unapplicable("handler-failed", "UsageRecorded could not be applied: " + e, e),
                        null,
                        null);
            }
        }
    }

    /** Rejected usage whose member or service just arrived is checked again; a failure here never fails the poll. */
    private void recheckRejected(UsageLedger.Recheck recheck, TransactionStatus status) {
        if (recheck.isEmpty()) {
            return;
        }
        var savepoint = status.createSavepoint();
        try {
            var accepted = usageLedger.recheckOpen(recheck);
            status.releaseSavepoint(savepoint);
            if (accepted > 0) {
                log.info("{} rejected usage records keep every rule now and were counted", accepted);
            }
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(savepoint);
            log.warn("re-check of rejected usage failed; finance can re-check by hand: {}", e.toString());
        }
    }

    private void park(IncomingRecord record, Unapplicable e, String key, Map<String, Long> heads) {
        var id = parking.park(record, e.getMessage(), null);
        if (key != null && heads != null) {
            heads.put(key, id);
        }
        count("parked");
        meters.counter("allmende.intake.parked", "kind", e.kind()).increment();
        log.error(
                "ALERT record {} (key {}) cannot be applied and is parked as #{}: {}",
                record.position(),
                record.key(),
                id,
                e.getMessage());
    }

    /** Forgets the usage projections and the usage topic's stored offsets, in one transaction. */
    void forgetUsage(String group, String topic) {
        transaction.executeWithoutResult(status -> usageLedger.forgetProjections(group, topic));
    }

    /** Retries a parked record and then, in order, the records of its key waiting behind it. */
    public List<ParkingLot.ParkedRecord> retry(long id, String by) {
        return transaction.execute(status -> {
            var open = openRecordsStartingWith(id);
            applyInOrder(open, by, status);
            return open.stream().map(r -> parking.byId(r.id()).orElseThrow()).toList();
        });
    }

    /** Gives up on a parked record (with a reason), then applies the records of its key waiting behind it. */
    public List<ParkingLot.ParkedRecord> discard(long id, String reason, String by) {
        return transaction.execute(status -> {
            var open = openRecordsStartingWith(id);
            parking.resolve(id, "DISCARDED", by, reason);
            log.warn("parked record #{} discarded by {}: {}", id, by, reason);
            applyInOrder(open.subList(1, open.size()), by, status);
            return open.stream().map(r -> parking.byId(r.id()).orElseThrow()).toList();
        });
    }

    private List<ParkingLot.IncomingRecordWithId> openRecordsStartingWith(long id) {
        var parked = parking.byId(id).orElseThrow(() -> new NotFound("There is no parked record #" + id + "."));
        if (!"PARKED".equals(parked.status())) {
            throw new RuleViolation(
                    "parked-record-resolved",
                    "Parked record #" + id + " is " + parked.status().toLowerCase() + " already.");
        }
        var open = parking.lockOpen(parked.topic(), parked.key());
        if (open.isEmpty() || open.get(0).id() != id) {
            throw new RuleViolation(
                    "parked-record-not-first",
                    "Parked record #" + id + " waits behind #"
                            + (open.isEmpty() ? "?" : open.get(0).id())
                            + "; retry or discard that one first, so the key's events stay in order.");
        }
        return open;
    }

    private void applyInOrder(List<ParkingLot.IncomingRecordWithId> open, String by, TransactionStatus status) {
        for (int i = 0; i < open.size(); i++) {
            var parked = open.get(i);
            var savepoint = status.createSavepoint();
            try {
                var outcome = dispatch.apply(parked.record());
                status.releaseSavepoint(savepoint);
                parking.resolve(
                        parked.id(),
                        "APPLIED",
                        by,
                        outcome == ContractDispatch.Outcome.APPLIED
                                ? "applied on retry"
                                : "already applied (duplicate)");
            } catch (Unapplicable e) {
                status.rollbackToSavepoint(savepoint);
                parking.failedAgain(parked.id(), e.getMessage());
                for (var behind : open.subList(i + 1, open.size())) {
                    parking.waitBehind(behind.id(), parked.id());
                }
                log.warn("parked record #{} still cannot be applied: {}", parked.id(), e.getMessage());
                return;
            }
        }
    }

    private Map<String, Long> openHeads(List<IncomingRecord> records) {
        var keysByTopic = records.stream()
                .filter(r -> r.key() != null)
                .collect(Collectors.groupingBy(
                        IncomingRecord::topic, Collectors.mapping(IncomingRecord::key, Collectors.toSet())));
        var heads = new HashMap<String, Long>();
        keysByTopic.forEach((topic, keys) ->
                parking.openHeads(topic, keys).forEach((key, id) -> heads.put(topic + '\u0000' + key, id)));
        return heads;
    }

    private static String blockingKey(IncomingRecord record) {
        return record.key() == null ? null : record.topic() + '\u0000' + record.key();
    }

    private static final class Range {
        final String topic;
        final int partition;
        final long first;
        long last;

        Range(String topic, int partition, long first) {
            this.topic = topic;
            this.partition = partition;
            this.first = first;
            this.last = first;
        }
    }

    private static Map<String, Range> ranges(List<IncomingRecord> records) {
        var ranges = new LinkedHashMap<String, Range>();
        for (var record : records) {
            ranges.computeIfAbsent(
                                    record.topic() + '\u0000' + record.partition(),
                                    k -> new Range(record.topic(), record.partition(), record.offset()))
                            .last =
                    record.offset();
        }
        return ranges;
    }

    private void count(String outcome) {
        count(outcome, 1);
    }

    private void count(String outcome, long n) {
        meters.counter("allmende.intake.records", "outcome", outcome).increment(n);
    }
}
