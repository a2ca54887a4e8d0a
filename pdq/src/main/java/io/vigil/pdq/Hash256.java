package io.vigil.pdq;

import java.util.Locale;

/**
 * A 256-bit perceptual hash (PDQ), immutable.
 *
 * <p>Bit numbering follows the ThreatExchange reference: bit {@code k} is bit {@code k} of the 256-bit number whose
 * big-endian hex form is the hash's text form, and for a PDQ hash bit {@code k} is DCT coefficient
 * {@code (k / 16, k % 16)}. So the first hex digit of the text holds bits 255..252 and the last one bits 3..0.
 * The four 64-bit words are kept most significant first, which makes the hex form a plain concatenation and the
 * Hamming distance four {@link Long#bitCount} calls.
 */
public final class Hash256 implements Comparable<Hash256> {

    /** Number of bits in a PDQ hash: a 16x16 block of DCT coefficients. */
    public static final int BITS = 256;
    /** Length of the text form: 4 bits per hex digit. */
    public static final int HEX_LENGTH = BITS / 4;
    /** Number of 64-bit words. */
    public static final int WORDS = BITS / Long.SIZE;

    private static final int HEX_DIGITS_PER_WORD = Long.SIZE / 4;

    private final long w0; // bits 255..192
    private final long w1; // bits 191..128
    private final long w2; // bits 127..64
    private final long w3; // bits 63..0

    private Hash256(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** The hash with the given words, most significant first (word 0 holds bits 255..192). */
    public static Hash256 ofWords(long w0, long w1, long w2, long w3) {
        return new Hash256(w0, w1, w2, w3);
    }

    /** The hash of the given 4 words, most significant first, read from {@code words[offset..offset+3]}. */
    public static Hash256 ofWords(long[] words, int offset) {
        return new Hash256(words[offset], words[offset + 1], words[offset + 2], words[offset + 3]);
    }

    /** The hash whose bits {@code k} are set for every {@code bits[k]} that is true. */
    public static Hash256 ofBits(boolean[] bits) {
        if (bits.length != BITS) {
            throw new IllegalArgumentException("expected " + BITS + " bits, got " + bits.length);
        }
        long[] words = new long[WORDS];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[wordIndex(k)] |= 1L << (k & 63);
            }
        }
        return ofWords(words, 0);
    }

    /**
     * Parses the 64-digit hex form (either case, no prefix, no separators).
     *
     * @throws IllegalArgumentException if the text is not exactly 64 hex digits
     */
    public static Hash256 fromHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("a 256-bit hash is " + HEX_LENGTH + " hex digits, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        long[] words = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            long word = 0;
            for (int d = 0; d < HEX_DIGITS_PER_WORD; d++) {
                int pos = i * HEX_DIGITS_PER_WORD + d;
                int nibble = Character.digit(hex.charAt(pos), 16);
                if (nibble < 0) {
                    throw new IllegalArgumentException("not a hex digit at position " + pos);
                }
                word = (word << 4) | nibble;
            }
            words[i] = word;
        }
        return ofWords(words, 0);
    }

    /** True if {@code text} is exactly 64 hex digits. */
    public static boolean isHex(CharSequence text) {
        if (text == null || text.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case 64-digit hex form, as the reference prints it. */
    public String toHex() {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", w0, w1, w2, w3);
    }

    /** Word {@code i} (0..3), most significant first. */
    public long word(int i) {
        switch (i) {
            case 0: return w0;
            case 1: return w1;
            case 2: return w2;
            case 3: return w3;
            default: throw new IndexOutOfBoundsException("word " + i);
        }
    }

    /** Copies the four words, most significant first, into {@code dst[offset..offset+3]}. */
    public void copyWords(long[] dst, int offset) {
        dst[offset] = w0;
        dst[offset + 1] = w1;
        dst[offset + 2] = w2;
        dst[offset + 3] = w3;
    }

    /** Bit {@code k} (0..255) in the reference's numbering. */
    public boolean bit(int k) {
        checkBit(k);
        return (word(wordIndex(k)) >>> (k & 63) & 1L) != 0;
    }

    /** This hash with bit {@code k} inverted. */
    public Hash256 withBitFlipped(int k) {
        checkBit(k);
        long[] words = {w0, w1, w2, w3};
        words[wordIndex(k)] ^= 1L << (k & 63);
        return ofWords(words, 0);
    }

    /** Number of differing bits. */
    public int distance(Hash256 other) {
        return Long.bitCount(w0 ^ other.w0) + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2) + Long.bitCount(w3 ^ other.w3);
    }

    /** Number of differing bits between this hash and the one stored at {@code words[offset..offset+3]}. */
    public int distance(long[] words, int offset) {
        return Long.bitCount(w0 ^ words[offset]) + Long.bitCount(w1 ^ words[offset + 1])
                + Long.bitCount(w2 ^ words[offset + 2]) + Long.bitCount(w3 ^ words[offset + 3]);
    }

    /** Number of set bits. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    public Hash256 xor(Hash256 other) {
        return new Hash256(w0 ^ other.w0, w1 ^ other.w1, w2 ^ other.w2, w3 ^ other.w3);
    }

    private static int wordIndex(int k) {
        return WORDS - 1 - (k >>> 6);
    }

    private static void checkBit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException("bit " + k);
        }
    }

    /** Unsigned order of the 256-bit numbers, so that sorting by it sorts the hex forms. */
    @Override
    public int compareTo(Hash256 o) {
        int c = Long.compareUnsigned(w0, o.w0);
        if (c == 0) {
            c = Long.compareUnsigned(w1, o.w1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w2, o.w2);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w3, o.w3);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 h && h.w0 == w0 && h.w1 == w1 && h.w2 == w2 && h.w3 == w3;
    }

    @Override
    public int hashCode() {
        long h = w0 * 31 + w1;
        h = h * 31 + w2;
        h = h * 31 + w3;
        return Long.hashCode(h);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
