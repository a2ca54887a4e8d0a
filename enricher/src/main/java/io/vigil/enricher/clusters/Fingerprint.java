package io.vigil.enricher.clusters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 64-bit ids derived from content, so that the same input always yields the same cluster or case id. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The first 8 bytes of the SHA-256 of {@code text}. */
    public static long of(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The id to try after a collision: deterministic, so a replay resolves it the same way. */
    public static long next(long id) {
        return of(Long.toHexString(id));
    }
}
