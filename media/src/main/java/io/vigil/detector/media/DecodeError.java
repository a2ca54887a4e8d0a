package io.vigil.detector.media;

/**
 * Why an image could not be decoded. Each has a stable machine code for the per-media error signal; messages may
 * change, codes do not.
 */
public enum DecodeError {
    /** No bytes at all. */
    IMAGE_EMPTY("image_empty"),
    /** Not one of the {@link ImageFormat}s, or a variant of one that no reader handles. */
    IMAGE_UNSUPPORTED_FORMAT("image_unsupported_format"),
    /** The header declares more pixels than the configured limit (decompression bomb guard). */
    IMAGE_TOO_LARGE("image_too_large"),
    /**
     * Within the per-image limit, but the message's images together would exceed the pixels one message may have
     * decoded (the detector's limits.message-pixels); the image is hashed exactly but not decoded.
     */
    IMAGE_OVER_MESSAGE_BUDGET("message_pixel_budget"),
    /** Truncated or malformed data. */
    IMAGE_CORRUPT("image_corrupt");

    private final String code;

    DecodeError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
