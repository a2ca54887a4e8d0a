package io.vigil.detector.media;

/**
 * Limits checked against an image's header before any pixel is decoded.
 *
 * @param maxPixels largest width x height accepted; a tiny file can declare a huge canvas (a "decompression bomb"),
 *                  and decoding allocates 3-4 bytes per pixel before the first row is read
 */
public record DecodeLimits(long maxPixels) {

    /**
     * 50 megapixels: above every phone camera's default JPEG output (12-48 MP) and far above what messaging
     * platforms deliver (Telegram photos are at most 2560 px on the long side), while capping a decode at about
     * 150 MB of pixels.
     */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public DecodeLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("media max-pixels must be at least 1, got " + maxPixels);
        }
    }

    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_PIXELS);
    }
}
