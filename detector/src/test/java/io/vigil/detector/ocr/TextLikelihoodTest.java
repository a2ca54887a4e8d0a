package io.vigil.detector.ocr;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate before OCR: screenshots of text pass, text-free photos do not. */
class TextLikelihoodTest {

    private static final double GATE = 0.02;

    @Test
    void screenshotsOfTextScoreAboveTheGateOnEveryBackground() {
        List<String> lines = List.of("Maria Lopez", "+34 612 34 56 78", "insta @maria.lopez98", "Calle Mayor 7, 28013 Madrid");
        for (int size : new int[]{14, 22, 36}) {
            Font font = SyntheticScreenshots.fontFor(lines, size).orElseThrow();
            for (SyntheticScreenshots.Background bg : SyntheticScreenshots.Background.values()) {
                BufferedImage image = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines, font, bg, 0, size));
                assertThat(TextLikelihood.score(image)).as(bg + " at " + size + " px").isGreaterThan(GATE);
            }
        }
    }

    @Test
    void textFreePhotosScoreBelowIt() {
        for (long seed = 1; seed <= 20; seed++) {
            BufferedImage photo = SyntheticScreenshots.grey(SyntheticScreenshots.photo(1024, 768, seed));
            assertThat(TextLikelihood.score(photo)).as("photo " + seed).isLessThan(GATE);
        }
    }

    @Test
    void strokesAreEdgesThatRiseAndFallWithinAStrokeWidth() {
        int[] row = {200, 200, 40, 40, 200, 200, 200, 30, 200, 200};
        assertThat(TextLikelihood.strokes(row, row.length, 10)).isEqualTo(2);
        int[] ramp = {0, 30, 60, 90, 120, 150, 180, 210, 240, 255};
        assertThat(TextLikelihood.strokes(ramp, ramp.length, 10)).isZero();
    }
}
