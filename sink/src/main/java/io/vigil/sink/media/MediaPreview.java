package io.vigil.sink.media;

import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;

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
        BufferedImage image = decode(imageBytes);
        if (image == null) {
            return Optional.empty();
        }
        BufferedImage tiny = scale(image, BLUR_EDGE_PX, RenderingHints.VALUE_INTERPOLATION_BILINEAR, true);
        BufferedImage shown = scale(tiny, edgePx, RenderingHints.VALUE_INTERPOLATION_BICUBIC, false);
        return Optional.of(jpeg(shown));
    }

    private BufferedImage decode(byte[] bytes) {
        try {
            return decoder.decode(bytes, request).image();
        } catch (ImageDecodeException e) {
            return null;
        }
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
