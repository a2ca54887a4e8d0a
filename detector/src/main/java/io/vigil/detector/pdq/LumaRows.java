package io.vigil.detector.pdq;

/**
 * An image's luminance, read one row at a time, top to bottom. Rows are produced on demand so that a 12-megapixel
 * photo never needs a full-size float copy: the downsampler consumes each row as soon as it is read.
 */
public interface LumaRows {

    int width();

    int height();

    /** Writes the luminance (0..255) of row {@code y} into {@code dst[0..width-1]}. Rows are read in order. */
    void readRow(int y, float[] dst);
}
