package io.vigil.pdq.matching;

/**
 * Tuning of a {@link PdqIndex}. Results never depend on it (every search is exact); speed and memory do.
 *
 * @param designRadius         the search radius tables are laid out for: the published PDQ match threshold, 31, by
 *                             default; searches of any radius stay exact, wider ones get slower
 * @param tailCapacity         entries collected (and scanned) before they are sealed into a segment
 * @param mergeFanout          segments of one size class merged into one of the next; more segments mean cheaper
 *                             merges and slower searches
 * @param indexBytesPerEntry   heap the tables of a segment may take per entry (beyond the 32-byte hash)
 * @param minSegmentIndexBytes heap a small segment's tables may take even beyond {@code indexBytesPerEntry} (up to
 *                             1 KiB per entry), so that small segments are searched quickly too
 */
public record PdqIndexConfig(int designRadius, int tailCapacity, int mergeFanout, int indexBytesPerEntry,
                             long minSegmentIndexBytes) {

    /** The threshold ThreatExchange recommends for PDQ (about 88% of bits equal). */
    public static final int DEFAULT_DESIGN_RADIUS = 31;
    /** A tail of 2048 entries is scanned in a few microseconds and sealed in well under a millisecond. */
    public static final int DEFAULT_TAIL_CAPACITY = 2048;
    /**
     * Merge four segments of a size class into one: each segment costs a search a few hundred probes whatever its
     * size, so fewer, larger segments keep searches fast while updates arrive; merging costs about 1 µs per entry.
     */
    public static final int DEFAULT_MERGE_FANOUT = 4;
    /**
     * Table budget: about 96 bytes per entry, which with the 4-byte id keeps the index under 128 bytes per entry
     * beyond the hash at 10 million entries.
     */
    public static final int DEFAULT_INDEX_BYTES_PER_ENTRY = 96;
    /**
     * 8 MiB lets a segment of some thousands of entries have 16-bit tables (2^16 buckets each), which search it in
     * about half the probes of what 96 bytes per entry would allow.
     */
    public static final long DEFAULT_MIN_SEGMENT_INDEX_BYTES = 8L << 20;

    /** However small a segment, its tables never take more than this per entry. */
    private static final int MAX_SMALL_SEGMENT_BYTES_PER_ENTRY = 1024;

    public PdqIndexConfig {
        if (designRadius < 0 || designRadius > 256) {
            throw new IllegalArgumentException("PDQ design radius must be 0..256, got " + designRadius);
        }
        if (tailCapacity < 1) {
            throw new IllegalArgumentException("PDQ index tail capacity must be positive, got " + tailCapacity);
        }
        if (mergeFanout < 2) {
            throw new IllegalArgumentException("PDQ index merge fanout must be at least 2, got " + mergeFanout);
        }
        if (indexBytesPerEntry < 0 || minSegmentIndexBytes < 0) {
            throw new IllegalArgumentException("PDQ index memory budgets must not be negative");
        }
    }

    public static PdqIndexConfig defaults() {
        return new PdqIndexConfig(DEFAULT_DESIGN_RADIUS, DEFAULT_TAIL_CAPACITY, DEFAULT_MERGE_FANOUT,
                DEFAULT_INDEX_BYTES_PER_ENTRY, DEFAULT_MIN_SEGMENT_INDEX_BYTES);
    }

    long maxIndexBytes(int entries) {
        return Math.max((long) entries * indexBytesPerEntry,
                Math.min(minSegmentIndexBytes, (long) entries * MAX_SMALL_SEGMENT_BYTES_PER_ENTRY));
    }
}
