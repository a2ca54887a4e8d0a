package io.vigil.benchmarks.matching;

import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqIndexConfig;
import io.vigil.pdq.matching.PdqMatch;
import io.vigil.pdq.Hash256;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The PDQ index next to brute force over the same entries, in one run: random hashes plus planted near-duplicates at
 * distances 0..40 of the query hashes, single thread. Prints build time, heap per entry beyond the hash, queries
 * per second and p50/p99 latency of both, and checks that both return the same match sets.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.matching.PdqMatchingBenchmark \
 *     [entries=1000000] [queries=2000] [bruteForceQueries=200] [radius=31] [seed=1] [mergeFanout] [minSegmentIndexMiB]
 * </pre>
 */
public final class PdqMatchingBenchmark {

    /** Planted near-duplicates per query base, spread over distances 0..40. */
    private static final int PLANTED_PER_BASE = 10;
    private static final int MAX_PLANTED_DISTANCE = 40;
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private PdqMatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int bruteForceQueries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int radius = args.length > 3 ? Integer.parseInt(args[3]) : 31;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        PdqIndexConfig defaults = PdqIndexConfig.defaults();
        PdqIndexConfig config = new PdqIndexConfig(defaults.designRadius(), defaults.tailCapacity(),
                args.length > 5 ? Integer.parseInt(args[5]) : defaults.mergeFanout(), defaults.indexBytesPerEntry(),
                args.length > 6 ? Long.parseLong(args[6]) << 20 : defaults.minSegmentIndexBytes());

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        Random random = new Random(seed);
        int bases = queryCount / 2;
        List<Hash256> queries = new ArrayList<>(queryCount);
        List<Hash256> hashes = new ArrayList<>(entries);
        for (int b = 0; b < bases; b++) {
            Hash256 base = randomHash(random);
            queries.add(base);
            for (int k = 0; k < PLANTED_PER_BASE && hashes.size() < entries; k++) {
                hashes.add(near(base, random.nextInt(MAX_PLANTED_DISTANCE + 1), random));
            }
        }
        while (queries.size() < queryCount) {
            queries.add(randomHash(random)); // queries with (almost surely) no match
        }
        while (hashes.size() < entries) {
            hashes.add(randomHash(random));
        }
        java.util.Collections.shuffle(hashes, random);
        java.util.Collections.shuffle(queries, random);

        long buildStart = System.nanoTime();
        PdqIndex index = new PdqIndex(config);
        index.addAll(hashes);
        long buildNanos = System.nanoTime() - buildStart;
        hashes = null; // only the index holds the entries now
        long heapAfter = usedHeapAfterGc(memory);
        PdqIndex.Stats stats = index.stats();
        double measuredPerEntry = (double) (heapAfter - heapBefore) / entries;

