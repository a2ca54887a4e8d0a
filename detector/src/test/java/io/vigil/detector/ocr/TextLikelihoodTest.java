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

    /**
     * The colour layouts JPEG and PNG decode to are read from their bytes, not through getRGB: the score must be
     * the one getRGB gives (a packed-int copy of the same pixels, which is read through getRGB), alpha ignored as
     * getRGB's RGB ignores it, on screenshots and photos alike.
     */
    @Test
    void colourImagesReadFromTheirBytesScoreExactlyAsThroughGetRgb() {
        List<String> lines = List.of("Maria Lopez", "+34 612 34 56 78", "insta @maria.lopez98");
        Font font = SyntheticScreenshots.fontFor(lines, 22).orElseThrow();
        java.util.SplittableRandom alpha = new java.util.SplittableRandom(3);
        int comparedAboveZero = 0;
        for (SyntheticScreenshots.Background bg : SyntheticScreenshots.Background.values()) {
            for (BufferedImage source : List.of(SyntheticScreenshots.render(lines, font, bg, 0, 22),
                    SyntheticScreenshots.render(lines, font, bg, 7, 5), SyntheticScreenshots.photo(1280, 960, bg.ordinal()))) {
                BufferedImage bgr = copy(source, BufferedImage.TYPE_3BYTE_BGR, null);
                BufferedImage abgr = copy(source, BufferedImage.TYPE_4BYTE_ABGR, alpha);
                BufferedImage argb = copy(abgr, BufferedImage.TYPE_INT_ARGB, null);
                double throughGetRgb = TextLikelihood.score(source);
                assertThat(TextLikelihood.score(bgr)).as(bg + " BGR").isEqualTo(throughGetRgb);
                assertThat(TextLikelihood.score(abgr)).as(bg + " ABGR").isEqualTo(TextLikelihood.score(argb)).isEqualTo(throughGetRgb);
                if (throughGetRgb > 0) {
                    comparedAboveZero++;
                }
            }
        }
        assertThat(comparedAboveZero).as("images with text-like rows among those compared").isGreaterThan(3);
    }

    /** The same RGB in another layout; with {@code alpha}, each pixel also gets a random alpha (RGB kept as is). */
    private static BufferedImage copy(BufferedImage source, int type, java.util.SplittableRandom alpha) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), type);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                int argb = source.getRGB(x, y);
                out.setRGB(x, y, alpha == null ? argb : (argb & 0xFFFFFF) | alpha.nextInt(256) << 24);
            }
        }
        return out;
    }

    @Test
    void strokesAreEdgesThatRiseAndFallWithinAStrokeWidth() {
        int[] row = {200, 200, 40, 40, 200, 200, 200, 30, 200, 200};
        assertThat(TextLikelihood.strokes(row, row.length, 10)).isEqualTo(2);
        int[] ramp = {0, 30, 60, 90, 120, 150, 180, 210, 240, 255};
        assertThat(TextLikelihood.strokes(ramp, ramp.length, 10)).isZero();
    }
}
