package io.vigil.standalone.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benign synthetic pictures for the demo: gradients, shapes and a caption, different for every seed. They stand in
 * for the photos a platform carries; nothing here depicts a person.
 */
public final class DemoImages {

    private DemoImages() {
    }

    public record Image(String name, byte[] bytes, String mime) {
    }

    public static List<Image> photos(int count, long seed) {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(new Image("photo-" + i + ".jpg", encode(draw(640, 480, seed + i, "demo photo " + i), "jpg"), "image/jpeg"));
        }
        return images;
    }

    /**
     * The same picture as it comes back after a re-upload: scaled to 90% and re-encoded at a lower JPEG quality.
     * Its exact hashes differ from the original's; its PDQ hash stays within a few bits.
     */
    public static Image reuploaded(Image original) {
        try {
            BufferedImage source = ImageIO.read(new java.io.ByteArrayInputStream(original.bytes()));
            int width = source.getWidth() * 9 / 10;
            int height = source.getHeight() * 9 / 10;
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(source, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            return new Image(original.name().replace(".jpg", "-reupload.jpg"), jpeg(scaled, 0.6f), "image/jpeg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo export's picture of this name: the same name always draws the same picture; a name ending in
     * {@code -reupload} is that picture as it comes back after a re-upload ({@link #reuploaded}).
     */
    public static Image named(String name, int width, int height) {
        String suffix = "-reupload";
        if (name.endsWith(suffix)) {
            Image original = named(name.substring(0, name.length() - suffix.length()), width, height);
            return new Image(name + ".jpg", reuploaded(original).bytes(), "image/jpeg");
        }
        long seed = name.chars().asLongStream().reduce(1125899906842597L, (h, c) -> 31 * h + c);
        return new Image(name + ".jpg", encode(draw(width, height, seed, name), "jpg"), "image/jpeg");
    }

    public static Image sticker(int index, long seed) {
        return new Image("sticker-" + index + ".png", encode(draw(128, 128, seed * 31 + index, "#" + index), "png"), "image/png");
    }

    static BufferedImage draw(int width, int height, long seed, String caption) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, color(random), width, height, color(random)));
            g.fillRect(0, 0, width, height);
            for (int shape = 0; shape < 6 + random.nextInt(6); shape++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90 + random.nextInt(120)));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = width / 10 + random.nextInt(width / 3);
                int h = height / 10 + random.nextInt(height / 3);
                if (random.nextBoolean()) {
                    g.fillOval(x - w / 2, y - h / 2, w, h);
                } else {
                    g.setStroke(new BasicStroke(2 + random.nextInt(8)));
                    g.drawRect(x - w / 2, y - h / 2, w, h);
                }
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12)));
            g.drawString(caption, width / 20, height - height / 12);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.MemoryCacheImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static Color color(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.3f + random.nextFloat() * 0.5f, 0.4f + random.nextFloat() * 0.5f);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
