package io.vigil.detector.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * A cheap test of whether an image probably shows text, run before OCR so that photos cost almost nothing. Text is
 * strokes: along a row of a screenshot the brightness jumps up and back down again within a few pixels, many times,
 * on many rows. The score is the share of sampled rows with at least {@link #MIN_STROKES_PER_ROW} such strokes. At
 * most {@link #MAX_ROWS} rows and {@link #MAX_COLUMNS} columns are read, so a 12-megapixel photo costs well under a
 * millisecond's worth of work per hundred rows.
 */
public final class TextLikelihood {

    /** A brightness step at least this large (of 255) is an edge: anti-aliased text on any background has them. */
    static final int EDGE = 40;
    /** A stroke's two edges lie within this many pixels: glyph strokes of text up to about 60 px tall. */
    static final int MAX_STROKE_PX = 10;
    static final int MIN_STROKES_PER_ROW = 3;
    static final int MAX_ROWS = 400;
    static final int MAX_COLUMNS = 2000;

    private TextLikelihood() {
    }

    /** Share of sampled rows that look like a row through text, in [0,1]. */
    public static double score(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int rowStep = Math.max(1, height / MAX_ROWS);
        int colStep = Math.max(1, width / MAX_COLUMNS);
        Brightness brightness = Brightness.of(image);
        int rows = 0;
        int texty = 0;
        int[] line = new int[(width + colStep - 1) / colStep];
        for (int y = 0; y < height; y += rowStep) {
            int n = 0;
            for (int x = 0; x < width; x += colStep) {
                line[n++] = brightness.at(x, y);
            }
            rows++;
            if (strokes(line, n, Math.max(1, MAX_STROKE_PX / colStep)) >= MIN_STROKES_PER_ROW) {
                texty++;
            }
        }
        return rows == 0 ? 0.0 : (double) texty / rows;
    }

    /**
     * The 0..255 brightness the strokes are found in: a grey image's stored value, or the luminance of the RGB that
     * {@link BufferedImage#getRGB} reports. The colour layout JPEG decodes to (8-bit sRGB samples interleaved, BGR or
     * ABGR) is read straight from its bytes, which are exactly what {@code getRGB} reports for it: going through
     * {@code getRGB} instead cost about 21 ms of CPU per 1280x960 photo (against 4 ms), two thirds of the media
     * threads' Java samples (docs/benchmarks.md, "Where an image's CPU goes").
     */
    private interface Brightness {
        int at(int x, int y);

        static Brightness of(BufferedImage image) {
            Raster raster = image.getRaster();
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                byte[] grey = ((DataBufferByte) raster.getDataBuffer()).getData();
                int stride = grey.length / image.getHeight();
                return (x, y) -> grey[y * stride + x] & 0xFF;
            }
            if (isInterleavedSrgbBytes(image)) {
                ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
                byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
                int pixelStride = model.getPixelStride();
                int scanlineStride = model.getScanlineStride();
                int base = raster.getDataBuffer().getOffset()
                        - raster.getSampleModelTranslateY() * scanlineStride - raster.getSampleModelTranslateX() * pixelStride;
                int[] bands = model.getBandOffsets(); // red, green, blue[, alpha]
                int red = bands[0];
                int green = bands[1];
                int blue = bands[2];
                return (x, y) -> {
                    int i = base + y * scanlineStride + x * pixelStride;
                    return luminance(data[i + red] & 0xFF, data[i + green] & 0xFF, data[i + blue] & 0xFF);
                };
            }
            return (x, y) -> {
                int rgb = image.getRGB(x, y);
                return luminance((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            };
        }

        /**
         * 8-bit sRGB samples, one byte each, interleaved with no gaps, alpha (if any) not premultiplied: for these
         * {@code getRGB} reports the stored red, green and blue bytes unchanged.
         */
        private static boolean isInterleavedSrgbBytes(BufferedImage image) {
            Raster raster = image.getRaster();
            return image.getColorModel() instanceof ComponentColorModel colours
                    && colours.getColorSpace().isCS_sRGB()
                    && !colours.isAlphaPremultiplied()
                    && colours.getNumColorComponents() == 3
                    && java.util.Arrays.stream(colours.getComponentSize()).allMatch(bits -> bits == 8)
                    && colours.getTransferType() == DataBuffer.TYPE_BYTE
                    && raster.getDataBuffer() instanceof DataBufferByte
                    && raster.getSampleModel() instanceof ComponentSampleModel model
                    && model.getPixelStride() == model.getNumBands()
                    && model.getNumBands() == colours.getNumComponents();
        }
    }

    /** Rises followed by a fall (or falls followed by a rise) within {@code maxStroke} samples. */
    static int strokes(int[] line, int n, int maxStroke) {
        int strokes = 0;
        int lastEdgeAt = -1;
        int lastEdgeSign = 0;
        for (int x = 1; x < n; x++) {
            int d = line[x] - line[x - 1];
            int sign = d >= EDGE ? 1 : d <= -EDGE ? -1 : 0;
            if (sign == 0) {
                continue;
            }
            if (lastEdgeSign == -sign && x - lastEdgeAt <= maxStroke) {
                strokes++;
                lastEdgeSign = 0;
            } else {
                lastEdgeSign = sign;
                lastEdgeAt = x;
            }
        }
        return strokes;
    }

    private static int luminance(int red, int green, int blue) {
        return (red * 299 + green * 587 + blue * 114) / 1000;
    }
}
