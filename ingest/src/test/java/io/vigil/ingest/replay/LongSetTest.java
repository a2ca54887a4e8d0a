package io.vigil.ingest.replay;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongSetTest {

    @Test
    void behavesLikeASetOfLongsThroughGrowthAndIncludingZero() {
        LongSet set = new LongSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            long value = i % 7 == 0 ? random.nextInt(100) : random.nextLong();
            assertThat(set.add(value)).isEqualTo(reference.add(value));
        }
        assertThat(set.add(0L)).isEqualTo(reference.add(0L));
        assertThat(set.size()).isEqualTo(reference.size());
        for (long value : reference) {
            assertThat(set.contains(value)).isTrue();
        }
        assertThat(set.contains(123_456_789_123L)).isEqualTo(reference.contains(123_456_789_123L));
    }
}
