package org.allmende.membership.usage;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.allmende.membership.usage.AcceptedUsage.Taken;
import org.allmende.membership.usage.RecordOutcome.Status;
import org.allmende.membership.usage.SubmittedRecord.Key;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of usage records: checks each in memory against {@link MembershipFacts}, answers a record sent
 * before as a duplicate, and hands the new ones to Kafka — never one database round trip or one Kafka flush per
 * record. A record counts as taken only once Kafka acknowledged it and its key is committed; the keys of records
 * Kafka did not take are removed before the commit, so sending them again takes them (ADR 0016).
 */
@Component
public class UsageIntake {

    private static final Logger log = LoggerFactory.getLogger(UsageIntake.class);

    private final MembershipFactsProjection projection;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final AcceptedUsage accepted;
    private final UsagePublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maximumRecords;
    private final Duration factsPatience;

    UsageIntake(
            MembershipFactsProjection projection,
            EventStore eventStore,
            JdbcTemplate jdbc,
            AcceptedUsage accepted,
            UsagePublisher publisher,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters,
            @Value("${allmende.usage.maximum-records:10000}") int maximumRecords,
            @Value("${allmende.usage.facts-patience:PT5S}") Duration factsPatience) {
        this.projection = projection;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.accepted = accepted;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.meters = meters;
        this.maximumRecords = maximumRecords;
        this.factsPatience = factsPatience;
    }

    /** How many records one batch may hold. */
    public int maximumRecords() {
        return maximumRecords;
    }

    /** @param records as read, in order: each record's index is its position */
    public BatchOutcome take(List<SubmittedRecord> records, String correlationId) {
        if (records.isEmpty()) {
            throw BatchRefused.empty();
        }
        if (records.size() > maximumRecords) {
            throw BatchRefused.tooLarge(maximumRecords);
        }
        awaitFacts();
        var facts = projection.facts();
        var outcomes = new RecordOutcome[records.size()];
        var firstOf = new HashMap<Key, Integer>();
        var candidates = new ArrayList<SubmittedRecord>();
        for (var record : records) {
            var key = record.key();
            var first = key == null ? null : firstOf.putIfAbsent(key, record.index());
            if (first != null) {
                outcomes[record.index()] = RecordOutcome.of(
                        record, Status.DUPLICATE, null, "the same sendingSystem and recordId as record " + first);
                continue;
            }
            var broken = UsageRules.brokenRule(record, facts);
            if (broken.isPresent()) {
                outcomes[record.index()] = RecordOutcome.rejected(record, broken.get());
            } else {
                candidates.add(record);
            }
        }
        if (!candidates.isEmpty()) {
            store(records, candidates, outcomes, correlationId);
        }
        var outcome = new BatchOutcome(List.of(outcomes));
        for (var status : Status.values()) {
            var count = outcome.count(status);
            if (count > 0) {
                meters.counter("allmende.usage.intake.records", "status", status.name())
                        .increment(count);
            }
        }
        return outcome;
    }

    /**
     * Read your writes: waits until the facts include every event stored before now — also one stored earlier
     * but committed late, which the processor passed as a gap — or answers that they are behind.
     */
    private void awaitFacts() {
        var deadline = System.nanoTime() + factsPatience.toNanos();
        var head = eventStore.createHeadToken();
        var headIndex = head == null ? -1 : head.position().orElse(-1);
        try {
            var gaps = projection.awaitIndex(headIndex, deadline);
            if (gaps == null) {
                throw behind();
            }
            if (!gaps.isEmpty()) {
                var committed = committedAmong(gaps);
                if (!committed.isEmpty() && !projection.awaitSeen(committed, deadline)) {
                    throw behind();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw behind();
        }
    }

    private Set<Long> committedAmong(SortedSet<Long> gaps) {
        return new HashSet<>(jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select global_index from domain_event_entry where global_index = any(?)");
                    Array indexes = connection.createArrayOf("bigint", gaps.toArray());
                    statement.setArray(1, indexes);
                    return statement;
                },
                (row, i) -> row.getLong(1)));
    }

    private UsageFactsBehind behind() {
        return new UsageFactsBehind("Membership is still catching up with its latest events (it may have just"
                + " started); nothing of this batch was taken. Send it again in a few seconds.");
    }

    /**
     * One transaction: lock what reversals refer to, remember the new keys, publish, forget what Kafka did not
     * take, commit. Only after the commit are records answered as accepted; any failure answers every record that
     * was still open as NOT_STORED (its key is not remembered).
     */
    private void store(
            List<SubmittedRecord> records,
            List<SubmittedRecord> candidates,
            RecordOutcome[] outcomes,
            String correlationId) {
        Map<Integer, Boolean> published;
        try {
            published = transaction.execute(status -> storeAndPublish(candidates, outcomes, correlationId));
        } catch (RuntimeException e) {
            log.warn("usage batch of {} records not stored: {}", candidates.size(), e.getMessage(), e);
            for (var record : candidates) {
                if (outcomes[record.index()] == null) {
                    outcomes[record.index()] = RecordOutcome.of(
                            record,
                            Status.NOT_STORED,
                            null,
                            "could not be stored (" + e.getClass().getSimpleName() + "); send it again");
                }
            }
            return;
        }
        published.forEach((index, acknowledged) -> {
            var record = records.get(index);
            outcomes[index] = acknowledged
                    ? RecordOutcome.of(record, Status.ACCEPTED, null, null)
                    : RecordOutcome.of(record, Status.NOT_STORED, null, "Kafka did not acknowledge it; send it again");
        });
    }

