package io.vigil.enricher.lineage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bottom-k MinHash of the ids of a chat's active senders: the k smallest 64-bit hashes (unsigned) seen. Two
 * sketches estimate how many senders two chats share and how much of the smaller chat that is, in k longs per chat
 * (512 bytes), without keeping anyone's id. Below k senders a sketch holds them all and the estimates are exact.
 */
public final class SenderSketch {

    /** 64 hashes estimate a 50% overlap within about ±12 points (the standard error of bottom-k is 1/sqrt(k)). */
    public static final int K = 64;
    private static final double TWO_TO_64 = Math.pow(2, 64);

    private SenderSketch() {
    }

    /** The sketch with {@code senderId} added, or the same array when the sender changes nothing. */
    public static long[] add(long[] sketch, String senderId) {
        return addHash(sketch, hash(senderId));
    }

    /** The largest hash of a full sketch, which a sender must hash below to enter it; 0 while the sketch is not full. */
    public static long ceiling(long[] sketch) {
        return sketch.length < K ? 0 : sketch[K - 1];
    }

    /** Whether a sender with this hash could change a sketch with this ceiling. */
    public static boolean couldEnter(long hash, long ceiling) {
        return ceiling == 0 || Long.compareUnsigned(hash, ceiling) < 0;
    }

    private static long[] addHash(long[] sketch, long h) {
        int pos = 0;
        while (pos < sketch.length && Long.compareUnsigned(sketch[pos], h) < 0) {
            pos++;
        }
        if (pos < sketch.length && sketch[pos] == h || pos == K) {
            return sketch;
        }
        int size = Math.min(K, sketch.length + 1);
        long[] next = new long[size];
        System.arraycopy(sketch, 0, next, 0, pos);
        next[pos] = h;
        System.arraycopy(sketch, pos, next, pos + 1, size - pos - 1);
        return next;
    }

    /** Estimated number of distinct senders. */
    public static double cardinality(long[] sketch) {
        if (sketch.length < K) {
            return sketch.length;
        }
        return (K - 1) / unit(sketch[K - 1]);
    }

    /**
     * Estimated senders in both chats: the share of the union's bottom-k that both sketches hold, times the union's
     * estimated size.
     */
    public static double intersection(long[] a, long[] b) {
        long[] union = bottomK(a, b);
        if (union.length == 0) {
            return 0;
        }
        int both = 0;
        for (long h : union) {
            if (contains(a, h) && contains(b, h)) {
                both++;
            }
        }
        double unionSize = a.length < K && b.length < K ? union.length : cardinality(union);
        if (a.length < K && b.length < K) {
            return both;
        }
        return (double) both / union.length * unionSize;
    }

    /** Share of the smaller chat's senders that are also senders of the other (0-1). */
    public static double overlap(long[] a, long[] b) {
        double smaller = Math.min(cardinality(a), cardinality(b));
        return smaller == 0 ? 0 : Math.min(1, intersection(a, b) / smaller);
    }

    public static long[] of(List<Long> stored) {
        return stored.stream().mapToLong(Long::longValue).toArray();
    }

    public static List<Long> toList(long[] sketch) {
        List<Long> list = new ArrayList<>(sketch.length);
        for (long h : sketch) {
            list.add(h);
        }
        return list;
    }

    private static long[] bottomK(long[] a, long[] b) {
        long[] merged = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while ((i < a.length || j < b.length) && n < K) {
            long next;
            if (j >= b.length || i < a.length && Long.compareUnsigned(a[i], b[j]) <= 0) {
                next = a[i++];
                if (j < b.length && b[j] == next) {
                    j++;
                }
            } else {
                next = b[j++];
            }
            merged[n++] = next;
        }
        return Arrays.copyOf(merged, n);
    }

    private static boolean contains(long[] sorted, long h) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(sorted[mid], h);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    private static double unit(long h) {
        double v = h >= 0 ? h : h + TWO_TO_64;
        return Math.max(v / TWO_TO_64, Double.MIN_NORMAL);
    }

    /** FNV-1a over the id's UTF-8 bytes, then MurmurHash3's 64-bit finaliser to spread the bits. */
    public static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a87ecL;
        h ^= h >>> 33;
        return h;
    }
}
