package io.vigil.detector.doxxing;

import java.util.Objects;

/**
 * One piece of personal data found in a message, as it may leave the process: its kind, where it is (offsets in
 * Java chars, end exclusive), how sure the recogniser is, a keyed hash of its normalised value (to link the same
 * victim across chats without knowing the value) and a masked preview for moderators. The clear value is not here.
 *
 * @param type          kind of personal data
 * @param start         first char of the span in the scanned text
 * @param end           one past the last char of the span
 * @param confidence    recogniser confidence in [0,1]
 * @param format        the concrete format recognised, e.g. {@code ES_DNI}, {@code instagram}, {@code ES} (safe: no value)
 * @param keyedHash     lower-case hex HMAC-SHA256 of the normalised value under the deployment secret
 * @param maskedPreview the value with most characters replaced by {@code •}
 */
public record DetectedEntity(EntityType type, int start, int end, double confidence, String format,
                             String keyedHash, String maskedPreview) {

    public DetectedEntity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(keyedHash, "keyedHash");
        Objects.requireNonNull(maskedPreview, "maskedPreview");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("entity span must satisfy 0 <= start < end, got [" + start + "," + end + ")");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
        }
    }

    public int length() {
        return end - start;
    }
}
