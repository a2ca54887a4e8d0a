package io.vigil.detector.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the images that messaging platforms carry (JPEG baseline/progressive/CMYK/YCCK, PNG, GIF first frame,
 * WebP, BMP) through ImageIO with the TwelveMonkeys plugins, safely: the header is read first and images above the
 * pixel limit are refused before any pixel buffer exists, and every failure of a reader, checked or not, comes out
 * as an {@link ImageDecodeException} with a stable code. Thread-safe; one instance serves all stream threads.
 */
public final class ImageDecoder {

    /**
     * Reader warnings that mean pixels are missing: libjpeg's JWRN_JPEG_EOF ("Premature end of JPEG file"), after
     * which it pads the image with grey, and the JDK's own "Truncated File" warnings. Other warnings (extraneous
     * bytes, an invalid ICC profile) leave a complete image and are tolerated, as viewers tolerate them.
     */
    private static final List<String> TRUNCATION_WARNINGS = List.of("premature end", "truncated");

    /** "RIFF" and the 32-bit size that follows it are not counted in that size. */
    private static final int RIFF_HEADER_BYTES = 8;

    private final DecodeLimits limits;
    private final Map<ImageFormat, ImageReaderSpi> readers = new EnumMap<>(ImageFormat.class);

    public ImageDecoder(DecodeLimits limits) {
        this.limits = limits;
        for (ImageFormat format : ImageFormat.values()) {
            ImageReaderSpi spi = preferredReader(format);
            if (spi != null) {
                readers.put(format, spi);
            }
        }
    }

    public DecodeLimits limits() {
        return limits;
    }

    /** The ImageIO reader class that decodes {@code format}, if any (for diagnostics and tests). */
    public String readerFor(ImageFormat format) {
        ImageReaderSpi spi = readers.get(format);
        return spi == null ? null : spi.getPluginClassName();
    }

    /**
     * Decodes the first image in {@code bytes} as {@code request} allows.
     *
     * @throws ImageDecodeException with {@link DecodeError#IMAGE_EMPTY}, {@link DecodeError#IMAGE_UNSUPPORTED_FORMAT},
     *                              {@link DecodeError#IMAGE_TOO_LARGE} or {@link DecodeError#IMAGE_CORRUPT}
     */
    public DecodedImage decode(byte[] bytes, DecodeRequest request) throws ImageDecodeException {
        return decode(bytes, request, limits.maxPixels());
    }

