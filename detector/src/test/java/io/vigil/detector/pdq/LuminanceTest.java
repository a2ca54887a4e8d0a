package io.vigil.detector.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LuminanceTest {

    @Test
    void everyLayoutGivesTheLuminanceOfWhatGetRgbGives() {
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB};
        for (int type : types) {
            BufferedImage image = noise(new BufferedImage(37, 23, type));
            assertRowsEqualGetRgbLuma(image);
            assertRowsEqualGetRgbLuma(image.getSubimage(3, 4, 20, 11));
        }
        byte[] palette = new byte[256];
        new Random(3).nextBytes(palette);
        BufferedImage indexed = noise(new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, palette, palette.clone(), palette.clone())));
        assertRowsEqualGetRgbLuma(indexed);
    }

    @Test
    void greyIsTheStoredValue() {
        BufferedImage grey = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 1, 0, 77);
        float[] row = new float[5];
        Luminance.readRow(grey, 1, row);
        assertThat(row[2]).isEqualTo(77f); // getRGB would say 0x8e8e8e (gamma)

        BufferedImage grey16 = new BufferedImage(5, 3, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(4, 2, 0, 65535);
        grey16.getRaster().setSample(3, 2, 0, 257 * 100);
        Luminance.readRow(grey16, 2, row);
        assertThat(row[4]).isEqualTo(255f);
        assertThat(row[3]).isCloseTo(100f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void alphaIsIgnoredLikeEveryReference() {
        BufferedImage transparent = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        transparent.setRGB(0, 0, 0x00ff0000);
        transparent.setRGB(1, 0, 0xffff0000);
        float[] row = new float[2];
        Luminance.readRow(transparent, 0, row);
        assertThat(row[0]).isEqualTo(row[1]).isEqualTo(Luminance.of(255, 0, 0));
        BufferedImage abgr = new BufferedImage(2, 1, BufferedImage.TYPE_4BYTE_ABGR);
        abgr.setRGB(0, 0, 0x00ff0000);
        abgr.setRGB(1, 0, 0xffff0000);
        Luminance.readRow(abgr, 0, row);
        assertThat(row[0]).isEqualTo(row[1]).isCloseTo(Luminance.of(255, 0, 0), org.assertj.core.data.Offset.offset(1e-4f));
    }

    private static BufferedImage noise(BufferedImage image) {
        Random random = new Random(image.getType());
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(), true));
            g.fillRect(random.nextInt(37), random.nextInt(23), 1 + random.nextInt(9), 1 + random.nextInt(9));
        }
        g.dispose();
        return image;
    }

    private static void assertRowsEqualGetRgbLuma(BufferedImage image) {
        float[] row = new float[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            Luminance.readRow(image, y, row);
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                float expected = Luminance.LUMA_FROM_R * ((rgb >> 16) & 0xff)
                        + Luminance.LUMA_FROM_G * ((rgb >> 8) & 0xff)
                        + Luminance.LUMA_FROM_B * (rgb & 0xff);
                // the same weights; the byte layouts sum the channels in memory order, so the last bit may differ
                assertThat(row[x]).as("type %d at %d,%d", image.getType(), x, y)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }
}
