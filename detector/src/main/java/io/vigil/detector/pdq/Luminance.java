package io.vigil.detector.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Luminance of decoded images, as PDQ defines it.
 *
 * <p>Colour pixels: {@code Y = 0.299 R + 0.587 G + 0.114 B} in single precision on the 8-bit sRGB values that
 * {@link BufferedImage#getRGB} reports, exactly as the reference ({@code PDQHasher.fillFloatLumaFromBufferImage}).
 * Alpha is ignored, as in every reference implementation. Fast paths read the common raster layouts directly and
 * give the same values as {@code getRGB}; anything else goes through {@code getRGB} one row at a time.
 *
 * <p>Grey pixels: the stored grey value itself. The Java reference reads grey through {@code getRGB}, which
 * applies a gamma curve and moves the hash 10-24 bits away from the C++ and Python references; those use the
 * stored value, and so do we (see the fixtures' README).
 */
public final class Luminance {

    /** ITU-R BT.601 luma weights ("From Wikipedia: standard RGB to luminance", PDQHasher.java). */
    public static final float LUMA_FROM_R = 0.299f;
    public static final float LUMA_FROM_G = 0.587f;
    public static final float LUMA_FROM_B = 0.114f;

    /** Scale of 16-bit grey samples to the 8-bit range PDQ works in (65535 -> 255). */
    private static final float SIXTEEN_TO_EIGHT_BIT = 255f / 65535f;

    private Luminance() {
    }

    /** PDQ luminance of one sRGB pixel. */
    public static float of(int r, int g, int b) {
        return LUMA_FROM_R * r + LUMA_FROM_G * g + LUMA_FROM_B * b;
    }

    /** Row-by-row luminance of {@code image}. */
    public static LumaRows of(BufferedImage image) {
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR:
            case BufferedImage.TYPE_4BYTE_ABGR:
                return new InterleavedBytes(image);
            case BufferedImage.TYPE_INT_RGB:
            case BufferedImage.TYPE_INT_ARGB:
                return new PackedInts(image);
            case BufferedImage.TYPE_BYTE_GRAY:
                return new GreyBytes(image);
            default:
                if (isSingleBandGrey(image)) {
                    return new GreySamples(image);
                }
                return new ViaGetRgb(image);
        }
    }

    private static boolean isSingleBandGrey(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)
                && image.getRaster().getDataBuffer().getDataType() <= DataBuffer.TYPE_USHORT;
    }

    /** Pixel-interleaved 8-bit samples with the red, green and blue bytes at fixed offsets in each pixel. */
    private static final class InterleavedBytes implements LumaRows {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int pixelStride;
        private final int scanlineStride;
        private final int base;
        private final int r;
        private final int g;
        private final int b;

        InterleavedBytes(BufferedImage image) {
            Raster raster = image.getRaster();
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            this.width = image.getWidth();
            this.height = image.getHeight();
            this.data = ((DataBufferByte) raster.getDataBuffer()).getData();
            this.pixelStride = sm.getPixelStride();
            this.scanlineStride = sm.getScanlineStride();
            int[] offsets = sm.getBandOffsets(); // band 0 is red, whatever the byte order in memory
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateX() * sm.getPixelStride()
                    - raster.getSampleModelTranslateY() * sm.getScanlineStride();
            this.r = offsets[0];
            this.g = offsets[1];
            this.b = offsets[2];
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void readRow(int y, float[] dst) {
            int p = base + y * scanlineStride;
            for (int x = 0; x < width; x++, p += pixelStride) {
                dst[x] = LUMA_FROM_R * (data[p + r] & 0xff)
                        + LUMA_FROM_G * (data[p + g] & 0xff)
                        + LUMA_FROM_B * (data[p + b] & 0xff);
            }
        }
    }

    /** {@code TYPE_INT_RGB} / {@code TYPE_INT_ARGB}: one packed 0xAARRGGBB int per pixel, as getRGB reports. */
    private static final class PackedInts implements LumaRows {
        private final int width;
        private final int height;
        private final int[] data;
        private final int scanlineStride;
        private final int base;

        PackedInts(BufferedImage image) {
            Raster raster = image.getRaster();
            java.awt.image.SinglePixelPackedSampleModel sm =
                    (java.awt.image.SinglePixelPackedSampleModel) raster.getSampleModel();
            this.width = image.getWidth();
            this.height = image.getHeight();
            this.data = ((DataBufferInt) raster.getDataBuffer()).getData();
            this.scanlineStride = sm.getScanlineStride();
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateX()
                    - raster.getSampleModelTranslateY() * sm.getScanlineStride();
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void readRow(int y, float[] dst) {
            int p = base + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                int rgb = data[p + x];
                dst[x] = LUMA_FROM_R * ((rgb >> 16) & 0xff)
                        + LUMA_FROM_G * ((rgb >> 8) & 0xff)
                        + LUMA_FROM_B * (rgb & 0xff);
            }
        }
    }

    /** 8-bit grey: the stored value is the luminance. */
    private static final class GreyBytes implements LumaRows {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int scanlineStride;
        private final int base;

        GreyBytes(BufferedImage image) {
            Raster raster = image.getRaster();
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            this.width = image.getWidth();
            this.height = image.getHeight();
            this.data = ((DataBufferByte) raster.getDataBuffer()).getData();
            this.scanlineStride = sm.getScanlineStride();
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateX()
                    - raster.getSampleModelTranslateY() * sm.getScanlineStride();
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void readRow(int y, float[] dst) {
            int p = base + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                dst[x] = data[p + x] & 0xff;
            }
        }
    }

    /** Grey of any other layout (16-bit, grey with alpha): band 0, scaled to 8 bits. */
    private static final class GreySamples implements LumaRows {
        private final Raster raster;
        private final int width;
        private final int height;
        private final float scale;
        private final int[] samples;

        GreySamples(BufferedImage image) {
            this.raster = image.getRaster();
            this.width = image.getWidth();
            this.height = image.getHeight();
            int bits = image.getColorModel().getComponentSize(0);
            this.scale = bits == 16 ? SIXTEEN_TO_EIGHT_BIT : 255f / ((1 << bits) - 1);
            this.samples = new int[width];
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void readRow(int y, float[] dst) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, samples);
            for (int x = 0; x < width; x++) {
                dst[x] = samples[x] * scale;
            }
        }
    }

    /** Palette, 16-bit colour, CMYK-derived and other layouts: exactly what the reference reads. */
    private static final class ViaGetRgb implements LumaRows {
        private final BufferedImage image;
        private final int[] rgb;

        ViaGetRgb(BufferedImage image) {
            this.image = image;
            this.rgb = new int[image.getWidth()];
        }

        @Override
        public int width() {
            return image.getWidth();
        }

        @Override
        public int height() {
            return image.getHeight();
        }

        @Override
        public void readRow(int y, float[] dst) {
            int width = rgb.length;
            image.getRGB(0, y, width, 1, rgb, 0, width);
            for (int x = 0; x < width; x++) {
                int p = rgb[x];
                dst[x] = LUMA_FROM_R * ((p >> 16) & 0xff)
                        + LUMA_FROM_G * ((p >> 8) & 0xff)
                        + LUMA_FROM_B * (p & 0xff);
            }
        }
    }
}
