package io.vigil.detector.ocr;

/** A rectangle of an image in pixels, origin top-left, after EXIF orientation. */
public record TextBox(int x, int y, int width, int height) {

    public TextBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative");
        }
    }

    /** The smallest box holding both. */
    public TextBox union(TextBox other) {
        int left = Math.min(x, other.x);
        int top = Math.min(y, other.y);
        int right = Math.max(x + width, other.x + other.width);
        int bottom = Math.max(y + height, other.y + other.height);
        return new TextBox(left, top, right - left, bottom - top);
    }

    /** This box in an image scaled by {@code factor} (boxes found on a reduced copy, mapped back to the original). */
    public TextBox scaled(double factor) {
        return new TextBox((int) Math.floor(x * factor), (int) Math.floor(y * factor),
                (int) Math.ceil(width * factor), (int) Math.ceil(height * factor));
    }
}
