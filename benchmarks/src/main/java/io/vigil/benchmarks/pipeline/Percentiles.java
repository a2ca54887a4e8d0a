package io.vigil.benchmarks.pipeline;

import java.util.Arrays;

/** Latency percentiles of a run, in milliseconds. */
record Percentiles(int count, long p50, long p95, long p99, long max) {

    static Percentiles of(long[] millis) {
        if (millis.length == 0) {
            return new Percentiles(0, -1, -1, -1, -1);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return count == 0 ? "no samples" : String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%,d samples)", p50, p95, p99, max, count);
    }
}
