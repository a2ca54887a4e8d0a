package io.vigil.detector.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    /**
     * Stored 3x2 image with pixels numbered row by row:
     * <pre>
     *   1 2 3
     *   4 5 6
     * </pre>
     * and how each orientation displays it (EXIF 2.3, tag 274, value descriptions).
     */
    @Test
    void turnsPixelsTheWayViewersDisplayThem() {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                stored.setRGB(x, y, 1 + y * 3 + x);
            }
        }
        assertDisplayed(ExifOrientation.TOP_LEFT.applyTo(stored), new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertDisplayed(ExifOrientation.TOP_RIGHT.applyTo(stored), new int[][] {{3, 2, 1}, {6, 5, 4}});
        assertDisplayed(ExifOrientation.BOTTOM_RIGHT.applyTo(stored), new int[][] {{6, 5, 4}, {3, 2, 1}});
        assertDisplayed(ExifOrientation.BOTTOM_LEFT.applyTo(stored), new int[][] {{4, 5, 6}, {1, 2, 3}});
        assertDisplayed(ExifOrientation.LEFT_TOP.applyTo(stored), new int[][] {{1, 4}, {2, 5}, {3, 6}});
        assertDisplayed(ExifOrientation.RIGHT_TOP.applyTo(stored), new int[][] {{4, 1}, {5, 2}, {6, 3}});
        assertDisplayed(ExifOrientation.RIGHT_BOTTOM.applyTo(stored), new int[][] {{6, 3}, {5, 2}, {4, 1}});
        assertDisplayed(ExifOrientation.LEFT_BOTTOM.applyTo(stored), new int[][] {{3, 6}, {2, 5}, {1, 4}});
    }

    @Test
    void unknownTagValuesMeanAsStored() {
        assertThat(ExifOrientation.ofTagValue(0)).isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(ExifOrientation.ofTagValue(9)).isEqualTo(ExifOrientation.TOP_LEFT);
        assertThat(ExifOrientation.ofTagValue(6)).isEqualTo(ExifOrientation.RIGHT_TOP);
        assertThat(ExifOrientation.RIGHT_TOP.swapsDimensions()).isTrue();
        assertThat(ExifOrientation.BOTTOM_RIGHT.swapsDimensions()).isFalse();
    }

    private static void assertDisplayed(BufferedImage displayed, int[][] rows) {
        assertThat(displayed.getHeight()).isEqualTo(rows.length);
        assertThat(displayed.getWidth()).isEqualTo(rows[0].length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[0].length; x++) {
                assertThat(displayed.getRGB(x, y) & 0xffffff).as("(%d,%d)", x, y).isEqualTo(rows[y][x]);
            }
        }
    }
}
