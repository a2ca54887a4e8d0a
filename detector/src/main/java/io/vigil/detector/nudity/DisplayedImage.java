package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * An image as a viewer shows it: EXIF orientation applied, transparency composited onto white, grey expanded to
 * RGB, every pixel as 8-bit sRGB {@code 0xRRGGBB}. Pixels are read in place from the decoded image (no rotated or
 * converted copy), straight from the raster for the layouts decoders produce (3-byte BGR and 4-byte ABGR from JPEG
 * and PNG, packed int RGB/ARGB, 8/16-bit grey), and through {@link BufferedImage#getRGB} for anything else
 * (palettes, 16-bit colour, CMYK).
 */
final class DisplayedImage {

    /** Opaque white, what a transparent pixel shows over: platforms render stickers and PNGs on light backgrounds. */
    private static final int WHITE = 255;

    private final PixelReader reader;
    private final ExifOrientation orientation;
    private final int storedWidth;
    private final int storedHeight;

    DisplayedImage(BufferedImage image, ExifOrientation orientation) {
        this.reader = PixelReader.of(image);
        this.orientation = orientation;
        this.storedWidth = image.getWidth();
        this.storedHeight = image.getHeight();
    }

    int width() {
        return orientation.swapsDimensions() ? storedHeight : storedWidth;
    }

    int height() {
        return orientation.swapsDimensions() ? storedWidth : storedHeight;
    }

    /** The displayed pixel at (x, y) as {@code 0xRRGGBB}. */
    int rgb(int x, int y) {
        return reader.rgb(storedX(x, y), storedY(x, y));
    }

    /**
     * Stored column of displayed pixel (x, y). {@link ExifOrientation#applyTo} moves stored pixels to displayed
     * places; this is the inverse mapping, so the displayed image is read in place without a turned copy.
     */
    private int storedX(int x, int y) {
        return switch (orientation) {
            case TOP_RIGHT, BOTTOM_RIGHT -> storedWidth - 1 - x;
            case LEFT_TOP, RIGHT_TOP -> y;
            case RIGHT_BOTTOM, LEFT_BOTTOM -> storedWidth - 1 - y;
            case TOP_LEFT, BOTTOM_LEFT -> x;
        };
    }

    /** Stored row of displayed pixel (x, y). */
    private int storedY(int x, int y) {
        return switch (orientation) {
            case BOTTOM_RIGHT, BOTTOM_LEFT -> storedHeight - 1 - y;
            case LEFT_TOP, LEFT_BOTTOM -> x;
            case RIGHT_TOP, RIGHT_BOTTOM -> storedHeight - 1 - x;
            case TOP_LEFT, TOP_RIGHT -> y;
        };
    }

    /**
     * Reads displayed row {@code y} at columns {@code xs} into {@code out} (0xRRGGBB each): the resize reads whole
     * rows of samples, so the orientation is resolved once per row rather than once per pixel.
     */
    void sampleRow(int y, int[] xs, int[] out) {
        int w = storedWidth;
        int h = storedHeight;
        switch (orientation) {
            case TOP_LEFT:
                for (int i = 0; i < xs.length; i++) {
                    out[i] = reader.rgb(xs[i], y);
                }
                break;
            case TOP_RIGHT:
                for (int i = 0; i < xs.length; i++) {
                    out[i] = reader.rgb(w - 1 - xs[i], y);
                }
                break;
            case BOTTOM_RIGHT:
                for (int i = 0; i < xs.length; i++) {
                    out[i] = reader.rgb(w - 1 - xs[i], h - 1 - y);
                }
                break;
            case BOTTOM_LEFT:
                for (int i = 0; i < xs.length; i++) {
                    out[i] = reader.rgb(xs[i], h - 1 - y);
                }
                break;
            default:
                for (int i = 0; i < xs.length; i++) {
                    out[i] = rgb(xs[i], y);
                }
        }
    }

    /** The whole displayed image as interleaved RGB bytes, row by row (what a browser canvas would hand NSFWJS). */
    byte[] rgbBytes() {
        int w = width();
        int h = height();
        byte[] bytes = new byte[w * h * 3];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = rgb(x, y);
                bytes[i++] = (byte) (rgb >> 16);
                bytes[i++] = (byte) (rgb >> 8);
                bytes[i++] = (byte) rgb;
            }
        }
        return bytes;
    }

    static int compositeOnWhite(int channel, int alpha) {
        return (channel * alpha + WHITE * (255 - alpha) + 127) / 255;
    }

    /** Reads stored pixels as opaque 0xRRGGBB. */
    private interface PixelReader {
        int rgb(int x, int y);

        static PixelReader of(BufferedImage image) {
            ColorModel colorModel = image.getColorModel();
            Raster raster = image.getRaster();
            if (colorModel.isAlphaPremultiplied()) {
                return new Generic(image);
            }
            if (colorModel instanceof ComponentColorModel && raster.getSampleModel() instanceof ComponentSampleModel sampleModel) {
                int type = colorModel.getColorSpace().getType();
                if (type == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2) {
                    return new Grey(raster, sampleModel);
                }
                if (colorModel.getColorSpace().isCS_sRGB() && raster.getDataBuffer() instanceof DataBufferByte
                        && raster.getNumBands() >= 3 && raster.getNumBands() <= 4
                        && Arrays.stream(sampleModel.getBankIndices()).allMatch(bank -> bank == 0)) {
                    return new InterleavedBytes(raster, sampleModel, colorModel.hasAlpha());
                }
            }
            if (colorModel instanceof DirectColorModel direct && direct.getColorSpace().isCS_sRGB()
                    && raster.getDataBuffer() instanceof DataBufferInt
                    && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sampleModel
                    && allEightBits(sampleModel)) {
                return new PackedInts(raster, sampleModel, direct.hasAlpha());
            }
            return new Generic(image);
        }

        private static boolean allEightBits(SinglePixelPackedSampleModel sampleModel) {
            for (int size : sampleModel.getSampleSize()) {
                if (size != 8) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One byte per sample, samples of a pixel side by side (3BYTE_BGR, 4BYTE_ABGR, PNG RGB/RGBA). */
    private static final class InterleavedBytes implements PixelReader {
        private final byte[] data;
        private final int base;
        private final int pixelStride;
        private final int scanlineStride;
        private final int red;
        private final int green;
        private final int blue;
        private final int alpha;

        InterleavedBytes(Raster raster, ComponentSampleModel sampleModel, boolean hasAlpha) {
            this.data = ((DataBufferByte) raster.getDataBuffer()).getData();
            this.pixelStride = sampleModel.getPixelStride();
            this.scanlineStride = sampleModel.getScanlineStride();
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateY() * scanlineStride - raster.getSampleModelTranslateX() * pixelStride;
            int[] bandOffsets = sampleModel.getBandOffsets();
            this.red = bandOffsets[0];
            this.green = bandOffsets[1];
            this.blue = bandOffsets[2];
            this.alpha = hasAlpha ? bandOffsets[3] : -1;
        }

        @Override
        public int rgb(int x, int y) {
            int i = base + y * scanlineStride + x * pixelStride;
            int r = data[i + red] & 0xFF;
            int g = data[i + green] & 0xFF;
            int b = data[i + blue] & 0xFF;
            if (alpha >= 0) {
                int a = data[i + alpha] & 0xFF;
                if (a != 255) {
                    r = compositeOnWhite(r, a);
                    g = compositeOnWhite(g, a);
                    b = compositeOnWhite(b, a);
                }
            }
            return r << 16 | g << 8 | b;
        }
    }

    /** Packed 8-bit channels in an int (INT_RGB, INT_ARGB, INT_BGR). */
    private static final class PackedInts implements PixelReader {
        private final int[] data;
        private final int base;
        private final int scanlineStride;
        private final int[] masks;
        private final int[] shifts;
        private final boolean hasAlpha;

        PackedInts(Raster raster, SinglePixelPackedSampleModel sampleModel, boolean hasAlpha) {
            this.data = ((DataBufferInt) raster.getDataBuffer()).getData();
            this.scanlineStride = sampleModel.getScanlineStride();
            this.base = raster.getDataBuffer().getOffset()
                    - raster.getSampleModelTranslateY() * scanlineStride - raster.getSampleModelTranslateX();
            this.masks = sampleModel.getBitMasks();
            this.shifts = sampleModel.getBitOffsets();
            this.hasAlpha = hasAlpha;
        }

        @Override
        public int rgb(int x, int y) {
            int pixel = data[base + y * scanlineStride + x];
            int r = (pixel & masks[0]) >>> shifts[0];
            int g = (pixel & masks[1]) >>> shifts[1];
            int b = (pixel & masks[2]) >>> shifts[2];
            if (hasAlpha) {
                int a = (pixel & masks[3]) >>> shifts[3];
                if (a != 255) {
                    r = compositeOnWhite(r, a);
                    g = compositeOnWhite(g, a);
                    b = compositeOnWhite(b, a);
                }
            }
            return r << 16 | g << 8 | b;
        }
    }

    /**
     * Grey, 8 or 16 bits, with or without alpha. Samples are taken as the display values they are (gamma-encoded),
     * not passed through Java's linear-grey colour conversion, which would brighten them.
     */
    private static final class Grey implements PixelReader {
        private final Raster raster;
        private final boolean hasAlpha;
        private final int maxSample;

        Grey(Raster raster, ComponentSampleModel sampleModel) {
            this.raster = raster;
            this.hasAlpha = raster.getNumBands() == 2;
            this.maxSample = (1 << sampleModel.getSampleSize(0)) - 1;
        }

        @Override
        public int rgb(int x, int y) {
            int v = to8Bits(raster.getSample(x + raster.getMinX(), y + raster.getMinY(), 0));
            if (hasAlpha) {
                v = compositeOnWhite(v, to8Bits(raster.getSample(x + raster.getMinX(), y + raster.getMinY(), 1)));
            }
            return v << 16 | v << 8 | v;
        }

        private int to8Bits(int sample) {
            return maxSample == 255 ? sample : (int) ((sample * 255L + maxSample / 2) / maxSample);
        }
    }

    /** Anything else, converted to sRGB by Java's colour management. */
    private static final class Generic implements PixelReader {
        private final BufferedImage image;

        Generic(BufferedImage image) {
            this.image = image;
        }

        @Override
        public int rgb(int x, int y) {
            int argb = image.getRGB(x, y);
            int a = argb >>> 24;
            if (a == 255) {
                return argb & 0xFFFFFF;
            }
            return compositeOnWhite(argb >> 16 & 0xFF, a) << 16 | compositeOnWhite(argb >> 8 & 0xFF, a) << 8 | compositeOnWhite(argb & 0xFF, a);
        }
    }
}
