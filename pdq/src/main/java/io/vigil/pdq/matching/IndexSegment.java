package io.vigil.pdq.matching;

import io.vigil.pdq.Hash256;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An immutable batch of entries with its multi-index tables.
 *
 * <p>Entries are stored sorted by the value of chunk 0, so chunk 0's table needs no position list (a bucket is a
 * range of entries) and its candidates are read sequentially. Every other chunk has a direct-addressed table:
 * {@code offsets[key] .. offsets[key + 1]} is the range of {@code positions} holding the entries with that key
 * (compressed sparse rows built by a radix sort: no per-bucket objects). A segment too small for tables to pay off
 * is scanned.
 *
 * <p>All tables share one offsets array and one positions array: a few huge arrays instead of one per table, since
 * G1 gives every array larger than half a region whole regions of its own, and an array of 2^20 ints plus its header
 * would take two 4 MiB regions, doubling the memory of a 1-million-entry index's tables.
 */
final class IndexSegment {

    private static final int WORDS = Hash256.WORDS;

    /** Largest radius a plan is cached for; wider searches plan on the fly. */
    private static final int CACHED_RADII = 64;

    private final int size;
    private final long[] hashes; // 4 words per entry, most significant first
    private final int[] ids;
    private final ChunkLayout layout; // null: scan only
    private final int[] offsets;     // all tables' bucket offsets, chunk c's from offsetBase[c]
    private final int[] offsetBase;
    private final int[] positions;   // all tables' positions but chunk 0's (the storage order), chunk c's from (c-1)*size
    private final AtomicReferenceArray<ProbePlan> plans = new AtomicReferenceArray<>(CACHED_RADII + 1);

