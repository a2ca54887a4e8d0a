package io.vigil.detector.hashing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The exact (cryptographic) hashes that hash-sharing lists carry besides PDQ, as lower-case hex. */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static String md5Hex(byte[] bytes) {
        return HEX.formatHex(digest("MD5", bytes));
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(digest("SHA-256", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}
