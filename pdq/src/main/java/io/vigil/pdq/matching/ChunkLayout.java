package io.vigil.pdq.matching;

import java.util.Arrays;

/**
 * How multi-index hashing splits the 256 bits of a hash into chunks, each indexed by a table keyed by the chunk's
 * value, and how a search of a given radius probes those tables.
 *
 * <p>Exactness rests on the generalised pigeonhole principle (Norouzi, Punjani, Fleet, "Fast Exact Search in Hamming
 * Space with Multi-Index Hashing", 2014): if the chunks are searched with radii {@code r_i} (or skipped, -1) such
 * that {@code sum(r_i + 1) >= r + 1}, any hash within distance {@code r} of the query is within {@code r_i} of it
 * in at least one searched chunk, because otherwise the chunk distances would sum to more than {@code r}. So
 * probing, in each searched chunk, every key within {@code r_i} of the query's chunk finds every match; verifying
 * the full distance removes the rest.
 *
 * <p>Bits are numbered from the most significant bit of word 0 (position 0) to the least significant of word 3
 * (position 255); chunk {@code i} covers positions {@code start[i] .. start[i] + width[i] - 1}.
 */
final class ChunkLayout {

    /** Widest chunk: a direct-addressed table of 2^24 buckets takes 64 MiB of offsets. */
    static final int MAX_WIDTH = 24;
    /** Narrowest chunk: below this the buckets are so crowded that probing is a scan in disguise. */
    static final int MIN_WIDTH = 4;

    /**
     * Relative costs of the search model: a probe is a bucket-offset lookup (usually a cache miss in a large
     * table), a candidate a random read of a 32-byte hash, a scanned entry a sequential read of one.
     */
    static final double PROBE_COST = 1.0;
    static final double CANDIDATE_COST = 1.0;
    static final double SCAN_COST = 0.1;

    private final int[] start;
    private final int[] width;

    private ChunkLayout(int[] start, int[] width) {
        this.start = start;
        this.width = width;
    }

    /** {@code count} chunks of as equal width as 256 bits allow, the wider ones first. */
    static ChunkLayout even(int count) {
        if (count < 1 || count > 256) {
            throw new IllegalArgumentException("chunk count " + count);
        }
        int[] start = new int[count];
        int[] width = new int[count];
        int base = 256 / count;
        int wider = 256 % count;
        int position = 0;
        for (int i = 0; i < count; i++) {
            width[i] = base + (i < wider ? 1 : 0);
            start[i] = position;
            position += width[i];
        }
        return new ChunkLayout(start, width);
    }

    int count() {
        return width.length;
    }

    int width(int chunk) {
        return width[chunk];
    }

    /** Chunk {@code chunk} of the hash stored at {@code words[base .. base + 3]}. */
    int key(long[] words, int base, int chunk) {
        int s = start[chunk];
        int w = width[chunk];
        int word = s >>> 6;
        int offset = s & 63;
        long aligned = words[base + word] << offset; // the chunk's first bit is now the most significant
        if (offset + w > 64) {
            aligned |= words[base + word + 1] >>> (64 - offset);
        }
        return (int) (aligned >>> (64 - w));
    }

    /** Bytes of bucket offsets for all tables: one int per possible key, plus one. */
    long offsetBytes() {
        long bytes = 0;
        for (int w : width) {
            bytes += ((1L << w) + 1) * Integer.BYTES;
        }
        return bytes;
    }

    /**
     * The cheapest chunk radii for a search of {@code radius} over {@code entries} entries, or a scan if that is
     * cheaper. Greedy on marginal cost is optimal: each unit of {@code sum(r_i + 1)} costs
     * {@code C(width, r_i + 1)} new probes in its chunk, which grows with {@code r_i} (below width / 2).
     */
    ProbePlan plan(int radius, int entries) {
        double scanCost = entries * SCAN_COST;
        int chunks = width.length;
        int[] chunkRadius = new int[chunks];
        Arrays.fill(chunkRadius, -1);
        double cost = 0;
        for (int unit = 0; unit <= radius; unit++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int i = 0; i < chunks; i++) {
                if (chunkRadius[i] >= width[i]) {
                    continue; // already every key of the chunk
                }
                double marginal = binomial(width[i], chunkRadius[i] + 1) * probeCost(i, entries);
                if (marginal < bestCost) {
                    bestCost = marginal;
                    best = i;
                }
            }
            if (best < 0) {
                return ProbePlan.scan(radius); // radius beyond what chunks can cover: everything is a candidate
            }
            chunkRadius[best]++;
            cost += bestCost;
            if (cost > scanCost) {
                return ProbePlan.scan(radius);
            }
        }
        return ProbePlan.probe(radius, chunkRadius, cost);
    }

    /** Cost of one probe into chunk {@code i}'s table: the lookup and the entries expected in the bucket. */
    private double probeCost(int i, int entries) {
        return PROBE_COST + CANDIDATE_COST * entries / (double) (1L << width[i]);
    }

    /**
     * The layout with the cheapest search at {@code designRadius} over {@code entries} entries whose tables fit in
     * {@code maxIndexBytes} (offsets plus one int position per entry per table after the first), or null if no
     * layout beats a scan.
     */
    static ChunkLayout choose(int entries, int designRadius, long maxIndexBytes) {
        ChunkLayout best = null;
        double bestCost = entries * SCAN_COST;
        for (int count = 256 / MAX_WIDTH + 1; count <= 256 / MIN_WIDTH; count++) {
            ChunkLayout layout = even(count);
            long bytes = layout.offsetBytes() + (long) (count - 1) * entries * Integer.BYTES;
            if (bytes > maxIndexBytes) {
                continue;
            }
            ProbePlan plan = layout.plan(designRadius, entries);
            if (!plan.isScan() && plan.cost() < bestCost) {
                bestCost = plan.cost();
                best = layout;
            }
        }
        return best;
    }

    static double binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @Override
    public String toString() {
        return width.length + " chunks " + Arrays.toString(width);
    }
}
