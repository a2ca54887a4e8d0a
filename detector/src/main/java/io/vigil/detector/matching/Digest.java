package io.vigil.detector.matching;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An MD5 or SHA-256 digest as a small value: equality and hash code are those of the bytes, the text form is lower-case
 * hex.
 */
public final class Digest {

    private final HashType type;
    private final byte[] bytes;

    private Digest(HashType type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /** Parses the hex form of an MD5 or SHA-256 digest (either case). */
    public static Digest fromHex(HashType type, String hex) {
        checkExact(type);
        if (!type.isValidHex(hex)) {
            throw new IllegalArgumentException("a " + type + " digest is " + type.hexLength() + " hex digits");
        }
        return new Digest(type, HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    }

    /** The MD5 digest of {@code content}. */
    public static Digest md5Of(byte[] content) {
        return new Digest(HashType.MD5, messageDigest("MD5").digest(content));
    }

    /** The SHA-256 digest of {@code content}. */
    public static Digest sha256Of(byte[] content) {
        return new Digest(HashType.SHA256, messageDigest("SHA-256").digest(content));
    }

    public HashType type() {
        return type;
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }

    private static void checkExact(HashType type) {
        if (Objects.requireNonNull(type, "type") == HashType.PDQ) {
            throw new IllegalArgumentException("PDQ hashes are matched by distance: use Hash256 and PdqIndex");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && d.type == type && java.util.Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        // digests are uniformly distributed: their first bytes are as good a hash code as any
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return type + ":" + toHex();
    }
}
