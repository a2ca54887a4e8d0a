package io.vigil.pdq.testing;

import io.vigil.pdq.Hash256;
import java.util.Random;

/** Random hashes and planted near-duplicates for index and clustering tests (shared as the test jar). */
public final class RandomHashes {

    private RandomHashes() {
    }

    public static Hash256 random(Random random) {
        return Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** {@code base} with exactly {@code distance} distinct bits flipped. */
    public static Hash256 near(Hash256 base, int distance, Random random) {
        int[] positions = new int[256];
        for (int i = 0; i < 256; i++) {
            positions[i] = i;
        }
        Hash256 h = base;
        for (int i = 0; i < distance; i++) {
            int j = i + random.nextInt(256 - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
            h = h.withBitFlipped(positions[i]);
        }
        return h;
    }
}
