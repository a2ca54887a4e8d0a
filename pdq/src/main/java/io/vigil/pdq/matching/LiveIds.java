package io.vigil.pdq.matching;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which entry ids are live: a bitset in pages of 64 Ki bits, grown by publishing a longer page directory, so that
 * readers never lock and never see a torn directory. One writer at a time (the index's write lock).
 */
final class LiveIds {

    private static final int PAGE_BITS = 16;
    private static final int WORDS_PER_PAGE = (1 << PAGE_BITS) / Long.SIZE;

    private volatile AtomicLongArray[] pages = new AtomicLongArray[0];

    boolean contains(int id) {
        AtomicLongArray[] directory = pages;
        int page = id >>> PAGE_BITS;
        if (id < 0 || page >= directory.length) {
            return false;
        }
        int bit = id & ((1 << PAGE_BITS) - 1);
        return (directory[page].get(bit >>> 6) & (1L << bit)) != 0;
    }

    /** Marks {@code id} live. Writer only. */
    void add(int id) {
        int page = id >>> PAGE_BITS;
        AtomicLongArray[] directory = pages;
        if (page >= directory.length) {
            AtomicLongArray[] grown = java.util.Arrays.copyOf(directory, Math.max(page + 1, directory.length * 2));
            for (int i = directory.length; i < grown.length; i++) {
                grown[i] = new AtomicLongArray(WORDS_PER_PAGE);
            }
            pages = grown;
            directory = grown;
        }
        int bit = id & ((1 << PAGE_BITS) - 1);
        AtomicLongArray words = directory[page];
        words.set(bit >>> 6, words.get(bit >>> 6) | 1L << bit);
    }

    /** Marks {@code id} dead; true if it was live. Writer only. */
    boolean remove(int id) {
        if (!contains(id)) {
            return false;
        }
        AtomicLongArray words = pages[id >>> PAGE_BITS];
        int bit = id & ((1 << PAGE_BITS) - 1);
        words.set(bit >>> 6, words.get(bit >>> 6) & ~(1L << bit));
        return true;
    }

    long heapBytes() {
        return (long) pages.length * (16 + WORDS_PER_PAGE * 8L + 16);
    }
}
