package io.vigil.runtime.blobs;

/** A media item's bytes cannot be had; {@link #code()} is the stable code the Detection carries. */
public final class BlobException extends Exception {

    private final String code;

    public BlobException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
