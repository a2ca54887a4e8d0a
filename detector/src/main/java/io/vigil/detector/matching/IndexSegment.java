package io.vigil.detector.matching;

import io.vigil.detector.pdq.Hash256;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An immutable batch of entries with its multi-index tables.
 *
 * <p>Entries are stored sorted by the value of chunk 0, so chunk 0's table needs no position list (a bucket is a
 * range of entries) and its candidates are read sequentially. Every other chunk has a direct-addressed table:
 * {@code offsets[key] .. offsets[key + 1]} is the range of {@code positions} holding the entries with that key
 * (a counting sort, so no per-bucket objects). A segment too small for tables to pay off is scanned.
 */
final class IndexSegment {

    private static final int WORDS = Hash256.WORDS;

    /** Largest radius a plan is cached for; wider searches plan on the fly. */
    private static final int CACHED_RADII = 64;

    private final int size;
    private final long[] hashes; // 4 words per entry, most significant first
    private final int[] ids;
    private final ChunkLayout layout; // null: scan only
    private final int[][] offsets;
    private final int[][] positions; // positions[0] == null: chunk 0 is the storage order
    private final AtomicReferenceArray<ProbePlan> plans = new AtomicReferenceArray<>(CACHED_RADII + 1);

    private IndexSegment(int size, long[] hashes, int[] ids, ChunkLayout layout, int[][] offsets, int[][] positions) {
        this.size = size;
        this.hashes = hashes;
        this.ids = ids;
        this.layout = layout;
        this.offsets = offsets;
        this.positions = positions;
    }

    /**
     * Builds a segment over the first {@code size} entries of {@code hashes} (4 words each) and {@code ids}. The
     * arrays are not kept.
     *
     * @param designRadius    the radius the layout is chosen for
     * @param maxIndexBytes   memory allowed for the tables (beyond the hashes and ids)
     */
    static IndexSegment build(long[] hashes, int[] ids, int size, int designRadius, long maxIndexBytes) {
        ChunkLayout layout = ChunkLayout.choose(size, designRadius, maxIndexBytes);
        if (layout == null) {
            long[] h = Arrays.copyOf(hashes, size * WORDS);
            int[] i = Arrays.copyOf(ids, size);
            return new IndexSegment(size, h, i, null, null, null);
        }
        // Counting sort by chunk 0: the storage order.
        int[] order = new int[size];
        int[] offsets0 = countingSort(layout, hashes, 0, size, order);
        long[] sortedHashes = new long[size * WORDS];
        int[] sortedIds = new int[size];
        for (int p = 0; p < size; p++) {
            int from = order[p];
            System.arraycopy(hashes, from * WORDS, sortedHashes, p * WORDS, WORDS);
            sortedIds[p] = ids[from];
        }
        order = null;
        int chunks = layout.count();
        int[][] offsets = new int[chunks][];
        int[][] positions = new int[chunks][];
        offsets[0] = offsets0;
        for (int c = 1; c < chunks; c++) {
            positions[c] = new int[size];
            offsets[c] = countingSort(layout, sortedHashes, c, size, positions[c]);
        }
        return new IndexSegment(size, sortedHashes, sortedIds, layout, offsets, positions);
    }

    /**
     * Stable counting sort of entry positions {@code 0..size-1} by the value of {@code chunk}: writes the sorted
     * positions into {@code out} and returns the bucket offsets (length 2^width + 1).
     */
    private static int[] countingSort(ChunkLayout layout, long[] hashes, int chunk, int size, int[] out) {
        int buckets = 1 << layout.width(chunk);
        int[] offsets = new int[buckets + 1];
        for (int p = 0; p < size; p++) {
            offsets[layout.key(hashes, p * WORDS, chunk) + 1]++;
        }
        for (int k = 0; k < buckets; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] next = Arrays.copyOf(offsets, buckets);
        for (int p = 0; p < size; p++) {
            out[next[layout.key(hashes, p * WORDS, chunk)]++] = p;
        }
        return offsets;
    }

    int size() {
        return size;
    }

    int id(int position) {
        return ids[position];
    }

    long[] hashes() {
        return hashes;
    }

    boolean isScanOnly() {
        return layout == null;
    }

    String describe() {
        return layout == null ? "scan" : layout.toString();
    }

    /** Every live entry within {@code radius} of {@code q} (4 words), each reported once. */
    void search(long[] q, int radius, LiveIds live, MatchSink sink) {
        if (layout == null) {
            scan(q, radius, live, sink);
            return;
        }
        ProbePlan plan = plan(radius);
        if (plan.isScan()) {
            scan(q, radius, live, sink);
            return;
        }
        int chunks = layout.count();
        int[] queryKeys = new int[chunks];
        for (int c = 0; c < chunks; c++) {
            queryKeys[c] = layout.key(q, 0, c);
        }
        Verifier verifier = new Verifier(q, radius, queryKeys, plan, live, sink);
        for (int c = 0; c < chunks; c++) {
            int r = plan.chunkRadius(c);
            if (r < 0) {
                continue;
            }
            verifier.chunk = c;
            probeAll(c, queryKeys[c], r, verifier);
        }
    }

