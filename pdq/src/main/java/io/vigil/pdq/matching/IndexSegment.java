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
        searchEach(q, 1, radius, live, (query, id, distance) -> sink.match(id, distance));
    }

    /**
     * Every live entry within {@code radius} of each of {@code count} queries (4 words each in {@code queries}),
     * reported once per query that finds it.
     *
     * <p>A search is a chain of cache misses: a bucket's offsets, then its entries' positions, then their hashes.
     * The searches of different queries (an image's 8 dihedral variants) do not depend on each other, so they go
     * through each chunk's table together, in three passes (all queries' keys to bucket ranges, ranges to candidate
     * positions, candidates to distances): the loads of one pass are independent, and the processor overlaps their
     * misses instead of draining its pipeline at the end of every query's short passes.
     */
    void searchEach(long[] queries, int count, int radius, LiveIds live, QueryMatchSink sink) {
        ProbePlan plan = layout == null ? null : plan(radius);
        if (plan == null || plan.isScan()) {
            scanEach(queries, count, radius, live, sink);
            return;
        }
        int chunks = layout.count();
        SearchScratch scratch = SearchScratch.get();
        int[] queryKeys = scratch.queryKeys(count * chunks);
        for (int q = 0; q < count; q++) {
            for (int c = 0; c < chunks; c++) {
                queryKeys[q * chunks + c] = layout.key(queries, q * WORDS, c);
            }
        }
        for (int c = 0; c < chunks; c++) {
            int r = plan.chunkRadius(c);
            if (r >= 0) {
                probeChunk(c, r, queries, count, queryKeys, plan, radius, scratch, live, sink);
            }
        }
    }

    /** Probes every key within {@code r} bits of each query's key in chunk {@code c}'s table; see {@link #searchEach}. */
    private void probeChunk(int c, int r, long[] queries, int count, int[] queryKeys, ProbePlan plan, int radius,
                            SearchScratch scratch, LiveIds live, QueryMatchSink sink) {
        int chunks = layout.count();
        int width = layout.width(c);
        int perQuery = neighbourCount(width, r);
        int[] keys = scratch.keys(count * perQuery);
        for (int q = 0; q < count; q++) {
            neighbours(queryKeys[q * chunks + c], width, r, keys, q * perQuery);
        }
        int keyCount = count * perQuery;
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
        int[] owner = scratch.owners;
        int n = 0;
        int[] pos = positions;
        int positionBase = (c - 1) * size; // chunk 0 stores its entries in bucket order: no positions
        for (int q = 0, k = 0; q < count; q++) {
            for (int end = k + perQuery; k < end; k++) {
                for (int t = from[k]; t < to[k]; t++) {
                    found[n] = c == 0 ? t : pos[positionBase + t];
                    owner[n++] = q;
                }
            }
        }
        long[] h = hashes;
        for (int i = 0; i < n; i++) {
            int base = found[i] * WORDS;
            int qb = owner[i] * WORDS;
            int d = Long.bitCount(queries[qb] ^ h[base]) + Long.bitCount(queries[qb + 1] ^ h[base + 1])
                    + Long.bitCount(queries[qb + 2] ^ h[base + 2]) + Long.bitCount(queries[qb + 3] ^ h[base + 3]);
            if (d <= radius && !foundInEarlierChunk(base, owner[i] * chunks, queryKeys, c, plan)) {
                int id = ids[found[i]];
                if (live.contains(id)) {
                    sink.match(owner[i], id, d);
                }
            }
        }
    }

    /**
     * Whether an earlier probed chunk already qualifies the entry at {@code base} for the query whose chunk keys
     * start at {@code keysAt} (then that chunk's probe reported it): every match is reported exactly once without
     * a set of seen entries.
     */
    private boolean foundInEarlierChunk(int base, int keysAt, int[] queryKeys, int chunk, ProbePlan plan) {
        for (int earlier = 0; earlier < chunk; earlier++) {
            int r = plan.chunkRadius(earlier);
            if (r >= 0 && Integer.bitCount(layout.key(hashes, base, earlier) ^ queryKeys[keysAt + earlier]) <= r) {
                return true;
            }
        }
        return false;
    }

    /** How many {@code width}-bit keys lie within {@code r} bits of a key. */
    private static int neighbourCount(int width, int r) {
        int total = 0;
        for (int bits = 0; bits <= Math.min(r, width); bits++) {
            total += (int) ChunkLayout.binomial(width, bits);
        }
        return total;
    }

    /** Writes every {@code width}-bit key within {@code r} bits of {@code key} into {@code keys} from {@code at}. */
    private static void neighbours(int key, int width, int r, int[] keys, int at) {
        int n = at;
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
    }

    /** Per-thread buffers for {@link #searchEach}, so that a search allocates nothing in steady state. */
    private static final class SearchScratch {
        private static final ThreadLocal<SearchScratch> PER_THREAD = ThreadLocal.withInitial(SearchScratch::new);

        int[] queryKeys = new int[256];
        int[] keys = new int[2048];
        int[] from = new int[2048];
        int[] to = new int[2048];
        int[] candidates = new int[4096];
        int[] owners = new int[4096];

        static SearchScratch get() {
            return PER_THREAD.get();
        }

        int[] queryKeys(int n) {
            if (queryKeys.length < n) {
                queryKeys = new int[n];
            }
            return queryKeys;
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
                owners = new int[candidates.length];
            }
            return candidates;
        }
    }

    /** Brute force over the segment: the baseline, and the plan when tables would not pay off. */
    void scan(long[] q, int radius, LiveIds live, MatchSink sink) {
        scanEach(q, 1, radius, live, (query, id, distance) -> sink.match(id, distance));
    }

    /** {@link #scan} for {@code count} queries in one pass over the entries. */
    void scanEach(long[] queries, int count, int radius, LiveIds live, QueryMatchSink sink) {
        long[] h = hashes;
        for (int p = 0, base = 0; p < size; p++, base += WORDS) {
            for (int q = 0, qb = 0; q < count; q++, qb += WORDS) {
                int d = Long.bitCount(queries[qb] ^ h[base]) + Long.bitCount(queries[qb + 1] ^ h[base + 1])
                        + Long.bitCount(queries[qb + 2] ^ h[base + 2]) + Long.bitCount(queries[qb + 3] ^ h[base + 3]);
                if (d <= radius && live.contains(ids[p])) {
                    sink.match(q, ids[p], d);
                }
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
