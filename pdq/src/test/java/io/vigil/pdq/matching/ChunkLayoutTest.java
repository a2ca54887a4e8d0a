package io.vigil.pdq.matching;

import io.vigil.pdq.testing.RandomHashes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.pdq.Hash256;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkLayoutTest {

    @Test
    void chunksTileAllBitsAndKeysAreTheBitsTheyCover() {
        Random random = new Random(1);
        for (int count = 11; count <= 64; count++) {
            ChunkLayout layout = ChunkLayout.even(count);
            int total = 0;
            for (int c = 0; c < count; c++) {
                total += layout.width(c);
            }
            assertThat(total).isEqualTo(256);
            for (int trial = 0; trial < 20; trial++) {
                Hash256 h = RandomHashes.random(random);
                long[] words = new long[4];
                h.copyWords(words, 0);
                int position = 0;
                for (int c = 0; c < count; c++) {
                    int expected = 0;
                    for (int b = 0; b < layout.width(c); b++, position++) {
                        // position 0 is the most significant bit of word 0, i.e. reference bit 255
                        expected = expected << 1 | (h.bit(255 - position) ? 1 : 0);
                    }
                    assertThat(layout.key(words, 0, c)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everyPlanSatisfiesThePigeonholeCondition() {
        for (int count = 11; count <= 64; count += 7) {
            ChunkLayout layout = ChunkLayout.even(count);
            for (int entries : new int[] {1_000, 100_000, 10_000_000}) {
                for (int radius = 0; radius <= 80; radius++) {
                    ProbePlan plan = layout.plan(radius, entries);
                    if (plan.isScan()) {
                        continue;
                    }
                    int units = 0;
                    for (int c = 0; c < count; c++) {
                        assertThat(plan.chunkRadius(c)).isBetween(-1, layout.width(c));
                        units += plan.chunkRadius(c) + 1;
                    }
                    assertThat(units).as("%s radius %d", layout, radius).isGreaterThanOrEqualTo(radius + 1);
                }
            }
        }
    }

    @Test
    void largeIndexesGetWideChunksWithinTheMemoryBudget() {
        ChunkLayout tenMillion = ChunkLayout.choose(10_000_000, 31, 96L * 10_000_000);
        assertThat(tenMillion).isNotNull();
        assertThat(tenMillion.count()).isBetween(11, 13);
        ChunkLayout tiny = ChunkLayout.choose(50, 31, 1 << 20);
        assertThat(tiny).as("50 entries are cheaper to scan").isNull();
    }

    @Test
    void binomials() {
        assertThat(ChunkLayout.binomial(23, 2)).isEqualTo(253);
        assertThat(ChunkLayout.binomial(24, 0)).isEqualTo(1);
        assertThat(ChunkLayout.binomial(5, 6)).isZero();
    }
}
