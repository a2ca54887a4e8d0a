package io.vigil.detector.doxxing.scoring;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The score in a reason reads exactly as {@code String.format("%.2f")} wrote it before (reasons are compared). */
class ScoreTextTest {

    private static void assertSameAsFormatter(double x) {
        assertThat(ExposureScorer.twoDecimals(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
    }

    @Test
    void halfwayValuesRoundUpAsTheFormatterDoes() {
        for (double x : new double[]{0.0, 0.005, 0.015, 0.125, 0.145, 0.335, 0.5, 0.545, 0.6, 0.995, 0.9949999999, 1.0,
                1e-5, 4.9e-324, 0.30000000000000004, 2.675, 1.005, 12.345}) {
            assertSameAsFormatter(x);
        }
    }

    @Test
    void anyScoreReadsAsTheFormatterWritesIt() {
        Random random = new Random(12);
        for (int i = 0; i < 200_000; i++) {
            assertSameAsFormatter(random.nextDouble());
            assertSameAsFormatter(1.0 / (1.0 + Math.exp(-random.nextGaussian() * 8)));
            assertSameAsFormatter(Math.round(random.nextDouble() * 1000) / 1000.0 + 0.005);
        }
    }

    @Test
    void negativeZeroAndNonFiniteValuesAreTheFormattersOwn() {
        for (double x : new double[]{-0.0, -0.001, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertSameAsFormatter(x);
        }
    }
}
