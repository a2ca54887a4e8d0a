package io.vigil.pdq;

/**
 * The eight rotations and mirrors of an image, in the reference's order (orig, rot90, rot180, rot270, flipx, flipy,
 * flip_plus1, flip_minus1), each derived from the original's DCT without touching pixels.
 *
 * <p>Mirroring an axis negates that axis's odd DCT frequencies (cos of a mirrored sample changes sign when the
 * frequency is odd); rotating by 90 degrees is a transpose plus one mirror. PDQ keeps frequencies 1..16 at indices
 * 0..15, so the odd frequencies are the even indices. Signs and transposes match {@code dct16OriginalToRotate90}
 * and its siblings in the reference; their names refer to the transformed image.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE_90(true, false, true),
    ROTATE_180(false, true, true),
    ROTATE_270(true, true, false),
    FLIP_X(false, true, false),
    FLIP_Y(false, false, true),
    FLIP_PLUS_1(true, false, false),
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean negateOddRowFrequencies;
    private final boolean negateOddColumnFrequencies;

    Dihedral(boolean transpose, boolean negateOddRowFrequencies, boolean negateOddColumnFrequencies) {
        this.transpose = transpose;
        this.negateOddRowFrequencies = negateOddRowFrequencies;
        this.negateOddColumnFrequencies = negateOddColumnFrequencies;
    }

    /** Side of the DCT block PDQ keeps: frequencies 1..16 in each direction. */
    public static final int DCT_SIDE = 16;

    /** The 16x16 DCT block of the transformed image, from the original's block {@code dct[i*16+j]}. */
    public void transform(double[] dct, double[] out) {
        int k = DCT_SIDE;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // index i holds frequency i+1, which is odd when i is even
                boolean negate = (negateOddRowFrequencies && (i & 1) == 0)
                        ^ (negateOddColumnFrequencies && (j & 1) == 0);
                double v = negate ? -dct[i * k + j] : dct[i * k + j];
                out[transpose ? j * k + i : i * k + j] = v;
            }
        }
    }
}
