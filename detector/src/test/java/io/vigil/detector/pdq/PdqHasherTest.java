package io.vigil.detector.pdq;

import io.vigil.pdq.Hash256;
import io.vigil.pdq.Dihedral;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHasherTest {

    private final PdqHasher hasher = new PdqHasher();

    @Test
    void flatImagesHaveQualityZero() {
        BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(120, 130, 140));
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        assertThat(hasher.hash(flat).quality()).isZero();
    }

    @Test
    void texturedImagesHaveFullQualityAndHalfTheBitsSet() {
        PdqHash hash = hasher.hash(scene(640, 480, 11));
        assertThat(hash.quality()).isEqualTo(100);
        // bits are "above the median" of 256 coefficients: 128 of them unless values tie
        assertThat(hash.hash().bitCount()).isEqualTo(128);
    }

    @Test
    void tinyAndExtremeShapesHash() {
        // a 200000x2 strip: accumulators are recycled per finished grid row, not kept for all 64
        for (int[] size : new int[][] {{1, 1}, {2, 3}, {1, 500}, {500, 1}, {63, 64}, {200_000, 2}}) {
            PdqHash hash = hasher.hash(scene(size[0], size[1], 5));
            assertThat(hash.quality()).isBetween(0, 100);
        }
    }

    @Test
    void dihedralVariantsMatchHashesOfTransformedPixels() {
        // The variant derived from the DCT is what hashing the turned pixels would give if PDQ's sampling grid and
        // box windows were symmetric; they are off by one pixel under a mirror (the reference's too), so the two
        // differ by a few bits. What matters: the right variant is the nearest by far and within the threshold.
        BufferedImage image = scene(512, 512, 3);
        PdqHashes hashes = hasher.hashAllDihedrals(image);
        // the reference names variants by what happens to the image: rot90 is counter-clockwise, flipx mirrors
        // top and bottom, flip_plus1 is the transpose
        assertClose(hashes.get(Dihedral.ROTATE_90), transform(image, (x, y) -> new int[] {y, n(image) - 1 - x}));
        assertClose(hashes.get(Dihedral.ROTATE_180), transform(image, (x, y) -> new int[] {n(image) - 1 - x, n(image) - 1 - y}));
        assertClose(hashes.get(Dihedral.ROTATE_270), transform(image, (x, y) -> new int[] {n(image) - 1 - y, x}));
        assertClose(hashes.get(Dihedral.FLIP_X), transform(image, (x, y) -> new int[] {x, n(image) - 1 - y}));
        assertClose(hashes.get(Dihedral.FLIP_Y), transform(image, (x, y) -> new int[] {n(image) - 1 - x, y}));
        assertClose(hashes.get(Dihedral.FLIP_PLUS_1), transform(image, (x, y) -> new int[] {y, x}));
        assertClose(hashes.get(Dihedral.FLIP_MINUS_1), transform(image, (x, y) -> new int[] {n(image) - 1 - y, n(image) - 1 - x}));
    }

    private static int n(BufferedImage square) {
        return square.getWidth();
    }

    interface PixelMove {
        int[] target(int x, int y);
    }

    private void assertClose(Hash256 variant, BufferedImage transformed) {
        Hash256 direct = hasher.hash(transformed).hash();
        assertThat(variant.distance(direct)).isLessThanOrEqualTo(20);
        PdqHashes all = hasher.hashAllDihedrals(transformed);
        for (Dihedral other : Dihedral.values()) {
            if (!all.get(other).equals(direct)) {
                assertThat(variant.distance(all.get(other))).isGreaterThan(60);
            }
        }
    }

    private static BufferedImage transform(BufferedImage square, PixelMove move) {
        BufferedImage out = new BufferedImage(square.getWidth(), square.getHeight(), square.getType());
        for (int y = 0; y < square.getHeight(); y++) {
            for (int x = 0; x < square.getWidth(); x++) {
                int[] t = move.target(x, y);
                out.setRGB(t[0], t[1], square.getRGB(x, y));
            }
        }
        return out;
    }

    /** A synthetic, asymmetric scene: gradients plus random shapes. */
    static BufferedImage scene(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(seed);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.DARK_GRAY, width, height / 3f, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            int x = random.nextInt(Math.max(1, width));
            int y = random.nextInt(Math.max(1, height));
            g.fillOval(x, y, 1 + random.nextInt(Math.max(1, width / 3)), 1 + random.nextInt(Math.max(1, height / 3)));
        }
        g.dispose();
        return image;
    }
}
