package org.allmende.billing.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final ParkingLot parking;
    private final ConsumerOffsets offsets;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    RecordIntake(
            ContractDispatch dispatch,
            ParkingLot parking,
            ConsumerOffsets offsets,
            TransactionTemplate transaction,
            MeterRegistry meters) {
        this.dispatch = dispatch;
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
            var savepoint = status.createSavepoint();
            try {
                var outcome = dispatch.apply(record);
                status.releaseSavepoint(savepoint);
                count(outcome == ContractDispatch.Outcome.APPLIED ? "applied" : "duplicate");
            } catch (Unapplicable e) {
                status.rollbackToSavepoint(savepoint);
                var id = parking.park(record, e.getMessage(), null);
                if (key != null) {
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
        }
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
        meters.counter("allmende.intake.records", "outcome", outcome).increment();
    }
}
