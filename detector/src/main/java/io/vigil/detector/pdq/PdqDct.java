package io.vigil.detector.pdq;

/**
 * The part of the 2-D DCT-II of the 64x64 downsample that PDQ keeps: frequencies 1..16 along each axis (the DC
 * term 0 is dropped, it only encodes mean brightness), as the 16x16 block {@code D A D^T}.
 *
 * <p>{@code D[i][j] = sqrt(2/64) cos(pi / (2*64) * (i+1) * (2j+1))} (Christoph Zauner, "Implementation and
 * Benchmarking of Perceptual Image Hash Functions", 2010; {@code PDQHasher} constructor). Computing only the 16
 * needed rows directly is faster than a full fast DCT, as the reference notes.
 */
final class PdqDct {

    /** Input: the 64x64 downsample. */
    static final int N = JaroszDownsampler.GRID;
    /** Output: 16x16 coefficients, one hash bit each. */
    static final int K = io.vigil.pdq.Dihedral.DCT_SIDE;
    /** Orthonormal DCT-II scale for N points (for the non-DC rows): sqrt(2/N). */
    private static final double SCALE = Math.sqrt(2.0 / N);

    private static final double[] MATRIX = matrix();

    private PdqDct() {
    }

    private static double[] matrix() {
        double[] d = new double[K * N];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                d[i * N + j] = SCALE * Math.cos((Math.PI / 2 / N) * (i + 1) * (2 * j + 1));
            }
        }
        return d;
    }

    /** {@code out[i*16+j]} = coefficient (i+1, j+1) of {@code in[row*64+col]}. */
    static void dct64To16(double[] in, double[] out) {
        double[] d = MATRIX;
        double[] t = new double[K * N]; // t = D A, 16x64
        for (int i = 0; i < K; i++) {
            for (int k = 0; k < N; k++) {
                double dik = d[i * N + k];
                int inRow = k * N;
                int tRow = i * N;
                for (int j = 0; j < N; j++) {
                    t[tRow + j] += dik * in[inRow + j];
                }
            }
        }
        for (int i = 0; i < K; i++) { // out = t D^T, 16x16
            for (int j = 0; j < K; j++) {
                double sum = 0;
                for (int k = 0; k < N; k++) {
                    sum += t[i * N + k] * d[j * N + k];
                }
                out[i * K + j] = sum;
            }
        }
    }
}
