package io.vigil.detector.pdq;

import io.vigil.pdq.testing.RandomHashes;

import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqMatchOutcome;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.matching.PdqMatcher;
import io.vigil.pdq.matching.PdqVariantMatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.pdq.Dihedral;
import io.vigil.pdq.PdqHash;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.pdq.PdqHashes;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqMatcherTest {

    private final PdqHasher hasher = new PdqHasher();

    @Test
    void matchesTurnedReuploadsOnlyWhenDihedralsAreOn() {
        BufferedImage original = scene(400, 300);
        BufferedImage turned = rotateClockwise(original);
        try (PdqIndex index = new PdqIndex()) {
            int id = index.add(hasher.hash(original).hash());
            for (int i = 0; i < 1000; i++) {
                index.add(RandomHashes.random(new Random(i)));
            }
            PdqHashes upload = hasher.hashAllDihedrals(turned);

            PdqMatchOutcome plain = new PdqMatcher(index, PdqMatchPolicy.defaults()).match(upload);
            assertThat(plain.skipped()).isFalse();
            assertThat(plain.matches()).isEmpty();

            PdqMatchOutcome withDihedrals = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50)).match(upload);
            assertThat(withDihedrals.matches()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.distance()).isLessThanOrEqualTo(31);
                // the upload is the original turned clockwise, so undoing it is a counter-clockwise turn
                assertThat(m.variant()).isEqualTo(Dihedral.ROTATE_90);
            });
        }
    }

    @Test
    void skipsImagesBelowTheQualityFloorWithAReason() {
        BufferedImage flat = new BufferedImage(200, 200, BufferedImage.TYPE_3BYTE_BGR);
        try (PdqIndex index = new PdqIndex()) {
            PdqHashes hashes = hasher.hashAllDihedrals(flat);
            index.add(hashes.original()); // even an identical flat hash in a bank must not match
            PdqMatchOutcome outcome = new PdqMatcher(index, PdqMatchPolicy.defaults()).match(hashes);
            assertThat(outcome.skipped()).isTrue();
            assertThat(outcome.skipCode()).isEqualTo("pdq_quality_below_floor");
            assertThat(outcome.skipReason()).contains("quality 0").contains("floor of 50");
            assertThat(outcome.matches()).isEmpty();

            PdqMatchOutcome noFloor = new PdqMatcher(index, new PdqMatchPolicy(31, false, 0))
                    .match(new PdqHash(hashes.original(), 0));
            assertThat(noFloor.matches()).hasSize(1);
        }
    }

    @Test
    void reportsEveryEntryOnceWithItsNearestVariant() {
        PdqHashes hashes = hasher.hashAllDihedrals(scene(320, 320));
        try (PdqIndex index = new PdqIndex()) {
            int a = index.add(hashes.original());
            int b = index.add(hashes.get(Dihedral.FLIP_Y));
            int c = index.add(RandomHashes.near(hashes.original(), 20, new Random(3)));
            PdqMatchOutcome outcome = new PdqMatcher(index, new PdqMatchPolicy(31, true, 50)).match(hashes);
            assertThat(outcome.matches()).extracting(PdqVariantMatch::id).containsExactlyInAnyOrder(a, b, c);
            assertThat(outcome.matches().get(0).distance()).isZero();
            assertThat(outcome.matches()).filteredOn(m -> m.id() == b).singleElement()
                    .satisfies(m -> assertThat(m.variant()).isEqualTo(Dihedral.FLIP_Y));
        }
    }

    @Test
    void policyIsValidated() {
        assertThatThrownBy(() -> new PdqMatchPolicy(-1, false, 50)).hasMessageContaining("max-distance");
        assertThatThrownBy(() -> new PdqMatchPolicy(31, false, 101)).hasMessageContaining("quality-floor");
    }

    private static BufferedImage scene(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height / 2f, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        Random random = new Random(width);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 4, height / 5);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage rotateClockwise(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(h, w, image.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(h - 1 - y, x, image.getRGB(x, y));
            }
        }
        return out;
    }
}
