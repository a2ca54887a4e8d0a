package io.vigil.standalone.commands.banks;

import io.vigil.schemas.SignalType;

import java.util.Arrays;

/**
 * Bank entries by (bank number, {@link EntryKey}), each with a state byte and a 64-bit payload that the caller
 * defines, in flat arrays: 46 bytes per entry plus growth slack and 8-16 bytes of index, 55-85 in all, where a
 * {@code HashMap} of key strings takes over 200. The commands hold a whole bank (or every bank) in it, and real
 * lists run to millions of hashes.
 *
 * <p>Entries are numbered densely in insertion order and never removed (a removal is a state), so iteration is by
 * number and repeatable. Open addressing with linear probing over an index of entry numbers, at most half full.
 */
final class EntryTable {

    private static final int WORDS = 4;
    private static final int INITIAL_ENTRIES = 1 << 10;
    /** Keeps every array (four words per entry, an index twice the entries) within Java's array length. */
    static final int MAX_ENTRIES = 1 << 28;
    private static final SignalType[] TYPES = SignalType.values();

    private long[] words = new long[INITIAL_ENTRIES * WORDS];
    private int[] banks = new int[INITIAL_ENTRIES];
    private byte[] types = new byte[INITIAL_ENTRIES];
    private byte[] states = new byte[INITIAL_ENTRIES];
    private long[] payloads = new long[INITIAL_ENTRIES];
    private int size;
    /** Entry number + 1 per slot, 0 for a free slot; its length is a power of two at least twice {@link #size}. */
    private int[] index = new int[INITIAL_ENTRIES * 2];

    int size() {
        return size;
    }

    /** The entry's number, or -1 if the table does not hold it. */
    int find(int bank, EntryKey key) {
        int mask = index.length - 1;
        for (int slot = slot(bank, key, mask); index[slot] != 0; slot = (slot + 1) & mask) {
            int entry = index[slot] - 1;
            if (matches(entry, bank, key)) {
                return entry;
            }
        }
        return -1;
    }

    /** The entry's number; a new entry (state 0, payload 0) if the table did not hold it. */
    int findOrAdd(int bank, EntryKey key) {
        int mask = index.length - 1;
        int slot = slot(bank, key, mask);
        for (; index[slot] != 0; slot = (slot + 1) & mask) {
            int entry = index[slot] - 1;
            if (matches(entry, bank, key)) {
                return entry;
            }
        }
        if (size == MAX_ENTRIES) {
            throw new IllegalStateException("more than " + MAX_ENTRIES + " bank entries");
        }
        int entry = size++;
        if (entry == banks.length) {
            growEntries();
        }
        words[entry * WORDS] = key.w0();
        words[entry * WORDS + 1] = key.w1();
        words[entry * WORDS + 2] = key.w2();
        words[entry * WORDS + 3] = key.w3();
        banks[entry] = bank;
        types[entry] = (byte) key.type().ordinal();
        index[slot] = entry + 1;
        if (size * 2L > index.length) {
            rehash(index.length * 2);
        }
        return entry;
    }

    int bank(int entry) {
        return banks[entry];
    }

    EntryKey key(int entry) {
        int w = entry * WORDS;
        return new EntryKey(TYPES[types[entry]], words[w], words[w + 1], words[w + 2], words[w + 3]);
    }

    SignalType type(int entry) {
        return TYPES[types[entry]];
    }

    byte state(int entry) {
        return states[entry];
    }

    void state(int entry, byte state) {
        states[entry] = state;
    }

    long payload(int entry) {
        return payloads[entry];
    }

    void payload(int entry, long payload) {
        payloads[entry] = payload;
    }

    private boolean matches(int entry, int bank, EntryKey key) {
        int w = entry * WORDS;
        return banks[entry] == bank && types[entry] == key.type().ordinal() && words[w] == key.w0()
                && words[w + 1] == key.w1() && words[w + 2] == key.w2() && words[w + 3] == key.w3();
    }

    private static int slot(int bank, EntryKey key, int mask) {
        return (int) mix(bank, key.type().ordinal(), key.w0(), key.w1(), key.w2(), key.w3()) & mask;
    }

    /**
     * Lists carry made-up and structured values (all zeros, counters), not only uniformly random hashes, so every
     * word goes through a multiply-xorshift round, finished with MurmurHash3's 64-bit finaliser.
     */
    private static long mix(int bank, int type, long w0, long w1, long w2, long w3) {
        long h = (long) bank << 8 | type;
        h = (h ^ w0) * 0x9E3779B97F4A7C15L;
        h = (h ^ h >>> 29 ^ w1) * 0x9E3779B97F4A7C15L;
        h = (h ^ h >>> 29 ^ w2) * 0x9E3779B97F4A7C15L;
        h = (h ^ h >>> 29 ^ w3) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }

    private void growEntries() {
        int capacity = (int) Math.min(MAX_ENTRIES, banks.length + (long) (banks.length >> 1));
        words = Arrays.copyOf(words, capacity * WORDS);
        banks = Arrays.copyOf(banks, capacity);
        types = Arrays.copyOf(types, capacity);
        states = Arrays.copyOf(states, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }

    private void rehash(int slots) {
        int[] rebuilt = new int[slots];
        int mask = slots - 1;
        for (int entry = 0; entry < size; entry++) {
            int w = entry * WORDS;
            int slot = (int) mix(banks[entry], types[entry], words[w], words[w + 1], words[w + 2], words[w + 3]) & mask;
            while (rebuilt[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            rebuilt[slot] = entry + 1;
        }
        index = rebuilt;
    }
}
