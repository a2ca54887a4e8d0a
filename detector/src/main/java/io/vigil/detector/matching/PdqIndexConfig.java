package io.vigil.detector.matching;

/**
 * Tuning of a {@link PdqIndex}. Results never depend on it (every search is exact); speed and memory do.
 *
 * @param designRadius         the search radius tables are laid out for: the published PDQ match threshold, 31, by
 *                             default; searches of any radius stay exact, wider ones get slower
 * @param tailCapacity         entries collected (and scanned) before they are sealed into a segment
 * @param mergeFanout          segments of one size class merged into one of the next; more segments mean cheaper
 *                             merges and slower searches
 * @param indexBytesPerEntry   heap the tables of a segment may take per entry (beyond the 32-byte hash)
 * @param minSegmentIndexBytes heap a small segment's tables may always take, so that small segments are indexed
 *                             too
 */
public record PdqIndexConfig(int designRadius, int tailCapacity, int mergeFanout, int indexBytesPerEntry,
                             long minSegmentIndexBytes) {

    /** The threshold ThreatExchange recommends for PDQ (about 88% of bits equal). */
    public static final int DEFAULT_DESIGN_RADIUS = 31;
    /** A tail of 2048 entries is scanned in a few microseconds and sealed in well under a millisecond. */
    public static final int DEFAULT_TAIL_CAPACITY = 2048;
    public static final int DEFAULT_MERGE_FANOUT = 8;
    /**
     * Table budget: about 96 bytes per entry, which with the 4-byte id keeps the index under 128 bytes per entry
     * beyond the hash at 10 million entries.
     */
    public static final int DEFAULT_INDEX_BYTES_PER_ENTRY = 96;
    public static final long DEFAULT_MIN_SEGMENT_INDEX_BYTES = 2L << 20;

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
        return Math.max(minSegmentIndexBytes, (long) entries * indexBytesPerEntry);
    }
}
