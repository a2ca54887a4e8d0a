package io.vigil.detector.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Luminance of decoded images, as PDQ defines it.
 *
 * <p>Colour pixels: {@code Y = 0.299 R + 0.587 G + 0.114 B} on the 8-bit sRGB values that
 * {@link BufferedImage#getRGB} reports, as the reference ({@code PDQHasher.fillFloatLumaFromBufferImage}) does. The
 * 8-bit layouts JPEG, PNG and WebP decode to are read straight from the raster, channel by channel (see
 * {@link PixelRows}); anything else goes through {@code getRGB} one row at a time. Alpha is ignored, as in every
 * reference implementation.
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

    private Luminance() {
    }

    /** PDQ luminance of one sRGB pixel. */
    public static float of(int r, int g, int b) {
        return LUMA_FROM_R * r + LUMA_FROM_G * g + LUMA_FROM_B * b;
    }

    /** {@code image}'s rows for the downsampler. */
    static PixelRows rowsOf(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR
                || type == BufferedImage.TYPE_BYTE_GRAY) && InterleavedBytes.applies(image)) {
            return new InterleavedBytes(image);
        }
        if (isGrey(image)) {
            return new GreySamples(image);
        }
        return new ViaGetRgb(image);
    }

    /** Writes row {@code y}'s luminance into {@code dst}: what {@link #rowsOf} adds up, one pixel at a time. */
    static void readRow(BufferedImage image, int y, float[] dst) {
        PixelRows rows = rowsOf(image);
        int width = image.getWidth();
        int channels = rows.channels();
        float[] values = new float[width * channels];
        rows.accumulate(y, 1f, values, 0);
        float[] weights = rows.channelWeights();
        for (int x = 0; x < width; x++) {
            float luma = 0;
            for (int c = 0; c < channels; c++) {
                luma += weights[c] * values[x * channels + c];
            }
            dst[x] = luma;
        }
    }

    private static boolean isGrey(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel)
                && image.getRaster().getDataBuffer().getDataType() <= DataBuffer.TYPE_USHORT;
    }

    /**
     * 8-bit samples interleaved pixel by pixel with no gaps (BGR, ABGR, grey): a row is one run of bytes, summed
     * as is, and the channels are weighted afterwards.
     */
    private static final class InterleavedBytes implements PixelRows {
        private final int width;
        private final int height;
        private final byte[] data;
        private final int channels;
        private final int scanlineStride;
        private final int base;
        private final float[] weights;

        static boolean applies(BufferedImage image) {
            Raster raster = image.getRaster();
            return raster.getSampleModel() instanceof ComponentSampleModel sm
                    && raster.getDataBuffer() instanceof DataBufferByte
                    && sm.getPixelStride() == sm.getNumBands();
        }

        InterleavedBytes(BufferedImage image) {
            Raster raster = image.getRaster();
            ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
            this.width = image.getWidth();
            this.height = image.getHeight();
            this.data = ((DataBufferByte) raster.getDataBuffer()).getData();
            this.channels = sm.getPixelStride();
            this.scanlineStride = sm.getScanlineStride();
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateX() * channels
                    - raster.getSampleModelTranslateY() * scanlineStride;
            this.weights = new float[channels];
            int[] offsets = sm.getBandOffsets(); // by band: red, green, blue[, alpha] or grey
            if (channels == 1) {
                weights[0] = 1f;
            } else {
                weights[offsets[0]] = LUMA_FROM_R;
                weights[offsets[1]] = LUMA_FROM_G;
                weights[offsets[2]] = LUMA_FROM_B; // alpha, if any, keeps weight 0
            }
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
        public int channels() {
            return channels;
        }

        @Override
        public float[] channelWeights() {
            return weights;
        }

        @Override
        public void accumulate(int y, float weight, float[] accumulator, int offset) {
            byte[] d = data;
            int p = base + y * scanlineStride;
            int n = width * channels;
            for (int i = 0; i < n; i++) {
                accumulator[offset + i] += weight * (d[p + i] & 0xff);
            }
        }

        @Override
        public boolean hasByteValues() {
            return true;
        }

        @Override
        public void accumulateFixed(int y, int weight, int[] accumulator, int offset) {
            byte[] d = data;
            int p = base + y * scanlineStride;
            int n = width * channels;
            for (int i = 0; i < n; i++) {
                accumulator[offset + i] += weight * (d[p + i] & 0xff);
            }
        }
    }

    /** Grey of any other layout (16-bit, grey with alpha): band 0, scaled to the 8-bit range. */
    private static final class GreySamples implements PixelRows {
        private final Raster raster;
        private final int width;
        private final int height;
        private final float[] weights;
        private final int[] samples;

        GreySamples(BufferedImage image) {
            this.raster = image.getRaster();
            this.width = image.getWidth();
            this.height = image.getHeight();
            int bits = image.getColorModel().getComponentSize(0);
            this.weights = new float[] {255f / ((1 << bits) - 1)}; // 65535 -> 255 for 16-bit grey
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
        public int channels() {
            return 1;
        }

        @Override
        public float[] channelWeights() {
            return weights;
        }

        @Override
        public void accumulate(int y, float weight, float[] accumulator, int offset) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, samples);
            for (int x = 0; x < width; x++) {
                accumulator[offset + x] += weight * samples[x];
            }
        }
    }

    /** Palette, packed ints, 16-bit colour, CMYK-derived and other layouts: exactly what the reference reads. */
    private static final class ViaGetRgb implements PixelRows {
        private static final float[] ONE = {1f};
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
        public int channels() {
            return 1;
        }

        @Override
        public float[] channelWeights() {
            return ONE;
        }

        @Override
        public void accumulate(int y, float weight, float[] accumulator, int offset) {
            int width = rgb.length;
            image.getRGB(0, y, width, 1, rgb, 0, width);
            for (int x = 0; x < width; x++) {
                int p = rgb[x];
                float luma = LUMA_FROM_R * ((p >> 16) & 0xff) + LUMA_FROM_G * ((p >> 8) & 0xff)
                        + LUMA_FROM_B * (p & 0xff);
                accumulator[offset + x] += weight * luma;
            }
        }
    }
}
