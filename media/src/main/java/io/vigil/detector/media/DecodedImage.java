package io.vigil.detector.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One decoded image (the first frame of an animation), with what a consumer needs to know about how it was
 * decoded.
 *
 * @param image         the pixels as stored (EXIF orientation not applied); {@code TYPE_BYTE_GRAY} holding the
 *                      luminance when {@code luminanceOnly}
 * @param format        the container format
 * @param sourceWidth   width declared by the header
 * @param sourceHeight  height declared by the header
 * @param subsampling   integer factor by which rows and columns were point-subsampled (1 = full size)
 * @param luminanceOnly true when only the luminance was decoded (a colour JPEG read as grey)
 * @param orientation   the EXIF orientation ({@link ExifOrientation#TOP_LEFT} when absent)
 * @param animated      true when the file holds more than one frame; only the first was decoded
 */
public record DecodedImage(BufferedImage image, ImageFormat format, int sourceWidth, int sourceHeight,
                           int subsampling, boolean luminanceOnly, ExifOrientation orientation, boolean animated) {

    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(orientation, "orientation");
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** True if the image is at the size its header declares. */
    public boolean isFullSize() {
        return subsampling == 1;
    }
}
