package io.vigil.detector.doxxing.privacy;

import io.vigil.detector.doxxing.EntityType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a normalised personal value under the deployment secret. The same phone number, written in any
 * format, gives the same hash in every chat, so the enricher can link exposures of one victim across groups; without
 * the secret the hash cannot be reversed by enumerating the (small) space of phone numbers. The entity type is part
 * of the hashed input so that equal strings of different kinds never collide.
 */
public final class KeyedHasher {

    private static final String ALGORITHM = "HmacSHA256";
    /** NIST SP 800-107 recommends an HMAC key at least as long as the security strength wanted: 128 bits. */
    public static final int MIN_SECRET_BYTES = 16;

    private final ThreadLocal<Mac> macs;

    public KeyedHasher(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the doxxing HMAC secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        });
    }

    /** Lower-case hex of HMAC-SHA256(secret, type ":" normalisedValue). */
    public String hash(EntityType type, String normalisedValue) {
        Mac mac = macs.get();
        mac.update(type.name().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "KeyedHasher[HmacSHA256, secret redacted]";
    }
}
