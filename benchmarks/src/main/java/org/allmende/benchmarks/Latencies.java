package org.allmende.benchmarks;

import java.util.Arrays;

/** Exact percentiles of the client's measurements, in milliseconds; negative entries (no answer) are left out. */
record Latencies(int count, double p50, double p90, double p99, double max) {

    static Latencies of(long[] nanos) {
        var sorted = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
        if (sorted.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.90)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least the fraction q of all values at or below it. */
    private static long rank(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
