package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayedImageTest {

    private static final BufferedImage UPRIGHT = SyntheticImages.landscape(64, 40, BufferedImage.TYPE_INT_RGB);

    @ParameterizedTest(name = "EXIF orientation {0}")
    @EnumSource(ExifOrientation.class)
    void everyExifOrientationShowsTheImageUpright(ExifOrientation orientation) {
        DisplayedImage displayed = new DisplayedImage(SyntheticImages.storedForOrientation(UPRIGHT, orientation), orientation);
        assertThat(displayed.width()).isEqualTo(64);
        assertThat(displayed.height()).isEqualTo(40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(displayed.rgb(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(UPRIGHT.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @ParameterizedTest(name = "EXIF orientation {0}")
    @EnumSource(ExifOrientation.class)
    void readingInPlaceShowsWhatTheSharedDecodersTurnedCopyShows(ExifOrientation orientation) {
        BufferedImage stored = SyntheticImages.landscape(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage turned = orientation.applyTo(stored);
        DisplayedImage displayed = new DisplayedImage(stored, orientation);
        assertThat(displayed.width()).isEqualTo(turned.getWidth());
        assertThat(displayed.height()).isEqualTo(turned.getHeight());
        assertSameRgb(displayed, turned, orientation.name());
        int[] columns = {0, 5, turned.getWidth() - 1};
        int[] row = new int[columns.length];
        displayed.sampleRow(turned.getHeight() - 2, columns, row);
        for (int i = 0; i < columns.length; i++) {
            assertThat(row[i]).isEqualTo(turned.getRGB(columns[i], turned.getHeight() - 2) & 0xFFFFFF);
        }
    }

    @Test
    void everyRasterLayoutReadsTheSameColours() {
        BufferedImage reference = SyntheticImages.landscape(50, 30, BufferedImage.TYPE_INT_RGB);
        int[] layouts = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR_PRE};
        for (int type : layouts) {
            BufferedImage copy = new BufferedImage(50, 30, type);
            Graphics2D g = copy.createGraphics();
            g.drawImage(reference, 0, 0, null);
            g.dispose();
            assertSameRgb(new DisplayedImage(copy, ExifOrientation.TOP_LEFT), reference, "type " + type);
        }
        assertSameRgb(new DisplayedImage(rgbInterleavedBytes(reference), ExifOrientation.TOP_LEFT), reference, "PNG-style interleaved RGB bytes");
    }

    @Test
    void subimagesReadTheirOwnRegion() {
        BufferedImage whole = SyntheticImages.landscape(80, 60, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage part = whole.getSubimage(13, 7, 40, 30);
        DisplayedImage displayed = new DisplayedImage(part, ExifOrientation.TOP_LEFT);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(displayed.rgb(x, y)).isEqualTo(whole.getRGB(13 + x, 7 + y) & 0xFFFFFF);
            }
        }
        BufferedImage packed = SyntheticImages.landscape(80, 60, BufferedImage.TYPE_INT_RGB);
        assertThat(new DisplayedImage(packed.getSubimage(5, 9, 20, 20), ExifOrientation.TOP_LEFT).rgb(3, 4)).isEqualTo(packed.getRGB(8, 13) & 0xFFFFFF);
    }

    @Test
    void transparencyIsCompositedOntoWhite() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);           // fully transparent black
        image.setRGB(1, 0, 0x80FF0000);           // half transparent red
        image.setRGB(2, 0, 0xFF102030);           // opaque
        DisplayedImage displayed = new DisplayedImage(image, ExifOrientation.TOP_LEFT);
        assertThat(displayed.rgb(0, 0)).isEqualTo(0xFFFFFF);
        assertThat(displayed.rgb(1, 0)).isEqualTo(0xFF7F7F);
        assertThat(displayed.rgb(2, 0)).isEqualTo(0x102030);
    }

    @Test
    void greyIsExpandedFromItsStoredValueWithoutGammaConversion() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        grey.getRaster().setSample(1, 0, 0, 200);
        assertThat(new DisplayedImage(grey, ExifOrientation.TOP_LEFT).rgb(0, 0)).isEqualTo(0x646464);
        assertThat(grey.getRGB(0, 0) & 0xFF).as("Java's getRGB would brighten it").isNotEqualTo(100);

        BufferedImage deep = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 0x8080);
        assertThat(new DisplayedImage(deep, ExifOrientation.TOP_LEFT).rgb(0, 0)).isEqualTo(0x808080);
    }

    @Test
    void palettesGoThroughTheirColourTable() {
        BufferedImage palette = SyntheticImages.palette();
        DisplayedImage displayed = new DisplayedImage(palette, ExifOrientation.TOP_LEFT);
        assertThat(displayed.rgb(100, 200)).isEqualTo(palette.getRGB(100, 200) & 0xFFFFFF);
    }

    @Test
    void rgbBytesAreRowMajorInterleaved() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, new Color(1, 2, 3).getRGB());
        image.setRGB(0, 1, new Color(4, 5, 6).getRGB());
        assertThat(new DisplayedImage(image, ExifOrientation.TOP_LEFT).rgbBytes()).containsExactly(0, 0, 0, 1, 2, 3, 4, 5, 6, 0, 0, 0);
    }

    private static void assertSameRgb(DisplayedImage displayed, BufferedImage reference, String what) {
        for (int y = 0; y < reference.getHeight(); y++) {
            for (int x = 0; x < reference.getWidth(); x++) {
                assertThat(displayed.rgb(x, y)).as("%s at (%d, %d)", what, x, y).isEqualTo(reference.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    /** RGB bytes in R, G, B order, as ImageIO's PNG reader produces for truecolour PNGs. */
    private static BufferedImage rgbInterleavedBytes(BufferedImage reference) {
        int w = reference.getWidth(), h = reference.getHeight();
        ComponentColorModel colorModel = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createWritableRaster(
                new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, w, h, 3, w * 3, new int[] {0, 1, 2}), null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = reference.getRGB(x, y);
                raster.setPixel(x, y, new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF});
            }
        }
        return new BufferedImage(colorModel, raster, false, null);
    }
}
