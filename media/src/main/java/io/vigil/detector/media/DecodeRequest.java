package io.vigil.detector.media;

/**
 * What a consumer needs from a decode, so that one decode per message can serve every consumer (hashing and
 * classification) at the least cost that satisfies all of them: combine the requests with {@link #and}.
 *
 * @param needsColour false if luminance alone will do. JPEG stores luminance as its own component, so a
 *                    luminance-only decode skips the chroma IDCT, upsampling and colour conversion (about three
 *                    times faster); other formats decode in colour regardless.
 * @param minWidth    the decoded image may be point-subsampled by an integer factor as long as it keeps at least
 *                    this many columns; {@link #FULL_SIZE} forbids subsampling
 * @param minHeight   likewise for rows
 */
public record DecodeRequest(boolean needsColour, int minWidth, int minHeight) {

    /** Minimum size meaning "no subsampling". */
    public static final int FULL_SIZE = Integer.MAX_VALUE;

    public DecodeRequest {
        if (minWidth < 1 || minHeight < 1) {
            throw new IllegalArgumentException("minimum decoded size must be positive");
        }
    }

    /** Full size, full colour: what ImageIO.read gives. */
    public static DecodeRequest fullColour() {
        return new DecodeRequest(true, FULL_SIZE, FULL_SIZE);
    }

    /** Full size, luminance is enough. */
    public static DecodeRequest luminanceOnly() {
        return new DecodeRequest(false, FULL_SIZE, FULL_SIZE);
    }

    /** Colour, reduced by an integer factor where the image is at least {@code minWidth} x {@code minHeight}. */
    public static DecodeRequest colourAtLeast(int minWidth, int minHeight) {
        return new DecodeRequest(true, minWidth, minHeight);
    }

    /** A request that satisfies both this one and {@code other}. */
    public DecodeRequest and(DecodeRequest other) {
        return new DecodeRequest(needsColour || other.needsColour,
                Math.max(minWidth, other.minWidth), Math.max(minHeight, other.minHeight));
    }

    /**
     * The largest integer factor by which an image of {@code width} x {@code height} can be subsampled while
     * keeping at least the minimum size (1 if it cannot).
     */
    public int subsamplingFor(int width, int height) {
        if (minWidth == FULL_SIZE || minHeight == FULL_SIZE) {
            return 1;
        }
        int s = Math.max(1, Math.min(width / minWidth, height / minHeight));
        // ceil(width / s) columns survive point subsampling; width / minWidth >= s keeps that >= minWidth
        return s;
    }
}