    private IndexSegment(int size, long[] hashes, int[] ids, ChunkLayout layout, int[] offsets, int[] offsetBase,
                         int[] positions) {
        this.size = size;
        this.hashes = hashes;
        this.ids = ids;
        this.layout = layout;
        this.offsets = offsets;
        this.offsetBase = offsetBase;
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
            return new IndexSegment(size, h, i, null, null, null, null);
        }
        long[] scratchA = new long[size];
        long[] scratchB = new long[size];
        int chunks = layout.count();
        int[] offsetBase = new int[chunks];
        long totalOffsets = 0;
        for (int c = 0; c < chunks; c++) {
            offsetBase[c] = (int) totalOffsets;
            totalOffsets += (1L << layout.width(c)) + 1;
        }
        int[] offsets = new int[Math.toIntExact(totalOffsets)];
        int[] positions = new int[Math.multiplyExact(chunks - 1, size)];
        // Sorted by chunk 0: the storage order.
        int[] order = new int[size];
        sortByChunk(layout, hashes, 0, size, order, 0, offsets, offsetBase[0], scratchA, scratchB);
        long[] sortedHashes = new long[size * WORDS];
        int[] sortedIds = new int[size];
        for (int p = 0; p < size; p++) {
            int from = order[p];
            System.arraycopy(hashes, from * WORDS, sortedHashes, p * WORDS, WORDS);
            sortedIds[p] = ids[from];
        }
        order = null;
        for (int c = 1; c < chunks; c++) {
            sortByChunk(layout, sortedHashes, c, size, positions, (c - 1) * size, offsets, offsetBase[c],
                    scratchA, scratchB);
        }
        return new IndexSegment(size, sortedHashes, sortedIds, layout, offsets, offsetBase, positions);
    }

    /** Radix digits of at most 12 bits: 4096 counters and as many write streams stay in cache. */
    private static final int RADIX_BITS = 12;

    /**
     * Stable sort of entry positions {@code 0..size-1} by the value of {@code chunk}: writes the sorted positions
     * into {@code out[outBase..]} and the bucket offsets (2^width + 1 of them) into {@code offsets[offsetsBase..]}.
     * An LSD radix sort of (key, position)
     * pairs reads and writes sequentially; scattering straight into 2^24 buckets would miss the cache on every
     * entry.
     */
    private static void sortByChunk(ChunkLayout layout, long[] hashes, int chunk, int size, int[] out, int outBase,
                                    int[] offsets, int offsetsBase, long[] scratchA, long[] scratchB) {
        int width = layout.width(chunk);
        long[] a = scratchA;
        long[] b = scratchB;
        for (int p = 0; p < size; p++) {
            a[p] = (long) layout.key(hashes, p * WORDS, chunk) << 32 | p;
        }
        int passes = (width + RADIX_BITS - 1) / RADIX_BITS;
        int digitBits = (width + passes - 1) / passes;
        int[] count = new int[(1 << digitBits) + 1];
        for (int pass = 0; pass < passes; pass++) {
            int shift = 32 + pass * digitBits;
            int mask = (1 << digitBits) - 1;
            Arrays.fill(count, 0);
            for (int i = 0; i < size; i++) {
                count[((int) (a[i] >>> shift) & mask) + 1]++;
            }
            for (int d = 0; d < mask + 1; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < size; i++) {
                b[count[(int) (a[i] >>> shift) & mask]++] = a[i];
            }
            long[] t = a;
            a = b;
            b = t;
        }
        for (int i = 0; i < size; i++) {
            offsets[offsetsBase + (int) (a[i] >>> 32) + 1]++;
            out[outBase + i] = (int) a[i];
        }
        for (int k = 0; k < 1 << width; k++) {
            offsets[offsetsBase + k + 1] += offsets[offsetsBase + k];
        }
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
        SearchScratch scratch = SearchScratch.get();
        for (int c = 0; c < chunks; c++) {
            int r = plan.chunkRadius(c);
            if (r < 0) {
                continue;
            }
            verifier.chunk = c;
            probeChunk(c, queryKeys[c], r, scratch, verifier);
        }
    }

    /**
     * Probes every key within {@code r} bits of {@code key} in chunk {@code c}'s table, in three passes (keys to
     * bucket ranges, ranges to candidate positions, candidates to distances) so that the memory reads of each
     * pass are independent of each other: the processor then overlaps their cache misses instead of waiting for
     * offset, position and hash one after the other.
     */
    private void probeChunk(int c, int key, int r, SearchScratch scratch, Verifier v) {
        int keyCount = neighbours(key, layout.width(c), r, scratch);
        int[] keys = scratch.keys;
        int[] bucketOffsets = offsets;
        int tableBase = offsetBase[c];
        int[] from = scratch.from(keyCount);
        int[] to = scratch.to;
        int candidates = 0;
        for (int k = 0; k < keyCount; k++) {
            int bucket = tableBase + keys[k];
            from[k] = bucketOffsets[bucket];
            to[k] = bucketOffsets[bucket + 1];
            candidates += to[k] - from[k];
        }
        int[] found = scratch.candidates(candidates);
        int n = 0;
        if (c == 0) {
            for (int k = 0; k < keyCount; k++) {
                for (int t = from[k]; t < to[k]; t++) {
                    found[n++] = t;
                }
            }
        } else {
            int[] pos = positions;
            int positionBase = (c - 1) * size;
            for (int k = 0; k < keyCount; k++) {
                for (int t = from[k]; t < to[k]; t++) {
                    found[n++] = pos[positionBase + t];
                }
            }
        }
        long q0 = v.q0;
        long q1 = v.q1;
        long q2 = v.q2;
        long q3 = v.q3;
        long[] h = hashes;
        int radius = v.radius;
        for (int i = 0; i < n; i++) {
            int base = found[i] * WORDS;
            int d = Long.bitCount(q0 ^ h[base]) + Long.bitCount(q1 ^ h[base + 1])
                    + Long.bitCount(q2 ^ h[base + 2]) + Long.bitCount(q3 ^ h[base + 3]);
            if (d <= radius) {
                v.found(found[i], d);
            }
        }
    }

    /** Writes every {@code width}-bit key within {@code r} bits of {@code key} into {@code scratch.keys}. */
    private static int neighbours(int key, int width, int r, SearchScratch scratch) {
        int total = 0;
        for (int bits = 0; bits <= Math.min(r, width); bits++) {
            total += (int) ChunkLayout.binomial(width, bits);
        }
        int[] keys = scratch.keys(total);
        int n = 0;
        keys[n++] = key;
        if (r >= 1) {
            for (int i = 0; i < width; i++) {
                int k1 = key ^ (1 << i);
                keys[n++] = k1;
                if (r >= 2) {
                    for (int j = i + 1; j < width; j++) {
                        int k2 = k1 ^ (1 << j);
                        keys[n++] = k2;
                        if (r >= 3) {
                            for (int l = j + 1; l < width; l++) {
                                keys[n++] = k2 ^ (1 << l);
                            }
                        }
                    }
                }
            }
        }
        for (int bits = 4; bits <= Math.min(r, width); bits++) {
            // Gosper's hack: every width-bit mask with exactly `bits` bits set, in increasing order
            long limit = 1L << width;
            long mask = (1L << bits) - 1;
            while (mask < limit) {
                keys[n++] = key ^ (int) mask;
                long lowest = mask & -mask;
                long ripple = mask + lowest;
                mask = (((ripple ^ mask) >>> 2) / lowest) | ripple;
            }
        }
        return n;
    }

    /** Per-thread buffers for {@link #probeChunk}, so that a search allocates nothing in steady state. */
    private static final class SearchScratch {
        private static final ThreadLocal<SearchScratch> PER_THREAD = ThreadLocal.withInitial(SearchScratch::new);

        int[] keys = new int[1024];
        int[] from = new int[1024];
        int[] to = new int[1024];
        int[] candidates = new int[4096];

        static SearchScratch get() {
            return PER_THREAD.get();
        }

        int[] keys(int n) {
            if (keys.length < n) {
                keys = new int[n];
            }
            return keys;
        }

        int[] from(int n) {
            if (from.length < n) {
                from = new int[n];
                to = new int[n];
            }
            return from;
        }

        int[] candidates(int n) {
            if (candidates.length < n) {
                candidates = new int[Math.max(n, candidates.length * 2)];
            }
            return candidates;
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
            bytes += arrayBytes(offsets.length, Integer.BYTES) + arrayBytes(positions.length, Integer.BYTES);
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
