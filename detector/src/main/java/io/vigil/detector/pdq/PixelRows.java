package io.vigil.detector.pdq;

/**
 * An image's rows as the downsampler consumes them: interleaved channels that are weighted into luminance only
 * after the vertical filter. The filter is linear, so filtering the channels and then weighting them is the same
 * as filtering the luminance; it lets the hottest loop add whole rows of stored bytes without first converting each
 * pixel (about a quarter faster on 8-bit BGR, the layout JPEG decodes to).
 */
interface PixelRows {

    int width();

    int height();

    /** Interleaved values per pixel. */
    int channels();

    /** The weight of each channel in the luminance, in the order the channels are interleaved. */
    float[] channelWeights();

    /**
     * Adds {@code weight} times row {@code y}'s values ({@code width * channels} of them, interleaved) to
     * {@code accumulator[offset ..]}. Rows are visited top to bottom, some twice.
     */
    void accumulate(int y, float weight, float[] accumulator, int offset);

    /** True if the values are 8-bit integers, which {@link #accumulateFixed} adds in integer arithmetic. */
    default boolean hasByteValues() {
        return false;
    }

    /**
     * Like {@link #accumulate} with a fixed-point weight ({@code weight * 2^}{@link #FIXED_POINT_BITS}), for
     * {@link #hasByteValues byte values}: integer multiply-adds run faster than float ones over bytes.
     */
    default void accumulateFixed(int y, int weight, int[] accumulator, int offset) {
        throw new UnsupportedOperationException("no byte values");
    }

    /**
     * Fixed-point scale of weights: a grid row's vertical weights sum to 1, so its accumulators stay below
     * 255 * 2^22 < 2^31, and a weight is exact to 2^-23 (about 1e-3 grey levels on a sum, as little as the
     * reference's own float rounding).
     */
    int FIXED_POINT_BITS = 22;

    /** A plain luminance plane, {@code luma[y * width + x]}. */
    static PixelRows ofLuma(float[] luma, int width, int height) {
        return new PixelRows() {
            private final float[] one = {1f};

            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int channels() {
                return 1;
            }

            @Override
            public float[] channelWeights() {
                return one;
            }

            @Override
            public void accumulate(int y, float weight, float[] accumulator, int offset) {
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    accumulator[offset + x] += weight * luma[row + x];
                }
            }
        };
    }
}