    /** Probes every key within {@code r} bits of {@code key} in chunk {@code c}'s table. */
    private void probeAll(int c, int key, int r, Verifier v) {
        int width = layout.width(c);
        probe(c, key, v);
        if (r >= 1) {
            for (int i = 0; i < width; i++) {
                int k1 = key ^ (1 << i);
                probe(c, k1, v);
                if (r >= 2) {
                    for (int j = i + 1; j < width; j++) {
                        int k2 = k1 ^ (1 << j);
                        probe(c, k2, v);
                        if (r >= 3) {
                            for (int l = j + 1; l < width; l++) {
                                probe(c, k2 ^ (1 << l), v);
                            }
                        }
                    }
                }
            }
        }
        for (int bits = 4; bits <= r; bits++) {
            // Gosper's hack: every width-bit mask with exactly `bits` bits set, in increasing order
            long limit = 1L << width;
            long mask = (1L << bits) - 1;
            while (mask < limit) {
                probe(c, key ^ (int) mask, v);
                long lowest = mask & -mask;
                long ripple = mask + lowest;
                mask = (((ripple ^ mask) >>> 2) / lowest) | ripple;
            }
        }
    }

    private void probe(int c, int key, Verifier v) {
        int[] bucketOffsets = offsets[c];
        int from = bucketOffsets[key];
        int to = bucketOffsets[key + 1];
        int[] pos = positions[c];
        long q0 = v.q0;
        long q1 = v.q1;
        long q2 = v.q2;
        long q3 = v.q3;
        long[] h = hashes;
        for (int t = from; t < to; t++) {
            int p = pos == null ? t : pos[t];
            int base = p * WORDS;
            int d = Long.bitCount(q0 ^ h[base]) + Long.bitCount(q1 ^ h[base + 1])
                    + Long.bitCount(q2 ^ h[base + 2]) + Long.bitCount(q3 ^ h[base + 3]);
            if (d <= v.radius) {
                v.found(p, d);
            }
        }
    }

    /** Brute force over the segment: the baseline, and the plan when tables would not pay off. */
    void scan(long[] q, int radius, LiveIds live, MatchSink sink) {
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        long[] h = hashes;
        for (int p = 0, base = 0; p < size; p++, base += WORDS) {
            int d = Long.bitCount(q0 ^ h[base]) + Long.bitCount(q1 ^ h[base + 1])
                    + Long.bitCount(q2 ^ h[base + 2]) + Long.bitCount(q3 ^ h[base + 3]);
            if (d <= radius && live.contains(ids[p])) {
                sink.match(ids[p], d);
            }
        }
    }

    private ProbePlan plan(int radius) {
        if (radius > CACHED_RADII) {
            return layout.plan(radius, size);
        }
        ProbePlan plan = plans.get(radius);
        if (plan == null) {
            plan = layout.plan(radius, size); // racing threads compute equal plans; either may win
            plans.set(radius, plan);
        }
        return plan;
    }

    /**
     * Reports a verified candidate unless an earlier probed chunk already qualifies it (then that chunk's probe
     * reported it): every match is reported exactly once without a set of seen entries.
     */
    private final class Verifier {
        final long q0;
        final long q1;
        final long q2;
        final long q3;
        final int radius;
        final int[] queryKeys;
        final ProbePlan plan;
        final LiveIds live;
        final MatchSink sink;
        int chunk;

        Verifier(long[] q, int radius, int[] queryKeys, ProbePlan plan, LiveIds live, MatchSink sink) {
            this.q0 = q[0];
            this.q1 = q[1];
            this.q2 = q[2];
            this.q3 = q[3];
            this.radius = radius;
            this.queryKeys = queryKeys;
            this.plan = plan;
            this.live = live;
            this.sink = sink;
        }

        void found(int p, int distance) {
            int base = p * WORDS;
            for (int earlier = 0; earlier < chunk; earlier++) {
                int r = plan.chunkRadius(earlier);
                if (r >= 0 && Integer.bitCount(layout.key(hashes, base, earlier) ^ queryKeys[earlier]) <= r) {
                    return;
                }
            }
            int id = ids[p];
            if (live.contains(id)) {
                sink.match(id, distance);
            }
        }
    }

    /** Heap held by this segment beyond its hashes. */
    long indexHeapBytes() {
        long bytes = arrayBytes(ids.length, Integer.BYTES);
        if (offsets != null) {
            for (int c = 0; c < offsets.length; c++) {
                bytes += arrayBytes(offsets[c].length, Integer.BYTES);
                if (positions[c] != null) {
                    bytes += arrayBytes(positions[c].length, Integer.BYTES);
                }
            }
        }
        return bytes;
    }

    long hashHeapBytes() {
        return arrayBytes(hashes.length, Long.BYTES);
    }

    static long arrayBytes(long length, int elementBytes) {
        return 16 + length * elementBytes; // header and length, rounded as HotSpot does on 64-bit
    }

}