    private Map<Integer, Boolean> storeAndPublish(
            List<SubmittedRecord> candidates, RecordOutcome[] outcomes, String correlationId) {
        var toRemember = checkReversals(candidates, outcomes);
        var now = clock.instant();
        var fresh = accepted.remember(toRemember, now);
        var sending = new ArrayList<SubmittedRecord>();
        for (var record : toRemember) {
            if (fresh.contains(record.key())) {
                sending.add(record);
            } else {
                outcomes[record.index()] =
                        RecordOutcome.of(record, Status.DUPLICATE, null, "taken before by an earlier batch");
            }
        }
        // A reversal of an original in this very batch goes only after the original is on the topic: billing must
        // never see a reversal whose original never arrives.
        var originalsHere = new HashSet<Key>();
        sending.stream().filter(r -> !r.isReversal()).forEach(r -> originalsHere.add(r.key()));
        var first = new ArrayList<SubmittedRecord>();
        var second = new ArrayList<SubmittedRecord>();
        for (var record : sending) {
            (record.isReversal() && originalsHere.contains(record.reversedKey()) ? second : first).add(record);
        }
        var published = new HashMap<Integer, Boolean>();
        var acknowledgedKeys = new HashSet<Key>();
        publish(first, correlationId, now, published, acknowledgedKeys);
        var secondReady = new ArrayList<SubmittedRecord>();
        for (var record : second) {
            if (acknowledgedKeys.contains(record.reversedKey())) {
                secondReady.add(record);
            } else {
                published.put(record.index(), false);
            }
        }
        publish(secondReady, correlationId, now, published, acknowledgedKeys);
        var notTaken = new ArrayList<Key>();
        for (var record : sending) {
            if (!published.get(record.index())) {
                notTaken.add(record.key());
            }
        }
        accepted.forget(notTaken);
        return published;
    }

    private void publish(
            List<SubmittedRecord> records,
            String correlationId,
            Instant now,
            Map<Integer, Boolean> published,
            Set<Key> acknowledgedKeys) {
        if (records.isEmpty()) {
            return;
        }
        var acknowledged =
                publisher.publish(records.stream().map(SubmittedRecord::toEvent).toList(), correlationId, now);
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            published.put(record.index(), acknowledged.get(i));
            if (acknowledged.get(i)) {
                acknowledgedKeys.add(record.key());
            }
        }
    }

    /**
     * A reversal takes back (part of) an original of the same sending system, member and service, taken earlier
     * or earlier in this batch; all reversals of one original together never exceed it. A reversal taken before
     * is a duplicate. Returns the records still to remember.
     */
    private List<SubmittedRecord> checkReversals(List<SubmittedRecord> candidates, RecordOutcome[] outcomes) {
        var reversals = candidates.stream().filter(SubmittedRecord::isReversal).toList();
        if (reversals.isEmpty()) {
            return candidates;
        }
        var keys = new HashSet<Key>();
        var originals = new HashSet<Key>();
        for (var reversal : reversals) {
            keys.add(reversal.key());
            keys.add(reversal.reversedKey());
            originals.add(reversal.reversedKey());
        }
        Map<Key, Taken> taken = accepted.lock(keys);
        Map<Key, BigDecimal> reversed = new HashMap<>(accepted.reversedSoFar(originals));
        var here = new HashMap<Key, SubmittedRecord>();
        var remaining = new ArrayList<SubmittedRecord>();
        for (var record : candidates) {
            if (!record.isReversal()) {
                here.putIfAbsent(record.key(), record);
                remaining.add(record);
                continue;
            }
            if (taken.containsKey(record.key())) {
                outcomes[record.index()] =
                        RecordOutcome.of(record, Status.DUPLICATE, null, "taken before by an earlier batch");
                continue;
            }
            var broken =
                    reversalRule(record, taken.get(record.reversedKey()), here.get(record.reversedKey()), reversed);
            if (broken != null) {
                outcomes[record.index()] = RecordOutcome.rejected(record, broken);
                continue;
            }
            reversed.merge(record.reversedKey(), record.quantity(), BigDecimal::add);
            remaining.add(record);
        }
        return remaining;
    }

    private static BrokenRule reversalRule(
            SubmittedRecord reversal, Taken before, SubmittedRecord inBatch, Map<Key, BigDecimal> reversed) {
        long member;
        String service;
        BigDecimal quantity;
        if (before != null && before.reversesRecordId() == null) {
            member = before.memberNumber();
            service = before.serviceCode();
            quantity = before.quantity();
        } else if (before == null && inBatch != null) {
            member = inBatch.memberNumber();
            service = inBatch.serviceCode();
            quantity = inBatch.quantity();
        } else {
            return new BrokenRule(
                    BrokenRule.REVERSAL_OF_UNKNOWN_RECORD,
                    "record " + reversal.reversesRecordId() + " of " + reversal.sendingSystem() + " is "
                            + (before != null ? "itself a reversal" : "not known"));
        }
        if (member != reversal.memberNumber() || !service.equals(reversal.serviceCode())) {
            return new BrokenRule(
                    BrokenRule.REVERSAL_OF_UNKNOWN_RECORD,
                    "record " + reversal.reversesRecordId() + " of " + reversal.sendingSystem() + " is not for member "
                            + reversal.memberNumber() + " and " + reversal.serviceCode());
        }
        var already = reversed.getOrDefault(reversal.reversedKey(), BigDecimal.ZERO);
        if (already.add(reversal.quantity()).compareTo(quantity) > 0) {
            return new BrokenRule(
                    BrokenRule.REVERSAL_ABOVE_ORIGINAL,
                    "a reversal of " + reversal.quantity().toPlainString() + " exceeds the original "
                            + quantity.stripTrailingZeros().toPlainString()
                            + (already.signum() > 0
                                    ? " less the "
                                            + already.stripTrailingZeros().toPlainString() + " taken back already"
                                    : ""));
        }
        return null;
    }
}
