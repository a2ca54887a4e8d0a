package io.vigil.detector.nudity;

import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ExifOrientation;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benign test images: the fixture files under {@code nudity/images} and scenes drawn with Java2D in every raster
 * layout a decoder may hand the classifier (packed and interleaved RGB, alpha, grey 8/16-bit, palette) and with
 * EXIF orientations. Nothing here depicts a person.
 */
final class SyntheticImages {

    /** A named test image, its EXIF orientation, and the JPEG file it was decoded from, if any. */
    record Case(String name, BufferedImage image, ExifOrientation orientation, Path jpegFile) {}

    static final List<String> FIXTURES = List.of("photo_like_640x480.jpg", "progressive_640x480.jpg", "gray_1024x768.jpg",
            "banner_800x200.jpg", "poster_1080x1350.jpg", "plasma_11_800x600.jpg", "shapes_palette_640x640.gif",
            "small_96x64.png", "sticker_600x600.webp", "checker_512x512.png", "solid_gray_300x300.png");

    private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

    private SyntheticImages() {}

    static Path fixture(String name) {
        try {
            return Path.of(SyntheticImages.class.getResource("/nudity/images/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** The file decoded as the detector decodes it: the shared decoder, with the classifier's request. */
    static BufferedImage read(Path file) {
        try {
            return DECODER.decode(Files.readAllBytes(file), NudityClassifier.DECODE_REQUEST).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("test fixture " + file + " does not decode: " + e.code(), e);
        }
    }

    /** Every fixture plus every drawn case: more than twenty varied benign images. */
    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String name : FIXTURES) {
            Path file = fixture(name);
            cases.add(new Case(name, read(file), ExifOrientation.TOP_LEFT, name.endsWith(".jpg") ? file : null));
        }
        BufferedImage landscape = landscape(640, 400, BufferedImage.TYPE_3BYTE_BGR);
        cases.add(new Case("landscape_bgr", landscape, ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("landscape_int_rgb", landscape(300, 220, BufferedImage.TYPE_INT_RGB), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("stored_rot90_exif6", storedForOrientation(landscape, ExifOrientation.RIGHT_TOP), ExifOrientation.RIGHT_TOP, null));
        cases.add(new Case("stored_rot180_exif3", storedForOrientation(landscape, ExifOrientation.BOTTOM_RIGHT), ExifOrientation.BOTTOM_RIGHT, null));
        cases.add(new Case("stored_transverse_exif7", storedForOrientation(landscape, ExifOrientation.RIGHT_BOTTOM), ExifOrientation.RIGHT_BOTTOM, null));
        cases.add(new Case("text_card", textCard(), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("noise", noise(320, 240, 7), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("colour_bars_panorama", colourBars(2000, 300), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("tall_gradient", tallGradient(300, 1500), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("tiny_7x5", noise(7, 5, 3), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("transparent_shapes", transparentShapes(BufferedImage.TYPE_INT_ARGB), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("translucent_abgr", transparentShapes(BufferedImage.TYPE_4BYTE_ABGR), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("grey_8bit", grey(BufferedImage.TYPE_BYTE_GRAY), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("grey_16bit", grey(BufferedImage.TYPE_USHORT_GRAY), ExifOrientation.TOP_LEFT, null));
        cases.add(new Case("palette", palette(), ExifOrientation.TOP_LEFT, null));
        return cases;
    }

    /** Sky, sun, hills and a house: smooth gradients with edges, asymmetric so orientation errors show. */
    static BufferedImage landscape(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 200), 0, height * 0.6f, new Color(170, 210, 250)));
        g.fillRect(0, 0, width, height);
        g.setPaint(new RadialGradientPaint(width * 0.8f, height * 0.2f, height * 0.15f, new float[] {0, 1},
                new Color[] {new Color(255, 250, 200), new Color(255, 200, 60)}));
        g.fillOval((int) (width * 0.7), (int) (height * 0.1), (int) (height * 0.2), (int) (height * 0.2));
        g.setColor(new Color(50, 140, 60));
        g.fillOval(-width / 4, height / 2, width, height);
        g.setColor(new Color(30, 110, 50));
        g.fillOval(width / 3, (int) (height * 0.6), width, height);
        g.setColor(new Color(150, 60, 40));
        g.fillRect(width / 8, height / 2, width / 6, height / 6);
        g.setColor(new Color(90, 30, 30));
        g.fillPolygon(new int[] {width / 8 - 10, width / 8 + width / 12, width / 8 + width / 6 + 10},
                new int[] {height / 2, height / 3, height / 2}, 3);
        g.dispose();
        return image;
    }

    /**
     * The image a camera stores when the picture must be shown with EXIF {@code orientation}: the upright picture
     * turned the opposite way, drawn with Java2D transforms independent of the classifier's own coordinate mapping.
     */
    static BufferedImage storedForOrientation(BufferedImage upright, ExifOrientation orientation) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        AffineTransform transform = new AffineTransform();
        boolean swap = orientation.swapsDimensions();
        switch (orientation.tagValue()) {
            case 2: transform.translate(w, 0); transform.scale(-1, 1); break;
            case 3: transform.translate(w, h); transform.rotate(Math.PI); break;
            case 4: transform.translate(0, h); transform.scale(1, -1); break;
            case 5: transform.rotate(-Math.PI / 2); transform.scale(-1, 1); break; // transpose: (x, y) -> (y, x)
            case 6: transform.translate(0, w); transform.rotate(-Math.PI / 2); break; // shown turned clockwise: store it turned counter-clockwise
            case 7: transform.translate(h, w); transform.rotate(Math.PI / 2); transform.scale(-1, 1); break;
            case 8: transform.translate(h, 0); transform.rotate(Math.PI / 2); break;
            default: break;
        }
        BufferedImage stored = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(upright, transform, null);
        g.dispose();
        return stored;
    }

    static BufferedImage textCard() {
        BufferedImage image = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 300);
        g.setColor(new Color(20, 20, 120));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.drawString("Vigil test card", 40, 120);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        g.drawString("nothing to see here: benign synthetic text", 40, 200);
        g.setStroke(new BasicStroke(6));
        g.drawRect(10, 10, 780, 280);
        g.dispose();
        return image;
    }

    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    static BufferedImage colourBars(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE, Color.BLACK};
        for (int i = 0; i < bars.length; i++) {
            g.setColor(bars[i]);
            g.fillRect(i * width / bars.length, 0, width / bars.length + 1, height);
        }
        g.dispose();
        return image;
    }

    static BufferedImage tallGradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(250, 120, 20), width, height, new Color(20, 60, 160)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Shapes over a fully transparent background, some half transparent: what stickers and logos look like. */
    static BufferedImage transparentShapes(int type) {
        BufferedImage image = new BufferedImage(400, 400, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 30, 30, 255));
        g.fillOval(40, 40, 200, 200);
        g.setColor(new Color(30, 30, 200, 128));
        g.fillRect(150, 150, 200, 200);
        g.setColor(new Color(20, 160, 20, 60));
        g.fillRect(0, 300, 400, 100);
        g.dispose();
        return image;
    }

    static BufferedImage grey(int type) {
        BufferedImage image = new BufferedImage(512, 384, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, 512, 384, Color.WHITE));
        g.fillRect(0, 0, 512, 384);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(100, 80, 200, 200);
        g.dispose();
        return image;
    }

    static BufferedImage palette() {
        byte[] r = new byte[16], gr = new byte[16], b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 17);
            gr[i] = (byte) (255 - i * 17);
            b[i] = (byte) ((i * 97) & 0xFF);
        }
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, gr, b));
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                image.getRaster().setSample(x, y, 0, ((x / 32) + (y / 32) * 3) % 16);
            }
        }
        return image;
    }
}
