package io.vigil.sink.media;

import org.junit.jupiter.api.Test;

import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MediaPreviewTest {

    private final MediaPreview preview = new MediaPreview(320, new ImageDecoder(new DecodeLimits(50_000_000L)));

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

    @Test
    void anImageAboveThePixelLimitHasNoPreviewAndIsNeverDecoded() {
        // A PNG header declaring 26000 x 26000 pixels (676 million): decoding it would take gigabytes.
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
        ihdr.putInt(26_000).putInt(26_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);

        assertThat(preview.blurred(out.toByteArray())).isEmpty();
    }

    @Test
    void aFormatOutsideTheAllowListHasNoPreview() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        ImageIO.write(image, "tiff", tiff);

        assertThat(tiff.size()).isPositive();
        assertThat(preview.blurred(tiff.toByteArray())).isEmpty();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
