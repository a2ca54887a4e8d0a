package io.vigil.detector.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Synthetic test images, made in the test: lines of text (fictional phone numbers, handles, addresses, in Latin,
 * Cyrillic and Chinese script) rendered onto benign backgrounds (a chat-app-like gradient, a light noise texture) at
 * a given font size and angle; and text-free "photos" (gradients and soft shapes). Nothing here depicts a person.
 */
public final class SyntheticScreenshots {

    /** Backgrounds for the text. */
    public enum Background { CHAT_GRADIENT, LIGHT_NOISE, DARK_MODE }

    private SyntheticScreenshots() {
    }

    /** A font of the platform that can draw every line, if there is one (Chinese needs a CJK font installed). */
    public static Optional<Font> fontFor(List<String> lines, int size) {
        String[] preferred = {"DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Droid Sans Fallback", Font.SANS_SERIF};
        List<String> installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String family : preferred) {
            if (!family.equals(Font.SANS_SERIF) && !installed.contains(family)) {
                continue;
            }
            Font font = new Font(family, Font.PLAIN, size);
            if (lines.stream().allMatch(l -> font.canDisplayUpTo(l) == -1)) {
                return Optional.of(font);
            }
        }
        return Optional.empty();
    }

    /** A screenshot-like image: the lines drawn at {@code fontPx} on {@code background}, the text turned by {@code degrees}. */
    public static BufferedImage render(List<String> lines, Font font, Background background, double degrees, long seed) {
        int lineHeight = (int) Math.round(font.getSize() * 1.6);
        int width = Math.max(480, (int) (font.getSize() * 0.62 * lines.stream().mapToInt(String::length).max().orElse(10)) + 120);
        int height = Math.max(320, lineHeight * lines.size() + 160);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paintBackground(g, background, width, height, seed);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background == Background.DARK_MODE ? new Color(235, 235, 240) : new Color(20, 24, 30));
            g.setFont(font);
            AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0);
            g.transform(turn);
            int y = 80 + font.getSize();
            for (String line : lines) {
                g.drawString(line, 60, y);
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A text-free image of the given size: a smooth gradient with soft shapes, like an out-of-focus photo. */
    public static BufferedImage photo(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)),
                    width, height, new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256))));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 6; i++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
                int r = width / 6 + random.nextInt(width / 4);
                g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The image as the detector decodes it for PDQ and OCR: luminance only. */
    public static BufferedImage grey(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void paintBackground(Graphics2D g, Background background, int width, int height, long seed) {
        switch (background) {
            case CHAT_GRADIENT -> {
                g.setPaint(new GradientPaint(0, 0, new Color(228, 240, 250), width, height, new Color(205, 225, 240)));
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(250, 250, 252));
                g.fillRoundRect(30, 40, width - 60, height - 80, 24, 24);
            }
            case LIGHT_NOISE -> {
                Random random = new Random(seed);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int v = 225 + random.nextInt(20);
                        g.setColor(new Color(v, v - 5, v - 12));
                        g.fillRect(x, y, 1, 1);
                    }
                }
            }
            case DARK_MODE -> {
                g.setColor(new Color(24, 26, 32));
                g.fillRect(0, 0, width, height);
            }
        }
    }
}
