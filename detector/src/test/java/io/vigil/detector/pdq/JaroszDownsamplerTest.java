package io.vigil.detector.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sampled kernels against the filter as the reference defines it: four full-image box passes (rows, columns,
 * rows, columns), each output the mean of its clipped window, then the 64x64 centre samples.
 */
class JaroszDownsamplerTest {

    @Test
    void sampledKernelsEqualTheFullImageFilter() {
        Random random = new Random(7);
        int[][] sizes = {{1, 1}, {1, 300}, {300, 1}, {7, 5}, {64, 64}, {63, 65}, {96, 64}, {127, 129},
                {200, 150}, {257, 383}, {640, 480}};
        for (int[] size : sizes) {
            int width = size[0];
            int height = size[1];
            float[] luma = new float[width * height];
            for (int i = 0; i < luma.length; i++) {
                luma[i] = random.nextInt(256);
            }
            double[] expected = literalFilter(luma, width, height);
            double[] actual = new double[64 * 64];
            JaroszDownsampler.downsample(PixelRows.ofLuma(luma, width, height), actual);
            for (int i = 0; i < actual.length; i++) {
                assertThat(actual[i]).as("%dx%d cell %d", width, height, i)
                        .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @Test
    void windowsAndSamplePositionsFollowTheReference() {
        assertThat(JaroszDownsampler.windowSize(1)).isEqualTo(1);
        assertThat(JaroszDownsampler.windowSize(128)).isEqualTo(1);
        assertThat(JaroszDownsampler.windowSize(129)).isEqualTo(2);
        assertThat(JaroszDownsampler.windowSize(1024)).isEqualTo(8);
        assertThat(JaroszDownsampler.windowSize(4000)).isEqualTo(32);
        assertThat(JaroszDownsampler.sampleIndex(0, 1024)).isEqualTo(8);
        assertThat(JaroszDownsampler.sampleIndex(63, 1024)).isEqualTo(1016);
        assertThat(JaroszDownsampler.sampleIndex(63, 10)).isEqualTo(9);
    }

    /** Straight from the definition, in double precision, on full-size buffers. */
    static double[] literalFilter(float[] luma, int width, int height) {
        double[] a = new double[luma.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = luma[i];
        }
        int rowWindow = JaroszDownsampler.windowSize(width);
        int colWindow = JaroszDownsampler.windowSize(height);
        for (int pass = 0; pass < 2; pass++) {
            a = boxAlongRows(a, width, height, rowWindow);
            a = boxAlongColumns(a, width, height, colWindow);
        }
        double[] out = new double[64 * 64];
        for (int i = 0; i < 64; i++) {
            int y = (int) (((i + 0.5) * height) / 64);
            for (int j = 0; j < 64; j++) {
                int x = (int) (((j + 0.5) * width) / 64);
                out[i * 64 + j] = a[y * width + x];
            }
        }
        return out;
    }

    private static double[] boxAlongRows(double[] in, int width, int height, int window) {
        double[] out = new double[in.length];
        for (int y = 0; y < height; y++) {
            box(in, y * width, 1, width, window, out);
        }
        return out;
    }

    private static double[] boxAlongColumns(double[] in, int width, int height, int window) {
        double[] out = new double[in.length];
        for (int x = 0; x < width; x++) {
            box(in, x, width, height, window, out);
        }
        return out;
    }

    /** Reference box1DFloat: half = (window + 2) / 2; output o averages o-(window-half) .. o+(half-1), clipped. */
    private static void box(double[] in, int offset, int stride, int length, int window, double[] out) {
        int half = (window + 2) / 2;
        int back = window - half;
        int ahead = half - 1;
        for (int o = 0; o < length; o++) {
            int lo = Math.max(0, o - back);
            int hi = Math.min(length - 1, o + ahead);
            double sum = 0;
            for (int k = lo; k <= hi; k++) {
                sum += in[offset + k * stride];
            }
            out[offset + o * stride] = sum / (hi - lo + 1);
        }
    }
}
