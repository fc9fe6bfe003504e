package org.allmende.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.allmende.events.usage.UsageRecorded;

/**
 * The usage records one phase sends, generated from a seed and kept compact (a few arrays, not a million objects):
 * originals spread over the members and the metered services on one day, about 1 % duplicates (a record sent again
 * unchanged, as a meter retrying does) and 0.5 % reversals (a new record taking an earlier original back in full).
 * A duplicate or reversal refers to a record at least {@code lag} positions earlier, so that a sender working in
 * batches never refers to a record it has not had answered yet.
 *
 * <p>It knows what billing must end up with: the records counted (originals and reversals, each once) and the
 * quantity per member, service and day (originals minus what was reversed).
 */
final class UsageWorkload {

    static final double DUPLICATE_SHARE = 0.01;
    static final double REVERSAL_SHARE = 0.005;

    /** A service of the seeded catalog counted by use, and how much one record of it typically says. */
    record MeteredService(String code, String unit, int minCents, int maxCents, int stepCents) {

        long quantityCents(SplittableRandom random) {
            var steps = (maxCents - minCents) / stepCents;
            return minCents + (long) random.nextInt(steps + 1) * stepCents;
        }
    }

    /** The services of membership's catalog seed that are counted by use (ADMIN-NET, IT-SECURITY are flat). */
    static final List<MeteredService> SERVICES = List.of(
            new MeteredService("PRINT-PAGES", "PAGE", 100, 200_000, 100),
            new MeteredService("DC-HOSTING", "GB_MONTH", 1, 50_000, 1),
            new MeteredService("RIS-TABLET", "DEVICE", 100, 3_000, 100),
            new MeteredService("PRINT-CARTRIDGE", "PIECE", 100, 1_000, 100),
            new MeteredService("SUPPORT-HOURS", "HOUR", 25, 800, 25));

    private static final byte ORIGINAL = 0;
    private static final byte DUPLICATE = 1;
    private static final byte REVERSAL = 2;

    record Key(long memberNumber, String serviceCode, LocalDate day) {}

    /**
     * What billing must hold after this workload (and any added to it): counted records per sending system, and
     * the quantity in cents per member, service and day.
     */
    record Expected(Map<String, Long> recordsBySystem, Map<Key, Long> centsByKey) {

        static Expected none() {
            return new Expected(Map.of(), Map.of());
        }

        Expected plus(Expected other) {
            var records = new HashMap<>(recordsBySystem);
            other.recordsBySystem.forEach((system, n) -> records.merge(system, n, Long::sum));
            var cents = new HashMap<>(centsByKey);
            other.centsByKey.forEach((key, n) -> cents.merge(key, n, Long::sum));
            return new Expected(Map.copyOf(records), Map.copyOf(cents));
        }

        long records() {
            return recordsBySystem.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final String sendingSystem;
    private final String idPrefix;
    private final List<Long> members;
    private final LocalDate day;
    private final byte[] kind;
    private final int[] reference;
    private final short[] member;
    private final byte[] service;
    private final long[] cents;
    private int duplicates;
    private int reversals;

    private UsageWorkload(String sendingSystem, String idPrefix, List<Long> members, LocalDate day, int count) {
        this.sendingSystem = sendingSystem;
        this.idPrefix = idPrefix;
        this.members = List.copyOf(members);
        this.day = day;
        kind = new byte[count];
        reference = new int[count];
        member = new short[count];
        service = new byte[count];
        cents = new long[count];
    }

    static UsageWorkload generate(
            String sendingSystem, String idPrefix, List<Long> members, LocalDate day, int count, int lag, long seed) {
        if (members.isEmpty() || members.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("1 to 32767 members");
        }
        var workload = new UsageWorkload(sendingSystem, idPrefix, members, day, count);
        var random = new SplittableRandom(seed);
        var reversed = new boolean[count];
        for (int i = 0; i < count; i++) {
            var draw = random.nextDouble();
            var earliest = i - lag;
            if (earliest >= 0 && draw < DUPLICATE_SHARE) {
                var j = random.nextInt(earliest + 1);
                while (workload.kind[j] == DUPLICATE) {
                    j = workload.reference[j];
                }
                workload.copy(i, DUPLICATE, j);
                workload.duplicates++;
                continue;
            }
            if (earliest >= 0 && draw < DUPLICATE_SHARE + REVERSAL_SHARE) {
                var j = -1;
                for (int attempt = 0; attempt < 8 && j < 0; attempt++) {
                    var candidate = random.nextInt(earliest + 1);
                    if (workload.kind[candidate] == ORIGINAL && !reversed[candidate]) {
                        j = candidate;
                    }
                }
                if (j >= 0) {
                    reversed[j] = true;
                    workload.copy(i, REVERSAL, j);
                    workload.reversals++;
                    continue;
                }
            }
            var s = random.nextInt(SERVICES.size());
            workload.kind[i] = ORIGINAL;
            workload.reference[i] = -1;
            workload.member[i] = (short) random.nextInt(members.size());
            workload.service[i] = (byte) s;
            workload.cents[i] = SERVICES.get(s).quantityCents(random);
        }
        return workload;
    }

    private void copy(int i, byte what, int j) {
        kind[i] = what;
        reference[i] = j;
        member[i] = member[j];
        service[i] = service[j];
        cents[i] = cents[j];
    }

    int size() {
        return kind.length;
    }

    int duplicates() {
        return duplicates;
    }

    int reversals() {
        return reversals;
    }

    String sendingSystem() {
        return sendingSystem;
    }

    /** The earlier record the i-th refers to (the one it repeats or reverses), or -1 for an original. */
    int reference(int i) {
        return reference[i];
    }

    String recordId(int i) {
        return idPrefix + i;
    }

    /** The i-th record as the contract carries it; a duplicate is exactly its earlier record again. */
    UsageRecorded record(int i) {
        if (kind[i] == DUPLICATE) {
            return record(reference[i]);
        }
        var metered = SERVICES.get(service[i]);
        return new UsageRecorded(
                sendingSystem,
                recordId(i),
                members.get(member[i]),
                metered.code(),
                quantity(cents[i]),
                metered.unit(),
                day,
                day,
                kind[i] == REVERSAL ? recordId(reference[i]) : null);
    }

    /** 12.5 rather than 12.50, and 2000 rather than 2E+3: as a person or a meter would write it. */
    private static BigDecimal quantity(long cents) {
        var stripped = BigDecimal.valueOf(cents, 2).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    Expected expected() {
        var totals = new HashMap<Key, Long>();
        long counted = 0;
        for (int i = 0; i < size(); i++) {
            if (kind[i] == DUPLICATE) {
                continue;
            }
            counted++;
            var key = new Key(members.get(member[i]), SERVICES.get(service[i]).code(), day);
            totals.merge(key, kind[i] == REVERSAL ? -cents[i] : cents[i], Long::sum);
        }
        return new Expected(Map.of(sendingSystem, counted), Map.copyOf(totals));
    }
}
