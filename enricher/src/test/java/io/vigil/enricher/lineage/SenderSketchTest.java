package io.vigil.enricher.lineage;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SenderSketchTest {

    private static long[] sketch(int from, int to) {
        long[] s = new long[0];
        for (int i = from; i < to; i++) {
            s = SenderSketch.add(s, "user-" + i);
        }
        return s;
    }

    @Test
    void belowKSendersTheSketchIsExact() {
        long[] a = sketch(0, 40);
        long[] c = sketch(25, 50);

        assertThat(SenderSketch.cardinality(a)).isEqualTo(40);
        assertThat(SenderSketch.intersection(a, c)).isEqualTo(15);
        assertThat(SenderSketch.overlap(a, c)).isCloseTo(15 / 25.0, within(1e-9));
    }

    @Test
    void aSenderSeenAgainChangesNothing() {
        long[] a = sketch(0, 10);
        assertThat(SenderSketch.add(a, "user-3")).isSameAs(a);
    }

    @Test
    void largeChatsAreEstimatedWithinTheBottomKError() {
        long[] a = sketch(0, 4_000);
        long[] c = sketch(2_000, 6_000);

        assertThat(SenderSketch.cardinality(a)).isCloseTo(4_000, within(4_000 * 0.4));
        // true intersection 2,000, overlap 0.5; 1/sqrt(64) = 12.5% standard error, asserted at about 3 of them
        assertThat(SenderSketch.intersection(a, c)).isCloseTo(2_000, within(2_000 * 0.6));
        assertThat(SenderSketch.overlap(a, c)).isCloseTo(0.5, within(0.25));
        assertThat(a).hasSize(SenderSketch.K);
    }

    @Test
    void unrelatedChatsShareAlmostNothing() {
        assertThat(SenderSketch.overlap(sketch(0, 3_000), sketch(10_000, 13_000))).isLessThan(0.05);
        assertThat(IntStream.range(0, 1).mapToDouble(i -> SenderSketch.intersection(new long[0], sketch(0, 5))).sum()).isZero();
    }
}
