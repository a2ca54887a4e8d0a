package io.vigil.detector.media;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * How a camera asks for the stored pixels to be turned for display (EXIF/TIFF tag 274, Orientation). Perceptual
 * hashes ignore it, as every PDQ reference does (dihedral matching covers rotated uploads); a classifier should
 * see the image the way people see it and applies it.
 *
 * <p>Names describe where the stored first row and first column go: {@code TOP_LEFT} is "as stored".
 */
public enum ExifOrientation {
    TOP_LEFT(1),
    TOP_RIGHT(2),      // mirrored horizontally
    BOTTOM_RIGHT(3),   // rotated 180
    BOTTOM_LEFT(4),    // mirrored vertically
    LEFT_TOP(5),       // transposed (mirrored along the main diagonal)
    RIGHT_TOP(6),      // needs 90 degrees clockwise to display
    RIGHT_BOTTOM(7),   // transversed (mirrored along the anti-diagonal)
    LEFT_BOTTOM(8);    // needs 90 degrees counter-clockwise to display

    private final int tagValue;

    ExifOrientation(int tagValue) {
        this.tagValue = tagValue;
    }

    /** The EXIF tag value, 1..8. */
    public int tagValue() {
        return tagValue;
    }

    /** The orientation for an EXIF tag value; anything outside 1..8 means "as stored", as viewers treat it. */
    public static ExifOrientation ofTagValue(int value) {
        for (ExifOrientation o : values()) {
            if (o.tagValue == value) {
                return o;
            }
        }
        return TOP_LEFT;
    }

    /** True when display swaps width and height. */
    public boolean swapsDimensions() {
        return tagValue >= 5;
    }

    /** The image as it should be displayed (the same instance when nothing needs turning). */
    public BufferedImage applyTo(BufferedImage stored) {
        if (this == TOP_LEFT) {
            return stored;
        }
        AffineTransformOp op = new AffineTransformOp(displayTransform(stored.getWidth(), stored.getHeight()),
                AffineTransformOp.TYPE_NEAREST_NEIGHBOR);
        return op.filter(stored, op.createCompatibleDestImage(stored, stored.getColorModel()));
    }

    /**
     * Maps stored pixel edges to displayed ones: {@code x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12}, with
     * integer coefficients so that nearest-neighbour resampling moves every pixel exactly.
     */
    AffineTransform displayTransform(int w, int h) {
        return switch (this) {
            case TOP_LEFT -> new AffineTransform();
            case TOP_RIGHT -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case BOTTOM_RIGHT -> new AffineTransform(-1, 0, 0, -1, w, h);
            case BOTTOM_LEFT -> new AffineTransform(1, 0, 0, -1, 0, h);
            case LEFT_TOP -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case RIGHT_TOP -> new AffineTransform(0, 1, -1, 0, h, 0);
            case RIGHT_BOTTOM -> new AffineTransform(0, -1, -1, 0, h, w);
            case LEFT_BOTTOM -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    }
}
