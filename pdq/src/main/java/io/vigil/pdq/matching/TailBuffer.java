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
        int n = size;
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        for (int p = 0, base = 0; p < n; p++, base += Hash256.WORDS) {
            int d = Long.bitCount(q0 ^ hashes[base]) + Long.bitCount(q1 ^ hashes[base + 1])
                    + Long.bitCount(q2 ^ hashes[base + 2]) + Long.bitCount(q3 ^ hashes[base + 3]);
            if (d <= radius && live.contains(ids[p])) {
                sink.match(ids[p], d);
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
