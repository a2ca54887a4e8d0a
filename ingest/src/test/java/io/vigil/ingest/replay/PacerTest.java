package io.vigil.ingest.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void atSpeedNTheGapsBetweenEventsShrinkNTimesCountedFromTheFirstEvent() {
        Pacer tenTimes = Pacer.atSpeed(10);

        assertThat(tenTimes.waitNanos(1_000_000, 0)).isZero();
        assertThat(tenTimes.waitNanos(1_000_000 + 60_000, 0)).as("a minute later, at 10x").isEqualTo(6 * SECOND);
        assertThat(tenTimes.waitNanos(1_000_000 + 60_000, 4 * SECOND)).as("the time spent writing counts").isEqualTo(2 * SECOND);
        assertThat(tenTimes.waitNanos(1_000_000 + 60_000, 7 * SECOND)).as("late: no wait").isZero();
    }

    @Test
    void asFastAsPossibleNeverWaitsAndASpeedMustBePositive() {
        Pacer fastest = Pacer.asFastAsPossible();

        assertThat(fastest.waitNanos(0, 0)).isZero();
        assertThat(fastest.waitNanos(86_400_000, 0)).isZero();
        assertThatThrownBy(() -> Pacer.atSpeed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pacer.atSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