    /**
     * Decodes as {@link #decode(byte[], DecodeRequest)} does, refusing also an image that declares more than
     * {@code pixelAllowance} pixels (what is left of a message's budget) with {@link DecodeError#IMAGE_OVER_MESSAGE_BUDGET}.
     */
    public DecodedImage decode(byte[] bytes, DecodeRequest request, long pixelAllowance) throws ImageDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new ImageDecodeException(DecodeError.IMAGE_EMPTY, "no image bytes");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageDecodeException(
                DecodeError.IMAGE_UNSUPPORTED_FORMAT, "not a JPEG, PNG, GIF, WebP or BMP image"));
        checkNotTruncated(format, bytes);
        ImageReaderSpi spi = readers.get(format);
        if (spi == null) {
            throw new ImageDecodeException(DecodeError.IMAGE_UNSUPPORTED_FORMAT, "no reader for " + format);
        }
        ImageReader reader;
        try {
            reader = spi.createReaderInstance();
        } catch (IOException e) {
            throw new ImageDecodeException(DecodeError.IMAGE_UNSUPPORTED_FORMAT, "no reader for " + format, e);
        }
        List<String> warnings = new ArrayList<>(0);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, false, true);
            return read(reader, format, bytes, request, warnings, pixelAllowance);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Readers signal malformed data with IIOException, EOFException, and now and then with unchecked
            // exceptions (IndexOutOfBounds, NegativeArraySize, IllegalArgument, ...): all mean "corrupt" here.
            throw new ImageDecodeException(DecodeError.IMAGE_CORRUPT, format + " data is corrupt or truncated ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private DecodedImage read(ImageReader reader, ImageFormat format, byte[] bytes, DecodeRequest request,
                              List<String> warnings, long pixelAllowance) throws IOException, ImageDecodeException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException(DecodeError.IMAGE_CORRUPT, format + " header declares " + width + "x"
                    + height + " pixels");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageDecodeException(DecodeError.IMAGE_TOO_LARGE, format + " of " + width + "x" + height
                    + " = " + pixels + " pixels exceeds the limit of " + limits.maxPixels());
        }
        if (pixels > pixelAllowance) {
            throw new ImageDecodeException(DecodeError.IMAGE_OVER_MESSAGE_BUDGET, format + " of " + width + "x" + height
                    + " = " + pixels + " pixels exceeds the " + pixelAllowance + " pixels left of the message's budget");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int subsampling = request.subsamplingFor(width, height);
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        boolean luminanceOnly = false;
        if (!request.needsColour() && format == ImageFormat.JPEG) {
            ImageTypeSpecifier grey = greyDestination(reader);
            if (grey != null) {
                param.setDestinationType(grey);
                luminanceOnly = true;
            }
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            throw new ImageDecodeException(DecodeError.IMAGE_CORRUPT, format + " reader returned no image");
        }
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (TRUNCATION_WARNINGS.stream().anyMatch(lower::contains)) {
                throw new ImageDecodeException(DecodeError.IMAGE_CORRUPT, format + " data is truncated");
            }
        }
        boolean animated = (format == ImageFormat.GIF || format == ImageFormat.WEBP) && hasSecondFrame(reader);
        ExifOrientation orientation = format == ImageFormat.JPEG
                ? ExifOrientationReader.ofJpeg(bytes) : ExifOrientation.TOP_LEFT;
        return new DecodedImage(image, format, width, height, subsampling, luminanceOnly, orientation, animated);
    }

    /**
     * Container-level completeness, for formats whose reader does not notice a missing tail: a RIFF (WebP) file
     * declares its own length after the "RIFF" tag, and TwelveMonkeys' lossless WebP decoder reads missing bits as
     * zeros instead of failing.
     */
    private static void checkNotTruncated(ImageFormat format, byte[] bytes) throws ImageDecodeException {
        if (format == ImageFormat.WEBP) {
            long declared = (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16
                    | (bytes[7] & 0xFFL) << 24;
            if (declared + RIFF_HEADER_BYTES > bytes.length) {
                throw new ImageDecodeException(DecodeError.IMAGE_CORRUPT, "WEBP data is truncated: "
                        + bytes.length + " of " + (declared + RIFF_HEADER_BYTES) + " bytes");
            }
        }
    }

    /** A grey destination the reader can produce directly (libjpeg then decodes only the Y component). */
    private static ImageTypeSpecifier greyDestination(ImageReader reader) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                return type;
            }
        }
        return null;
    }

    private static boolean hasSecondFrame(ImageReader reader) {
        try {
            return reader.getNumImages(true) > 1;
        } catch (IOException | RuntimeException e) {
            return false; // a damaged tail after a good first frame: we only ever use the first frame
        }
    }

    /** TwelveMonkeys where it has a reader for the format (it handles CMYK/YCCK JPEG and more BMP variants). */
    private static ImageReaderSpi preferredReader(ImageFormat format) {
        ImageReaderSpi chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.readerFormatName());
             it.hasNext(); ) {
            ImageReader candidate = it.next();
            ImageReaderSpi spi = candidate.getOriginatingProvider();
            candidate.dispose();
            if (spi != null && (chosen == null || isTwelveMonkeys(spi) && !isTwelveMonkeys(chosen))) {
                chosen = spi;
            }
        }
        return chosen;
    }

    private static boolean isTwelveMonkeys(ImageReaderSpi spi) {
        return spi.getPluginClassName().startsWith("com.twelvemonkeys.");
    }
}