        // Warm up both paths, then measure.
        long warmEnd = System.nanoTime() + WARMUP_NANOS;
        int w = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (System.nanoTime() < warmEnd) { // the very calls measured below, so that they are compiled
            Hash256 q = queries.get(w++ % queries.size());
            long c0 = threads.getCurrentThreadCpuTime();
            index.search(q, radius);
            if (w % 50 == 0) {
                Set<PdqMatch> byScan = new HashSet<>();
                index.searchByScan(q, radius, (id, d) -> byScan.add(new PdqMatch(id, d)));
            }
            if (threads.getCurrentThreadCpuTime() < c0) {
                throw new AssertionError();
            }
        }
        long[] indexLatency = new long[queries.size()];
        long[] indexCpu = new long[queries.size()];
        long matches = 0;
        long indexStart = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<PdqMatch> found = index.search(queries.get(i), radius);
            indexLatency[i] = System.nanoTime() - t0;
            indexCpu[i] = threads.getCurrentThreadCpuTime() - c0;
            matches += found.size();
        }
        long indexTotal = System.nanoTime() - indexStart;

        int scanned = Math.min(bruteForceQueries, queries.size());
        long[] scanLatency = new long[scanned];
        long[] scanCpu = new long[scanned];
        int mismatches = 0;
        long scanStart = System.nanoTime();
        for (int i = 0; i < scanned; i++) {
            Set<PdqMatch> byScan = new HashSet<>();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            index.searchByScan(queries.get(i), radius, (id, d) -> byScan.add(new PdqMatch(id, d)));
            scanLatency[i] = System.nanoTime() - t0;
            scanCpu[i] = threads.getCurrentThreadCpuTime() - c0;
            if (!byScan.equals(new HashSet<>(index.search(queries.get(i), radius)))) {
                mismatches++;
            }
        }
        long scanTotal = System.nanoTime() - scanStart;

        double indexQps = queries.size() / (indexTotal / 1e9);
        double scanQps = scanned / (Arrays.stream(scanLatency).sum() / 1e9);
        System.out.printf(Locale.ROOT, "PDQ matching, %,d entries (%,d planted near-duplicates at 0..%d of %,d query "
                        + "hashes), radius %d, one thread, JVM %s%n", entries, Math.min(entries, bases * PLANTED_PER_BASE),
                MAX_PLANTED_DISTANCE, bases, radius, Runtime.version());
        System.out.printf(Locale.ROOT, "index config: %s; layout: %s%n", config, stats.layouts());
        System.out.printf(Locale.ROOT, "build (bulk load): %.2f s%n", buildNanos / 1e9);
        System.out.printf(Locale.ROOT, "heap beyond the hash: %.1f B/entry measured (GC'd heap delta %.1f B - 32 B),"
                + " %.1f B/entry counted from the index's arrays%n", measuredPerEntry - 32, measuredPerEntry,
                stats.indexBytesPerEntry());
        System.out.printf(Locale.ROOT, "%-22s %12s %10s %10s %10s%n", "", "queries/s", "mean", "p50", "p99");
        print("index, wall clock", indexQps, indexLatency);
        print("index, thread CPU", Double.NaN, indexCpu);
        print("brute force, wall", scanQps, scanLatency);
        print("brute force, CPU", Double.NaN, scanCpu);
        System.out.printf(Locale.ROOT, "speed-up: %.0fx (queries/s), matches found by the index: %,d over %,d queries%n",
                indexQps / scanQps, matches, queries.size());
        System.out.printf(Locale.ROOT, "identical match sets on %d queries checked against brute force: %s%n", scanned,
                mismatches == 0 ? "yes" : "NO, " + mismatches + " differ");
        churn(index, queries, radius, random);
        index.close();
        if (mismatches > 0) {
            System.exit(1);
        }
        if (scanTotal < 0) {
            throw new AssertionError();
        }
    }

    /**
     * Updates while searching: first the update rate alone (adds, and every tenth added entry removed again, as fast
     * as one thread can), then searches while a second thread applies updates at a steady rate (a large list import
     * arriving on the bank topic), then searches once merges have settled.
     */
    private static void churn(PdqIndex index, List<Hash256> queries, int radius, Random random) throws Exception {
        int adds = 200_000;
        List<Hash256> fresh = new ArrayList<>(adds);
        for (int i = 0; i < 2 * adds; i++) {
            fresh.add(randomHash(random));
        }
        long t0 = System.nanoTime();
        applyUpdates(index, fresh.subList(0, adds), 0);
        double updatesPerSecond = adds * 1.1 / ((System.nanoTime() - t0) / 1e9);
        index.awaitMerges();
        System.out.printf(Locale.ROOT, "updates alone: %,d adds + %,d removes at %,.0f updates/s (one thread; tail seals "
                + "included, merges run on the background thread)%n", adds, adds / 10, updatesPerSecond);

        int rate = 20_000;
        Thread writer = new Thread(() -> applyUpdates(index, fresh.subList(adds, 2 * adds), rate));
        List<Long> during = new ArrayList<>();
        writer.start();
        int i = 0;
        while (writer.isAlive()) {
            long q0 = System.nanoTime();
            index.search(queries.get(i++ % queries.size()), radius);
            during.add(System.nanoTime() - q0);
        }
        writer.join();
        index.awaitMerges();
        long[] after = new long[Math.min(queries.size(), 2000)];
        for (int k = 0; k < after.length; k++) {
            long q0 = System.nanoTime();
            index.search(queries.get(k), radius);
            after[k] = System.nanoTime() - q0;
        }
        long[] l = during.stream().mapToLong(Long::longValue).toArray();
        print(String.format(Locale.ROOT, "index, %,d updates/s on", rate), l.length / (Arrays.stream(l).sum() / 1e9), l);
        print("  another thread (wall)", Double.NaN, new long[0]);
        print("index after the updates", after.length / (Arrays.stream(after).sum() / 1e9), after);
        System.out.printf(Locale.ROOT, "segments after the updates: %s%n", index.stats().layouts());
    }

    /** Adds {@code hashes}, removing every tenth added entry again, at {@code perSecond} updates (0: flat out). */
    private static void applyUpdates(PdqIndex index, List<Hash256> hashes, int perSecond) {
        long start = System.nanoTime();
        List<Integer> ids = new ArrayList<>(hashes.size());
        int updates = 0;
        for (int i = 0; i < hashes.size(); i++) {
            ids.add(index.add(hashes.get(i)));
            updates++;
            if (i % 10 == 9) {
                index.remove(ids.get(i - 5));
                updates++;
            }
            if (perSecond > 0) {
                long due = start + (long) (updates * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
        }
    }

    private static void print(String name, double qps, long[] latencies) {
        if (latencies.length == 0) {
            System.out.printf(Locale.ROOT, "%-22s%n", name);
            return;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-22s %12s %10s %10s %10s%n", name,
                Double.isNaN(qps) ? "" : String.format(Locale.ROOT, "%.0f", qps), micros(mean),
                micros(sorted[(int) (sorted.length * 0.50)]), micros(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))]));
    }

    private static String micros(double nanos) {
        return nanos >= 1e6 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6) : String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static Hash256 randomHash(Random random) {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** {@code base} with exactly {@code distance} distinct bits flipped. */
    static Hash256 near(Hash256 base, int distance, Random random) {
        Set<Integer> flipped = new HashSet<>();
        Hash256 h = base;
        while (flipped.size() < distance) {
            int bit = random.nextInt(Hash256.BITS);
            if (flipped.add(bit)) {
                h = h.withBitFlipped(bit);
            }
        }
        return h;
    }
}
