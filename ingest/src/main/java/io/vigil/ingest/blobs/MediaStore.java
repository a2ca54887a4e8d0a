package io.vigil.ingest.blobs;

import java.io.IOException;
import java.io.InputStream;

/** Where an adapter puts media bytes for the detector to read: content-addressed, so writing twice writes once. */
public interface MediaStore {

    /** A stored item: its SHA-256 (lower-case hex), the URI the detector reads it by, and its size. */
    record Stored(String sha256, String blobUri, long size) {
    }

    /** The bytes are larger than the limit; nothing was stored. */
    final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("larger than the limit of " + limit + " bytes");
        }
    }

    /**
     * Stores what {@code bytes} yields, up to {@code maxBytes}.
     *
     * @param extension the file name extension to keep (jpg, webp, mp4, ...), or empty
     */
    Stored store(InputStream bytes, String extension, long maxBytes) throws IOException;
}
