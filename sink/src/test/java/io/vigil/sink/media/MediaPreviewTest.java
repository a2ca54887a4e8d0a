package io.vigil.sink.media;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MediaPreviewTest {

    private final MediaPreview preview = new MediaPreview(320);

    @Test
    void fineDetailDoesNotSurviveThePreview() throws Exception {
        BufferedImage stripes = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 960; y++) {
            for (int x = 0; x < 1280; x++) {
                stripes.setRGB(x, y, ((x / 4) % 2 == 0) ? 0xFFFFFF : 0x000000);
            }
        }

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview.blurred(png(stripes)).orElseThrow()));

        assertThat(shown.getWidth()).isEqualTo(320);
        assertThat(shown.getHeight()).isEqualTo(240);
        assertThat(maxNeighbourDifference(shown)).as("largest step between neighbouring pixels").isLessThan(40);
    }

    @Test
    void coarseColoursRemainSoAModeratorCanTellWhatKindOfImageItIs() throws Exception {
        BufferedImage halves = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                halves.setRGB(x, y, x < 400 ? 0xFF0000 : 0x0000FF);
            }
        }

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview.blurred(png(halves)).orElseThrow()));

        assertThat((shown.getRGB(10, 120) >> 16) & 0xFF).isGreaterThan(200);
        assertThat(shown.getRGB(310, 120) & 0xFF).isGreaterThan(200);
    }

    @Test
    void regionsWherePersonalDataWasReadAreFlattenedBeforeTheBlur() throws Exception {
        // A white image with one black stripe pattern inside a box: the box is filled with its mean grey.
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                boolean inBox = x >= 100 && x < 300 && y >= 100 && y < 140;
                image.setRGB(x, y, inBox && (x / 2) % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        BufferedImage flat = MediaPreview.flattened(image, java.util.List.of(new io.vigil.schemas.BoundingBox(100, 100, 200, 40)));

        int inside = flat.getRGB(150, 120) & 0xFF;
        assertThat(flat.getRGB(151, 120) & 0xFF).isEqualTo(inside);
        assertThat(inside).isBetween(150, 200); // half black inside the box, white in its margin
        assertThat(flat.getRGB(20, 20) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(preview.blurred(png(image), java.util.List.of(new io.vigil.schemas.BoundingBox(100, 100, 200, 40)))).isPresent();
    }

    @Test
    void bytesThatAreNoImageHaveNoPreview() {
        assertThat(preview.blurred("not an image".getBytes())).isEmpty();
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int maxNeighbourDifference(BufferedImage image) {
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                int a = image.getRGB(x - 1, y) & 0xFF;
                int b = image.getRGB(x, y) & 0xFF;
                max = Math.max(max, Math.abs(a - b));
            }
        }
        return max;
    }
}
