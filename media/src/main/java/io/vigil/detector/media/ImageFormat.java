package io.vigil.detector.media;

import java.util.Optional;

/**
 * The image formats Vigil decodes, recognised by their signature bytes rather than by a file name or a declared
 * MIME type (both are set by the uploader and lie often).
 */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    WEBP("webp"),
    BMP("bmp");

    private final String readerFormatName;

    ImageFormat(String readerFormatName) {
        this.readerFormatName = readerFormatName;
    }

    /** The format name under which ImageIO registers readers for this format. */
    String readerFormatName() {
        return readerFormatName;
    }

    /** The media type a browser displays this format under: image/jpeg, image/png, ... */
    public String mimeType() {
        return "image/" + readerFormatName;
    }

    /** The format whose signature starts {@code bytes}, if any. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {                        // SOI + first marker (ITU T.81)
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) { // PNG signature (RFC 2083 3.1)
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8') && bytes.length > 5
                && (bytes[4] == '7' || bytes[4] == '9') && bytes[5] == 'a') {  // GIF87a / GIF89a
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) { // RIFF....WEBP
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, 'B', 'M')) {                                // BITMAPFILEHEADER bfType
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
