package io.vigil.detector.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

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
        boolean gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] grayPixels = gray ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
        int stride = gray ? grayPixels.length / height : 0;
        int rows = 0;
        int texty = 0;
        int[] line = new int[(width + colStep - 1) / colStep];
        for (int y = 0; y < height; y += rowStep) {
            int n = 0;
            for (int x = 0; x < width; x += colStep) {
                line[n++] = gray ? grayPixels[y * stride + x] & 0xFF : luminance(image.getRGB(x, y));
            }
            rows++;
            if (strokes(line, n, Math.max(1, MAX_STROKE_PX / colStep)) >= MIN_STROKES_PER_ROW) {
                texty++;
            }
        }
        return rows == 0 ? 0.0 : (double) texty / rows;
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

    private static int luminance(int rgb) {
        return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }
}
