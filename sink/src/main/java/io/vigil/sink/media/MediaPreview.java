package io.vigil.sink.media;

import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.schemas.BoundingBox;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The blurred preview a moderator sees by default. The image is shrunk to a few pixels and enlarged again on the
 * server, so the browser never holds the detail: a shape and colours to decide whether to look, nothing more.
 * Images are decoded through the detector's guarded decoder: the pixel limit is checked from the header before any
 * pixel buffer exists, only allow-listed formats are read, and large images are subsampled while decoding.
 */
public final class MediaPreview {

    /** Long edge of the shrunken image: enough to tell a photo from a screenshot or a meme, too few pixels for a body. */
    static final int BLUR_EDGE_PX = 12;
    private static final float JPEG_QUALITY = 0.7f;

    private final int edgePx;
    private final ImageDecoder decoder;
    private final DecodeRequest request;

    public MediaPreview(int edgePx, ImageDecoder decoder) {
        this.edgePx = edgePx;
        this.decoder = decoder;
        // Subsampled while decoding to a few times the shown size: a 6000 px photo never becomes 6000 px of pixels here.
        this.request = DecodeRequest.colourAtLeast(BLUR_EDGE_PX * 4, BLUR_EDGE_PX * 4);
    }

    /** A blurred JPEG of the image, or empty if the bytes are no image this server can decode. */
    public Optional<byte[]> blurred(byte[] imageBytes) {
        return blurred(imageBytes, List.of());
    }

    /**
     * A blurred JPEG of the image in which the regions where personal data was read (OCR boxes, in the displayed
     * image's pixels) are first filled with their own average colour: harder than the blur, so that not even the
     * shape of a line of digits survives in the preview.
     */
    public Optional<byte[]> blurred(byte[] imageBytes, List<BoundingBox> hidden) {
        DecodedImage decoded = decode(imageBytes);
        if (decoded == null) {
            return Optional.empty();
        }
        BufferedImage image = decoded.image();
        if (!hidden.isEmpty()) {
            // OCR boxes are in the pixels of the image as displayed at full size: turn the decoded pixels the same way
            // and bring the boxes down to the decode's subsampling.
            image = flattened(decoded.orientation().applyTo(image), hidden.stream()
                    .map(b -> scaled(b, decoded.subsampling())).toList());
        }
        BufferedImage tiny = scale(image, BLUR_EDGE_PX, RenderingHints.VALUE_INTERPOLATION_BILINEAR, true);
        BufferedImage shown = scale(tiny, edgePx, RenderingHints.VALUE_INTERPOLATION_BICUBIC, false);
        return Optional.of(jpeg(shown));
    }

    /** A copy with each box (clipped to the image, with a margin of a quarter of its height) filled with its mean colour. */
    static BufferedImage flattened(BufferedImage source, List<BoundingBox> boxes) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        for (BoundingBox b : boxes) {
            int margin = Math.max(2, b.getHeight() / 4);
            int x0 = Math.max(0, b.getX() - margin);
            int y0 = Math.max(0, b.getY() - margin);
            int x1 = Math.min(out.getWidth(), b.getX() + b.getWidth() + margin);
            int y1 = Math.min(out.getHeight(), b.getY() + b.getHeight() + margin);
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            long r = 0;
            long gr = 0;
            long bl = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int rgb = out.getRGB(x, y);
                    r += (rgb >> 16) & 0xFF;
                    gr += (rgb >> 8) & 0xFF;
                    bl += rgb & 0xFF;
                }
            }
            long n = (long) (x1 - x0) * (y1 - y0);
            int mean = (int) (r / n) << 16 | (int) (gr / n) << 8 | (int) (bl / n);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    out.setRGB(x, y, mean);
                }
            }
        }
        return out;
    }

    private DecodedImage decode(byte[] bytes) {
        try {
            return decoder.decode(bytes, request);
        } catch (ImageDecodeException e) {
            return null;
        }
    }

    private static BoundingBox scaled(BoundingBox b, int subsampling) {
        return new BoundingBox(b.getX() / subsampling, b.getY() / subsampling,
                Math.max(1, (b.getWidth() + subsampling - 1) / subsampling), Math.max(1, (b.getHeight() + subsampling - 1) / subsampling));
    }

    private static BufferedImage scale(BufferedImage source, int longEdge, Object interpolation, boolean progressive) {
        double factor = (double) longEdge / Math.max(source.getWidth(), source.getHeight());
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage current = source;
        if (progressive) {
            // Halving step by step averages every source pixel into the result; one big step would sample a few.
            while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
                current = draw(current, current.getWidth() / 2, current.getHeight() / 2, interpolation);
            }
        }
        return draw(current, width, height, interpolation);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("JPEG encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
