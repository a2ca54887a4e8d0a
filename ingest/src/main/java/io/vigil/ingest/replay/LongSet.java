package io.vigil.ingest.replay;

/**
 * A set of 64-bit fingerprints in one open-addressed array: 8 to 16 bytes per element where a {@code HashSet<Long>}
 * takes about 50, which is what lets a replay remember every event a topic holds for its chats.
 */
public final class LongSet {

    private static final long EMPTY = 0L;
    /** Stands for the fingerprint 0, which marks an empty slot. */
    private boolean hasZero;
    private long[] slots = new long[1024];
    private int size;

    /** Adds the value; returns false if it was already there. */
    public boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int slot = find(slots, value);
        if (slots[slot] == value) {
            return false;
        }
        slots[slot] = value;
        size++;
        return true;
    }

    public boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        return slots[find(slots, value)] == value;
    }

    public int size() {
        return size;
    }

    private static int find(long[] table, long value) {
        int mask = table.length - 1;
        int slot = (int) (mix(value) & mask);
        while (table[slot] != EMPTY && table[slot] != value) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The fingerprints are already hashes; mixing guards against inputs that are not. */
    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long value : slots) {
            if (value != EMPTY) {
                bigger[find(bigger, value)] = value;
            }
        }
        slots = bigger;
    }

    @Override
    public String toString() {
        return "LongSet(" + size + " of " + slots.length + " slots)";
    }
}
