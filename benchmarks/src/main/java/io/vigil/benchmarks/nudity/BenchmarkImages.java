package io.vigil.benchmarks.nudity;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * Photo-like benign JPEGs for the benchmark: a sky gradient, hills and shapes, plus per-pixel sensor-like noise so
 * the files have the size and entropy of camera pictures (a flat drawing would decode unrealistically fast).
 */
public final class BenchmarkImages {

    /** JPEG quality of typical phone and messenger images. */
    private static final float JPEG_QUALITY = 0.9f;
    private static final int NOISE_AMPLITUDE = 6;

    private BenchmarkImages() {}

    public static byte[] photoLikeJpeg(int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColour(random), width, height, randomColour(random)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 80 + random.nextInt(176)));
            int w = 40 + random.nextInt(width / 3);
            int h = 40 + random.nextInt(height / 3);
            if (random.nextBoolean()) {
                g.fillOval(random.nextInt(width) - w / 2, random.nextInt(height) - h / 2, w, h);
            } else {
                g.fillRect(random.nextInt(width) - w / 2, random.nextInt(height) - h / 2, w, h);
            }
        }
        g.dispose();
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int noisy = (pixels[i] & 0xFF) + random.nextInt(2 * NOISE_AMPLITUDE + 1) - NOISE_AMPLITUDE;
            pixels[i] = (byte) Math.max(0, Math.min(255, noisy));
        }
        return jpeg(image);
    }

    private static Color randomColour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
