package io.vigil.detector.media;

import java.util.Objects;

/**
 * An image that could not be decoded, with the reason as a {@link DecodeError}. Messages describe the image's
 * structure only (format, dimensions, what was wrong), never its content or where it came from.
 */
public final class ImageDecodeException extends Exception {

    private final DecodeError error;

    public ImageDecodeException(DecodeError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ImageDecodeException(DecodeError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DecodeError error() {
        return error;
    }

    /** The stable machine code, e.g. {@code image_too_large}. */
    public String code() {
        return error.code();
    }
}
