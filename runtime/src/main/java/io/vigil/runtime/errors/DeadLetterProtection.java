package io.vigil.runtime.errors;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a dead letter keeps of the original record. Inputs carry personal data (message text with phone numbers and
 * addresses, media), and the rest of Vigil keeps such data only where it must: so a dead letter carries the original
 * value only encrypted (AES-256-GCM under a key derived from the deployment's dead-letter secret, the source
 * coordinates as associated data), and without a secret it carries none. The coordinates always find the original on
 * its topic, which keeps records at least as long as the dead-letter topic does. Thread-safe.
 */
public final class DeadLetterProtection {

    public static final String CLEAR = "clear";
    public static final String ENCRYPTED = "encrypted";
    public static final String OMITTED = "omitted";

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Domain separation, so the dead-letter key is never the same as any other key derived from the same secret. */
    private static final byte[] KEY_LABEL = "vigil dead-letter encryption key v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID_LABEL = "vigil dead-letter key id v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    private DeadLetterProtection(SecretKeySpec key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    /** Protection under {@code secret}; an empty secret leaves originals out. */
    public static DeadLetterProtection of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return new DeadLetterProtection(null, null);
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        byte[] keyBytes = hmac(secretBytes, KEY_LABEL);
        String id = HexFormat.of().formatHex(Arrays.copyOf(hmac(secretBytes, ID_LABEL), 8));
        return new DeadLetterProtection(new SecretKeySpec(keyBytes, "AES"), id);
    }

    public boolean encrypts() {
        return key != null;
    }

    /** A fingerprint of the key (not the key): which secret a dead letter needs. */
    public String keyId() {
        return keyId;
    }

    /** The original as the dead letter carries it: encrypted, or null when there is no key. */
    byte[] protect(byte[] original, String coordinates) {
        if (key == null || original == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(coordinates.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(original);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a dead letter: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The original value of a dead letter this key encrypted; {@code coordinates} as {@link #coordinates} gives them.
     *
     * @throws GeneralSecurityException if another key encrypted it or it was altered
     */
    public byte[] open(byte[] protectedValue, String coordinates) throws GeneralSecurityException {
        if (key == null) {
            throw new GeneralSecurityException("no dead-letter key configured");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, protectedValue, 0, NONCE_BYTES));
        cipher.updateAAD(coordinates.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(protectedValue, NONCE_BYTES, protectedValue.length - NONCE_BYTES);
    }

    /** The associated data an encrypted original is bound to: it cannot be passed off as another record's. */
    public static String coordinates(String application, String topic, int partition, long offset) {
        return application + "/" + topic + "/" + partition + "/" + offset;
    }

    private static byte[] hmac(byte[] secret, byte[] label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return key == null ? "DeadLetterProtection[originals omitted]" : "DeadLetterProtection[encrypted, key " + keyId + "]";
    }
}
