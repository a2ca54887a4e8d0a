package io.vigil.detector.media;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.lang.reflect.Array;

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

    /**
     * The image as it should be displayed (the same instance when nothing needs turning). Pixels are moved, never
     * resampled, so every layout and colour model is kept exactly.
     */
    public BufferedImage applyTo(BufferedImage stored) {
        if (this == TOP_LEFT) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        Raster raster = stored.getRaster();
        int elements = raster.getNumDataElements();
        Object source = raster.getDataElements(0, 0, w, h, null);
        Object target = Array.newInstance(source.getClass().getComponentType(), Array.getLength(source));
        int displayWidth = swapsDimensions() ? h : w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (this) {
                    case TOP_RIGHT -> { dx = w - 1 - x; dy = y; }
                    case BOTTOM_RIGHT -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case BOTTOM_LEFT -> { dx = x; dy = h - 1 - y; }
                    case LEFT_TOP -> { dx = y; dy = x; }
                    case RIGHT_TOP -> { dx = h - 1 - y; dy = x; }
                    case RIGHT_BOTTOM -> { dx = h - 1 - y; dy = w - 1 - x; }
                    case LEFT_BOTTOM -> { dx = y; dy = w - 1 - x; }
                    default -> throw new AssertionError(this);
                }
                System.arraycopy(source, (y * w + x) * elements, target, (dy * displayWidth + dx) * elements, elements);
            }
        }
        ColorModel cm = stored.getColorModel();
        WritableRaster displayed = cm.createCompatibleWritableRaster(displayWidth, swapsDimensions() ? w : h);
        displayed.setDataElements(0, 0, displayed.getWidth(), displayed.getHeight(), target);
        return new BufferedImage(cm, displayed, cm.isAlphaPremultiplied(), null);
    }
}
