package io.vigil.detector.nudity;

/**
 * The eight EXIF orientations (tag 0x0112) as a mapping from displayed coordinates to stored ones, so an image is
 * read upright without first being rotated into a copy. Values outside 1..8 are reserved by the EXIF standard and
 * read as 1 (stored as displayed), as browsers do.
 */
enum ExifOrientation {
    /** 1: stored as displayed. */
    NORMAL(false),
    /** 2: mirrored left-right. */
    MIRROR_HORIZONTAL(false),
    /** 3: rotated 180 degrees. */
    ROTATE_180(false),
    /** 4: mirrored top-bottom. */
    MIRROR_VERTICAL(false),
    /** 5: mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE(true),
    /** 6: must be turned 90 degrees clockwise to display (the usual portrait phone photo). */
    ROTATE_90_CLOCKWISE(true),
    /** 7: mirrored along the other diagonal. */
    TRANSVERSE(true),
    /** 8: must be turned 90 degrees counter-clockwise to display. */
    ROTATE_90_COUNTER_CLOCKWISE(true);

    private final boolean swapsSides;

    ExifOrientation(boolean swapsSides) {
        this.swapsSides = swapsSides;
    }

    static ExifOrientation of(int exifValue) {
        return exifValue >= 1 && exifValue <= 8 ? values()[exifValue - 1] : NORMAL;
    }

    int displayedWidth(int storedWidth, int storedHeight) {
        return swapsSides ? storedHeight : storedWidth;
    }

    int displayedHeight(int storedWidth, int storedHeight) {
        return swapsSides ? storedWidth : storedHeight;
    }

    /** Stored x of displayed pixel (x, y) in an image stored as {@code w x h}. */
    int storedX(int x, int y, int w, int h) {
        switch (this) {
            case MIRROR_HORIZONTAL: case ROTATE_180: return w - 1 - x;
            case TRANSPOSE: case ROTATE_90_CLOCKWISE: return y;
            case TRANSVERSE: case ROTATE_90_COUNTER_CLOCKWISE: return w - 1 - y;
            default: return x;
        }
    }

    /** Stored y of displayed pixel (x, y) in an image stored as {@code w x h}. */
    int storedY(int x, int y, int w, int h) {
        switch (this) {
            case ROTATE_180: case MIRROR_VERTICAL: return h - 1 - y;
            case TRANSPOSE: case ROTATE_90_COUNTER_CLOCKWISE: return x;
            case ROTATE_90_CLOCKWISE: case TRANSVERSE: return h - 1 - x;
            default: return y;
        }
    }
}
