package io.vigil.detector.matching;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact matching of MD5 and SHA-256 digests: digest to the ids of every entry holding it (several banks may list
 * the same file). Lookups take no lock and see each add and remove once it returns; the id arrays are replaced,
 * never modified. Ids are the caller's.
 */
public final class DigestIndex {

    private static final int[] NONE = new int[0];

    private final ConcurrentHashMap<Digest, int[]> entries = new ConcurrentHashMap<>();

    /** Adds entry {@code id} for {@code digest}; false if it was already there. */
    public boolean add(Digest digest, int id) {
        boolean[] added = {false};
        entries.compute(digest, (d, ids) -> {
            if (ids == null) {
                added[0] = true;
                return new int[] {id};
            }
            for (int existing : ids) {
                if (existing == id) {
                    return ids;
                }
            }
            added[0] = true;
            int[] grown = Arrays.copyOf(ids, ids.length + 1);
            grown[ids.length] = id;
            return grown;
        });
        return added[0];
    }

    /** Removes entry {@code id} for {@code digest}; false if it was not there. */
    public boolean remove(Digest digest, int id) {
        boolean[] removed = {false};
        entries.computeIfPresent(digest, (d, ids) -> {
            int at = -1;
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == id) {
                    at = i;
                }
            }
            if (at < 0) {
                return ids;
            }
            removed[0] = true;
            if (ids.length == 1) {
                return null;
            }
            int[] shrunk = new int[ids.length - 1];
            System.arraycopy(ids, 0, shrunk, 0, at);
            System.arraycopy(ids, at + 1, shrunk, at, ids.length - at - 1);
            return shrunk;
        });
        return removed[0];
    }

    /** Ids of the entries holding {@code digest}, in the order they were added (empty if none). */
    public int[] lookup(Digest digest) {
        int[] ids = entries.get(digest);
        return ids == null ? NONE : ids.clone();
    }

    /** Number of distinct digests. */
    public int size() {
        return entries.size();
    }
}
