package io.vigil.pdq.matching;

import io.vigil.pdq.Hash256;

/**
 * The newest entries, not yet in a segment: an append-only array that one writer fills while any number of readers
 * scan it. The writer stores an entry, then publishes it by a volatile write of the size; a reader reads the size
 * first and only looks below it, so it never sees a half-written entry.
 */
final class TailBuffer {

    private final long[] hashes;
    private final int[] ids;
    private volatile int size;

    TailBuffer(int capacity) {
        this.hashes = new long[capacity * Hash256.WORDS];
        this.ids = new int[capacity];
    }

    int capacity() {
        return ids.length;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == ids.length;
    }

    /** Writer only. */
    void append(Hash256 hash, int id) {
        int n = size;
        hash.copyWords(hashes, n * Hash256.WORDS);
        ids[n] = id;
        size = n + 1;
    }

    void search(long[] q, int radius, LiveIds live, MatchSink sink) {
        searchEach(q, 1, radius, live, (query, id, distance) -> sink.match(id, distance));
    }

    /** {@link #search} for {@code count} queries (4 words each) in one pass over the entries. */
    void searchEach(long[] queries, int count, int radius, LiveIds live, QueryMatchSink sink) {
        int n = size;
        for (int p = 0, base = 0; p < n; p++, base += Hash256.WORDS) {
            for (int q = 0, qb = 0; q < count; q++, qb += Hash256.WORDS) {
                int d = Long.bitCount(queries[qb] ^ hashes[base]) + Long.bitCount(queries[qb + 1] ^ hashes[base + 1])
                        + Long.bitCount(queries[qb + 2] ^ hashes[base + 2])
                        + Long.bitCount(queries[qb + 3] ^ hashes[base + 3]);
                if (d <= radius && live.contains(ids[p])) {
                    sink.match(q, ids[p], d);
                }
            }
        }
    }

    /** Whether {@code id} was appended here (a scan of at most one tail's ids). */
    boolean holds(int id) {
        int n = size;
        for (int p = 0; p < n; p++) {
            if (ids[p] == id) {
                return true;
            }
        }
        return false;
    }

    long[] hashes() {
        return hashes;
    }

    int[] ids() {
        return ids;
    }

    long heapBytes() {
        return IndexSegment.arrayBytes(hashes.length, Long.BYTES) + IndexSegment.arrayBytes(ids.length, Integer.BYTES);
    }
}
